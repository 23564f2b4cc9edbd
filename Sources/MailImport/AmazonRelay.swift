import Foundation
import PCRE2

/// Reads Amazon's buyer-seller messaging mail (POLICY §4): the buyer's text cut out of the
/// notification, the order id, the ASIN, and the kinds of Amazon mail (return requests, copies of the
/// seller's own replies). Patterns are compiled once, when the parser is built.
public struct AmazonRelay: Sendable {
    private let subjectOrderID: PCRE2Regex
    private let subjectOrderNumber: PCRE2Regex
    private let bodyOrderID: PCRE2Regex
    private let itemASIN: PCRE2Regex
    private let linkASIN: PCRE2Regex
    private let startMarker: PCRE2Regex
    private let endMarker: PCRE2Regex
    private let footer: PCRE2Regex
    private let returnRequestSubject: PCRE2Regex
    private let cancellationSubject: PCRE2Regex
    private let copyIntroduction: PCRE2Regex
    private let copySubject: PCRE2Regex
    private let noResponseLink: PCRE2Regex
    private let commMgrToken: PCRE2Regex

    /// The localised start markers of the buyer's text (POLICY §4.4), old and new layouts.
    static let startMarkers = [
        "Begin message(?:[ \\t]*/[ \\t]*Début du message)?", "Message[ \\t]*:?", "Mensagem[ \\t]*:?",
        "Iniciar mensagem", "Mensaje[ \\t]*:?", "Wiadomość[ \\t]*:?", "Nachricht[ \\t]*:?", "Début du message",
    ]
    /// The matching end markers; Polish ones may go on (`Koniec wiadomości`).
    static let endMarkers = [
        "End message(?:[ \\t]*/[ \\t]*Fin du message)?", "Encerrar mensagem", "Mensagem final", "Finalizar mensaje",
        "Fin du message", "Ende der Nachricht", "Koniec", "Zakończ",
    ]

    public init() throws(PCRE2Error) {
        let order = "\\d{3}-\\d{7}-\\d{7}"
        subjectOrderID = try PCRE2Regex("[(（]\\s*[^()（）:：]{1,20}[:：]\\s*\\K\(order)(?=\\s*[)）])")
        subjectOrderNumber = try PCRE2Regex("(?i)\\b(?:order|commande|pedido|bestellung|ordine|zamówieni\\w*)\\b[^0-9\\n]{0,12}\\K\(order)")
        bodyOrderID = try PCRE2Regex("(?<![\\d-])\(order)(?![\\d-])")
        itemASIN = try PCRE2Regex("\\[ASIN:\\s*\\K[A-Z0-9]{10}(?=\\s*\\])")
        linkASIN = try PCRE2Regex("/(?:dp|gp/product)/\\K[A-Z0-9]{10}(?![A-Za-z0-9])")
        let starts = Self.startMarkers.joined(separator: "|")
        let bareStarts = "Message|Mensagem|Mensaje|Wiadomość|Nachricht"
        startMarker = try PCRE2Regex(
            "(?mi)^[ \\t]*(?:-{3,}[ \\t]*(?:\(starts))[ \\t]*-{3,}|(?:\(bareStarts))[ \\t]*:)[ \\t]*\\r?$")
        endMarker = try PCRE2Regex(
            "(?mi)^[ \\t]*-{3,}[ \\t]*(?:\(Self.endMarkers.joined(separator: "|")))[^\\n-]*-{3,}[ \\t]*\\r?$")
        footer = try PCRE2Regex(
            "(?mi)^[ \\t]*(?:Was this email helpful|For Your Information|To mark this message as no response needed"
                + "|Resolve case|Report questionable activity|Copyright ©?|Résoudre le cas|Solucionar o caso|Rozwiąż sprawę)")
        returnRequestSubject = try PCRE2Regex("(?i)Return authori[sz]ation (?:request|notification) for order")
        cancellationSubject = try PCRE2Regex(
            "(?i)^\\s*(?:Order cancellation request from Amazon customer|Solicitud de cancelación de pedido)")
        copyIntroduction = try PCRE2Regex("(?i)Here is a copy of the e-?mail (?:that )?you sent to\\s*\\K[^\\n]+")
        copySubject = try PCRE2Regex("(?i)^\\s*Seu e-mail para\\s*\\K.+")
        // Old: www.amazon.<tld>/gp/communication-manager/no-response-needed.html?msg=…; new: the
        // footer's sellercentral.amazon.<tld>/messaging/no-response-needed?…&h=…&s=1 (POLICY §4.5).
        noResponseLink = try PCRE2Regex(
            "(?i)\\bhttps?://(?:www|sellercentral)\\.amazon\\.[a-z]{2,3}(?:\\.[a-z]{2})?/"
                + "(?:gp/communication-manager/no-response-needed\\.html|messaging/no-response-needed)\\?[^\\s<>\"']+")
        commMgrToken = try PCRE2Regex("\\[commMgrTok:\\K[A-Z0-9]+(?=\\])")
    }

