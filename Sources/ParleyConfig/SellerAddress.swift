/// One of the seller's own email addresses as a user types it: on the command line, in
/// `PARLEY_SELLER_ADDRESSES` or in the config file. Compared lower-cased, because mail programs
/// write the same mailbox in any case (`Orders@Shop.example`).
public enum SellerAddress {
    /// Trimmed and lower-cased, the form every comparison uses.
    public static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Good enough to catch a name or a typo given in place of an address: `local@domain`, no spaces.
    public static func isAddress(_ text: String) -> Bool {
        let address = normalized(text)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !address.contains(where: \.isWhitespace)
    }
}
