import Foundation
import MessageStore

/// `parley metrics` as text, laid out like Seller Central's Buyer-Seller Contact Metrics table:
/// one column per window, the commonly cited targets on the right, the window bounds in UTC below.
struct MetricsText {
    var useColor: Bool

    static let labelWidth = 38
    static let columnWidth = 10

    func render(_ report: MetricsReport) -> String {
        let windows = report.windows
        var out = "Buyer-Seller Contact Metrics, as of \(TimeText.utc(report.asOf))\n\n"
        out += row("Contact Response Time", windows.map { "\($0.days) days" }, target: "Target")
        out += row("Responses under 24 hours", windows.map { percent($0.onTimeRate) }, target: "≥ 90%")
        out += row("Late responses", windows.map { percent($0.lateResponseRate) }, target: "≤ 10%")
        out += row("  Response times over 24 hours", windows.map { "\($0.late)" })
        out += row("  No response", windows.map { "\($0.noResponse)" })
        out += row("Average response time", windows.map { $0.averageResponseSeconds.map(TimeText.duration) ?? "—" })
        out += row("Customer messages", windows.map { "\($0.customerMessages)" })
        out += row("  Responded within 24 hours", windows.map { "\($0.within24h)" })
        out += row("  Pending (under 24 hours)", windows.map { "\($0.pending)" })
        out += row("  No response needed", windows.map { "\($0.excluded)" })
        out += row("Status", windows.map { status($0.status) })
        out += "\nWindows (from, to] in UTC:\n"
        for window in windows {
            out += "  \(String("\(window.days) days".padding(toLength: 9, withPad: " ", startingAt: 0)))"
            out += "(\(TimeText.utc(window.from)), \(TimeText.utc(window.to))]\n"
        }
        out += "Targets are the commonly cited ones (≤ 10 % late); Amazon's help page gives none.\n"

        out += "\nUnanswered customer messages of the last 7 days: \(report.unansweredLast7Days.count)\n"
        for message in report.unansweredLast7Days {
            let left = message.dueAt.timeIntervalSince(report.asOf)
            let clock =
                left < 0
                ? ANSIStyle.red.apply("no response, overdue \(TimeText.duration(left))", if: useColor)
                : "waiting, \(TimeText.duration(left)) left"
            out += "  M\(message.message)  T\(message.thread)  \(message.buyer) · \(message.orderID.map { "order \($0)" } ?? "no order")"
            out += "  received \(TimeText.utc(message.receivedAt))  \(clock)\n"
        }

        let returns = report.returnRequests
        out += "\n" + row("Return requests (48-hour clock)", returns.map { "\($0.days) days" }, target: "Target")
        out += row("Late response rate", returns.map { percent($0.lateResponseRate) }, target: "≤ 10%")
        out += row("  Return requests", returns.map { "\($0.returnRequests)" })
        out += row("  Resolved within 48 hours", returns.map { "\($0.onTime)" })
        out += row("  Resolved after 48 hours", returns.map { "\($0.late)" })
        out += row("  Unresolved after 48 hours", returns.map { "\($0.noResponse)" })
        out += row("  Pending (under 48 hours)", returns.map { "\($0.pending)" })
        out += row("Status", returns.map { status($0.status) })
        return out
    }

    private func row(_ label: String, _ cells: [String], target: String? = nil) -> String {
        row(label, cells.map { ($0, nil) }, target: target)
    }

    /// A table row; a cell's colour is applied after padding, so escape codes take no width.
    private func row(_ label: String, _ cells: [(text: String, style: ANSIStyle?)], target: String? = nil) -> String {
        var line = label.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0)
        for cell in cells {
            line += String(repeating: " ", count: max(1, Self.columnWidth - cell.text.count))
            line += cell.style.map { $0.apply(cell.text, if: useColor) } ?? cell.text
        }
        if let target { line += "   " + target }
        while line.hasSuffix(" ") { line.removeLast() }
        return line + "\n"
    }

    private func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    private func status(_ status: MetricStatus) -> (text: String, style: ANSIStyle?) {
        (status.rawValue, status == .good ? .green : .red)
    }
}
