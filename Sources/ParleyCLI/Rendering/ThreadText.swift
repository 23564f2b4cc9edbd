import Foundation
import MessageStore

/// `parley thread` as text: the thread's facts, then each message with its clock.
struct ThreadText {
    var useColor: Bool

    func render(_ conversation: Conversation) -> String {
        let thread = conversation.thread
        var facts = ["buyer \(InboxText.buyer(thread))"]
        facts.append(thread.orderID.map { "order \($0)" } ?? "no order (pre-sale)")
        if let marketplace = thread.marketplace { facts.append("amazon.\(marketplace)") }
        if let replyAddress = thread.replyAddress { facts.append("reply to \(replyAddress)") }
        var out = "T\(thread.id ?? 0)  \(thread.subject.isEmpty ? "(no subject)" : thread.subject)\n"
        out += "    " + facts.joined(separator: " · ") + "\n"
        out += "    first activity \(TimeText.utc(thread.firstActivityAt)) · last activity \(TimeText.utc(thread.lastActivityAt))\n"
        out += "    as of \(TimeText.utc(conversation.asOf))\n"
        for message in conversation.messages {
            out += "\n" + block(message, clock: message.id.flatMap { conversation.clocks[$0] }, asOf: conversation.asOf)
        }
        if conversation.laterMessages > 0 {
            out += "\n(\(conversation.laterMessages) later message\(conversation.laterMessages == 1 ? "" : "s") not shown)\n"
        }
        if !conversation.returnRequests.isEmpty {
            out += "\nReturn requests for order \(thread.orderID ?? "?"):\n"
            for request in conversation.returnRequests {
                out += "  " + ReturnText.describe(request, asOf: conversation.asOf) + "\n"
            }
        }
        return out
    }

    private func block(_ message: Message, clock: MessageClock?, asOf: Date) -> String {
        var who = message.direction.rawValue
        if message.isAutoReply { who += " (auto-reply)" }
        if message.kind != .message { who += " · \(message.kind.rawValue)" }
        var head = "M\(message.id ?? 0)  \(TimeText.utc(message.sentAt))  \(who)"
        if let clock { head += "  · " + describe(clock, asOf: asOf) }
        var out = head + "\n"
        if !message.subject.isEmpty { out += "    Subject: \(message.subject)\n" }
        for line in message.body.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "\n" : "    \(line)\n"
        }
        for attachment in message.attachments {
            out += "    [attachment: \(attachment.name), \(attachment.bytes) bytes]\n"
        }
        out += "    (\(message.source))\n"
        return out
    }

    private func describe(_ clock: MessageClock, asOf: Date) -> String {
        let responder = clock.responseMessageID.map { " (M\($0))" } ?? ""
        switch clock.status {
        case .within24h:
            return ANSIStyle.green.apply("answered in \(TimeText.duration(clock.responseSeconds ?? 0))", if: useColor) + responder
        case .late:
            return ANSIStyle.yellow.apply("answered late, after \(TimeText.duration(clock.responseSeconds ?? 0))", if: useColor) + responder
        case .noResponse:
            return ANSIStyle.red.apply("no response, overdue \(TimeText.duration(clock.secondsLeft(asOf: asOf)))", if: useColor)
        case .pending:
            let left = clock.secondsLeft(asOf: asOf)
            let text = "waiting, \(TimeText.duration(left)) left"
            return left < InboxText.warningSeconds ? ANSIStyle.yellow.apply(text, if: useColor) : text
        case .excluded:
            return "no response needed"
        }
    }
}
