import Testing
import MailImport

@Test func MailImportModuleBuilds() {
    #expect(String(describing: MailImportModule.self) == "MailImportModule")
}
