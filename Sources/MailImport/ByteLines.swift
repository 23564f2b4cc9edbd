import Foundation

/// A line of a byte buffer: where it starts, where its text ends (before `\r\n` or `\n`) and where the
/// next line starts. Mail arrives with CRLF, LF and, in broken files, a mix of both, so every parser
/// splits lines through this one type.
struct ByteLine: Sendable, Hashable {
    var start: Int
    var contentEnd: Int
    var end: Int

    var content: Range<Int> { start..<contentEnd }
    var isEmpty: Bool { start == contentEnd }
}

extension Array where Element == UInt8 {
    /// The lines of the buffer; a final line without a line break is included, an empty tail is not.
    func byteLines(in range: Range<Int>? = nil) -> [ByteLine] {
        let bounds = range ?? 0..<count
        var lines: [ByteLine] = []
        var start = bounds.lowerBound
        // Line feeds are found with memchr: a byte-by-byte loop was 3 % of reading a large export.
        withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < bounds.upperBound {
                guard let found = memchr(base + start, 0x0A, bounds.upperBound - start) else { break }
                let index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                let contentEnd = index > start && base[index - 1] == 0x0D ? index - 1 : index
                lines.append(ByteLine(start: start, contentEnd: contentEnd, end: index + 1))
                start = index + 1
            }
        }
        if start < bounds.upperBound {
            var contentEnd = bounds.upperBound
            if self[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            lines.append(ByteLine(start: start, contentEnd: contentEnd, end: bounds.upperBound))
        }
        return lines
    }

    /// Whether the bytes at `offset` begin with `prefix`.
    func hasBytes(_ prefix: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + prefix.count <= count else { return false }
        for (index, byte) in prefix.enumerated() where self[offset + index] != byte { return false }
        return true
    }
}
