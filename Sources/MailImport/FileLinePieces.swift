import Foundation

/// A regular file read a piece at a time, each piece whole lines: it ends just after a line feed,
/// or, at the end of the file, with a last line that has none. A CRLF is never cut in two, so the
/// pieces split into the lines the whole file would (`byteLines`). A class: its file descriptor
/// must be closed.
final class FileLinePieces {
    /// Bytes read per piece: large enough that reading costs nothing next to decoding, small next
    /// to an export.
    static let defaultPieceBytes = 8 << 20

    private let path: String
    private let descriptor: Int32
    private let pieceBytes: Int
    /// The start of a line cut by the end of the last piece.
    private var carry: [UInt8] = []
    private var ended = false

    /// Nil when `path` is not a regular file that opens: the caller then reads it whole, as before,
    /// which reports why it cannot.
    init?(path: String, pieceBytes: Int = defaultPieceBytes) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
        self.pieceBytes = max(1, pieceBytes)
    }

    deinit { close(descriptor) }

    /// The next piece, or nil after the last. A read that fails midway (an I/O error; the whole file
    /// was read before any record, this comes after some) is `unreadable` with the system's message.
    func next() throws(ImportReadError) -> [UInt8]? {
        while !ended {
            let kept = carry.count
            // A line longer than a piece doubles the read, so a file without line feeds is still
            // copied only a few times over.
            let wanted = max(pieceBytes, kept)
            var failure: Int32 = 0
            var piece = [UInt8](unsafeUninitializedCapacity: kept + wanted) { buffer, count in
                guard let base = buffer.baseAddress else { return }
                carry.withUnsafeBufferPointer { carried in
                    if let start = carried.baseAddress { base.initialize(from: start, count: kept) }
                }
                count = kept
                while true {
                    let got = read(descriptor, base + kept, wanted)
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { failure = errno } else { count += got }
                    return
                }
            }
            if failure != 0 { throw .unreadable(path: path, reason: String(cString: strerror(failure))) }
            if piece.count == kept {
                ended = true
                carry = []
                return piece.isEmpty ? nil : piece
            }
            // Cut after the last line feed read now; what follows it waits for the next piece.
            guard let lastLineFeed = piece[kept...].lastIndex(of: 0x0A) else {
                carry = piece
                continue
            }
            carry = Array(piece[(lastLineFeed + 1)...])
            piece.removeSubrange((lastLineFeed + 1)...)
            return piece
        }
        return nil
    }
}
