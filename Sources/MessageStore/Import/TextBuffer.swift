/// Memory for the texts one run of a ``BoundStatement`` binds, reused from run to run, so binding a
/// text is a copy into memory that stays put until the statement's next reset, never a `malloc`.
///
/// A class because the memory must be freed.
final class TextBuffer {
    /// Enough for a message's texts; a text that does not fit is bound the ordinary way (SQLite
    /// copies it), since growing would move the texts already bound.
    static let capacity = 64 * 1024

    private let start = UnsafeMutableRawPointer.allocate(byteCount: TextBuffer.capacity, alignment: 1)
    private var used = 0

    deinit { start.deallocate() }

    /// Forgets the texts copied so far; their memory is reused.
    func removeAll() { used = 0 }

    /// A copy of `bytes` that stays valid and unchanged until ``removeAll()``; nil when it does not fit.
    func append(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawPointer? {
        guard bytes.count <= Self.capacity - used else { return nil }
        let copy = start + used
        if let base = bytes.baseAddress { copy.copyMemory(from: base, byteCount: bytes.count) }
        used += bytes.count
        return UnsafeRawPointer(copy)
    }
}
