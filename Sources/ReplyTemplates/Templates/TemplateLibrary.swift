public import Foundation
import MessageLint

/// Every template of a folder, checked as a whole: each file parses (front matter, variables,
/// Mustache tags), no id has two files in one language, and an id's language variants agree on
/// their variables, category and message type. Loading stops at the first problem with its
/// `file:line:column`; a missing or empty folder is an error, never an empty library.
public struct TemplateLibrary: Sendable {
    /// Sorted by id, then language.
    public let templates: [ReplyTemplate]

    /// Loads `directory` and its subfolders: `<category>/<id>.<language>.mustache`. Hidden files and
    /// Markdown (`README.md`) are skipped; any other file is an error rather than a template ignored
    /// because of a typo in its extension.
    public init(directory: URL) throws(TemplateLoadingError) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw TemplateLoadingError(
                location: SourceLocation(file: directory.path, line: 0, column: 0), message: "no templates folder here")
        }
        let paths = (fileManager.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []).sorted()
        var templates: [ReplyTemplate] = []
        for path in paths {
            let components = path.split(separator: "/").map(String.init)
            guard let fileName = components.last, !components.contains(where: { $0.hasPrefix(".") }) else { continue }
            let url = components.reduce(directory) { $0.appendingPathComponent($1) }
            let file = Self.displayPath(url)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            if fileName.lowercased().hasSuffix(".md") { continue }
            guard fileName.hasSuffix(".mustache") else {
                throw TemplateLoadingError(
                    location: SourceLocation(file: file, line: 0, column: 0),
                    message: "not a template (template files end in .mustache; see templates/README.md)")
            }
            guard components.count >= 2 else {
                throw TemplateLoadingError(
                    location: SourceLocation(file: file, line: 0, column: 0),
                    message: "a template belongs in its category's folder: <category>/\(fileName)")
            }
            guard let data = fileManager.contents(atPath: url.path), let contents = String(data: data, encoding: .utf8) else {
                throw TemplateLoadingError(
                    location: SourceLocation(file: file, line: 0, column: 0), message: "cannot read (UTF-8 text expected)")
            }
            templates.append(try TemplateParser(file: file).parse(contents, folder: components[0], fileName: fileName))
        }
        guard !templates.isEmpty else {
            throw TemplateLoadingError(
                location: SourceLocation(file: directory.path, line: 0, column: 0), message: "no templates (*.mustache) in this folder")
        }
        try self.init(templates: templates)
    }

    /// A library of templates already parsed, with the checks across files.
    public init(templates: [ReplyTemplate]) throws(TemplateLoadingError) {
        var byID: [String: [ReplyTemplate]] = [:]
        for template in templates {
            let variants = byID[template.id, default: []]
            if let first = variants.first(where: { $0.language == template.language }) {
                throw TemplateLoadingError(
                    location: template.location, templateID: template.id,
                    message: "a second \(template.language) template (first defined at \(first.location))")
            }
            if let first = variants.first { try Self.checkVariant(template, against: first) }
            byID[template.id, default: []].append(template)
        }
        self.templates = templates.sorted { ($0.id, $0.language.rawValue) < ($1.id, $1.language.rawValue) }
    }

    /// Parses one template from text (the checks across files are `init(templates:)`'s).
    public static func parse(_ contents: String, file: String) throws(TemplateLoadingError) -> ReplyTemplate {
        try TemplateParser(file: file).parse(contents)
    }

    /// The template ids, sorted.
    public var ids: [String] {
        var seen: Set<String> = []
        return templates.map(\.id).filter { seen.insert($0).inserted }
    }

    /// The language variants of one template, sorted by language; empty for an unknown id.
    public func variants(of id: String) -> [ReplyTemplate] {
        templates.filter { $0.id == id }
    }

    /// Language variants answer the same situation with the same values: a value that fits one
    /// variant must fit the one the buyer's language picks.
    private static func checkVariant(_ template: ReplyTemplate, against first: ReplyTemplate) throws(TemplateLoadingError) {
        func fail(_ location: SourceLocation, _ message: String) -> TemplateLoadingError {
            TemplateLoadingError(location: location, templateID: template.id, message: message + " (\(first.location.file))")
        }
        let other = "the \(first.language) variant"
        if template.category != first.category {
            throw fail(template.location, "category '\(template.category.rawValue)' differs from \(other)'s '\(first.category.rawValue)'")
        }
        if template.messageType != first.messageType {
            throw fail(template.location, "message type '\(template.messageType)' differs from \(other)'s '\(first.messageType)'")
        }
        for variable in template.variables {
            guard let match = first.variable(named: variable.name) else {
                throw fail(variable.location, "variable '\(variable.name)' is not declared in \(other)")
            }
            guard variable.isInterchangeable(with: match) else {
                throw fail(
                    variable.location,
                    "variable '\(variable.name)' is \(variable.summary) here but \(match.summary) in \(other)")
            }
        }
        if let missing = first.variables.first(where: { template.variable(named: $0.name) == nil }) {
            throw fail(template.location, "variable '\(missing.name)' of \(other) is not declared here")
        }
    }

    /// Paths are reported relative to the working directory when below it, as compilers do.
    static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

extension TemplateVariable {
    /// `required order-id` or `optional text`, for the variant check.
    var summary: String { "\(required ? "required" : "optional") \(format.rawValue)" }
}
