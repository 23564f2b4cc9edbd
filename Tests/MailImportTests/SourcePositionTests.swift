import MailImport
import Testing

@Test func sourcePositionsReadAsFileLineOrMessageNumber() {
    #expect(SourcePosition(file: "export.jsonl", line: 12).description == "export.jsonl:12")
    #expect(SourcePosition(file: "Inbox.mbox", messageNumber: 3).description == "Inbox.mbox: message 3")
    #expect(ImportIssue(position: SourcePosition(file: "a.csv", line: 2), message: "bad date").description == "a.csv:2: bad date")
}
