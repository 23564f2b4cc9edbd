import Foundation

/// Amazon's 22 marketplaces as the host suffix of their relay domain (`marketplace.amazon.<suffix>`),
/// per POLICY §4.1. `cn` is absent: it has no relay MX.
public enum AmazonMarketplace {
    public static let hostSuffixes: [String] = [
        "com.au", "com.be", "com.br", "com.mx", "com.tr", "co.jp", "co.uk", "com", "ae", "ca", "de", "eg", "es",
        "fr", "ie", "in", "it", "nl", "pl", "sa", "se", "sg",
    ]

    /// The suffix after `amazon.` in a host such as `marketplace.amazon.co.uk` or `amazon.de`, when
    /// it is one of the 22.
    public static func hostSuffix(ofAmazonHost host: String) -> String? {
        let lowered = host.lowercased()
        guard let range = lowered.range(of: "amazon.", options: .backwards) else { return nil }
        let before = lowered[..<range.lowerBound]
        guard before.isEmpty || before.hasSuffix(".") else { return nil }
        let suffix = String(lowered[range.upperBound...])
        return hostSuffixes.contains(suffix) ? suffix : nil
    }

    /// `X-Marketplace-ID` values seen in Amazon's mail (POLICY §4.2) and the public marketplace ids.
    public static func hostSuffix(forMarketplaceID id: String) -> String? {
        let table = [
            "ATVPDKIKX0DER": "com", "A2EUQ1WTGCTBG2": "ca", "A1AM78C64UM0Y8": "com.mx", "A2Q3Y263D00KWC": "com.br",
            "A1F83G8C2ARO7P": "co.uk", "A1PA6795UKMFR9": "de", "A13V1IB3VIYZZH": "fr", "APJ6JRA9NG5V4": "it",
            "A1RKKUPIHCS9HS": "es", "A1805IZSGTT6HS": "nl", "A1C3SOZRARQ6R3": "pl", "A2NODRKZP88ZB9": "se",
            "AMEN7PMS3EDWL": "com.be", "A33AVAJ2PDY3EV": "com.tr", "A28R8C7NBKEWEA": "ie", "A2VIGQ35RCS4UG": "ae",
            "A17E79C6D8DWNP": "sa", "ARBP9OOSHTCHU": "eg", "A21TJRUUN4KGV": "in", "A19VAU5U5O7RUS": "sg",
            "A39IBJ37TRP1C6": "com.au", "A1VC38T7YXB528": "co.jp",
        ]
        return table[id.trimmingCharacters(in: .whitespaces).uppercased()]
    }
}
