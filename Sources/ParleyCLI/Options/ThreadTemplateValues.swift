import Foundation
import MessageStore

/// The template values a stored thread provides to `parley template fill --thread`, by variable
/// name: `buyer_name` (the buyer's display name, when the mail showed one), `order_id`, `asin` (the
/// latest message that names one) and `order_date` (the thread's first activity, YYYY-MM-DD in UTC,
/// when the thread has an order). The store keeps no product name, so `product` comes from --set or
/// --vars. Names a template does not declare are ignored by the filler, so every value is offered
/// to every template.
enum ThreadTemplateValues {
    /// The language buyers of a marketplace write in (its default locale on Amazon), used to pick a
    /// template variant when --language is not given: a co.uk buyer gets the en-GB variant.
    static let marketplaceLanguages: [String: String] = [
        "com": "en-US", "ca": "en-CA", "com.mx": "es-MX", "com.br": "pt-BR", "co.uk": "en-GB", "ie": "en-IE",
        "de": "de-DE", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "nl": "nl-NL", "pl": "pl-PL", "se": "sv-SE",
        "com.be": "fr-BE", "com.tr": "tr-TR", "ae": "en-AE", "sa": "ar-SA", "eg": "ar-EG", "in": "en-IN",
        "co.jp": "ja-JP", "com.au": "en-AU", "sg": "en-SG",
    ]

    /// The buyer's language as far as the thread tells: its marketplace's language, or nil.
    static func language(of conversation: Conversation) -> String? {
        conversation.thread.marketplace.flatMap { marketplaceLanguages[$0.lowercased()] }
    }

    static func values(of conversation: Conversation) -> [String: String] {
        let thread = conversation.thread
        var values: [String: String] = [:]
        values["buyer_name"] = nonBlank(thread.buyerName)
        values["order_id"] = nonBlank(thread.orderID)
        values["asin"] = conversation.messages.reversed().lazy.compactMap { nonBlank($0.asin) }.first
        if values["order_id"] != nil { values["order_date"] = day(thread.firstActivityAt) }
        return values
    }

    /// `2026-03-02`: the UTC calendar day, as the store prints every instant in UTC.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
