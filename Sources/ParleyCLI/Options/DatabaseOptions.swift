import ArgumentParser
import Foundation
import GRDB
import MessageStore

/// `--db PATH`, shared by every command that reads or writes the store. Without it: `PARLEY_DB`,
/// then `$XDG_DATA_HOME/parley/parley.sqlite`, then `~/.local/share/parley/parley.sqlite`. The
/// folder is created when missing.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The store (default: $PARLEY_DB, else $XDG_DATA_HOME/parley/parley.sqlite, else ~/.local/share/parley/parley.sqlite).",
            valueName: "path"))
    var db: String?

    /// Where the store is, from the option and the environment.
    func path(environment: [String: String]) throws -> String {
        if let db, !db.isEmpty { return db }
        if let fromEnvironment = environment["PARLEY_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome).appendingPathComponent("parley/parley.sqlite").path
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".local/share/parley/parley.sqlite").path
        }
        throw InputError("cannot tell where the store is: give --db PATH, or set PARLEY_DB or HOME")
    }

    func open(environment: [String: String]) throws -> AppDatabase {
        let path = try path(environment: environment)
        return try StoreAccess.run(path: path) { try AppDatabase.onDisk(path: path) }
    }
}

/// Turns the store's errors into input errors (exit 2) that name the store or the record.
enum StoreAccess {
    static func run<T>(path: String? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw InputError(error.description)
        } catch let error as DatabaseError {
            throw InputError("\(path.map { "\($0): " } ?? "")\(error.message ?? "\(error)")")
        }
    }
}
