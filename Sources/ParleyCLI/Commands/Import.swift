import ArgumentParser
import Foundation
import MailImport
import MessageLint
import MessageStore
import ParleyConfig

extension Parley {
    /// `parley import PATH…`: the seller's mail and exports into the store, one transaction per file.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import buyer messages from mail (mbox, .eml, Maildir) and exports (JSONL, CSV) into the store.",
            discussion: """
                Each PATH is a file, a Maildir folder or a folder of .eml files. Its format is detected \
                (--format auto): a folder with cur/ or new/ is a Maildir, any other folder a folder of .eml \
                files (--format eml); then the extension (.jsonl or .ndjson, .csv, .mbox or .mbx, \
                .eml); then the content (a first line starting `From ` is mbox, `{` is JSONL, a header row \
                naming `from` and `at` is CSV, `Name: value` lines are one email). --format names it \
                instead and applies to every PATH.

                JSONL and CSV exports hold one message per line (JSONL: a JSON object) or row (CSV, RFC \
                4180: the first row names the columns, other columns are ignored). The fields:
                  id                  a stable id (default: a hash of the record)
                  thread              the conversation it belongs to (any text)
                  order_id            the Amazon order id, e.g. 114-3941689-8779232
                  from                buyer, seller or amazon (required)
                  at                  ISO 8601 with offset (required): 2026-03-01T09:30:00Z
                  subject, body       text
                  no_response_needed  true or false: a buyer message that needs no reply
                  auto_reply          true or false: an automatic message (no clock)
                  attachments         JSONL: [{"name": "photo.jpg", "bytes": 52311}]
                                      CSV: photo.jpg:52311;label.pdf:1200
                An amazon message whose subject is a return request (`Return authorization request for \
                order # …`) starts the order's 48-hour return clock. For example:
                  {"thread":"T1","from":"buyer","at":"2026-03-01T09:30:00Z","body":"Hi"}
                  thread,from,at,body
                  T1,buyer,2026-03-01T09:30:00Z,Hi

                Mail: mbox (mboxo or mboxrd `From ` lines), single .eml files, Maildir folders (new/ and \
                cur/) and folders of .eml files (every *.eml below the folder, in subfolders too, read in \
                path order; hidden files and folders are skipped; a folder is one transaction, like a \
                Maildir, and each message is reported at its own file). MIME is decoded (multipart, \
                text/plain preferred over HTML converted to text, quoted-printable, base64, RFC 2047 \
                headers, RFC 2231 file names, UTF-8, ISO-8859-x, Windows-125x, ISO-2022-JP, Shift_JIS); \
                attachments are recorded by name and size. Amazon's \
                relay mail (…@marketplace.amazon.<tld>, the 22 marketplaces) becomes buyer messages with the \
                notification boilerplate cut away and the order id and ASIN kept; the seller's own replies \
                to a relay address and Amazon's copies of them are seller messages; return requests and \
                other notices are amazon messages. Other mail is threaded by Message-ID, In-Reply-To and \
                References, and is from the seller when its From is one of the seller's addresses; else from \
                the buyer. The seller's addresses are all of: --seller-address (repeatable), \
                $PARLEY_SELLER_ADDRESSES (comma-separated) and the config file's seller.addresses, compared \
                without regard to case.

                The config file is YAML, read from --config FILE, else $PARLEY_CONFIG, else \
                $XDG_CONFIG_HOME/parley/config.yaml, else ~/.config/parley/config.yaml (where it may be \
                missing; a file named by --config or $PARLEY_CONFIG must exist). It is not the lint \
                configuration of `parley lint --config`. Its one key so far:
                  seller:
                    addresses: [orders@shop.example, help@shop.example]
                An unknown key or malformed YAML stops the import before anything is written (exit 2), \
                naming file:line:column.

                Each file is imported in one transaction, so a killed import leaves the store as it was \
                before that file. Messages already stored (same id or Message-ID, or the same thread, \
                sender, time and text) are counted as duplicates: importing the same data again adds \
                nothing. A record that cannot be imported is reported on standard error as `file:line: \
                reason` (mail: `file: message N: reason`) and skipped; with --strict it rolls its whole \
                file back instead. Fallbacks (an unknown charset, a date taken from the mbox `From ` line or \
                the file's time) are reported as notes and the message is kept. Every PATH is checked \
                before anything is imported: a missing or unreadable file, or one whose format cannot be \
                told, stops the import before anything is written.

                At the end a summary goes to standard output: per file and in total, the messages added, \
                duplicates skipped, records skipped and threads created or updated (--summary-format json \
                for a JSON document, version 1). On a terminal, a large input (over 1 MB or 1,000 \
                messages) shows a progress line on standard error.

                Exit codes: 0 everything imported, 1 records skipped (or a file rolled back by --strict), 2 \
                usage or input error (a missing or unreadable file, an unknown format, a store that cannot \
                be opened).

                Examples:
                  parley import ~/Mail/amazon.mbox --seller-address orders@shop.example
                  parley import export.jsonl returns.csv --strict
                  parley import ~/Maildir/Amazon --format maildir --summary-format json
                  parley import ~/Desktop/amazon-mails --config ~/shop/parley.yaml
                """)

        @Argument(help: ArgumentHelp("Files, Maildir folders or folders of .eml files to import.", valueName: "path"))
        var paths: [String]

        @Option(help: "The input format: auto, jsonl, csv, mbox, eml or maildir (for every path).")
        var format: ImportFormat = .auto

        @Option(
            name: .customLong("seller-address"),
            help: ArgumentHelp(
                "One of your email addresses (repeatable; adds to $PARLEY_SELLER_ADDRESSES and the config file): mail from it is yours.",
                valueName: "address"))
        var sellerAddresses: [String] = []

        @OptionGroup var configFile: ConfigFileOptions

        @Flag(help: "Roll a file back entirely when any of its records cannot be imported.")
        var strict = false

        @Option(name: .customLong("summary-format"), help: "Summary format: text or json.")
        var summaryFormat: ReportFormat = .text

        @OptionGroup var database: DatabaseOptions

        public init() {}

        public mutating func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("Name at least one file or folder to import.") }
            for address in sellerAddresses where !SellerAddress.isAddress(address) {
                throw ValidationError("--seller-address expects an email address, not '\(address)'.")
            }
        }

        public func run() throws {
            var progress = Terminal.standardErrorIsTerminal() ? ImportProgress { FileHandle.standardError.write(Data($0.utf8)) } : nil
            // The skipped records come first, so the summary is the last thing on the screen.
            try output(progress: &progress).emit(notesFirst: true)
        }

        /// Imports every path and returns the summary, the notes for standard error and the exit
        /// code, without a progress line.
        public func output(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CommandOutput {
            var progress: ImportProgress? = nil
            return try output(environment: environment, progress: &progress)
        }

        /// The same, telling `progress` about each file as it is read and stored.
        func output(environment: [String: String] = ProcessInfo.processInfo.environment, progress: inout ImportProgress?) throws
            -> CommandOutput
        {
            let settings = try configFile.settings(environment: environment)
            let addresses: Set<String>
            do {
                addresses = try SellerAddresses.merged(options: sellerAddresses, environment: environment, settings: settings)
            } catch {
                throw InputError(error.description)
            }
            let reader: ImportReader
            do {
                reader = try ImportReader(sellerAddresses: addresses)
            } catch {
                throw InputError(error.description)
            }
            // Every path is checked first, so a typo in the last one stops the import before the
            // first one is written.
            let inputs = try paths.map { path in (path, try Self.resolvedFormat(of: path, given: format)) }
            let store = try database.open(environment: environment)
            var report = ImportReport()
            var notes = ""
            for (path, format) in inputs {
                progress?.start(path, bytes: Self.size(of: path))
                let result: FileImportResult
                do {
                    // Reading overlaps storing; the file is still one transaction.
                    result = try StoreAccess.run {
                        try store.importFile(path: path, format: format, reader: reader, strict: strict) { progress?.read(messages: $0) }
                    }
                    progress?.clear()
                } catch let failure as FileReadFailure {
                    progress?.clear()
                    let reason = (failure.underlying as? ImportReadError)?.description ?? "\(path): cannot read: \(failure.underlying)"
                    notes += "parley: error: \(reason)\n"
                    report.files.append(ImportReport.File(notImported: path, format: format, reason: reason))
                    continue
                } catch {
                    progress?.clear()  // so the error starts on a line of its own
                    throw error
                }
                let summary = result.summary
                notes += Self.notes(summary, warnings: result.warnings)
                report.files.append(ImportReport.File(summary, format: format, warnings: result.warnings))
            }
            let text = summaryFormat == .json ? try StoreJSON.encode(report) : ImportText.render(report)
            return CommandOutput(text: text, exitCode: report.exitCode, notes: notes)
        }

        /// The format of `path`: detected for `auto`, else checked against what is there. Throws
        /// the input error that stops the whole import.
        static func resolvedFormat(of path: String, given: ImportFormat) throws -> ImportFormat {
            let url = URL(fileURLWithPath: path)
            var isDirectory: ObjCBool = false
            // Errors name the path as given, not the absolute one the reader would print.
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(ImportReadError.unreadable(path: path, reason: "no such file or directory").description)
            }
            if isDirectory.boolValue {
                do {
                    return try FormatDetector.folderFormat(of: path, given: given)
                } catch {
                    throw InputError(error.description)
                }
            }
            guard given != .maildir else { throw InputError("\(path): --format maildir needs a Maildir folder, not a file") }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw InputError(ImportReadError.unreadable(path: path, reason: "permission denied").description)
            }
            guard given == .auto else { return given }
            do {
                return try FormatDetector.format(of: url)
            } catch .unknownFormat {
                throw InputError(ImportReadError.unknownFormat(path: path).description)
            } catch {
                throw InputError(error.description)
            }
        }

        /// The size of a file in bytes; nil for a folder, whose size says little.
        static func size(of path: String) -> Int? {
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            guard attributes?[.type] as? FileAttributeType != .typeDirectory else { return nil }
            return attributes?[.size] as? Int
        }

        /// Skipped records as `file:line: reason`, fallbacks as `file:line: note: reason`, in file
        /// order, then what --strict did.
        static func notes(_ summary: ImportSummary, warnings: [ImportIssue]) -> String {
            let lines =
                summary.issues.map { (position: $0.position, text: $0.description) }
                + warnings.map { (position: $0.position, text: "\($0.position): note: \($0.message)") }
            let ordered = lines.enumerated().sorted { lhs, rhs in
                let (left, right) = (lhs.element.position, rhs.element.position)
                let leftKey = left.line ?? left.messageNumber ?? 0
                let rightKey = right.line ?? right.messageNumber ?? 0
                return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
            }
            var notes = ordered.map { $0.element.text + "\n" }.joined()
            if summary.rolledBack {
                let count = summary.skipped
                notes +=
                    "\(summary.source): rolled back (--strict): \(count) record\(count == 1 ? "" : "s") could not be imported, "
                    + "so nothing from this file was stored\n"
            }
            return notes
        }
    }
}
