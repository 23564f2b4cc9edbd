import Dispatch
import Foundation
import GRDB
import MailImport

extension AppDatabase {
    /// Events per batch between the reading thread and the writer.
    static let streamedBatchSize = 4_096
    /// Batches the reader may run ahead of the writer: about 8 × 1.5 MB of messages.
    static let streamedBatchesAhead = 8

    /// Reads `path` on another thread while this one stores what it has read, in one transaction
    /// with the same outcome as `importFile(reader.read(path:format:), source:strict:)`: the same
    /// rows, summary, issues in file order, `strict` rollback, and nothing stored when the file
    /// cannot be read (thrown as ``FileReadFailure``) or the store fails.
    ///
    /// Parsing a large export (25 s of a million messages on one core) then overlaps writing it,
    /// and the file's messages are not all held at once. Messages are stored in order of time, so
    /// a file that turns out not to be in order is rolled back to its start and imported again the
    /// way `importFile(_:source:strict:)` does: read whole, then stored sorted.
    ///
    /// `onRead` gets the number of messages read so far, on the writing thread, after each batch.
    public func importFile(
        path: String, format: ImportFormat = .auto, reader: ImportReader, source: String? = nil, strict: Bool,
        onRead: (Int) -> Void = { _ in }
    ) throws -> FileImportResult {
        let source = source ?? path
        let channel = EventBatchChannel(capacity: Self.streamedBatchesAhead)
        let readerDone = DispatchSemaphore(value: 0)
        let thread = Thread {
            Self.read(path: path, format: format, reader: reader, into: channel)
            readerDone.signal()
        }
        // JSONSerialization and the MIME parser recurse; secondary threads get 512 KB by default.
        thread.stackSize = 8 << 20
        thread.start()
        // The writer may stop early (an error, a file out of order): the reader must stop too before
        // this returns.
        defer {
            channel.cancel()
            readerDone.wait()
        }
        return try writeTransaction { db in
            var importer = try FileImporter(db: db, source: source)
            var issues: [ImportIssue] = []
            var warnings: [ImportIssue] = []
            var inOrder = true
            try db.inSavepoint {
                var latest: Date?
                var read = 0
                while let batch = channel.receive() {
                    for event in batch {
                        switch event {
                        case .issue(let issue): issues.append(issue)
                        case .warning(let warning): warnings.append(warning)
                        case .message(let message):
                            read += 1
                            guard inOrder else { continue }
                            if let latest, message.sentAt < latest {
                                inOrder = false
                                channel.cancel()
                                continue
                            }
                            latest = message.sentAt
                            try importer.addNext(message)
                        }
                    }
                    onRead(read)
                }
                if inOrder, let error = channel.readError { throw FileReadFailure(path: path, underlying: error) }
                return inOrder ? .commit : .rollback
            }
            if inOrder {
                let (summary, completion) = try Self.complete(&importer, readIssues: issues, strict: strict)
                return (FileImportResult(summary: summary, warnings: warnings), completion)
            }
            readerDone.wait()
            readerDone.signal()  // for the deferred wait
            let parsed: ParsedFile
            do {
                parsed = try reader.read(path: path, format: format)
            } catch {
                throw FileReadFailure(path: path, underlying: error)
            }
            onRead(parsed.messages.count)
            importer = try FileImporter(db: db, source: source)
            try importer.add(parsed.messages)
            let (summary, completion) = try Self.complete(&importer, readIssues: parsed.issues, strict: strict)
            return (FileImportResult(summary: summary, warnings: parsed.warnings), completion)
        }
    }

    /// The reading thread: events in batches into `channel`, then how the reading ended.
    ///
    /// It keeps the batches it sent until the writer is done with them, so their messages are freed
    /// here rather than on the writer's thread, which has the more work (freeing was about a
    /// twentieth of it).
    private static func read(path: String, format: ImportFormat, reader: ImportReader, into channel: EventBatchChannel) {
        var batch: [ImportEvent] = []
        batch.reserveCapacity(streamedBatchSize)
        var sent: [[ImportEvent]] = []
        var firstSent = 0
        do {
            try reader.forEach(path: path, format: format) { event in
                batch.append(event)
                guard batch.count == streamedBatchSize else { return }
                guard channel.send(batch) else { throw CancellationError() }
                sent.append(batch)
                batch.removeAll(keepingCapacity: true)
                let done = channel.batchesDone
                if done > firstSent {
                    sent.removeFirst(done - firstSent)
                    firstSent = done
                }
            }
            if !batch.isEmpty, !channel.send(batch) { throw CancellationError() }
            channel.finish(nil)
        } catch {
            channel.finish(error)
        }
    }
}
