extension TemplateLibrary {
    /// The variant of `id` for a buyer who reads `language`: that exact language; else the same
    /// language elsewhere (English outside the US prefers en-GB, plain `en` and en-US prefer en-US;
    /// another language prefers its bare tag, then the first region); else en-US, en-GB, or the
    /// first variant. With no language, en-US when there is one.
    public func choose(_ id: String, language: LanguageTag?) throws(TemplateFillError) -> TemplateChoice {
        let variants = variants(of: id)
        guard let firstVariant = variants.first else {
            throw TemplateFillError.unknownTemplate(id, suggestions: TemplateFillError.closeMatches(to: id, in: ids))
        }
        func variant(_ tag: LanguageTag) -> ReplyTemplate? { variants.first { $0.language == tag } }
        let fallback = variant(.americanEnglish) ?? variant(.britishEnglish) ?? firstVariant
        guard let language else { return TemplateChoice(template: fallback, requested: nil, match: .default) }
        if let exact = variant(language) { return TemplateChoice(template: exact, requested: language, match: .exact) }
        let sameLanguage = variants.filter { $0.language.language == language.language }
        if !sameLanguage.isEmpty {
            let preferred: [ReplyTemplate?]
            if language.language == "en" {
                let american = language.region == nil || language.region == "US"
                preferred =
                    american
                    ? [variant(.americanEnglish), variant(.britishEnglish)] : [variant(.britishEnglish), variant(.americanEnglish)]
            } else {
                preferred = [sameLanguage.first { $0.language.rawValue == language.language }]
            }
            let chosen = preferred.compactMap { $0 }.first ?? sameLanguage[0]
            return TemplateChoice(template: chosen, requested: language, match: .sameLanguage)
        }
        return TemplateChoice(template: fallback, requested: language, match: .fallback)
    }
}
