/// The seller's own addresses from every place Parley takes them, merged case-insensitively:
/// `--seller-address` options, the comma-separated `PARLEY_SELLER_ADDRESSES`, and the config file's
/// `seller.addresses`. None of them overrides another: an address in any of them is the seller's.
public enum SellerAddresses {
    public static let environmentVariable = "PARLEY_SELLER_ADDRESSES"

    /// The merged set, lower-cased. Options are checked by the caller (a usage error); a bad entry in
    /// the environment variable throws here, since no option names it.
    public static func merged(options: [String], environment: [String: String], settings: ParleySettings = ParleySettings())
        throws(InvalidSellerAddress) -> Set<String>
    {
        var addresses = Set(options.map(SellerAddress.normalized))
        for entry in (environment[environmentVariable] ?? "").split(separator: ",") {
            let address = SellerAddress.normalized(String(entry))
            if address.isEmpty { continue }
            guard SellerAddress.isAddress(address) else { throw InvalidSellerAddress(variable: environmentVariable, entry: address) }
            addresses.insert(address)
        }
        addresses.formUnion(settings.sellerAddresses.map(SellerAddress.normalized))
        return addresses
    }
}
