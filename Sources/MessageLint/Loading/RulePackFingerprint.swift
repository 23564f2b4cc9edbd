import Foundation

/// A fingerprint of a rules folder's contents (every `*.yaml` and `vocabularies/*.txt`, names and
/// bytes), so a caller can remember that this exact pack already passed its examples.
public struct RulePackFingerprint: Sendable, Hashable, CustomStringConvertible {
    public let value: UInt64

    public init(directory: URL) throws(RuleLoadingError) {
        var hash = FNV1a64()
        for folder in [directory, directory.appendingPathComponent("vocabularies")] {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".txt") }.sorted()
            for name in names {
                let url = folder.appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    throw RuleLoadingError(location: SourceLocation(file: url.path, line: 0, column: 0), message: "cannot read")
                }
                hash.add(Array(url.lastPathComponent.utf8) + [0])
                hash.add([UInt8](data) + [0])
            }
        }
        value = hash.value
    }

    public var description: String { String(value, radix: 16) }
}

/// 64-bit FNV-1a: fast and stable across runs and platforms (Swift's `Hasher` is seeded per process).
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }
}
