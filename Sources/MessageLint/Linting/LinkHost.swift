/// The host of a found link (`https://Shop.Example.com:8080/x` → `shop.example.com`), for the
/// seller's allow-list. The allow-list matches whole hosts, never substrings, so `amazon.com` does not
/// excuse `notamazon.com`.
struct LinkHost: Hashable {
    let name: String

    init?(of link: String) {
        var rest = Substring(link)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.firstIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        let host = rest.prefix { !"/:?#".contains($0) }.lowercased()
        let trimmed = host.trimmingSuffix(".")
        guard !trimmed.isEmpty else { return nil }
        self.name = trimmed
    }
}

extension String {
    func trimmingSuffix(_ character: Character) -> String {
        var result = Substring(self)
        while result.last == character { result = result.dropLast() }
        return String(result)
    }
}
