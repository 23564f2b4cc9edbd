/// What a variable's value must look like (templates/README.md, "Variable formats"). Checked in
/// plain Swift: the formats are small and fixed, and a value is checked once per fill.
public enum VariableFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case orderID = "order-id"
    case asin
    case date
    case money
    case trackingNumber = "tracking-number"
    case number
    case text

    /// The longest `text` value, in characters.
    public static let maximumTextLength = 200

    /// What the format accepts, as printed in errors: "expected \(expectation)".
    public var expectation: String {
        switch self {
        case .orderID: "an Amazon order id: 3, 7 and 7 digits joined by hyphens, such as 114-3941689-8779232"
        case .asin: "an ASIN: B0 and 8 capital letters or digits, such as B07XJ8C8F5, or an ISBN-10"
        case .date: "a date such as 2026-03-12, 12 March 2026 or March 12, 2026"
        case .money: "an amount with a currency symbol or code, such as $24.99, £5, 24,99 € or EUR 12.50"
        case .trackingNumber: "a tracking number: 8 to 40 letters, digits and spaces"
        case .number: "a whole number such as 2"
        case .text: "one line of text, at most \(Self.maximumTextLength) characters"
        }
    }

    /// Whether `value` has this format. An empty value is never accepted: emptiness is the
    /// caller's business (a missing value, or an optional section left out).
    public func accepts(_ value: String) -> Bool {
        guard !value.isEmpty else { return false }
        switch self {
        case .orderID: return Self.isOrderID(value)
        case .asin: return Self.isASIN(value)
        case .date: return Self.isISODate(value) || WrittenDate.matches(value)
        case .money: return MoneyAmount.matches(value)
        case .trackingNumber:
            let scalars = value.unicodeScalars
            return (8...40).contains(scalars.count) && scalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == " " }
                && scalars.first != " " && scalars.last != " "
        case .number: return value.count <= 9 && value.unicodeScalars.allSatisfy(\.isASCIIDigit)
        case .text:
            return value.count <= Self.maximumTextLength
                && !value.unicodeScalars.contains { $0.properties.generalCategory == .control || Self.lineSeparators.contains($0) }
        }
    }

    private static let lineSeparators: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

    private static func isOrderID(_ value: String) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [3, 7, 7] && groups.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }
    }

    private static func isASIN(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count == 10 else { return false }
        if value.hasPrefix("B0") {
            return scalars.allSatisfy { $0.isASCIIDigit || ("A"..."Z").contains($0) }
        }
        // An ISBN-10: nine digits and a check character (a digit or X).
        return scalars.dropLast().allSatisfy(\.isASCIIDigit) && (scalars[9].isASCIIDigit || scalars[9] == "X")
    }

    private static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return CalendarDay.isValid(year: year, month: month, day: day)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIIDigit || ("A"..."Z").contains(self) || ("a"..."z").contains(self) }
}
