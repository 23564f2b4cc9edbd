import Foundation

/// Encodes the store's report documents the same way everywhere: sorted keys, pretty, instants as
/// ISO 8601 in UTC (`2026-03-01T12:00:00Z`).
public enum StoreJSON {
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// A decoder for the same documents (tests, clients).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
