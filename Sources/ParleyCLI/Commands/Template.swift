import ArgumentParser

extension Parley {
    /// `parley template`: the reply library.
    public struct Template: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "List, show and fill the reply templates: compliant answers to everyday buyer messages.",
            discussion: """
                Each template answers one situation (a return request, a refund, a late parcel, \
                negative feedback, …) in one or more languages. `fill` puts your values into it, \
                renders plain text and lints the result with the full rule pack, so a value cannot \
                bring in a link, a contact detail or a prohibited phrase.

                Templates are found like the rules: --templates DIR, else $PARLEY_TEMPLATES, else the \
                templates/ folder of the checkout parley was built in, else \
                <prefix>/share/parley/templates. The file format is in templates/README.md.

                Examples:
                  parley template list --category returns
                  parley template show return-authorised --language en-GB
                  parley template fill tracking-information --vars order.json \\
                    --set carrier=DHL --set tracking_number=JD014600006281230706
                """,
            subcommands: [List.self, Show.self, Fill.self])

        public init() {}
    }
}
