import Foundation
import MessageStore

/// One return request on one line: when it came, and where its 48-hour clock stands.
enum ReturnText {
    static func describe(_ request: ReturnRequest, asOf: Date) -> String {
        var out = "R\(request.id ?? 0) received \(TimeText.utc(request.receivedAt)): "
        let due = request.receivedAt.addingTimeInterval(ReturnClock.allowance)
        switch ReturnClock.status(of: request, asOf: asOf) {
        case .onTime?, .late?:
            let resolvedAt = request.resolvedAt ?? asOf
            let verdict = ReturnClock.status(of: request, asOf: asOf) == .onTime ? "on time" : "late"
            out += "\(request.resolution?.rawValue ?? "resolved") \(TimeText.utc(resolvedAt)), "
            out += "after \(TimeText.duration(resolvedAt.timeIntervalSince(request.receivedAt))): \(verdict)"
        case .noResponse?:
            out += "open, the 48-hour limit passed \(TimeText.duration(asOf.timeIntervalSince(due))) ago"
        case .pending?:
            out += "open, \(TimeText.duration(due.timeIntervalSince(asOf))) left to authorize, refund or close"
        case nil:
            out += "not yet received"
        }
        return out
    }
}
