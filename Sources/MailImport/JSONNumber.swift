import Foundation

/// A number in a JSONL record, with the value JSONSerialization gave it when the import still went
/// through it: ids that are numbers became text through `NSNumber`, so a stored id depends on how
/// the literal was typed (`12` is "12", `1.5` is "1.5", `1e20` is "1e+20"). Plain integers, the only
/// numbers real exports hold (`bytes`, numeric ids), are read here directly; every other literal is
/// built as Foundation's `NSNumber.fromJSONNumber` builds it, so each stays what it was.
enum JSONNumber {
    /// An integer literal of at most 18 digits: JSONSerialization stored it as an integer `NSNumber`
    /// with this exact value.
    case integer(Int64)
    /// Any other literal, as JSONSerialization built it: `Int64`, `UInt64`, `NSDecimalNumber` (more
    /// than 17 characters before the exponent) or `Double`.
    case foundation(NSNumber)

    /// The number for a literal that matched JSON's grammar, or nil when JSONSerialization found it
    /// "not representable in Swift" (`1e400`, 400 nines), which failed the whole line.
    init?(literal: UnsafeBufferPointer<UInt8>) {
        if literal.count <= 19, let value = Self.shortInteger(literal) {
            self = .integer(value)
            return
        }
        guard let number = Self.foundationNumber(String(decoding: literal, as: UTF8.self)) else { return nil }
        self = .foundation(number)
    }

    /// `NSNumber.doubleValue`.
    var doubleValue: Double {
        switch self {
        case .integer(let value): Double(value)
        case .foundation(let number): number.doubleValue
        }
    }

    /// `NSNumber.stringValue`.
    var stringValue: String {
        switch self {
        case .integer(let value): String(value)
        case .foundation(let number): number.stringValue
        }
    }

    /// `NSNumber.intValue`: a decimal number is cut to its whole part by `NSDecimalNumber` itself,
    /// which can differ from cutting its `doubleValue` (11.9999999999999999999 is 12.0 as a double).
    var intValue: Int {
        switch self {
        case .integer(let value): Int(value)
        case .foundation(let number): number.intValue
        }
    }

    /// `-?[0-9]{1,18}`, read without Foundation.
    private static func shortInteger(_ literal: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        let negative = literal.first == UInt8(ascii: "-")
        if negative { index = 1 }
        let digits = literal.count - index
        guard digits >= 1, digits <= 18 else { return nil }
        var value: Int64 = 0
        while index < literal.count {
            let digit = literal[index] &- UInt8(ascii: "0")
            guard digit <= 9 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// What swift-corelibs-foundation's `NSNumber.fromJSONNumber` returns for a literal (Swift 6.3):
    /// only a lower-case `e` counts as an exponent there, and "digits" are the characters before it,
    /// sign and point included. Kept step by step so that rare literals keep their old values.
    static func foundationNumber(_ text: String) -> NSNumber? {
        let utf8 = text.utf8
        let exponent = utf8.firstIndex(of: UInt8(ascii: "e"))
        let isInteger = !utf8.contains(UInt8(ascii: ".")) && exponent == nil
        let isNegative = utf8.first == UInt8(ascii: "-")
        let digitCount = utf8.distance(from: utf8.startIndex, to: exponent ?? utf8.endIndex)
        if isInteger {
            if isNegative {
                if digitCount <= 19, let value = Int64(text) { return NSNumber(value: value) }
            } else if digitCount <= 20, let value = UInt64(text) {
                return NSNumber(value: value)
            }
        }
        var power = 0
        if let exponent, let parsed = Int(Substring(utf8[utf8.index(after: exponent)...])) { power = parsed }
        if digitCount > 17, power >= -128, power <= 127, let decimal = Decimal(string: text), decimal.isFinite {
            return NSDecimalNumber(decimal: decimal)
        }
        if let double = Double(text), double.isFinite { return NSNumber(value: double) }
        return nil
    }
}
