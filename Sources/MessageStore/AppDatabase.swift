import Foundation
import GRDB

/// The one owner of Parley's store: threads, messages, return requests and the audit log. The CLI
/// and the server share it. Every write is one transaction that keeps the store's invariants (the
/// thread summaries match their messages); reads go through ``reader``.
///
/// On disk it is a `DatabasePool` in WAL mode, so `parley inbox` reads while an import writes, with a
/// busy timeout so two `parley` processes wait for each other instead of failing with "database is
/// locked". Tests use ``inMemory()``.
public struct AppDatabase: Sendable {
    private let writer: any DatabaseWriter

    /// How long a writer waits for another process's write transaction before giving up.
    public static let busyTimeout: TimeInterval = 15

    /// Wraps a connection and migrates it. Create the writer with ``makeConfiguration(_:)``.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the store at `path`, and its folder. `PATH.lock` beside it
    /// serialises opening and migrating between processes.
    public static func onDisk(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        do {
            return try OpeningLock.holding(path + ".lock") {
                try AppDatabase(DatabasePool(path: path, configuration: makeConfiguration()))
            }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error)")
        }
    }

    /// An empty store in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    /// The configuration every connection to the store uses.
    public static func makeConfiguration(_ base: Configuration = Configuration()) -> Configuration {
        var configuration = base
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // The writer's page cache: an import inserts into every index all over the store, and
            // with SQLite's default 2 MB it re-reads those pages again and again (1M messages: store
            // phase 179 s → 129 s, Benchmarks/README.md). SQLite allocates the cache only as pages are
            // used. Readers keep the default. A later `prepareDatabase` may set its own size.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -\(writerCacheKiB)") }
            // Readers map the file instead of copying each page in with `pread`: `parley inbox` and
            // `metrics` are fresh processes with a cold page cache, and on the 1M-message store the
            // copies were as much system time as the queries took user time. SQLite caps it at its
            // compile-time maximum and falls back to reads where mapping is unavailable.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = \(readerMapBytes)") }
        }
        return configuration
    }

    /// The writer connection's page cache, in KiB (`PRAGMA cache_size = -N`).
    static let writerCacheKiB = 256 * 1024

    /// How much of the store a reader connection maps (`PRAGMA mmap_size`).
    static let readerMapBytes = 2 * 1024 * 1024 * 1024

    /// Read-only access for queries the store has no method for.
    public var reader: any DatabaseReader { writer }

    /// Runs `work` in one write transaction (IMMEDIATE, so it waits for other writers up front).
    func write<T>(_ work: (Database) throws -> T) throws -> T {
        try writer.write(work)
    }

    /// Runs `work` in a transaction that `work` may roll back.
    func writeTransaction<T>(_ work: (Database) throws -> (T, Database.TransactionCompletion)) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let (value, completion) = try work(db)
                result = value
                return completion
            }
            guard let result else { throw StoreError.internalInconsistency("a transaction returned no result") }
            return result
        }
    }

    func read<T>(_ work: (Database) throws -> T) throws -> T {
        try writer.read(work)
    }
}
