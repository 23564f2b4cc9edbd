import Foundation

/// A whole file read straight into `[UInt8]`. `[UInt8](Data(contentsOf:))` holds the file twice
/// while it copies, which for a 543 MB export was a quarter of `parley import`'s peak memory
/// (Benchmarks/README.md).
enum FileBytes {
    /// The file's bytes. Any failure is left to `Data(contentsOf:)`, so errors read as before.
    static func read(_ url: URL) throws -> [UInt8] {
        if let bytes = direct(url.path) { return bytes }
        return [UInt8](try Data(contentsOf: url))
    }

    private static func direct(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        guard size > 0 else { return [] }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let start = buffer.baseAddress else { return }
            while count < size {
                let got = Foundation.read(descriptor, start + count, size - count)
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            failed = count != size
        }
        return failed ? nil : bytes
    }
}
