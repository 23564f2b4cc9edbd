/// The line `parley import` keeps up to date on standard error while it reads and stores a large
/// input (over 1 MB, or from the 1,000th message on), rewritten in place with `\r`. The command
/// creates one only when standard error is a terminal, so pipes and logs never see it.
struct ImportProgress {
    static let largeBytes = 1_000_000
    static let largeMessages = 1_000
    /// Messages between two updates while reading: often enough to move, rare enough to cost nothing.
    static let step = 1_000

    private let write: (String) -> Void
    private var file = ""
    private var large = false
    /// Multiples of `step` already shown for this file.
    private var shownSteps = 0
    /// The length of the line on screen, so a shorter one can blank it out.
    private var width = 0

    init(write: @escaping (String) -> Void) {
        self.write = write
    }

    mutating func start(_ file: String, bytes: Int?) {
        self.file = file
        shownSteps = 0
        large = (bytes ?? 0) > Self.largeBytes
        if large { show("\(file): reading…") }
    }

    /// Shown each time the count passes a multiple of `step`: the count may come a message or a
    /// batch at a time.
    mutating func read(messages: Int) {
        if messages >= Self.largeMessages { large = true }
        guard large, messages / Self.step > shownSteps else { return }
        shownSteps = messages / Self.step
        show("\(file): \(messages) messages read…")
    }

    /// The store takes the whole file in one transaction, so this is the last update until it is done.
    mutating func store(messages: Int) {
        guard large else { return }
        show("\(file): storing \(messages) messages…")
    }

    mutating func clear() {
        guard width > 0 else { return }
        write("\r" + String(repeating: " ", count: width) + "\r")
        width = 0
    }

    private mutating func show(_ line: String) {
        write("\r" + line + String(repeating: " ", count: max(0, width - line.count)))
        width = line.count
    }
}
