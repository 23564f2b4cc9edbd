import Foundation
import MailImport

/// The keys that name a thread in the `thread.key` column, one per threading rule:
/// - `key:<thread>`: the thread a JSONL or CSV export names;
/// - `amazon:<alias>:<order>`: Amazon relay mail, the buyer's alias and the order
///   (`amazon:<alias>` for a pre-sale question, which has no order);
/// - `order:<order>`: an Amazon notice about an order no thread has yet;
/// - `mail:<message-id>`: the first message of an RFC 5322 reply chain;
/// - `message:<external id>`: a message with nothing else to go by.
enum ThreadKey {
    static func explicit(_ name: String) -> String { "key:\(name)" }

    static func amazon(alias: String, orderID: String?) -> String {
        orderID.map { "amazon:\(alias):\($0)" } ?? "amazon:\(alias)"
    }

    static func order(_ orderID: String) -> String { "order:\(orderID)" }

    static func mail(_ messageID: String) -> String { "mail:\(messageID)" }

    static func message(_ externalID: String) -> String { "message:\(externalID)" }

    /// A Message-ID as stored: without the angle brackets and surrounding space; nil when empty.
    static func normalizedMessageID(_ raw: String?) -> String? {
        guard var id = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty else { return nil }
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        id = id.trimmingCharacters(in: .whitespaces)
        return id.isEmpty ? nil : id
    }
}
