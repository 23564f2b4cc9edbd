import MessageLint
import Mustache
import Yams

/// Turns one template file into a `ReplyTemplate`, checking every front-matter key and value,
/// every Mustache tag, and that the variables used are exactly the variables declared.
struct TemplateParser {
    static let frontMatterKeys = ["id", "title", "category", "when", "language", "subject", "message_type", "variables"]
    static let variableKeys = ["name", "description", "required", "default", "example", "format"]
    /// Operations whose request has no text field (POLICY.md §5.2): nothing for a template to fill.
    static let textlessMessageTypes = ["createLegalDisclosure", "CreateWarranty", "sendInvoice"]
    /// Prepended to the subject and the body: Mustache escapes HTML by default (`&` → `&amp;`), and
    /// buyer messages are plain text. The pragma is a standalone line, so it adds no blank line.
    static let textPragma = "{{%CONTENT_TYPE: TEXT}}\n"

    let file: String

    /// Parses a template's text. `folder` and `fileName` are checked against the category, id and
    /// language when given (the library passes them; a template parsed from a string has neither).
    func parse(_ contents: String, folder: String? = nil, fileName: String? = nil) throws(TemplateLoadingError) -> ReplyTemplate {
        let parts = try FrontMatter(file: file, contents: contents)
        // "---\n---" composes to nothing or to an empty scalar, depending on the parser.
        guard let root = try YAMLFields.compose(parts.yaml, file: file), root.scalar?.string.isEmpty != true else {
            throw TemplateLoadingError(location: SourceLocation(file: file, line: 1, column: 1), message: "the front matter is empty")
        }
        // Read the id first so every later error can name the template.
        let id = root["id"]?.scalar?.string
        let fields = try YAMLFields(root, file: file, what: "the front matter", allowedKeys: Self.frontMatterKeys, templateID: id)
        let checkedID = try fields.requiredString("id")
        guard Self.isTemplateID(checkedID) else {
            throw fields.fail("id", "template id '\(checkedID)' must be lower-case words joined by hyphens, such as return-authorised")
        }
        let title = try fields.requiredString("title")
        let category = try fields.enumValue("category", as: TemplateCategory.self, what: "category")
        let when = try fields.requiredString("when")
        let languageText = try fields.requiredString("language")
        guard let language = LanguageTag(languageText) else {
            throw fields.fail(
                "language", "language '\(languageText)' is not a BCP 47 tag such as en-US or en-GB (language lower case, region upper case)"
            )
        }
        let messageType = try messageType(fields)
        let subjectSource = try fields.requiredString("subject")
        let variables = try parseVariables(fields)

        if let folder, folder != category.rawValue {
            throw fields.fail("category", "category '\(category.rawValue)' does not match the folder '\(folder)/' the file is in")
        }
        let expectedName = "\(checkedID).\(language).mustache"
        if let fileName, fileName != expectedName {
            throw fields.fail("id", "the file of template '\(checkedID)' in \(language) must be named \(expectedName), not \(fileName)")
        }

        guard !parts.body.trimmingWhitespace.isEmpty else {
            throw TemplateLoadingError(
                location: SourceLocation(file: file, line: parts.bodyLine, column: 1), templateID: fields.templateID,
                message: "the template has no body after its front matter")
        }
        let subjectPlace = subjectPosition(fields)
        let bodyPlace: Position = { line, column in (parts.bodyLine + line - 1, column) }
        let subjectTags = try tags(of: subjectSource, fields: fields, at: subjectPlace)
        let bodyTags = try tags(of: parts.body, fields: fields, at: bodyPlace)
        try checkUsage([(subjectTags, subjectPlace), (bodyTags, bodyPlace)], variables: variables, fields: fields)
        let subject = try compile(subjectSource, fields: fields, at: subjectPlace)
        let body = try compile(parts.body, fields: fields, at: bodyPlace)
        return ReplyTemplate(
            id: checkedID, title: title, category: category, when: when, language: language, messageType: messageType,
            variables: variables, subjectSource: subjectSource, bodySource: parts.body, location: fields.location(nil),
            subject: subject, body: body)
    }

