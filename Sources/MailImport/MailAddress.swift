/// One mailbox: the display name (RFC 2047 decoded, quotes removed) and the address.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var displayName: String?
    public var address: String

    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }

    public var description: String {
        if let displayName, !displayName.isEmpty { return "\(displayName) <\(address)>" }
        return address
    }

    /// The address lower-cased, for comparisons (local parts are case-insensitive in practice).
    public var normalized: String { address.lowercased() }

    /// Parses an address list (`To`, `From`, `Cc`): mailboxes separated by commas, `Name <a@b>` and
    /// `a@b (Name)` forms, groups (`Team: a@b, c@d;`, whose members are returned), comments, quoted
    /// names with commas. Unparseable pieces without an `@` are dropped; nothing throws.
    public static func parseList(_ raw: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        for piece in splitTopLevel(raw) {
            if let address = parseMailbox(piece) { addresses.append(address) }
        }
        return addresses
    }

    /// Splits at commas and group delimiters outside quotes, comments and angle brackets.
    private static func splitTopLevel(_ raw: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var inQuote = false, escaped = false, commentDepth = 0, inAngle = false
        for character in raw {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\" where inQuote || commentDepth > 0:
                escaped = true
                current.append(character)
            case "\"" where commentDepth == 0:
                inQuote.toggle()
                current.append(character)
            case "(" where !inQuote:
                commentDepth += 1
                current.append(character)
            case ")" where !inQuote && commentDepth > 0:
                commentDepth -= 1
                current.append(character)
            case "<" where !inQuote && commentDepth == 0:
                inAngle = true
                current.append(character)
            case ">" where !inQuote && commentDepth == 0:
                inAngle = false
                current.append(character)
            case "," where !inQuote && commentDepth == 0 && !inAngle, ";" where !inQuote && commentDepth == 0 && !inAngle:
                pieces.append(current)
                current = ""
            case ":" where !inQuote && commentDepth == 0 && !inAngle:
                // A group's display name ends here; what follows are its members. (A colon inside
                // `<@route:addr>` is protected by `inAngle`.)
                if current.contains("@") {
                    current.append(character)
                } else {
                    current = ""
                }
            default:
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    private static func parseMailbox(_ piece: String) -> MailAddress? {
        let (withoutComments, comments) = separateComments(piece)
        if let open = withoutComments.lastIndex(of: "<") {
            let afterOpen = withoutComments[withoutComments.index(after: open)...]
            var inner = String(afterOpen.prefix { $0 != ">" })
            if let colon = inner.lastIndex(of: ":") { inner = String(inner[inner.index(after: colon)...]) }  // route
            inner = inner.filter { !$0.isWhitespace }
            guard !inner.isEmpty else { return nil }
            let name = cleanName(String(withoutComments[..<open]))
            return MailAddress(displayName: name ?? cleanName(comments.joined(separator: " ")), address: inner)
        }
        let bare = withoutComments.filter { !$0.isWhitespace && $0 != "\"" }
        guard bare.contains("@") else { return nil }
        return MailAddress(displayName: cleanName(comments.joined(separator: " ")), address: bare)
    }

    private static func separateComments(_ text: String) -> (String, [String]) {
        var output = ""
        var comments: [String] = []
        var comment = ""
        var depth = 0, inQuote = false, escaped = false
        for character in text {
            if escaped {
                if depth > 0 { comment.append(character) } else { output.append(character) }
                escaped = false
                continue
            }
            if character == "\\" && (inQuote || depth > 0) {
                escaped = true
                if depth == 0 { output.append(character) }
                continue
            }
            if character == "\"" && depth == 0 { inQuote.toggle() }
            if character == "(" && !inQuote {
                if depth > 0 { comment.append(character) }
                depth += 1
                continue
            }
            if character == ")" && !inQuote && depth > 0 {
                depth -= 1
                if depth == 0 {
                    comments.append(comment)
                    comment = ""
                } else {
                    comment.append(character)
                }
                continue
            }
            if depth > 0 { comment.append(character) } else { output.append(character) }
        }
        return (output, comments)
    }

    /// Quotes and escapes removed, white space collapsed, encoded words decoded; nil when empty.
    private static func cleanName(_ raw: String) -> String? {
        var unquoted = ""
        var escaped = false
        for character in raw {
            if escaped {
                unquoted.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character != "\"" {
                unquoted.append(character)
            }
        }
        let decoded = EncodedWords.decode(unquoted)
        let collapsed = decoded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