    /// The order id: the subject's `(Order: …)` or a localised variant, then `order # …`, then the
    /// first order number in the body.
    public func orderID(subject: String, body: String) -> String? {
        let subjectText = UTF8Text(subject)
        return subjectOrderID.firstText(in: subjectText) ?? subjectOrderNumber.firstText(in: subjectText)
            ?? bodyOrderID.firstText(in: body)
    }

    /// The ASIN from the item line `[ASIN: …]`, else from a `/dp/…` link in the text or the HTML.
    public func asin(text: String, html: String?) -> String? {
        if let asin = itemASIN.firstText(in: text) { return asin }
        if let html, let asin = itemASIN.firstText(in: html) { return asin }
        return linkASIN.firstText(in: text) ?? html.flatMap { linkASIN.firstText(in: $0) }
    }

    /// The buyer's words without the notification around them: the HTML part's `<pre>` block when
    /// there is one, else the text between the start and end markers of the plain text (or of the
    /// HTML as text). Nil when the message has neither, i.e. it is not in Amazon's layout.
    public func buyerText(text: String, html: String?) -> String? {
        if let html {
            for block in HTMLText.preformattedBlocks(inHTML: html) {
                let trimmed = block.trimmedBlock()
                if !trimmed.isEmpty { return trimmed }
            }
        }
        if let cut = betweenMarkers(text) { return cut }
        if let html, let cut = betweenMarkers(HTMLText.text(fromHTML: html)) { return cut }
        return nil
    }

    private func betweenMarkers(_ string: String) -> String? {
        let text = UTF8Text(string)
        guard let start = startMarker.firstRange(in: text) else { return nil }
        let rest = UTF8Text(text.substring(start.upperBound..<text.byteCount))
        let end = endMarker.firstRange(in: rest)?.lowerBound ?? footer.firstRange(in: rest)?.lowerBound ?? rest.byteCount
        return rest.substring(0..<end).trimmedBlock()
    }

    /// The link that marks the message "no response needed" in Seller Central (POLICY §4.5), byte
    /// for byte: its `t`/`h` parameters are a signature, so it is kept as sent and never rebuilt.
    /// From the plain text, else from the HTML, where an `href` writes `&` as `&amp;`.
    public func noResponseNeededLink(text: String, html: String?) -> String? {
        if let link = noResponseLink.firstText(in: text) { return link }
        return html.flatMap { noResponseLink.firstText(in: $0) }.map(HTMLEntities.decode)
    }

    /// The old layout's `[commMgrTok:AF9E104T7W2Q2]` (POLICY §4.4): a strong hint at which message
    /// this is, never proof on its own.
    public func communicationToken(text: String, html: String?) -> String? {
        commMgrToken.firstText(in: text) ?? html.flatMap { commMgrToken.firstText(in: $0) }
    }

    public func isReturnRequest(subject: String) -> Bool { returnRequestSubject.firstRange(in: UTF8Text(subject)) != nil }

    public func isCancellationRequest(subject: String) -> Bool {
        cancellationSubject.firstRange(in: UTF8Text(subject)) != nil
    }

    /// When the mail is Amazon's copy of a reply the seller sent (`Here is a copy of the e-mail that
    /// you sent to <buyer>.`, pt-BR subject `Seu e-mail para <nome>`): the buyer's name as given, or
    /// "" when the copy names nobody. Nil when it is not such a copy.
    public func sellerCopyRecipient(subject: String, text: String) -> String? {
        if let name = copySubject.firstText(in: subject) { return Self.cleanName(name) }
        if let name = copyIntroduction.firstText(in: text) { return Self.cleanName(name) }
        return nil
    }

    private static func cleanName(_ raw: String) -> String {
        var name = Substring(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        while let last = name.last, last == "." || last == ":" || last == " " { name = name.dropLast() }
        return String(name)
    }

    /// `"Jane - Amazon Marketplace"` → `Jane`; a name without the suffix is kept; an empty one is nil.
    public static func buyerName(fromDisplayName displayName: String?) -> String? {
        guard var name = displayName?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
        for separator in [" - ", " – ", " — ", "-"] {
            if let range = name.range(of: separator + "Amazon Marketplace", options: [.caseInsensitive, .backwards]) {
                name = String(name[..<range.lowerBound])
                break
            }
        }
        name = name.trimmingCharacters(in: .whitespaces)
        if name.lowercased() == "amazon marketplace" { return nil }
        return name.isEmpty ? nil : name
    }
}
