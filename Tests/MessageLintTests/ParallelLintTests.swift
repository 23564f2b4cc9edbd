import MessageLint
import TestSupport
import Testing

/// Long drafts are linted on several threads; the report must not depend on how many.
@Suite struct ParallelLintTests {
    @Test func longDraftsGetTheSameFindingsOnOneOrManyThreads() throws {
        let cases = try CorpusLoader().load(directory: Fixtures.corpus)
        var serial = try Fixtures.shippedLinter()
        serial.lanes = 1
        var parallel = serial
        parallel.lanes = 3
        // Corpus bodies joined into drafts over the parallel threshold, each with many findings.
        var drafts: [Draft] = []
        var body = ""
        for item in cases {
            body += item.draft.body + "\n\n"
            if body.utf8.count > Linter.parallelThresholdBytes {
                drafts.append(Draft(subject: "Re: your order", body: body))
                body = ""
            }
        }
        #expect(drafts.count > 20)
        var findings = 0
        for draft in drafts {
            let expected = serial.lint(draft)
            findings += expected.count
            #expect(parallel.lint(draft) == expected)
        }
        #expect(findings > 100)
    }
}
