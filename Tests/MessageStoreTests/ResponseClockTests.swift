import Foundation
import MessageStore
import TestSupport
import Testing

/// The 24-hour clock of each customer message (POLICY.md §3.2), as a pure function of events and
/// an injected `asOf`.
@Suite struct ResponseClockTests {
    let t0 = at("2026-03-02T09:00:00Z")

    func statuses(_ events: [ClockEvent], asOf: Date) -> [ResponseStatus] {
        ResponseClock.clocks(of: events, asOf: asOf).map(\.status)
    }

    @Test func burstOfBuyerMessagesIsAnsweredByOneReplyEachTimedFromItsOwnReceipt() {
        var e = EventFactory()
        let events = [
            e.customer(t0), e.customer(t0 + 10 * hour), e.customer(t0 + 20 * hour),
            e.reply(t0 + 25 * hour),
        ]
        let clocks = ResponseClock.clocks(of: events, asOf: t0 + 30 * hour)
        #expect(clocks.map(\.status) == [.late, .within24h, .within24h])
        #expect(clocks.map(\.responseSeconds) == [25 * hour, 15 * hour, 5 * hour])
        #expect(clocks.map(\.responseMessageID) == [4, 4, 4])
        #expect(clocks.map(\.dueAt) == [t0 + 24 * hour, t0 + 34 * hour, t0 + 44 * hour])
    }

    @Test func aReplyAtExactly24HoursIsOnTimeAndOneSecondLaterIsLate() {
        var e = EventFactory()
        let onTime = [e.customer(t0), e.reply(t0 + 24 * hour)]
        #expect(statuses(onTime, asOf: t0 + 48 * hour) == [.within24h])
        var f = EventFactory()
        let late = [f.customer(t0), f.reply(t0 + 24 * hour + 1)]
        #expect(statuses(late, asOf: t0 + 48 * hour) == [.late])
    }

    @Test func unansweredIsPendingUpToExactly24HoursThenNoResponse() {
        var e = EventFactory()
        let events = [e.customer(t0)]
        #expect(statuses(events, asOf: t0) == [.pending])
        #expect(statuses(events, asOf: t0 + 24 * hour) == [.pending])
        #expect(statuses(events, asOf: t0 + 24 * hour + 1) == [.noResponse])
    }

    @Test func noResponseNeededThenANewBuyerMessageStartsANewClock() {
        var e = EventFactory()
        let events = [e.customer(t0, excluded: true), e.customer(t0 + 30 * hour)]
        #expect(statuses(events, asOf: t0 + 31 * hour) == [.excluded, .pending])
        #expect(statuses(events, asOf: t0 + 55 * hour) == [.excluded, .noResponse])
    }

    @Test func aMarkMadeAfterAsOfDoesNotCountYet() {
        var e = EventFactory()
        let events = [e.customer(t0, markedAt: t0 + 30 * hour)]
        #expect(statuses(events, asOf: t0 + 29 * hour) == [.noResponse])
        #expect(statuses(events, asOf: t0 + 30 * hour) == [.excluded])
    }

    @Test func autoRepliesAndNoticesNeverStopTheClock() {
        var e = EventFactory()
        // An auto-reply is role .other (ClockEvent.Role maps seller auto-replies there).
        let events = [e.customer(t0), e.other(t0 + 1 * hour), e.reply(t0 + 26 * hour)]
        #expect(statuses(events, asOf: t0 + 30 * hour) == [.late])
        #expect(ClockEvent.Role(direction: .seller, kind: .message, isAutoReply: true) == .other)
        #expect(ClockEvent.Role(direction: .buyer, kind: .message, isAutoReply: true) == .other)
        #expect(ClockEvent.Role(direction: .amazon, kind: .returnRequest, isAutoReply: false) == .other)
        #expect(ClockEvent.Role(direction: .buyer, kind: .notice, isAutoReply: false) == .other)
        #expect(ClockEvent.Role(direction: .buyer, kind: .message, isAutoReply: false) == .customerMessage)
        #expect(ClockEvent.Role(direction: .seller, kind: .message, isAutoReply: false) == .response)
    }

    @Test func sellerInitiatedThreadsStartNoClockUntilTheBuyerWrites() {
        var e = EventFactory()
        let events = [e.reply(t0), e.reply(t0 + day), e.customer(t0 + 2 * day), e.reply(t0 + 2 * day + hour)]
        let clocks = ResponseClock.clocks(of: events, asOf: t0 + 3 * day)
        #expect(clocks.map(\.messageID) == [3])
        #expect(clocks.map(\.status) == [.within24h])
        #expect(clocks.map(\.responseSeconds) == [hour])
    }

    @Test func aReplyInAnotherThreadAnswersNothing() {
        var e = EventFactory()
        let events = [e.customer(t0, thread: 1), e.reply(t0 + hour, thread: 2)]
        #expect(statuses(events, asOf: t0 + 2 * hour) == [.pending])
    }

