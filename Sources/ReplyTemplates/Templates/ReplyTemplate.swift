public import MessageLint
public import Mustache

/// One template file in one language: its front matter and its compiled subject and body.
/// Templates are built only by `TemplateLibrary`, which has checked every key, every value and
/// every Mustache tag; `variables` lists exactly the names the subject and body use.
public struct ReplyTemplate: Sendable {
    public let id: String
    public let title: String
    public let category: TemplateCategory
    /// The situation the template answers.
    public let when: String
    public let language: LanguageTag
    /// What the message is sent as; its rules and length limit apply to the filled text.
    public let messageType: MessageType
    public let variables: [TemplateVariable]
    /// The subject and body as written (Mustache source, without the TEXT pragma the loader adds).
    public let subjectSource: String
    public let bodySource: String
    /// The file, relative to the working directory when below it, and where the front matter starts.
    public let location: SourceLocation
    /// Compiled with `{{%CONTENT_TYPE: TEXT}}` first, so values are never HTML-escaped.
    public let subject: MustacheTemplate
    public let body: MustacheTemplate

    init(
        id: String, title: String, category: TemplateCategory, when: String, language: LanguageTag, messageType: MessageType,
        variables: [TemplateVariable], subjectSource: String, bodySource: String, location: SourceLocation,
        subject: MustacheTemplate, body: MustacheTemplate
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.when = when
        self.language = language
        self.messageType = messageType
        self.variables = variables
        self.subjectSource = subjectSource
        self.bodySource = bodySource
        self.location = location
        self.subject = subject
        self.body = body
    }

    /// `return-authorised (en-GB)`: how errors and notes name one variant.
    public var name: String { "\(id) (\(language))" }

    public func variable(named name: String) -> TemplateVariable? { variables.first { $0.name == name } }

    /// Every variable's example: the values the tests fill in.
    public var exampleValues: [String: String] {
        Dictionary(uniqueKeysWithValues: variables.map { ($0.name, $0.example) })
    }

    /// The subject and body for these values, without any check: a name not in `values` renders as
    /// nothing, and an empty value leaves its `{{#name}}` section out. `TemplateFiller` checks first.
    public func render(_ values: [String: String]) -> (subject: String, body: String) {
        let present = values.filter { !$0.value.isEmpty }
        return (
            TextLayout.subjectLine(subject.render(present)),
            TextLayout.messageBody(body.render(present))
        )
    }
}

extension ReplyTemplate: Encodable {
    enum CodingKeys: String, CodingKey {
        case id, title, category, when, language, subject, variables, body, file
        case messageType = "message_type"
    }

    /// The front matter (variables included), the body source and the file.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(category, forKey: .category)
        try container.encode(when, forKey: .when)
        try container.encode(language, forKey: .language)
        try container.encode(messageType, forKey: .messageType)
        try container.encode(subjectSource, forKey: .subject)
        try container.encode(variables, forKey: .variables)
        try container.encode(bodySource, forKey: .body)
        try container.encode(location.file, forKey: .file)
    }
}