    static func isTemplateID(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0.isASCIIDigit } }
    }

    private func messageType(_ fields: YAMLFields) throws(TemplateLoadingError) -> MessageType {
        let name = try fields.requiredString("message_type")
        guard let type = MessageType(name) else {
            throw fields.fail(
                "message_type", "unknown message type '\(name)' (expected \(MessageType.all.map(\.name).joined(separator: ", ")))")
        }
        guard !Self.textlessMessageTypes.contains(type.name) else {
            throw fields.fail("message_type", "message type '\(type.name)' sends no text (POLICY.md §5.2), so it cannot carry a template")
        }
        return type
    }

    // MARK: Variables

    private func parseVariables(_ fields: YAMLFields) throws(TemplateLoadingError) -> [TemplateVariable] {
        guard let node = fields.node("variables") else { return [] }
        guard case let .sequence(items) = node else {
            throw fields.fail(
                "variables", "'variables' must be a list of variables (name, description, required or default, example, format)")
        }
        var variables: [TemplateVariable] = []
        for item in items {
            let variable = try parseVariable(item, templateID: fields.templateID)
            if let first = variables.first(where: { $0.name == variable.name }) {
                throw TemplateLoadingError(
                    location: variable.location, templateID: fields.templateID,
                    message: "variable '\(variable.name)' is declared twice (first at \(first.location.line):\(first.location.column))")
            }
            variables.append(variable)
        }
        return variables
    }

    private func parseVariable(_ node: Node, templateID: String?) throws(TemplateLoadingError) -> TemplateVariable {
        let fields = try YAMLFields(node, file: file, what: "a variable", allowedKeys: Self.variableKeys, templateID: templateID)
        let name = try fields.requiredString("name")
        guard MustacheTags.isVariableName(name) else {
            throw fields.fail("name", "variable name '\(name)' must be lower_snake_case, such as order_id")
        }
        let description = try fields.requiredString("description")
        let formatName = try fields.requiredString("format")
        guard let format = VariableFormat(rawValue: formatName) else {
            throw fields.fail(
                "format",
                "unknown format '\(formatName)' for variable '\(name)' (expected \(YAMLFields.list(VariableFormat.allCases.map(\.rawValue))))"
            )
        }
        guard let example = try fields.string("example") else {
            throw fields.fail(nil, "variable '\(name)' needs an 'example' value (the tests fill every template with its examples)")
        }
        guard format.accepts(example) else {
            throw fields.fail("example", "example '\(example)' of variable '\(name)' is not \(format.expectation)")
        }
        let required = try fields.bool("required")
        let defaultValue = try fields.string("default")
        switch (required, defaultValue) {
        case (true, .some):
            throw fields.fail("default", "variable '\(name)' is required and has a default; keep one")
        case (false, .none), (.none, .none):
            throw fields.fail(
                nil, "variable '\(name)' needs 'required: true' or a 'default' (\"\" leaves its optional sections out)")
        default:
            break
        }
        if let defaultValue, !defaultValue.isEmpty, !format.accepts(defaultValue) {
            throw fields.fail("default", "default '\(defaultValue)' of variable '\(name)' is not \(format.expectation)")
        }
        return TemplateVariable(
            name: name, description: description, required: required == true, defaultValue: defaultValue, example: example,
            format: format, location: fields.location("name"))
    }

    // MARK: Mustache

    /// Maps a (line, column) inside a subject or body to the file's line and column.
    typealias Position = (Int, Int) -> (line: Int, column: Int)

    /// A one-line subject maps column by column (after an opening quote); a folded one maps to its start.
    private func subjectPosition(_ fields: YAMLFields) -> Position {
        let start = fields.location("subject")
        guard case let .scalar(scalar)? = fields.node("subject"), !scalar.string.contains("\n") else {
            return { _, _ in (start.line, start.column) }
        }
        let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        return { _, column in (start.line, start.column + quote + column - 1) }
    }

    private func tags(of source: String, fields: YAMLFields, at position: Position) throws(TemplateLoadingError) -> MustacheTags {
        do {
            return try MustacheTags(source)
        } catch {
            let place = position(error.line, error.column)
            throw TemplateLoadingError(
                location: SourceLocation(file: file, line: place.line, column: place.column), templateID: fields.templateID,
                message: error.message)
        }
    }

    /// Mustache renders an undeclared name as "" and a declared value nobody uses would be dropped
    /// without a word, so both stop loading.
    private func checkUsage(
        _ parts: [(tags: MustacheTags, position: Position)], variables: [TemplateVariable], fields: YAMLFields
    ) throws(TemplateLoadingError) {
        let declared = Set(variables.map(\.name))
        for (tags, position) in parts {
            for tag in tags.tags where tag.kind != .comment && !declared.contains(tag.name) {
                let place = position(tag.line, tag.column)
                throw TemplateLoadingError(
                    location: SourceLocation(file: file, line: place.line, column: place.column), templateID: fields.templateID,
                    message: "variable '\(tag.name)' is used but not declared under 'variables'")
            }
        }
        let used = Set(parts.flatMap(\.tags.names))
        if let unused = variables.first(where: { !used.contains($0.name) }) {
            throw TemplateLoadingError(
                location: unused.location, templateID: fields.templateID,
                message: "variable '\(unused.name)' is declared but used in neither the subject nor the body")
        }
    }

    private func compile(_ source: String, fields: YAMLFields, at position: Position) throws(TemplateLoadingError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: Self.textPragma + source)
        } catch let error as MustacheTemplate.ParserError {
            // Line 1 of what Mustache saw is the pragma.
            let place = position(max(1, error.context.lineNumber - 1), error.context.columnNumber)
            throw TemplateLoadingError(
                location: SourceLocation(file: file, line: place.line, column: place.column), templateID: fields.templateID,
                message: "Mustache cannot parse this: \(Self.describe(error.error))")
        } catch {
            throw TemplateLoadingError(location: fields.location(nil), templateID: fields.templateID, message: "Mustache: \(error)")
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag does not match its section"
        case .unfinishedName: return "a tag is not finished"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "a delimiter change is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "template inheritance is malformed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "a pragma is malformed"
        }
    }
}
