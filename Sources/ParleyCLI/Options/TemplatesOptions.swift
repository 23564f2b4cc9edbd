import ArgumentParser
import Foundation
import ReplyTemplates

/// `--templates DIR`, shared by every `parley template` command.
struct TemplatesOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The templates folder (default: $PARLEY_TEMPLATES, else the templates shipped with parley).", valueName: "dir"))
    var templates: String?

    /// Loads and checks every template of the folder.
    func loadLibrary() throws -> TemplateLibrary {
        let directory = try ShippedFolder.templates(explicit: templates).directory()
        do {
            return try TemplateLibrary(directory: directory)
        } catch {
            throw InputError("invalid templates: \(error)")
        }
    }
}
