public import MessageLint

/// One value a template needs, as declared in its front matter. A variable is either required or
/// has a default (which may be "" to leave an optional `{{#name}}…{{/name}}` section out).
public struct TemplateVariable: Sendable, Hashable, Encodable {
    /// lower_snake_case, as used in the body: `{{order_id}}`.
    public var name: String
    public var description: String
    public var required: Bool
    /// The value used when none is given; nil exactly when `required`.
    public var defaultValue: String?
    /// A realistic value: every template must render and lint clean with its examples.
    public var example: String
    public var format: VariableFormat
    /// Where the variable is declared (its `name:` value), for errors; not part of the JSON.
    public var location: SourceLocation

    public init(
        name: String, description: String, required: Bool, defaultValue: String?, example: String, format: VariableFormat,
        location: SourceLocation
    ) {
        self.name = name
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.example = example
        self.format = format
        self.location = location
    }

    /// Whether two declarations ask for the same thing (language variants must agree on this).
    public func isInterchangeable(with other: TemplateVariable) -> Bool {
        name == other.name && required == other.required && format == other.format
    }

    enum CodingKeys: String, CodingKey {
        case name, description, required, example, format
        case defaultValue = "default"
    }

    // `default` is always present in JSON (null for a required variable) so the shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(required, forKey: .required)
        try container.encode(defaultValue, forKey: .defaultValue)
        try container.encode(example, forKey: .example)
        try container.encode(format, forKey: .format)
    }
}
