import Foundation
import Testing

@testable import MessageStore

/// `nonBlank` decides white space without Foundation for ASCII; it must agree with
/// `CharacterSet.whitespacesAndNewlines` everywhere.
@Suite struct NonBlankTests {
    @Test func theASCIIShortcutAgreesWithFoundation() throws {
        let others: [UInt32] = [0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0xE9]
        for value in Array(0..<0x80) + others {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(scalar.isWhitespaceOrNewline == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test func blankTextsAreNilAndOthersTrimmed() {
        #expect("".nonBlank == nil)
        #expect(" \t\n\u{A0}".nonBlank == nil)
        #expect("order".nonBlank == "order")
        #expect(" order\n".nonBlank == "order")
        #expect("\u{3000}注文\u{3000}".nonBlank == "注文")
    }
}
