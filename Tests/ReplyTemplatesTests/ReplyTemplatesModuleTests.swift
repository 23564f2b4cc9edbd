import Testing
import ReplyTemplates

@Test func ReplyTemplatesModuleBuilds() {
    #expect(String(describing: ReplyTemplatesModule.self) == "ReplyTemplatesModule")
}
