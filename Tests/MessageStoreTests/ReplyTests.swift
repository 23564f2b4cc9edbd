import Foundation
import MessageLint
import MessageStore
import Testing

/// `AppDatabase.recordReply`: lint, history checks, refusal, forcing with a reason, the audit log.
@Suite struct ReplyTests {
    let t0 = at("2026-03-02T09:00:00Z")
    let linter: Linter

    init() throws { linter = try testLinter() }

    func store() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        var f = MessageFactory()
        // T1 (M1): the buyer's question; T2 (M2): a seller-initiated thread 20 days older.
        try load(
            database,
            [
                f.make(
                    .buyer, t0, thread: "a", subject: "Cracked mug", orderID: "111-1", replyAddress: "abc+1@marketplace.amazon.com",
                    messageID: "<q1@amazon>")
            ])
        try load(database, [f.make(.seller, t0 - 20 * day, thread: "b", subject: "Your order", orderID: "222-2")])
        return database
    }

    @Test func aCleanReplyIsRecordedAndStopsTheClock() throws {
        let database = try store()
        let outcome = try database.recordReply(
            thread: 1, draft: Draft(body: "A replacement ships today."), at: t0 + 2 * hour, linter: linter)
        guard case let .recorded(reply) = outcome else { Issue.record("refused: \(outcome.findings)"); return }
        #expect(reply.findings.isEmpty)
        #expect(reply.isProactive == false)
        #expect(reply.audit == nil)
        #expect(reply.message.id == 3)
        #expect(reply.message.direction == .seller)
        #expect(reply.message.subject == "Re: Cracked mug")
        #expect(reply.message.rfcMessageID == "parley.1.2.20260302110000@parley.invalid")
        #expect(reply.message.inReplyTo == "q1@amazon")
        #expect(reply.message.referenceIDs == ["q1@amazon"])
        #expect(try database.inbox(asOf: t0 + 3 * hour).isEmpty)
        #expect(try database.metrics(asOf: t0 + 3 * hour, windows: [7]).windows[0].within24h == 1)
    }

    @Test func errorsRefuseTheReplyAndRecordNothing() throws {
        let database = try store()
        let outcome = try database.recordReply(
            thread: 1, draft: Draft(body: "Write to me at jo@shop.example 😀"), at: t0 + hour, linter: linter)
        guard case let .refused(findings, _) = outcome else { Issue.record("recorded"); return }
        #expect(findings.map(\.rule) == ["contact-info.email", "format.emoji"])
        #expect(try database.conversation(threadID: 1, asOf: t0 + day).messages.count == 1)
        #expect(try database.auditLog().isEmpty)
    }

    @Test func warningsAloneDoNotRefuse() throws {
        let database = try store()
        let outcome = try database.recordReply(thread: 1, draft: Draft(body: "On its way 😀"), at: t0 + hour, linter: linter)
        guard case let .recorded(reply) = outcome else { Issue.record("refused"); return }
        #expect(reply.findings.map(\.rule) == ["format.emoji"])
        #expect(reply.audit == nil)
    }

    @Test func forcingWithAReasonRecordsAndAudits() throws {
        let database = try store()
        let outcome = try database.recordReply(
            thread: 1, draft: Draft(body: "Write to jo@shop.example"), at: t0 + hour, linter: linter,
            force: "  Buyer asked for our warranty desk address  ")
        guard case let .recorded(reply) = outcome else { Issue.record("refused"); return }
        let audit = try #require(reply.audit)
        #expect(audit.action == .forcedReply)
        #expect(audit.reason == "Buyer asked for our warranty desk address")
        #expect(audit.overriddenRules == ["contact-info.email"])
        #expect(audit.messageId == reply.message.id)
        #expect(try database.auditLog() == [audit])
        #expect(throws: StoreError.emptyForceReason) {
            try database.recordReply(thread: 1, draft: Draft(body: "x"), at: t0, linter: linter, force: " ")
        }
        #expect(throws: StoreError.noSuchThread(42)) {
            try database.recordReply(thread: 42, draft: Draft(body: "x"), at: t0, linter: linter)
        }
    }

    @Test func aSecondReviewRequestForTheSameOrderIsAnError() throws {
        let database = try store()
        let first = try database.recordReply(
            thread: 1, draft: Draft(body: "Glad it arrived. If you have a moment, please leave a review."), at: t0 + hour, linter: linter)
        guard case .recorded = first else { Issue.record("first request refused: \(first.findings)"); return }
        // Another thread of the same order.
        var f = MessageFactory(file: "later.jsonl")
        try load(database, [f.make(.buyer, t0 + 2 * day, thread: "a2", orderID: "111-1")], source: "later.jsonl")
        let second = try database.recordReply(
            thread: 3, draft: Draft(body: "Thanks again!\nYour feedback would be appreciated."), at: t0 + 2 * day + hour, linter: linter)
        guard case let .refused(findings, _) = second else { Issue.record("second request recorded"); return }
        let finding = try #require(findings.first)
        #expect(finding.rule == "history.repeat-review-request")
        #expect(finding.severity == .error)
        #expect(finding.category == .reviewSolicitation)
        #expect(finding.line == 2)
        #expect(finding.column == 6)
        #expect(finding.match == "feedback would be appreciated")
        #expect(finding.message.hasPrefix("This order already had a review or feedback request (M3, 2026-03-02)"))
        // A reply that asks nothing is fine.
        let plain = try database.recordReply(thread: 3, draft: Draft(body: "It ships Monday."), at: t0 + 2 * day + hour, linter: linter)
        #expect(plain.findings.isEmpty)
    }

    @Test func aProactiveMessageMoreThan30DaysAfterTheOrderIsAnError() throws {
        let database = try store()
        // Thread b (order 222-2) began 20 days before t0 with a seller message and has no buyer message.
        let inTime = try database.recordReply(thread: 2, draft: Draft(body: "Your invoice is attached."), at: t0 + 10 * day, linter: linter)
        guard case let .recorded(reply) = inTime else { Issue.record("refused: \(inTime.findings)"); return }
        #expect(reply.isProactive)
        #expect(reply.message.inReplyTo == nil)
        let late = try database.recordReply(thread: 2, draft: Draft(body: "Any news?"), at: t0 + 10 * day + 1, linter: linter)
        guard case let .refused(findings, isProactive) = late else { Issue.record("recorded"); return }
        #expect(isProactive)
        #expect(findings.map(\.rule) == ["history.proactive-after-30-days"])
        #expect(findings[0].message.hasPrefix("A seller-initiated message 30 days after the order's first message (2026-02-10)"))
        // A reply to the buyer is never bound by the 30-day window.
        let buyerReplyLate = try database.recordReply(
            thread: 1, draft: Draft(body: "Sorry for the wait."), at: t0 + 60 * day, linter: linter)
        #expect(buyerReplyLate.findings.isEmpty)
    }

    @Test func reviewRequestDetector() {
        let detector = ReviewRequestDetector()
        for text in [
            "Please leave us a review.", "Would you consider writing a product review?", "Your feedback would be greatly appreciated",
            "Could you share your honest feedback on Amazon?", "Please rate your purchase.", "Leave feedback here",
        ] {
            #expect(detector.isRequest(text), "\(text)")
        }
        for text in [
            "We will review your request today.", "Thanks for the feedback.", "The reviewer at the depot checked it.",
            "Give us a day to look into it.",
        ] {
            #expect(!detector.isRequest(text), "\(text)")
        }
    }
}
