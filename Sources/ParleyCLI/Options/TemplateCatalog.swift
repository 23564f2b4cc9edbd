import ReplyTemplates

/// The JSON of `parley template list --format json`: every variant's front matter, without bodies.
struct TemplateCatalog: Encodable {
    var version = 1
    var templates: [Entry]

    init(templates: [ReplyTemplate]) {
        self.templates = templates.map { Entry(template: $0) }
    }

    /// A template's front matter and file; the body is left to `template show`.
    struct Entry: Encodable {
        let template: ReplyTemplate

        enum CodingKeys: String, CodingKey {
            case id, title, category, when, language, subject, variables, file
            case messageType = "message_type"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(template.id, forKey: .id)
            try container.encode(template.title, forKey: .title)
            try container.encode(template.category, forKey: .category)
            try container.encode(template.when, forKey: .when)
            try container.encode(template.language, forKey: .language)
            try container.encode(template.messageType, forKey: .messageType)
            try container.encode(template.subjectSource, forKey: .subject)
            try container.encode(template.variables, forKey: .variables)
            try container.encode(template.location.file, forKey: .file)
        }
    }
}

/// The JSON of `parley template show --format json`: the variant's front matter, body and file,
/// plus the languages the template is written in.
struct TemplateDocument: Encodable {
    var version = 1
    let template: ReplyTemplate
    let variants: [String]

    enum CodingKeys: String, CodingKey { case version, variants }

    func encode(to encoder: any Encoder) throws {
        try template.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(variants, forKey: .variants)
    }
}
