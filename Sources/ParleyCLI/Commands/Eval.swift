import ArgumentParser
import Foundation
import MessageLint

extension Parley {
    /// `parley eval`: precision and recall of the rules over a labelled corpus.
    public struct Eval: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Score the rules on a labelled corpus: per-category precision, recall and a confusion list.",
            discussion: """
                Each case in CORPUS/*.yaml is a draft labelled with the categories it must raise \
                (corpus/README.md). A case raises a category when it gets an error or warning of it. \
                With --min, exits 1 when any category's precision or recall is below it.
                """)

        @Argument(help: ArgumentHelp("The corpus folder.", valueName: "corpus"))
        var corpus: String

        @OptionGroup var rulesOptions: RulesOptions

        @Option(help: "Output format: text or json.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("Fail when a category's precision or recall is below this (0–1).", valueName: "score"))
        var min: Double?

        public init() {}

        public func run() throws { try output().emit() }

        public func output() throws -> CommandOutput {
            let cases: [CorpusCase]
            do { cases = try CorpusLoader().load(directory: URL(fileURLWithPath: corpus)) } catch { throw InputError("\(error)") }
            let evaluation = Evaluation(corpus: cases, linter: try Linter(rules: try rulesOptions.loadRules()))
            let text = format == .json ? JSONReporter.encode(evaluation) : evaluation.text
            let failed = min.map { !evaluation.meets(precision: $0, recall: $0) } ?? false
            return CommandOutput(text: text, exitCode: failed ? 1 : 0)
        }
    }
}
