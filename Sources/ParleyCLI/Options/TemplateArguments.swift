import ArgumentParser
import ReplyTemplates

extension LanguageTag: ExpressibleByArgument {
    /// Accepts any case and `_` for `-`: `en_gb` is en-GB.
    public init?(argument: String) { self.init(lenient: argument) }
}

extension TemplateCategory: ExpressibleByArgument {}
