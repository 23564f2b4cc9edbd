/// A node of a message's MIME tree.
///
/// A leaf keeps its body still transfer-encoded (`decodedBody` decodes it); a `multipart/*` node has
/// `children`; a `message/rfc822` node has the attached message in `embedded`. A part without a
/// `Content-Type` is `text/plain` (RFC 2045 §5.2), or `message/rfc822` inside `multipart/digest`.
public struct MIMEPart: Sendable {
    public var headers: MessageHeaders
    /// `type/subtype`, lower-cased.
    public var contentType: String
    public var contentTypeParameters: [String: String]
    public var disposition: String?
    public var dispositionParameters: [String: String]
    public var transferEncoding: ContentTransferEncoding
    /// The body as written (transfer-encoded) for leaves; empty for multiparts.
    public var rawBody: [UInt8]
    public var children: [MIMEPart]
    public var embedded: EmbeddedMessage?

    /// A `message/rfc822` attachment: the inner message's headers and MIME tree.
    public final class EmbeddedMessage: Sendable {
        public let headers: MessageHeaders
        public let root: MIMEPart
        /// The size of the attached message as carried (after transfer decoding).
        public let byteCount: Int

        init(headers: MessageHeaders, root: MIMEPart, byteCount: Int) {
            self.headers = headers
            self.root = root
            self.byteCount = byteCount
        }
    }

    public var isMultipart: Bool { contentType.hasPrefix("multipart/") }
    public var charset: String? { contentTypeParameters["charset"] }

    public var decodedBody: [UInt8] { transferEncoding.decode(rawBody) }

    /// The attachment's file name: `filename` of the disposition, else `name` of the content type,
    /// else the last path component of `Content-Location` (Apple Mail's inline images).
    public var fileName: String? {
        var name = dispositionParameters["filename"] ?? contentTypeParameters["name"]
        if name == nil, let location = headers["Content-Location"]?.text {
            let last = location.split(separator: "/").last.map(String.init) ?? ""
            name = last.isEmpty ? nil : last
        }
        guard let name else { return nil }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Nesting deeper than this is read as an opaque leaf: real mail nests a handful of levels, and
    /// hostile mail must not exhaust the stack.
    static let maximumDepth = 40

    /// Parses a message body as the root part described by `headers`.
    public init(headers: MessageHeaders, body: [UInt8], defaultType: String = "text/plain") {
        self.init(headers: headers, body: body, defaultType: defaultType, depth: 0)
    }

    init(headers: MessageHeaders, body: [UInt8], defaultType: String, depth: Int) {
        self.headers = headers
        let typeField = HeaderParameters.parse(headers["Content-Type"]?.rawValue ?? "")
        var type = typeField.value
        // `text`, `text/`, garbage: keep a usable type.
        if !type.contains("/") || type.hasSuffix("/") || type.hasPrefix("/") { type = defaultType }
        self.contentType = type
        self.contentTypeParameters = typeField.parameters
        if let dispositionField = headers["Content-Disposition"] {
            let parsed = HeaderParameters.parse(dispositionField.rawValue)
            self.disposition = parsed.value.isEmpty ? nil : parsed.value
            self.dispositionParameters = parsed.parameters
        } else {
            self.disposition = nil
            self.dispositionParameters = [:]
        }
        self.transferEncoding = ContentTransferEncoding(headerValue: headers["Content-Transfer-Encoding"]?.rawValue)
        self.rawBody = []
        self.children = []
        self.embedded = nil

        if type.hasPrefix("multipart/"), depth < Self.maximumDepth,
            let boundary = typeField["boundary"], !boundary.isEmpty,
            let bodies = Self.split(body, boundary: boundary)
        {
            let childDefault = type == "multipart/digest" ? "message/rfc822" : "text/plain"
            children = bodies.map { range in
                let message = RFC5322Message(bytes: Array(body[range]))
                return MIMEPart(headers: message.headers, body: message.body, defaultType: childDefault, depth: depth + 1)
            }
            return
        }
        if type.hasPrefix("multipart/") {
            // No boundary, or it never occurs: keep the body as text so nothing is lost.
            self.contentType = "text/plain"
        }
        if type == "message/rfc822", depth < Self.maximumDepth {
            let decoded = transferEncoding.decode(body)
            let inner = RFC5322Message(bytes: decoded)
            let root = MIMEPart(headers: inner.headers, body: inner.body, defaultType: "text/plain", depth: depth + 1)
            self.embedded = EmbeddedMessage(headers: inner.headers, root: root, byteCount: decoded.count)
        }
        self.rawBody = body
    }

    /// The byte ranges of the body parts between `--boundary` lines, or nil when the boundary never
    /// appears. A delimiter line is `--boundary` followed only by white space, or by `--` (the close);
    /// a line that merely starts with the boundary (`--abc_alt` for `abc`) is content.
    static func split(_ body: [UInt8], boundary: String) -> [Range<Int>]? {
        let delimiter = [UInt8]("--".utf8) + Array(boundary.utf8)
        var parts: [Range<Int>] = []
        var partStart: Int?
        var found = false
        var lineStart = 0
        while lineStart < body.count {
            var lineEnd = lineStart
            while lineEnd < body.count, body[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, body.count)
            if body[lineStart] == 0x2D, body.hasBytes(delimiter, at: lineStart) {
                var rest = lineStart + delimiter.count
                var isClose = false
                if body.hasBytes([0x2D, 0x2D], at: rest) {
                    isClose = true
                    rest += 2
                }
                var onlySpace = true
                for index in rest..<lineEnd where !(body[index] == 0x20 || body[index] == 0x09 || body[index] == 0x0D) {
                    onlySpace = false
                    break
                }
                if onlySpace {
                    found = true
                    if let start = partStart {
                        // The line break before the delimiter belongs to the delimiter.
                        var end = lineStart
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(start..<max(start, end))
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            lineStart = next
        }
        guard found else { return nil }
        // No closing delimiter: the last part runs to the end.
        if let start = partStart, start <= body.count { parts.append(start..<body.count) }
        return parts
    }
}
