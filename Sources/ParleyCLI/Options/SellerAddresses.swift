import Foundation

/// The seller's own email addresses, which make mail outside Amazon's relay a seller message:
/// every `--seller-address` plus the comma-separated `PARLEY_SELLER_ADDRESSES`.
enum SellerAddresses {
    static let environmentVariable = "PARLEY_SELLER_ADDRESSES"

    static func resolve(options: [String], environment: [String: String]) throws -> Set<String> {
        var addresses = Set(options.map(normalized))
        for entry in (environment[environmentVariable] ?? "").split(separator: ",") {
            let address = normalized(String(entry))
            if address.isEmpty { continue }
            guard isAddress(address) else {
                throw InputError("\(environmentVariable): '\(address)' is not an email address (expected a@b.example, comma-separated)")
            }
            addresses.insert(address)
        }
        return addresses
    }

    /// Good enough to catch a name or a typo given in place of an address: `local@domain`, no spaces.
    static func isAddress(_ text: String) -> Bool {
        let address = normalized(text)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !address.contains(where: \.isWhitespace)
    }

    private static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
