import PCRE2

extension PCRE2Regex {
    /// The text of the first match (after `\K`), or nil. A match-limit error counts as no match: a
    /// hostile message must not stop an import.
    func firstText(in text: UTF8Text) -> String? {
        guard let range = try? firstMatch(in: text) else { return nil }
        return text.substring(range)
    }

    func firstText(in string: String) -> String? { firstText(in: UTF8Text(string)) }

    func firstRange(in text: UTF8Text) -> Range<Int>? { (try? firstMatch(in: text)) ?? nil }
}
