import Foundation
import MessageStore
import Testing

/// The clock cases of issue 3, end to end: imported as a seller's mail would be, measured with
/// `metrics(asOf:)` and `inbox(asOf:)`.
@Suite struct ScenarioTests {
    @Test func theIssuesCasesThroughTheStore() throws {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        try load(
            database,
            [
                // burst: three buyer messages, one reply 25 h after the first → late, within, within.
                f.make(.buyer, at("2026-03-10T08:00:00Z"), thread: "burst"),
                f.make(.buyer, at("2026-03-10T20:00:00Z"), thread: "burst"),
                f.make(.buyer, at("2026-03-11T06:00:00Z"), thread: "burst"),
                f.make(.seller, at("2026-03-11T09:00:00Z"), thread: "burst"),
                // exactly 24 h, written with the offsets either side of the US DST switch (8 March).
                f.make(.buyer, at("2026-03-07T20:00:00-05:00"), thread: "dst"),
                f.make(.seller, at("2026-03-08T21:00:00-04:00"), thread: "dst"),
                // no-response-needed, then a new buyer message answered late (30 h).
                f.make(.buyer, at("2026-03-12T10:00:00+01:00"), thread: "thanks", noResponseNeeded: true),
                f.make(.buyer, at("2026-03-13T10:00:00+01:00"), thread: "thanks"),
                f.make(.seller, at("2026-03-14T16:00:00+01:00"), thread: "thanks"),
                // an auto-reply does not answer; nothing else did → no response.
                f.make(.buyer, at("2026-03-15T12:00:00Z"), thread: "auto"),
                f.make(.seller, at("2026-03-15T12:01:00Z"), thread: "auto", autoReply: true),
                // a seller-initiated thread starts no clock until the buyer answers (pending at T).
                f.make(.seller, at("2026-03-16T09:00:00Z"), thread: "proactive"),
                f.make(.buyer, at("2026-03-17T02:00:00Z"), thread: "proactive"),
                // after T: ignored.
                f.make(.buyer, at("2026-03-17T12:00:01Z"), thread: "future"),
                f.make(.seller, at("2026-03-17T13:00:00Z"), thread: "auto"),
            ])
        let asOf = at("2026-03-17T12:00:00Z")
        let window = try #require(try database.metrics(asOf: asOf, windows: [30]).windows.first)
        #expect(window.customerMessages == 8)
        #expect(window.within24h == 3)
        #expect(window.late == 2)
        #expect(window.noResponse == 1)
        #expect(window.pending == 1)
        #expect(window.excluded == 1)
        #expect(window.lateResponseRate == 0.5)
        #expect(window.averageResponseSeconds == (25 + 13 + 3 + 24 + 30) * hour / 5)
        // The 7-day window (2026-03-10T12:00Z, T] drops the first burst message and the DST thread.
        let week = try #require(try database.metrics(asOf: asOf, windows: [7]).windows.first)
        #expect(week.customerMessages == 6)
        #expect(week.within24h == 2)
        #expect(week.late == 1)
        #expect(try database.inbox(asOf: asOf).map(\.thread.key) == ["key:auto", "key:proactive"])
        // An hour later the reply to "auto" counts, and it was late.
        let later = try #require(try database.metrics(asOf: at("2026-03-17T13:00:00Z"), windows: [30]).windows.first)
        #expect(later.noResponse == 0)
        #expect(later.late == 3)
        #expect(later.customerMessages == 9)
    }
}
