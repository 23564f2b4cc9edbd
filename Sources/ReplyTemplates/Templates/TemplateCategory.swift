/// The situation family a template belongs to; also the folder it lives in (`templates/<category>/`).
public enum TemplateCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case returns, feedback, delivery, order, customisation, other
}
