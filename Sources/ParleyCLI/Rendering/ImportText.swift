/// The text summary of `parley import`: one line per file, then the total.
///
///     orders.jsonl: 3 messages added, 0 duplicates skipped, 1 record skipped; threads: 2 new, 0 updated
///     total: 3 messages added, 0 duplicates skipped, 1 record skipped; threads: 2 new, 0 updated
enum ImportText {
    static func render(_ report: ImportReport) -> String {
        var text = ""
        for file in report.files {
            if file.error != nil {
                text += "\(file.file): not imported (cannot be read)\n"
                continue
            }
            text += "\(file.file): \(line(file.counts))\(file.rolledBack ? "; rolled back (--strict)" : "")\n"
        }
        return text + "total: \(line(report.total))\n"
    }

    static func line(_ counts: ImportReport.Counts) -> String {
        var text = "\(count(counts.messagesAdded, "message")) added, \(count(counts.duplicates, "duplicate")) skipped, "
        text += "\(count(counts.recordsSkipped, "record")) skipped; threads: \(counts.threadsCreated) new, \(counts.threadsUpdated) updated"
        if counts.returnRequestsOpened > 0 { text += "; \(count(counts.returnRequestsOpened, "return request")) opened" }
        return text
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
