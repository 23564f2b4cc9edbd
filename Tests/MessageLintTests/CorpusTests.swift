import MessageLint
import TestSupport
import Testing

/// The labelled corpus: every category at ≥ 0.95 precision and recall with the shipped rules.
@Suite struct CorpusTests {
    @Test func corpusIsLargeAndMostlyLookAlikes() throws {
        let cases = try CorpusLoader().load(directory: Fixtures.corpus)
        #expect(cases.count >= 400)
        #expect(Double(cases.count { $0.expected.isEmpty }) / Double(cases.count) >= 0.40)
        for category in Category.allCases {
            #expect(cases.count { $0.expected.contains(category) } >= 10, "too few \(category.rawValue) cases")
        }
    }

    @Test func everyCategoryMeetsPrecisionAndRecall() throws {
        let cases = try CorpusLoader().load(directory: Fixtures.corpus)
        let evaluation = Evaluation(corpus: cases, linter: try Fixtures.shippedLinter())
        for score in evaluation.categories {
            #expect(score.precision >= 0.95, "\(score.category.rawValue) precision \(score.precision)\n\(evaluation.text)")
            #expect(score.recall >= 0.95, "\(score.category.rawValue) recall \(score.recall)\n\(evaluation.text)")
        }
    }
}
