import Foundation
import MessageLint

/// Reads the drafts named on the command line: text files, JSON drafts, or `-` for standard input.
/// Everything is read and checked before anything is linted, so a bad input prints no partial report.
struct DraftReader {
    enum InputFormat: String, CaseIterable {
        case auto, text, json
    }

    var format: InputFormat
    var readStandardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }

    func read(_ path: String) throws -> Draft {
        let data: Data
        if path == "-" {
            data = readStandardInput()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("\(path): no such file")
            }
            guard !isDirectory.boolValue else { throw InputError("\(path): is a folder, not a draft") }
            guard let contents = FileManager.default.contents(atPath: path) else { throw InputError("\(path): cannot read") }
            data = contents
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("\(path): not UTF-8 text (byte \(Self.firstInvalidByte(in: data)) is invalid)")
        }
        if isJSON(path: path, text: text) { return try decodeJSON(data, path: path) }
        return Draft(body: text)
    }

    private func isJSON(path: String, text: String) -> Bool {
        switch format {
        case .json: return true
        case .text: return false
        case .auto:
            if path.lowercased().hasSuffix(".json") { return true }
            return path == "-" && text.drop { $0.isWhitespace }.first == "{"
        }
    }

    private func decodeJSON(_ data: Data, path: String) throws -> Draft {
        do {
            return try JSONDecoder().decode(Draft.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw InputError("\(path): \(Self.describe(context))")
        } catch let DecodingError.typeMismatch(type, context) {
            throw InputError(
                "\(path): \(Self.field(context)) must be \(type == String.self ? "a string" : type == Int.self ? "a whole number" : "\(type)")"
            )
        } catch let DecodingError.keyNotFound(key, context) {
            throw InputError("\(path): \(Self.field(context)) is missing '\(key.stringValue)'")
        } catch let DecodingError.valueNotFound(_, context) {
            throw InputError("\(path): \(Self.field(context)) must not be null")
        } catch {
            throw InputError("\(path): not a JSON draft: \(error.localizedDescription)")
        }
    }

    private static func field(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the draft" : "field '\(path.hasPrefix(".") ? String(path.dropFirst()) : path)'"
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        if context.codingPath.isEmpty {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "not valid JSON" + (underlying.map { ": \($0)" } ?? "")
        }
        return "\(field(context)): \(context.debugDescription)"
    }

    private static func firstInvalidByte(in data: Data) -> Int {
        var index = 0
        let bytes = [UInt8](data)
        while index < bytes.count {
            let length =
                String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
                .map { $0 == "\u{FFFD}" ? 0 : UTF8.width($0) } ?? 0
            if length == 0 { return index }
            index += length
        }
        return index
    }
}
