import Foundation
import MailImport
import MessageLint
import MessageStore
import TestSupport
import Testing

/// An instant from an ISO 8601 literal with an offset; a malformed literal fails the test.
func at(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else {
        Issue.record("bad test instant \(text)", sourceLocation: sourceLocation)
        return .distantPast
    }
    return date
}

let hour: TimeInterval = 3_600
let day: TimeInterval = 86_400

/// Builds imported messages for a test file with lines numbered in order.
struct MessageFactory {
    var file = "test.jsonl"
    private(set) var line = 0

    mutating func make(
        _ direction: Direction, _ sentAt: Date, thread: String? = "t1", id: String? = nil, body: String = "", subject: String = "Question",
        kind: MessageKind = .message, orderID: String? = nil, alias: String? = nil, replyAddress: String? = nil, buyerName: String? = nil,
        noResponseNeeded: Bool = false, autoReply: Bool = false, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = []
    ) -> ImportedMessage {
        line += 1
        return ImportedMessage(
            externalID: id ?? "\(file)#\(line)", direction: direction, sentAt: sentAt, subject: subject,
            body: body.isEmpty ? "\(direction.rawValue) message \(line)" : body, threadKey: thread, orderID: orderID,
            buyerAlias: alias, buyerName: buyerName, replyAddress: replyAddress, kind: kind, noResponseNeeded: noResponseNeeded,
            isAutoReply: autoReply, messageID: messageID, inReplyTo: inReplyTo, references: references,
            source: SourcePosition(file: file, line: line))
    }
}

/// Imports messages as one file and fails the test on any issue.
@discardableResult
func load(_ database: AppDatabase, _ messages: [ImportedMessage], source: String = "test.jsonl") throws -> ImportSummary {
    let summary = try database.importFile(ParsedFile(messages: messages), source: source, strict: false)
    #expect(summary.issues.isEmpty, "\(summary.issues)")
    return summary
}

/// A clock event in thread 1 (or `thread`), ids in order of creation.
struct EventFactory {
    private(set) var next: Int64 = 1

    mutating func customer(_ sentAt: Date, thread: Int64 = 1, excluded: Bool = false, markedAt: Date? = nil) -> ClockEvent {
        defer { next += 1 }
        return ClockEvent(
            messageID: next, threadID: thread, role: .customerMessage, sentAt: sentAt, noResponseNeeded: excluded || markedAt != nil,
            noResponseNeededAt: markedAt)
    }

    mutating func reply(_ sentAt: Date, thread: Int64 = 1) -> ClockEvent {
        defer { next += 1 }
        return ClockEvent(messageID: next, threadID: thread, role: .response, sentAt: sentAt)
    }

    mutating func other(_ sentAt: Date, thread: Int64 = 1) -> ClockEvent {
        defer { next += 1 }
        return ClockEvent(messageID: next, threadID: thread, role: .other, sentAt: sentAt)
    }
}

/// A small rule set for reply tests, so expectations do not move when the shipped pack is tuned.
func testLinter() throws -> Linter {
    let rules = try RuleLoader().parse(
        """
        - id: contact-info.email
          category: contact-info
          severity: error
          message: "Remove the email address '%s'."
          policy: "POLICY.md §2 contact-info"
          patterns: ['[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+']
          examples:
            flag: ["a@b.com", "x c@d.de"]
            pass: ["no mail", "3 @ 2"]
        - id: format.emoji
          category: format
          severity: warning
          message: "Remove the emoji '%s'."
          policy: "POLICY.md §2 format"
          patterns: ['\\p{Emoji_Presentation}']
          examples:
            flag: ["ok 😀", "🎉"]
            pass: ["ok :)", "fine"]
        """, file: "test-rules.yaml")
    return try Linter(rules: rules)
}
