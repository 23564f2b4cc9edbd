/// An amount with exactly one currency marker before or after it: a symbol (`$24.99`, `£5`,
/// `24,99 €`, `US$10`) or an ISO 4217 code (`EUR 12.50`, `12.50 GBP`). The amount has digits with
/// optional thousands separators and up to two decimals, either decimal mark.
enum MoneyAmount {
    static let symbols = ["US$", "CA$", "AU$", "NZ$", "HK$", "MX$", "A$", "C$", "S$", "R$", "$", "£", "€", "¥", "₹", "₩", "₺", "zł", "kr"]

    static func matches(_ value: String) -> Bool {
        let text = value.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        if let rest = strippingCurrency(prefixOf: text) { return isAmount(rest) }
        if let rest = strippingCurrency(suffixOf: text) { return isAmount(rest) }
        return false
    }

    private static func strippingCurrency(prefixOf text: String) -> String? {
        if let symbol = symbols.first(where: { text.hasPrefix($0) }) {
            return String(text.dropFirst(symbol.count)).trimmingLeadingSpace()
        }
        let code = text.prefix(3)
        guard isCurrencyCode(code), text.dropFirst(3).first == " " else { return nil }
        return String(text.dropFirst(4))
    }

    private static func strippingCurrency(suffixOf text: String) -> String? {
        if let symbol = symbols.first(where: { text.hasSuffix($0) }) {
            return String(text.dropLast(symbol.count)).trimmingTrailingSpace()
        }
        let code = text.suffix(3)
        guard isCurrencyCode(code), text.dropLast(3).last == " " else { return nil }
        return String(text.dropLast(4))
    }

    private static func isCurrencyCode(_ code: Substring) -> Bool {
        code.unicodeScalars.count == 3 && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
    }

    /// `1234`, `1,234.56`, `1.234,56`, `1 234,5`, `24.99`; not `1,2345` or `.5`.
    static func isAmount(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first.isASCIIDigit else { return false }
        // Split off the decimals: a final mark followed by one or two digits.
        var integer = scalars[...]
        if let mark = scalars.lastIndex(where: { $0 == "." || $0 == "," }), (1...2).contains(scalars.count - mark - 1),
            scalars[(mark + 1)...].allSatisfy(\.isASCIIDigit)
        {
            integer = scalars[..<mark]
        }
        guard let separator = integer.first(where: { !$0.isASCIIDigit }) else { return !integer.isEmpty }
        guard [",", ".", " "].contains(separator) else { return false }
        let groups = String(String.UnicodeScalarView(integer)).split(separator: Character(separator), omittingEmptySubsequences: false)
        return (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            && groups.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }
    }
}

extension String {
    fileprivate func trimmingLeadingSpace() -> String { hasPrefix(" ") ? String(dropFirst()) : self }
    fileprivate func trimmingTrailingSpace() -> String { hasSuffix(" ") ? String(dropLast()) : self }
}
