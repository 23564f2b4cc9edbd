import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's round trip through NSString when
    /// there is nothing to trim (the usual case: every field of every exported record passes here).
    func trimmingWhitespaces() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last, !CharacterSet.whitespaces.contains(first),
            !CharacterSet.whitespaces.contains(last)
        {
            return self
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
