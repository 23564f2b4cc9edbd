public import MessageLint

/// Fills templates and lints the result: the one entry point the CLI and the server call.
public struct TemplateFiller: Sendable {
    public let library: TemplateLibrary
    /// The full rule pack at the command line; the filled text is linted as the template's message type.
    public let linter: Linter

    public init(library: TemplateLibrary, linter: Linter) {
        self.library = library
        self.linter = linter
    }

    /// Fills the variant of `id` for `language` with `values`, renders it as plain text and lints it.
    ///
    /// Mustache renders a missing or misspelt name as "", so every value is checked first: a name
    /// the template does not declare (given explicitly or in the values file; thread values the
    /// template does not use are ignored), a required variable without a value, and a value of the
    /// wrong format are errors naming the variable. Findings are not errors: they are returned,
    /// and `FilledReply.passed` says whether the text may be sent.
    public func fill(_ id: String, values: TemplateValues, language: LanguageTag? = nil) throws(TemplateFillError) -> FilledReply {
        let choice = try library.choose(id, language: language)
        let template = choice.template
        let declared = template.variables.map(\.name)
        for source in [ValueSource.explicit, .file] {
            let unknown = values.values(from: source).keys.filter { !declared.contains($0) }.sorted()
            guard unknown.isEmpty else {
                throw .unknownVariables(template: id, names: unknown, source: source, declared: declared)
            }
        }
        var filled: [String: String] = [:]
        var sources: [String: ValueSource] = [:]
        var missing: [String] = []
        for variable in template.variables {
            if let (value, source) = values.value(for: variable.name) {
                guard variable.format.accepts(value) else {
                    throw .badFormat(template: id, variable: variable.name, value: value, format: variable.format, source: source)
                }
                filled[variable.name] = value
                sources[variable.name] = source
            } else if let defaultValue = variable.defaultValue {
                filled[variable.name] = defaultValue
            } else {
                missing.append(variable.name)
            }
        }
        guard missing.isEmpty else { throw .missingValues(template: id, variables: missing) }
        let text = template.render(filled)
        let draft = Draft(subject: text.subject, body: text.body, messageType: template.messageType)
        return FilledReply(
            templateID: id, language: template.language, requestedLanguage: choice.requested, languageMatch: choice.match,
            languageNote: choice.note, messageType: template.messageType, subject: text.subject, body: text.body, values: filled,
            sources: sources, findings: linter.lint(draft))
    }
}
