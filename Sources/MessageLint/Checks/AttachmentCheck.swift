import PCRE2

/// The structural attachment checks: how many, how big, which types. Findings point at the
/// attachment's line in the `attachment-name` field (line N is attachment N).
struct AttachmentCheck {
    let rule: Rule

    func findings(in draft: Draft, names: UTF8Text) -> [Finding] {
        let attachments = draft.attachments
        switch rule.check {
        case let .attachmentCount(max, min):
            if attachments.count > max {
                return [finding(at: max, names: names, quoting: "\(attachments.count) attachments (at most \(max))")]
            }
            if attachments.count < min {
                return [
                    Finding(
                        rule: rule.id, category: rule.category, severity: rule.severity,
                        message: rule.message(quoting: "\(attachments.count) attachments (at least \(min))"),
                        policy: rule.policy, field: .attachmentName, line: 1, column: 1, offset: 0, length: 0,
                        match: "", suggestion: rule.suggestion)
                ]
            }
            return []
        case let .attachmentSize(maxBytes):
            return attachments.indices.filter { attachments[$0].bytes > maxBytes }.map {
                finding(at: $0, names: names, quoting: attachments[$0].name)
            }
        case let .attachmentType(allowed):
            return attachments.indices.filter { !allowed.contains(attachments[$0].fileExtension) }.map {
                finding(at: $0, names: names, quoting: attachments[$0].name)
            }
        default:
            return []
        }
    }

    private func finding(at index: Int, names: UTF8Text, quoting: String) -> Finding {
        let name = index < names.lineCount ? names.line(index + 1) : ""
        let start = names.position(ofLine: index + 1)
        return Finding(
            rule: rule.id, category: rule.category, severity: rule.severity, message: rule.message(quoting: quoting),
            policy: rule.policy, field: .attachmentName, line: start.line, column: 1, offset: start.codePointOffset,
            length: name.unicodeScalars.count, match: name, suggestion: rule.suggestion)
    }
}
