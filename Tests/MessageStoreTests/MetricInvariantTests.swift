import Foundation
import MessageStore
import TestSupport
import Testing

/// Property-style checks over random histories from a seeded generator: whatever happens, the
/// counts add up and the rates are proportions. A failure names its seed.
@Suite struct MetricInvariantTests {
    /// A random history of up to 12 threads over 120 days around `asOf`, some events after it.
    static func history(seed: UInt64, asOf: Date) -> [ClockEvent] {
        var random = SeededGenerator(seed: seed)
        var events: [ClockEvent] = []
        var id: Int64 = 0
        for thread in 1...Int64.random(in: 1...12, using: &random) {
            var time = asOf - Double(Int.random(in: 0...(120 * 24), using: &random)) * hour
            for _ in 0..<Int.random(in: 1...10, using: &random) {
                id += 1
                let roll = Int.random(in: 0..<10, using: &random)
                let marked = Int.random(in: 0..<6, using: &random) == 0
                let markedAt: Date? =
                    marked && Bool.random(using: &random) ? time + Double(Int.random(in: 0...72, using: &random)) * hour : nil
                let role: ClockEvent.Role = roll < 5 ? .customerMessage : roll < 9 ? .response : .other
                events.append(
                    ClockEvent(
                        messageID: id, threadID: thread, role: role, sentAt: time, noResponseNeeded: marked, noResponseNeededAt: markedAt))
                // Gaps of 0–60 hours, so replies land on both sides of the 24-hour line.
                time += Double(Int.random(in: 0...(60 * 60), using: &random)) * 60
            }
        }
        return events.shuffled(using: &random)
    }

    @Test(arguments: 1...200)
    func countsAddUpAndRatesAreProportions(seed: Int) {
        let asOf = at("2026-06-30T00:00:00Z")
        let events = Self.history(seed: UInt64(seed), asOf: asOf)
        let windows = ContactResponseTime.windows([7, 30, 90], events: events, asOf: asOf)
        for window in windows {
            #expect(
                window.customerMessages == window.within24h + window.late + window.noResponse + window.pending + window.excluded,
                "seed \(seed)")
            if let onTime = window.onTimeRate, let late = window.lateResponseRate {
                #expect((0...1).contains(onTime) && (0...1).contains(late), "seed \(seed)")
                #expect(abs(onTime + late - 1) < 1e-12, "seed \(seed)")
            } else {
                #expect(window.decided == 0 && window.onTimeRate == nil && window.lateResponseRate == nil, "seed \(seed)")
            }
            if let average = window.averageResponseSeconds {
                #expect(average >= 0, "seed \(seed)")
            } else {
                #expect(window.within24h + window.late == 0, "seed \(seed)")
            }
            // Pending messages are never older than 24 hours; unanswered ones older are no_response.
            let clocks = ResponseClock.clocks(of: events, asOf: asOf)
            #expect(clocks.allSatisfy { $0.status != .pending || asOf.timeIntervalSince($0.receivedAt) <= day }, "seed \(seed)")
            #expect(clocks.allSatisfy { $0.status != .noResponse || asOf.timeIntervalSince($0.receivedAt) > day }, "seed \(seed)")
        }
        // Windows nest: a longer window holds at least as many messages of every status.
        for (shorter, longer) in zip(windows, windows.dropFirst()) {
            #expect(shorter.customerMessages <= longer.customerMessages, "seed \(seed)")
            #expect(shorter.within24h <= longer.within24h && shorter.excluded <= longer.excluded, "seed \(seed)")
        }
    }

    @Test(arguments: 1...50)
    func eventsAfterAsOfNeverChangeTheResult(seed: Int) {
        let asOf = at("2026-06-30T00:00:00Z")
        let events = Self.history(seed: UInt64(seed), asOf: asOf)
        let before = events.filter { $0.sentAt <= asOf }.map { event -> ClockEvent in
            var event = event
            if let markedAt = event.noResponseNeededAt, markedAt > asOf { event.noResponseNeeded = false }
            return event
        }
        #expect(
            ContactResponseTime.windows([7, 30, 90], events: events, asOf: asOf)
                == ContactResponseTime.windows([7, 30, 90], events: before, asOf: asOf), "seed \(seed)")
    }
}
