import Foundation
import MessageStore
import Testing

/// Contact Response Time per window, exactly as issue 3 point 5 defines it.
@Suite struct ContactResponseTimeTests {
    let asOf = at("2026-03-31T12:00:00Z")

    @Test func windowEdgesExcludeExactlyTMinusWAndIncludeT() {
        var e = EventFactory()
        let events = [
            e.customer(asOf - 7 * day),  // on the open edge: out of the 7-day window, in the 30-day one
            e.customer(asOf - 7 * day + 1),  // just inside
            e.customer(asOf),  // at T: inside, pending
        ]
        let windows = ContactResponseTime.windows([7, 30], events: events, asOf: asOf)
        #expect(windows.map(\.customerMessages) == [2, 3])
        #expect(windows.map(\.pending) == [1, 1])
        #expect(windows.map(\.noResponse) == [1, 2])
        #expect(windows[0].from == at("2026-03-24T12:00:00Z"))
        #expect(windows[0].to == asOf)
        #expect(windows[1].from == at("2026-03-01T12:00:00Z"))
    }

    @Test func ratesAverageAndStatus() {
        var e = EventFactory()
        var events: [ClockEvent] = []
        // 8 answered within 24 h (2 h each), 1 late (30 h), 1 never answered, 1 pending, 1 excluded.
        for index in 0..<8 {
            let start = asOf - Double(5 + index) * day
            events += [e.customer(start, thread: Int64(10 + index)), e.reply(start + 2 * hour, thread: Int64(10 + index))]
        }
        events += [e.customer(asOf - 4 * day, thread: 2), e.reply(asOf - 4 * day + 30 * hour, thread: 2)]
        events += [e.customer(asOf - 3 * day, thread: 3)]
        events += [e.customer(asOf - hour, thread: 4)]
        events += [e.customer(asOf - 2 * day, thread: 5, excluded: true)]
        let window = ContactResponseTime.window(days: 30, clocks: ResponseClock.clocks(of: events, asOf: asOf), asOf: asOf)
        #expect(window.customerMessages == 12)
        #expect(window.within24h == 8)
        #expect(window.late == 1)
        #expect(window.noResponse == 1)
        #expect(window.pending == 1)
        #expect(window.excluded == 1)
        #expect(window.decided == 10)
        #expect(window.onTimeRate == 0.8)
        #expect(window.lateResponseRate == 0.2)
        #expect(window.averageResponseSeconds == (8 * 2 * hour + 30 * hour) / 9)
        #expect(window.status == .atRisk)
    }

    @Test func exactlyTenPercentLateIsGood() {
        var e = EventFactory()
        var events: [ClockEvent] = []
        for index in 0..<9 {
            events += [
                e.customer(asOf - Double(index + 2) * day, thread: Int64(index)),
                e.reply(asOf - Double(index + 2) * day + hour, thread: Int64(index)),
            ]
        }
        events.append(e.customer(asOf - 20 * day, thread: 99))
        let window = ContactResponseTime.windows([30], events: events, asOf: asOf)[0]
        #expect(window.lateResponseRate == 0.1)
        #expect(window.status == .good)
    }

    @Test func nothingDecidedGivesNullRatesAndGoodStatus() {
        var e = EventFactory()
        let window = ContactResponseTime.windows(
            [7], events: [e.customer(asOf - hour), e.customer(asOf - 2 * hour, excluded: true)], asOf: asOf)[0]
        #expect(window.decided == 0)
        #expect(window.onTimeRate == nil)
        #expect(window.lateResponseRate == nil)
        #expect(window.averageResponseSeconds == nil)
        #expect(window.status == .good)
    }

    @Test func aResponseAfterAsOfLeavesTheMessageUnanswered() {
        var e = EventFactory()
        let events = [e.customer(asOf - 2 * day), e.reply(asOf + hour)]
        let window = ContactResponseTime.windows([7], events: events, asOf: asOf)[0]
        #expect(window.noResponse == 1)
        #expect(window.within24h + window.late == 0)
    }

    @Test func jsonHasExactlyTheIssueKeysWithNulls() throws {
        let window = ContactResponseTime.windows([7], events: [], asOf: asOf)[0]
        let json = try StoreJSON.encode(window)
        #expect(
            json == """
                {
                  "average_response_seconds" : null,
                  "customer_messages" : 0,
                  "days" : 7,
                  "excluded" : 0,
                  "from" : "2026-03-24T12:00:00Z",
                  "late" : 0,
                  "late_response_rate" : null,
                  "no_response" : 0,
                  "on_time_rate" : null,
                  "pending" : 0,
                  "status" : "good",
                  "to" : "2026-03-31T12:00:00Z",
                  "within_24h" : 0
                }

                """)
    }
}