    @Test func aReplyAtTheSameInstantIsNotAfterTheMessage() {
        var e = EventFactory()
        let events = [e.customer(t0), e.reply(t0)]
        #expect(statuses(events, asOf: t0 + 25 * hour) == [.noResponse])
    }

    @Test func eventsAfterAsOfAreIgnored() {
        var e = EventFactory()
        let events = [e.customer(t0), e.reply(t0 + 2 * hour), e.customer(t0 + 5 * hour)]
        let clocks = ResponseClock.clocks(of: events, asOf: t0 + hour)
        #expect(clocks.map(\.status) == [.pending])
        #expect(clocks.map(\.respondedAt) == [nil])
    }

    @Test func offsetsAndDSTSwitchesNeverMoveTheClock() {
        // US: clocks went forward on 2026-03-08 at 02:00 EST (07:00 UTC). 20:00 EST on the 7th to
        // 21:00 EDT on the 8th reads 25 hours on the wall but is exactly 24 hours elapsed.
        var us = EventFactory()
        let usEvents = [us.customer(at("2026-03-07T20:00:00-05:00")), us.reply(at("2026-03-08T21:00:00-04:00"))]
        #expect(statuses(usEvents, asOf: at("2026-03-10T00:00:00Z")) == [.within24h])
        // Europe: 2026-03-29 01:00 UTC, +01:00 becomes +02:00. 13:00:01 +02:00 is 24 h 1 s later.
        var eu = EventFactory()
        let euEvents = [eu.customer(at("2026-03-28T12:00:00+01:00")), eu.reply(at("2026-03-29T13:00:01+02:00"))]
        let clocks = ResponseClock.clocks(of: euEvents, asOf: at("2026-03-30T00:00:00Z"))
        #expect(clocks.map(\.status) == [.late])
        #expect(clocks.map(\.responseSeconds) == [24 * hour + 1])
        // The same instant written with two offsets is the same instant.
        #expect(at("2026-03-29T03:00:00+02:00") == at("2026-03-28T20:00:00-05:00"))
        // Autumn: Europe goes back on 2026-10-25 at 01:00 UTC; 23 wall hours later is 24 h elapsed.
        var autumn = EventFactory()
        let autumnEvents = [autumn.customer(at("2026-10-24T12:00:00+02:00")), autumn.reply(at("2026-10-25T11:00:00+01:00"))]
        #expect(ResponseClock.clocks(of: autumnEvents, asOf: at("2026-10-26T00:00:00Z")).map(\.responseSeconds) == [24 * hour])
    }

    @Test func clocksComeOutInOrderOfReceiptWhateverTheInputOrder() {
        var e = EventFactory()
        let a = e.customer(t0 + 2 * hour, thread: 2)
        let b = e.customer(t0, thread: 1)
        let c = e.reply(t0 + 3 * hour, thread: 1)
        #expect(ResponseClock.clocks(of: [c, a, b], asOf: t0 + 4 * hour).map(\.messageID) == [2, 1])
    }

    /// The definition, written as plainly as possible: for each visible customer message, the
    /// first response in its thread strictly after it (then lowest id), sorted by receipt then id.
    static func reference(_ events: [ClockEvent], asOf: Date) -> [MessageClock] {
        let visible = events.filter { $0.sentAt <= asOf }
        return visible.filter { $0.role == .customerMessage }
            .sorted { ($0.sentAt, $0.messageID) < ($1.sentAt, $1.messageID) }
            .map { message in
                let response = visible.filter { $0.role == .response && $0.threadID == message.threadID && $0.sentAt > message.sentAt }
                    .min { ($0.sentAt, $0.messageID) < ($1.sentAt, $1.messageID) }
                return MessageClock(
                    messageID: message.messageID, threadID: message.threadID, receivedAt: message.sentAt,
                    status: ResponseClock.status(of: message, respondedAt: response?.sentAt, asOf: asOf), respondedAt: response?.sentAt,
                    responseMessageID: response?.messageID)
            }
    }

    @Test(arguments: 1...100)
    func theOneSortWalkEqualsTheDefinition(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        var e = EventFactory()
        var events: [ClockEvent] = []
        for _ in 0..<Int.random(in: 0...60, using: &random) {
            // Few threads and few distinct instants, so ties across threads and within them are common.
            let thread = Int64.random(in: 1...4, using: &random)
            let sentAt = t0 + Double(Int.random(in: 0...12, using: &random)) * hour
            switch Int.random(in: 0..<6, using: &random) {
            case 0, 1: events.append(e.customer(sentAt, thread: thread))
            case 2:
                events.append(e.customer(sentAt, thread: thread, markedAt: sentAt + Double(Int.random(in: 0...8, using: &random)) * hour))
            case 3, 4: events.append(e.reply(sentAt, thread: thread))
            default: events.append(e.other(sentAt, thread: thread))
            }
        }
        events.shuffle(using: &random)
        let asOf = t0 + Double(Int.random(in: 0...40, using: &random)) * hour
        #expect(ResponseClock.clocks(of: events, asOf: asOf) == Self.reference(events, asOf: asOf), "seed \(seed)")
    }
}
