import Foundation
import PCRE2

/// Turns one RFC 5322 message into an `ImportedMessage`: who sent it (buyer, seller or Amazon), when,
/// the words a person wrote, attachments, and what the store needs to thread and time it.
///
/// Amazon's relay mail is recognised by the relay address, `X-Space-Notification-Type`, Amazon's
/// sender domains and subjects (POLICY §4); other mail is `seller` when it comes from one of
/// `sellerAddresses`, else `buyer`, and is threaded through Message-ID / In-Reply-To / References.
public struct MailParser: Sendable {
    /// The seller's own addresses, lower-cased.
    public let sellerAddresses: Set<String>
    private let amazon: AmazonRelay

    public init(sellerAddresses: Set<String> = []) throws(PCRE2Error) {
        self.sellerAddresses = Set(sellerAddresses.map { $0.lowercased().trimmingCharacters(in: .whitespaces) })
        self.amazon = try AmazonRelay()
    }

    /// The parsed message and the fallbacks used (unknown charsets, a date taken from elsewhere).
    public struct Parsed: Sendable {
        public var message: ImportedMessage
        public var notes: [String]
    }

    /// Parses one message. `fallbackDate` is used when neither `Date` nor `Received` has a usable
    /// time (an mbox `From ` line, a Maildir file name); without any date the message cannot be timed
    /// and an `ImportIssue` is thrown for the reader to record.
    public func parse(_ bytes: [UInt8], source: SourcePosition, fallbackDate: Date? = nil) throws(ImportIssue) -> Parsed {
        let mail = RFC5322Message(bytes: bytes)
        let root = MIMEPart(headers: mail.headers, body: mail.body)
        let content = MessageContent(root: root)
        var notes = content.notes

        let sentAt: Date
        if let date = mail.date {
            sentAt = date.date
        } else if let fallbackDate {
            sentAt = fallbackDate
            notes.append("no usable Date header; dated by its mailbox entry or file time")
        } else {
            let raw = mail.headers["Date"]?.rawValue
            throw ImportIssue(
                position: source,
                message: raw.map { "unreadable Date '\($0)' and no other time stamp" } ?? "no Date header and no other time stamp")
        }

        let from = mail.from
        let subject = mail.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let recipients = mail.addresses("To") + mail.addresses("Cc")
        let replyTo = mail.addresses("Reply-To")
        var message = ImportedMessage(
            externalID: "", direction: .buyer, sentAt: sentAt, subject: subject, body: content.text.trimmedBlock(),
            attachments: content.attachments, senderAddress: from?.address, isAutoReply: AutoReplyHeaders.isAutoReply(mail.headers),
            messageID: mail.messageID, inReplyTo: mail.inReplyTo, references: mail.references, source: source)

        let notification = AmazonNotificationType(headerValue: mail.headers["X-Space-Notification-Type"]?.rawValue)
        let relayFrom = from.flatMap { AmazonRelayAddress($0.address) }
        let relayReplyTo = replyTo.lazy.compactMap { AmazonRelayAddress($0.address) }.first
        let relayTo = recipients.lazy.compactMap { address in AmazonRelayAddress(address.address).map { (address, $0) } }.first
        let fromSeller = from.map { sellerAddresses.contains($0.normalized) } ?? false
        let systemMarketplace = from.flatMap { Self.amazonSystemMarketplace($0.address) }

        switch notification {
        case .buyerMessage?:
            readBuyerMessage(&message, relay: relayFrom ?? relayReplyTo, from: from, content: content)
        case .sellerReplyCopy?:
            readSellerCopy(&message, content: content, systemMarketplace: systemMarketplace, recipient: relayTo)
        case .returnRequest?:
            readAmazonNotice(&message, kind: .returnRequest, content: content, marketplace: systemMarketplace)
        case .cancellationRequest?:
            readAmazonNotice(&message, kind: .cancellationRequest, content: content, marketplace: systemMarketplace)
        case .other?:
            readAmazonNotice(&message, kind: .notice, content: content, marketplace: systemMarketplace)
        case nil:
            if let relayFrom, !fromSeller {
                readBuyerMessage(&message, relay: relayFrom, from: from, content: content)
            } else if let systemMarketplace {
                if amazon.sellerCopyRecipient(subject: subject, text: content.text) != nil {
                    readSellerCopy(&message, content: content, systemMarketplace: systemMarketplace, recipient: relayTo)
                } else {
                    let kind: MessageKind =
                        amazon.isReturnRequest(subject: subject)
                        ? .returnRequest : amazon.isCancellationRequest(subject: subject) ? .cancellationRequest : .notice
                    readAmazonNotice(&message, kind: kind, content: content, marketplace: systemMarketplace)
                }
            } else if let (address, relay) = relayTo {
                // Mail to a relay address that no relay sent: the seller answering a buyer.
                readSellerReply(&message, relay: relay, recipient: address, content: content)
            } else {
                message.direction = fromSeller ? .seller : .buyer
                message.buyerName = fromSeller ? nil : from?.displayName
            }
        }

        // A relay address names its marketplace; Amazon's own mail comes from amazon.com for several
        // marketplaces, so there `X-Marketplace-ID` is the better witness.
        if let marketplaceID = mail.headers["X-Marketplace-ID"]?.rawValue,
            let fromID = AmazonMarketplace.hostSuffix(forMarketplaceID: marketplaceID),
            message.buyerAlias == nil || message.marketplace == nil
        {
            message.marketplace = fromID
        }
        message.externalID =
            message.messageID
            ?? ContentHash.fnv1a64([
                from?.normalized ?? "", String(Int(sentAt.timeIntervalSince1970)), subject, message.body,
            ])
        return Parsed(message: message, notes: notes)
    }

