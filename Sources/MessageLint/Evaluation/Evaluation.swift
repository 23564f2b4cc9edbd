/// Precision and recall of the linter per category over a labelled corpus, and every case where the
/// categories raised differ from the labels. A case raises a category when it has an error or a
/// warning of it; info findings do not count.
public struct Evaluation: Sendable, Codable {
    public var cases: Int
    public var cleanCases: Int
    public var categories: [CategoryScore]
    public var confusions: [Confusion]

    public struct CategoryScore: Sendable, Codable, Hashable {
        public var category: Category
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        /// TP / (TP + FP); 1 when nothing was raised.
        public var precision: Double
        /// TP / (TP + FN); 1 when nothing was expected.
        public var recall: Double

        enum CodingKeys: String, CodingKey {
            case category, precision, recall
            case truePositives = "true_positives", falsePositives = "false_positives", falseNegatives = "false_negatives"
        }
    }

    public struct Confusion: Sendable, Codable, Hashable {
        public var id: String
        public var location: String
        public var missing: [Category]
        public var unexpected: [Category]
        /// The findings behind the unexpected categories: `rule: 'match'`.
        public var unexpectedFindings: [String]

        enum CodingKeys: String, CodingKey {
            case id, location, missing, unexpected
            case unexpectedFindings = "unexpected_findings"
        }
    }

    enum CodingKeys: String, CodingKey {
        case cases, categories, confusions
        case cleanCases = "clean_cases"
    }

    public init(corpus: [CorpusCase], linter: Linter) {
        var tp: [Category: Int] = [:], fp: [Category: Int] = [:], fn: [Category: Int] = [:]
        var confusions: [Confusion] = []
        for item in corpus {
            let findings = linter.lint(item.draft).filter { $0.severity != .info }
            let raised = Set(findings.map(\.category))
            for category in Category.allCases {
                switch (item.expected.contains(category), raised.contains(category)) {
                case (true, true): tp[category, default: 0] += 1
                case (false, true): fp[category, default: 0] += 1
                case (true, false): fn[category, default: 0] += 1
                case (false, false): break
                }
            }
            if raised != item.expected {
                let unexpected = raised.subtracting(item.expected).sorted()
                confusions.append(
                    Confusion(
                        id: item.id, location: item.location.description,
                        missing: item.expected.subtracting(raised).sorted(), unexpected: unexpected,
                        unexpectedFindings: findings.filter { unexpected.contains($0.category) }.map { "\($0.rule): '\($0.match)'" }))
            }
        }
        self.cases = corpus.count
        self.cleanCases = corpus.count { $0.expected.isEmpty }
        self.categories = Category.allCases.map { category in
            let (t, p, n) = (tp[category, default: 0], fp[category, default: 0], fn[category, default: 0])
            return CategoryScore(
                category: category, truePositives: t, falsePositives: p, falseNegatives: n,
                precision: t + p == 0 ? 1 : Double(t) / Double(t + p), recall: t + n == 0 ? 1 : Double(t) / Double(t + n))
        }
        self.confusions = confusions
    }

    /// Whether every category reaches both thresholds.
    public func meets(precision: Double, recall: Double) -> Bool {
        categories.allSatisfy { $0.precision >= precision && $0.recall >= recall }
    }

    /// A table of scores followed by the confusion list.
    public var text: String {
        var out = "category              precision  recall     TP   FP   FN\n"
        for score in categories {
            let name = score.category.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            out += "\(name)  \(Self.format(score.precision))      \(Self.format(score.recall))  "
            out +=
                [score.truePositives, score.falsePositives, score.falseNegatives].map { String($0).leftPadded(4) }.joined(separator: " ")
                + "\n"
        }
        out += "\(cases) cases, \(cleanCases) clean, \(confusions.count) confused\n"
        for confusion in confusions {
            out += "\(confusion.location): \(confusion.id):"
            if !confusion.missing.isEmpty { out += " missed \(confusion.missing.map(\.rawValue).joined(separator: ", "));" }
            if !confusion.unexpected.isEmpty {
                out +=
                    " unexpected \(confusion.unexpected.map(\.rawValue).joined(separator: ", ")) (\(confusion.unexpectedFindings.joined(separator: "; ")))"
            }
            out += "\n"
        }
        return out
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        var text = String(rounded)
        while text.count < 5 { text += "0" }
        return text
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
