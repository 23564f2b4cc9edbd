/// RFC 4180 records: fields separated by commas, records by CRLF or LF, fields in double quotes may
/// hold commas, line breaks and `""` for a quote. Each record knows the line it starts on.
///
/// Damage is reported per record, not thrown: text after a closing quote (`"ab"c`) marks the record
/// malformed; a quote left open at the end of the input marks the last record, which then holds
/// everything after it.
struct CSVTable {
    struct Record {
        var line: Int
        var fields: [String]
        var problem: String?
    }

    static func records(_ bytes: [UInt8]) -> [Record] {
        var records: [Record] = []
        var index = bytes.hasBytes([0xEF, 0xBB, 0xBF], at: 0) ? 3 : 0
        var line = 1
        while index < bytes.count {
            var record = Record(line: line, fields: [])
            var field: [UInt8] = []
            var endOfRecord = false
            while !endOfRecord {
                if index >= bytes.count {
                    record.fields.append(Self.text(field))
                    break
                }
                if bytes[index] == 0x22 {  // a quoted field
                    index += 1
                    var closed = false
                    while index < bytes.count {
                        let byte = bytes[index]
                        if byte == 0x22 {
                            if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                                field.append(0x22)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                        index += 1
                    }
                    if !closed {
                        record.problem = "a quoted field starting on line \(record.line) is never closed"
                    }
                    // After the closing quote only a separator or the end of the record may follow.
                    while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                        if record.problem == nil { record.problem = "text after a closing quote" }
                        field.append(bytes[index])
                        index += 1
                    }
                }
                // An unquoted field (or the rest after a quoted one) up to `,` or the end of line.
                while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D {
                    field.append(bytes[index])
                    index += 1
                }
                record.fields.append(Self.text(field))
                field = []
                guard index < bytes.count else { break }
                switch bytes[index] {
                case 0x2C:
                    index += 1
                case 0x0D:
                    index += index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                    line += 1
                    endOfRecord = true
                default:
                    index += 1
                    line += 1
                    endOfRecord = true
                }
            }
            records.append(record)
        }
        return records
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self) ?? Charset.latin1(bytes)
    }
}
