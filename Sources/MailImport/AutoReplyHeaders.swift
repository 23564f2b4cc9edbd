/// Whether a message's headers mark it as automatic (RFC 3834 `Auto-Submitted` other than `no`,
/// `X-Autoreply`, `X-Autorespond`, `Precedence: auto_reply`). Automatic replies never stop a clock.
enum AutoReplyHeaders {
    static func isAutoReply(_ headers: MessageHeaders) -> Bool {
        if let value = headers["Auto-Submitted"]?.rawValue.lowercased() {
            let token = value.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "(" }).first ?? ""
            if token.hasPrefix("auto-") { return true }
        }
        for name in ["X-Autoreply", "X-Autorespond"] {
            if let value = headers[name]?.rawValue.lowercased(), value != "no", value != "false" { return true }
        }
        if let value = headers["Precedence"]?.rawValue.lowercased(), value.hasPrefix("auto_reply") || value.hasPrefix("auto-reply") {
            return true
        }
        return false
    }
}
