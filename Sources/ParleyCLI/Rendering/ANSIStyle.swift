/// Terminal colours for the store commands' text, used only when `Terminal.wantsColor()` says so.
enum ANSIStyle: String {
    case red = "1;31"
    case yellow = "1;33"
    case green = "32"
    case bold = "1"
    case dim = "2"

    func apply(_ text: String, if enabled: Bool) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}
