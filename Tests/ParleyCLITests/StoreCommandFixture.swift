import ArgumentParser
import Foundation
import MailImport
import MessageStore
import ParleyCLI
import TestSupport
import Testing

/// A clock stuck at one instant.
struct FixedClock: WallClock {
    var now: Date
}

func instant(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else {
        Issue.record("bad test instant \(text)", sourceLocation: sourceLocation)
        return .distantPast
    }
    return date
}

/// A store on disk with a few threads, and helpers to run the store commands against it.
struct StoreCommandFixture {
    let folder: URL
    let path: String
    let t0 = instant("2026-03-02T09:00:00Z")
    static let hour: TimeInterval = 3_600

    init() throws {
        folder = try Fixtures.temporaryDirectory()
        path = folder.appendingPathComponent("store/parley.sqlite").path
        let database = try AppDatabase.onDisk(path: path)
        let h = Self.hour
        func message(
            _ id: String, _ direction: Direction, _ offset: TimeInterval, subject: String = "", body: String, order: String? = nil,
            alias: String? = nil, name: String? = nil, kind: MessageKind = .message, auto: Bool = false, line: Int
        ) -> ImportedMessage {
            ImportedMessage(
                externalID: id, direction: direction, sentAt: t0 + offset, subject: subject, body: body,
                marketplace: alias == nil ? nil : "com",
                orderID: order, buyerAlias: alias, buyerName: name,
                replyAddress: alias.map { "\($0)+1f@marketplace.amazon.com" }, kind: kind, isAutoReply: auto,
                messageID: "<\(id)@example>", source: SourcePosition(file: "seed.mbox", messageNumber: line))
        }
        let messages = [
            // T1: Sam, order 111-…, two buyer messages, an auto-reply in between: overdue at t0 + 30 h.
            message(
                "q1", .buyer, 0, subject: "Order delivery inquiry from Amazon customer Sam (Order: 111-0944945-3989852)",
                body: "Where is my parcel?\nIt was due Monday.", order: "111-0944945-3989852", alias: "qw2smy2gutcr61k", name: "Sam",
                line: 1),
            message(
                "a1", .seller, 1 * h, body: "We got your message and will answer soon.", order: "111-0944945-3989852",
                alias: "qw2smy2gutcr61k", auto: true, line: 2),
            message("q2", .buyer, 5 * h, body: "Hello?", order: "111-0944945-3989852", alias: "qw2smy2gutcr61k", line: 3),
            // T2: a pre-sale question 27 h after t0: 2 h left at t0 + 30 h.
            message(
                "q3", .buyer, 8 * h, subject: "Product details inquiry from Amazon customer Ana", body: "Is it dishwasher safe?",
                alias: "ab12cd34ef56gh7", name: "Ana", line: 4),
            // T3: answered within an hour.
            message(
                "q4", .buyer, 2 * h, subject: "Return policy inquiry", body: "Can I return it?", order: "222-0000000-0000002",
                alias: "zz99yy88xx77ww6", line: 5),
            message("r4", .seller, 3 * h, body: "Yes, within 30 days.", order: "222-0000000-0000002", alias: "zz99yy88xx77ww6", line: 6),
            // A return request for T3's order.
            message(
                "ret", .amazon, 4 * h, subject: "Return authorization request for order # 222-0000000-0000002",
                body: "Return reason: No longer needed", order: "222-0000000-0000002", kind: .returnRequest, line: 7),
        ]
        let summary = try database.importFile(ParsedFile(messages: messages), source: "seed.mbox", strict: false)
        #expect(summary.messagesAdded == 7)
    }

    func command<C: ParsableCommand>(_ type: C.Type, _ arguments: [String]) throws -> C {
        try #require(try Parley.parseAsRoot(arguments + ["--db", path]) as? C)
    }
}
