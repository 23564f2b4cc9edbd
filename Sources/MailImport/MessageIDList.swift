import Foundation

/// `Message-ID`, `In-Reply-To` and `References` values: the `<id>` tokens, brackets removed; a value
/// without brackets (seen in broken mail) counts as one id when it has no spaces.
enum MessageIDList {
    static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let id = rest[rest.index(after: open)..<close].filter { !$0.isWhitespace }
            if !id.isEmpty { ids.append(String(id)) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty {
            let bare = value.trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty, !bare.contains(where: \.isWhitespace) { ids.append(bare) }
        }
        return ids
    }
}
