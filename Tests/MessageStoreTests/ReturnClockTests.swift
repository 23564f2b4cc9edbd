import Foundation
import MessageStore
import Testing

/// The 48-hour return clock, stopped only by authorize, refund or close (POLICY.md §3.4).
@Suite struct ReturnClockTests {
    let t0 = at("2026-03-02T09:00:00Z")

    @Test func statusAsOf() {
        let request = ReturnRequest(orderID: "1", receivedAt: t0)
        #expect(ReturnClock.status(of: request, asOf: t0 - 1) == nil)
        #expect(ReturnClock.status(of: request, asOf: t0 + 48 * hour) == .pending)
        #expect(ReturnClock.status(of: request, asOf: t0 + 48 * hour + 1) == .noResponse)
        let exactly = ReturnRequest(orderID: "1", receivedAt: t0, resolvedAt: t0 + 48 * hour, resolution: .refunded)
        #expect(ReturnClock.status(of: exactly, asOf: t0 + 60 * hour) == .onTime)
        // A resolution after asOf has not happened yet.
        #expect(ReturnClock.status(of: exactly, asOf: t0 + 47 * hour) == .pending)
        let late = ReturnRequest(orderID: "1", receivedAt: t0, resolvedAt: t0 + 49 * hour, resolution: .closed)
        #expect(ReturnClock.status(of: late, asOf: t0 + 60 * hour) == .late)
    }

    @Test func aMessageDoesNotStopItButAResolutionDoes() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                f.make(.amazon, t0, thread: nil, kind: .returnRequest, orderID: "111-1"),
                f.make(.seller, t0 + hour, thread: nil, orderID: "111-1"),
                f.make(.amazon, t0 - 20 * day, thread: nil, kind: .returnRequest, orderID: "222-2"),
            ])
        let report = try database.metrics(asOf: t0 + 50 * hour)
        #expect(report.returnRequests.map(\.days) == [7, 30, 60])
        #expect(report.returnRequests.map(\.noResponse) == [1, 2, 2])
        #expect(report.returnRequests.map(\.lateResponseRate) == [1, 1, 1])

        let resolved = try database.resolveReturn(orderID: "111-1", resolution: .authorized, at: t0 + 47 * hour)
        #expect(resolved.map(\.resolution) == [.authorized])
        #expect(resolved.map(\.resolvedAt) == [t0 + 47 * hour])
        let after = try database.metrics(asOf: t0 + 50 * hour)
        #expect(after.returnRequests[0].onTime == 1)
        #expect(after.returnRequests[1].lateResponseRate == 0.5)
        #expect(after.returnRequests[1].status == .atRisk)
        #expect(throws: StoreError.noOpenReturnRequest(orderID: "111-1")) {
            try database.resolveReturn(orderID: "111-1", resolution: .closed, at: t0 + 60 * hour)
        }
        #expect(throws: StoreError.noOpenReturnRequest(orderID: "999")) {
            try database.resolveReturn(orderID: "999", resolution: .closed, at: t0)
        }
    }
}
