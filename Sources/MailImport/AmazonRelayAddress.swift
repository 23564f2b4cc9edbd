import Foundation

/// A buyer's (or seller's) anonymised relay address, `alias[+tag]@marketplace.amazon.<suffix>`.
///
/// The alias, the part before `+`, stays the same for one buyer and one seller; the tag (a hex code
/// or a Seller Central case id) changes. Threads key on the alias and the marketplace.
public struct AmazonRelayAddress: Sendable, Hashable {
    /// The local part before `+`, lower-cased.
    public var alias: String
    public var tag: String?
    /// `com`, `co.uk`, `de`, …
    public var marketplace: String
    /// The address as written, to reply to.
    public var address: String

    public init?(_ address: String) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard let at = trimmed.lastIndex(of: "@") else { return nil }
        let local = trimmed[..<at]
        let host = trimmed[trimmed.index(after: at)...].lowercased()
        guard host.hasPrefix("marketplace.amazon."),
            let suffix = AmazonMarketplace.hostSuffix(ofAmazonHost: host), !local.isEmpty
        else { return nil }
        let pieces = local.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)
        let alias = pieces[0].lowercased()
        guard !alias.isEmpty, alias.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        else { return nil }
        self.alias = alias
        self.tag = pieces.count > 1 && !pieces[1].isEmpty ? String(pieces[1]) : nil
        self.marketplace = suffix
        self.address = trimmed
    }
}
