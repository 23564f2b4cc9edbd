import PCRE2

/// The body-length limit of the draft's message type. The finding spans the text past the limit.
struct LengthCheck {
    let rule: Rule
    let limits: [String: Int]

    func findings(in draft: Draft, body: UTF8Text) -> [Finding] {
        guard let limit = limits[draft.messageType.name] else { return [] }
        let count = draft.body.unicodeScalars.count
        guard count > limit else { return [] }
        let startByte = draft.body.unicodeScalars.prefix(limit).reduce(0) { $0 + UTF8.width($1) }
        let position = body.position(ofByte: startByte)
        let quote = "\(count) characters, over the \(limit)-character limit of \(draft.messageType.name)"
        return [
            Finding(
                rule: rule.id, category: rule.category, severity: rule.severity, message: rule.message(quoting: quote),
                policy: rule.policy, field: .body, line: position.line, column: position.column,
                offset: position.codePointOffset, length: count - limit, match: "", suggestion: rule.suggestion)
        ]
    }
}
