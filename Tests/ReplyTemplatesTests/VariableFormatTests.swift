import ReplyTemplates
import Testing

/// Each format accepts what templates/README.md says and nothing else.
@Suite struct VariableFormatTests {
    static let cases: [(VariableFormat, accepted: [String], rejected: [String])] = [
        (
            .orderID, ["114-3941689-8779232", "026-1234567-1234567"],
            ["114-3941689-877923", "1143941689-8779232", "114 3941689 8779232", "D01-1234567-1234567", "114-3941689-8779232 ", ""]
        ),
        (
            .asin, ["B07XJ8C8F5", "B0CHX1W1XY", "0306406152", "030640615X"],
            ["B07XJ8C8F", "b07xj8c8f5", "A07XJ8C8F5", "03064061521", "03064O6152"]
        ),
        (
            .date,
            [
                "2026-03-12", "2024-02-29", "12 March 2026", "March 12, 2026", "12 Mar 2026", "Thursday, 12 March 2026",
                "Thu, March 12, 2026",
                "1st June 2026", "Sept 3, 2026",
            ],
            [
                "2026-02-29", "2026-13-01", "2026-3-12", "12/03/2026", "March 2026", "31 April 2026", "12 Marchh 2026", "tomorrow",
                "12 March 26",
            ]
        ),
        (
            .money, ["$24.99", "£5", "24,99 €", "EUR 12.50", "12.50 GBP", "US$1,299.00", "€1.234,56", "¥1200", "1 234,50 €", "$ 5"],
            ["24.99", "$", "£5.9999", "EUR12.50", "eur 12.50", "$1,2345", "5 dollars", "$-5", "£.50"]
        ),
        (
            .trackingNumber, ["1Z999AA10123456784", "JD014600006281230706", "9400 1000 0000 0000 0000 00"],
            ["1Z99", " 1Z999AA10123456784", "1Z999-AA10123456784"]
        ),
        (.number, ["2", "0", "123456789"], ["-1", "2.5", "two", "1234567890", " 2"]),
        (
            .text, ["Dana", "Fish & Chips <3", "Oak Bedside Table (large)", String(repeating: "é", count: 200)],
            ["a\nb", "a\rb", "tab\there", String(repeating: "x", count: 201)]
        ),
    ]

    @Test(arguments: cases.map { $0.0 })
    func formatAcceptsAndRejects(_ format: VariableFormat) {
        let (_, accepted, rejected) = Self.cases.first { $0.0 == format }!
        for value in accepted { #expect(format.accepts(value), "\(format.rawValue) should accept '\(value)'") }
        for value in rejected { #expect(!format.accepts(value), "\(format.rawValue) should reject '\(value)'") }
    }

    @Test func everyFormatIsTested() {
        #expect(Set(Self.cases.map(\.0)) == Set(VariableFormat.allCases))
    }

    @Test func languageTags() {
        #expect(LanguageTag("en-GB")?.region == "GB")
        #expect(LanguageTag("es-419")?.region == "419")
        #expect(LanguageTag("zh-Hant-TW")?.language == "zh")
        #expect(LanguageTag("en") != nil)
        for bad in ["en-gb", "EN-GB", "en_GB", "english", "e", "en-GB-x", ""] { #expect(LanguageTag(bad) == nil, "\(bad)") }
        #expect(LanguageTag(lenient: "en_gb")?.rawValue == "en-GB")
        #expect(LanguageTag(lenient: "ZH-hant-tw")?.rawValue == "zh-Hant-TW")
    }
}
