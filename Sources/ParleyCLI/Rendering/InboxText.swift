import Foundation
import MessageStore

/// `parley inbox` as text: one block per waiting thread, most urgent first. Overdue is red and less
/// than 4 hours left is yellow, on a terminal only.
struct InboxText {
    /// Below this much time left a thread is shown in yellow.
    static let warningSeconds: TimeInterval = 4 * 3_600

    var useColor: Bool

    func render(_ entries: [InboxEntry], asOf: Date) -> String {
        render(InboxPage(all: entries, asOf: asOf), asOf: asOf)
    }

    /// The header counts every waiting thread; a second line says when only the most urgent are listed.
    func render(_ page: InboxPage, asOf: Date) -> String {
        guard page.totalThreads > 0 else { return "No customer messages waiting (as of \(TimeText.utc(asOf))).\n" }
        var out = "\(count(page.totalThreads, "thread")) waiting, \(page.overdueThreads) overdue (as of \(TimeText.utc(asOf)))\n"
        if !page.isComplete {
            out += "Showing the \(page.entries.count) most urgent; --limit N shows more, --all every one.\n"
        }
        for entry in page.entries {
            out += "\n" + block(entry, asOf: asOf)
        }
        return out
    }

    private func block(_ entry: InboxEntry, asOf: Date) -> String {
        let left = entry.secondsLeft(asOf: asOf)
        let clock: String
        if left < 0 {
            clock = ANSIStyle.red.apply("OVERDUE \(TimeText.duration(left))", if: useColor)
        } else if left < Self.warningSeconds {
            clock = ANSIStyle.yellow.apply("\(TimeText.duration(left)) left", if: useColor)
        } else {
            clock = "\(TimeText.duration(left)) left"
        }
        let thread = entry.thread
        var facts = [Self.buyer(thread)]
        facts.append(thread.orderID.map { "order \($0)" } ?? "no order (pre-sale)")
        if let marketplace = thread.marketplace { facts.append("amazon.\(marketplace)") }
        facts.append(count(entry.waiting.count, "message") + " waiting")
        var out = "T\(thread.id ?? 0)  \(clock)  (due \(TimeText.utc(entry.dueAt)))\n"
        out += "    " + facts.joined(separator: " · ") + "\n"
        if !thread.subject.isEmpty { out += "    \(thread.subject)\n" }
        out += "    \"\(entry.lastBuyerWords(limit: 100))\"\n"
        return out
    }

    /// The name and the relay alias when both are known.
    static func buyer(_ thread: MessageThread) -> String {
        if let name = thread.buyerName, let alias = thread.buyerAlias { return "\(name) (\(alias))" }
        return thread.buyerLabel
    }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
