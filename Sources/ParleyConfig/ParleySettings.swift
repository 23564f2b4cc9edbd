/// What the Parley config file says (README, "The config file"). Every key is optional, so a
/// missing file and an empty one mean the same: `ParleySettings()`.
public struct ParleySettings: Sendable, Hashable {
    /// `seller.addresses`: the seller's own email addresses, lower-cased, in file order, each once.
    /// Mail from one of them is the seller's (`SellerAddresses`).
    public var sellerAddresses: [String]
    /// The file the settings were read from; nil when there was none.
    public var file: String?

    public init(sellerAddresses: [String] = [], file: String? = nil) {
        self.sellerAddresses = sellerAddresses
        self.file = file
    }
}