    /// Parses one message and turns the outcome into reader events: the message and its warnings, or
    /// the issue that made it unusable.
    func events(_ bytes: [UInt8], source: SourcePosition, fallbackDate: Date? = nil) -> [ImportEvent] {
        do {
            let parsed = try parse(bytes, source: source, fallbackDate: fallbackDate)
            return [.message(parsed.message)]
                + parsed.notes.map { .warning(ImportIssue(position: source, message: $0)) }
        } catch {
            return [.issue(error)]
        }
    }

    private func readBuyerMessage(
        _ message: inout ImportedMessage, relay: AmazonRelayAddress?, from: MailAddress?, content: MessageContent
    ) {
        message.direction = .buyer
        message.kind = .message
        if let relay {
            message.buyerAlias = relay.alias
            message.marketplace = relay.marketplace
            message.replyAddress = relay.address
        }
        message.buyerName = AmazonRelay.buyerName(fromDisplayName: from?.displayName)
        fillAmazonFields(&message, content: content)
        // Only a relayed buyer message carries its own: a seller's reply may quote the buyer's.
        message.noResponseNeededLink = amazon.noResponseNeededLink(text: content.text, html: content.html)
        message.communicationToken = amazon.communicationToken(text: content.text, html: content.html)
        if let text = amazon.buyerText(text: content.text, html: content.html) { message.body = text }
    }

    private func readSellerReply(
        _ message: inout ImportedMessage, relay: AmazonRelayAddress, recipient: MailAddress, content: MessageContent
    ) {
        message.direction = .seller
        message.kind = .message
        message.buyerAlias = relay.alias
        message.marketplace = relay.marketplace
        message.replyAddress = relay.address
        message.buyerName = AmazonRelay.buyerName(fromDisplayName: recipient.displayName)
        fillAmazonFields(&message, content: content)
    }

    private func readSellerCopy(
        _ message: inout ImportedMessage, content: MessageContent, systemMarketplace: String?,
        recipient: (MailAddress, AmazonRelayAddress)?
    ) {
        message.direction = .seller
        message.kind = .message
        message.marketplace = systemMarketplace
        if let (address, relay) = recipient {
            message.buyerAlias = relay.alias
            message.marketplace = relay.marketplace
            message.replyAddress = relay.address
            message.buyerName = AmazonRelay.buyerName(fromDisplayName: address.displayName)
        }
        if let name = amazon.sellerCopyRecipient(subject: message.subject, text: content.text), !name.isEmpty {
            message.buyerName = name
        }
        fillAmazonFields(&message, content: content)
        if let text = amazon.buyerText(text: content.text, html: content.html) { message.body = text }
    }

    private func readAmazonNotice(
        _ message: inout ImportedMessage, kind: MessageKind, content: MessageContent, marketplace: String?
    ) {
        message.direction = .amazon
        message.kind = kind
        message.marketplace = marketplace
        fillAmazonFields(&message, content: content)
    }

    private func fillAmazonFields(_ message: inout ImportedMessage, content: MessageContent) {
        message.orderID = amazon.orderID(subject: message.subject, body: content.text)
        message.asin = amazon.asin(text: content.text, html: content.html)
    }

    /// The marketplace suffix when `address` is an Amazon system sender (`…@amazon.<tld>` or a
    /// subdomain other than the relay's), per POLICY §4.1; nil otherwise.
    static func amazonSystemMarketplace(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let host = address[address.index(after: at)...].lowercased()
        guard !host.hasPrefix("marketplace.amazon.") else { return nil }
        return AmazonMarketplace.hostSuffix(ofAmazonHost: host)
    }
}
