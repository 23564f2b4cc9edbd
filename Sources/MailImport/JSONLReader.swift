import Dispatch
import Foundation
import Synchronization

/// Reads a JSON Lines export: one JSON object per line with the documented fields (`ExportRecord`);
/// `attachments` is `[{"name": …, "bytes": …}]`. Blank lines are skipped; a line that is not an object
/// or has a bad field becomes an issue at its line number, and reading goes on.
public struct JSONLReader: Sendable {
    public let amazon: AmazonRelay

    public init(amazon: AmazonRelay) {
        self.amazon = amazon
    }

    /// A non-blank line: its bytes (without the line break) and its 1-based number.
    private struct Line: Sendable {
        var range: Range<Int>
        var number: Int
    }

    /// Lines decoded per batch: enough to keep every core busy between the hand-overs, few enough
    /// that a batch's messages (about 1.5 MB) stay small next to the file.
    static let batchLines = 4_096

    /// Decodes the lines on every core, a batch at a time, and hands the events to `handle` on the
    /// calling thread in file order, as a line-by-line reading would.
    public func read(_ bytes: [UInt8], file: String, _ handle: (ImportEvent) throws -> Void) rethrows {
        var lineNumber = 0
        try read(bytes, file: file, linesBefore: &lineNumber, handle)
    }

    /// Reads a file a piece at a time, as `read(_:file:_:)` reads it whole, so a large export is
    /// never held in memory (a 543 MB export was half of `parley import`'s peak memory).
    func read(_ pieces: FileLinePieces, file: String, _ handle: (ImportEvent) throws -> Void) throws {
        var lineNumber = 0
        while let piece = try pieces.next() { try read(piece, file: file, linesBefore: &lineNumber, handle) }
    }

    /// Reads whole lines, numbered after the `lineNumber` before them.
    private func read(_ bytes: [UInt8], file: String, linesBefore lineNumber: inout Int, _ handle: (ImportEvent) throws -> Void)
        rethrows
    {
        var batch: [Line] = []
        batch.reserveCapacity(Self.batchLines)
        for line in bytes.byteLines() {
            lineNumber += 1
            var start = line.start
            if lineNumber == 1, bytes.hasBytes([0xEF, 0xBB, 0xBF], at: start) { start += 3 }
            let range = start..<line.contentEnd
            guard bytes[range].contains(where: { !($0 == 0x20 || $0 == 0x09) }) else { continue }
            batch.append(Line(range: range, number: lineNumber))
            if batch.count == Self.batchLines {
                try hand(decode(batch, in: bytes, file: file), to: handle)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try hand(decode(batch, in: bytes, file: file), to: handle)
    }

    /// Hands the events over in file order. Runs and events come last first (`decode`), so each is
    /// popped, moved out of its array, where iterating would copy it: a copy of a message retains
    /// each of its fields, and releasing the array releases them again (8 % of reading an export).
    private func hand(_ runs: consuming [[ImportEvent]], to handle: (ImportEvent) throws -> Void) rethrows {
        while var run = runs.popLast() {
            while let event = run.popLast() { try handle(event) }
        }
    }

    /// The batch's events, last first: the last run of lines first, each run's last line first
    /// (`hand`). Each worker decodes one contiguous run.
    private func decode(_ batch: [Line], in bytes: [UInt8], file: String) -> [[ImportEvent]] {
        guard batch.count > 1 else { return [events(batch[...], in: bytes, file: file)] }
        // Several runs per core, so a core that is busy with other work does not hold up the batch.
        let runs = min(batch.count, 8 * ProcessInfo.processInfo.activeProcessorCount)
        let decoded = Mutex<[[ImportEvent]]>(Array(repeating: [], count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let lines = batch[batch.count * run / runs..<batch.count * (run + 1) / runs]
            let events = events(lines, in: bytes, file: file)
            decoded.withLock { $0[runs - 1 - run] = events }
        }
        return decoded.withLock { runs in
            var taken: [[ImportEvent]] = []
            swap(&taken, &runs)
            return taken
        }
    }

    /// The lines' events, last line first, read with one decoder (it keeps its buffer from line to line).
    private func events(_ lines: ArraySlice<Line>, in bytes: [UInt8], file: String) -> [ImportEvent] {
        var decoder = JSONLRecordDecoder()
        return lines.reversed().map { event(bytes[$0.range], position: SourcePosition(file: file, line: $0.number), decoder: &decoder) }
    }

    private func event(_ slice: ArraySlice<UInt8>, position: SourcePosition, decoder: inout JSONLRecordDecoder) -> ImportEvent {
        do throws(ImportIssue) {
            let fields: JSONLRecordFields
            do throws(JSONLRecordDecoder.Failure) {
                fields = try decoder.decode(slice)
            } catch .notAnObject {
                throw ImportIssue(position: position, message: "not a JSON object")
            } catch {
                throw ImportIssue(position: position, message: "not valid JSON")
            }
            return .message(try fields.exportRecord(at: position).message(source: position, amazon: amazon))
        } catch {
            return .issue(error)
        }
    }
}
