import PCRE2

/// The body-length limit of the draft's message type. The finding spans the text past the limit.
struct LengthCheck {
    let rule: Rule
    let limits: [String: Int]

    func findings(in draft: Draft, body: UTF8Text) -> [Finding] {
        guard let limit = limits[draft.messageType.name] else { return [] }
        let count = body.codePointCount
        guard count > limit else { return [] }
        let position = body.position(ofByte: body.byteOffset(ofCodePoint: limit))
        let quote = "\(count) characters, over the \(limit)-character limit of \(draft.messageType.name)"
        return [
            Finding(
                rule: rule.id, category: rule.category, severity: rule.severity, message: rule.message(quoting: quote),
                policy: rule.policy, field: .body, line: position.line, column: position.column,
                offset: position.codePointOffset, length: count - limit, match: "", suggestion: rule.suggestion)
        ]
    }
}
