/// What a reader sees of a MIME tree: the body text, the HTML it came from (if any) and the
/// attachments, plus notes on text that had to be decoded with a fallback charset.
///
/// Body choice: in `multipart/alternative` the `text/plain` branch wins, else the HTML one; in other
/// multiparts the inline text parts are joined in order. HTML becomes text only when no plain text
/// exists. Attached messages (`message/rfc822`) are attachments, not body.
public struct MessageContent: Sendable, Hashable {
    /// The plain-text body, or the HTML body converted to text; "" when there is neither.
    public var text: String
    /// The HTML body as decoded text, when the message has one (kept for Amazon's `<pre>` block).
    public var html: String?
    public var attachments: [ImportedAttachment]
    /// Fallback decodings (unknown charset, invalid bytes), for warnings.
    public var notes: [String]

    public init(root: MIMEPart) {
        var collector = Collector()
        let body = collector.body(of: root, depth: 0)
        self.html = body.html
        if let plain = body.plain {
            self.text = plain
        } else if let html = body.html {
            self.text = HTMLText.text(fromHTML: html)
        } else {
            self.text = ""
        }
        self.attachments = collector.attachments
        self.notes = collector.notes
    }

    private struct Body {
        var plain: String?
        var html: String?
    }

    private struct Collector {
        var attachments: [ImportedAttachment] = []
        var notes: [String] = []

        mutating func body(of part: MIMEPart, depth: Int) -> Body {
            if let embedded = part.embedded {
                let subject = embedded.headers["Subject"]?.text ?? ""
                let name = part.fileName ?? (subject.isEmpty ? "message.eml" : subject + ".eml")
                attachments.append(ImportedAttachment(name: name, bytes: embedded.byteCount))
                return Body()
            }
            if part.isMultipart {
                let bodies = part.children.map { body(of: $0, depth: depth + 1) }
                if part.contentType == "multipart/alternative" {
                    if let plain = bodies.first(where: { $0.plain != nil }) {
                        return Body(plain: plain.plain, html: bodies.last(where: { $0.html != nil })?.html)
                    }
                    return bodies.last(where: { $0.html != nil }) ?? Body()
                }
                let plains = bodies.compactMap(\.plain)
                let htmls = bodies.compactMap(\.html)
                return Body(
                    plain: plains.isEmpty ? nil : plains.joined(separator: "\n"),
                    html: htmls.isEmpty ? nil : htmls.joined(separator: "\n"))
            }
            // A delivery report's status part is plain text a reader shows.
            let isPlain = part.contentType == "text/plain" || part.contentType == "message/delivery-status"
            let isText = isPlain || part.contentType == "text/html"
            if isAttachment(part, isText: isText) {
                attachments.append(
                    ImportedAttachment(name: part.fileName ?? "unnamed", bytes: part.decodedBody.count))
                return Body()
            }
            guard isText else { return Body() }
            let decoded = Charset.decode(part.decodedBody, charset: part.charset)
            if let note = decoded.note { notes.append(note) }
            let text = decoded.text.replacingLineBreaks()
            return part.contentType == "text/html" ? Body(html: text) : Body(plain: text)
        }

        /// An attachment is a part marked so, or named, or a non-text leaf a reader would offer as a
        /// file (an image, a PDF). Signatures and delivery reports without names are neither.
        private func isAttachment(_ part: MIMEPart, isText: Bool) -> Bool {
            if part.disposition == "attachment" { return true }
            if part.fileName != nil { return true }
            if isText { return false }
            let type = part.contentType
            return !(type.hasPrefix("text/") || type.hasPrefix("message/") || type.hasSuffix("-signature"))
        }
    }
}
