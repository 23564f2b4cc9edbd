import Testing
import MessageStore

@Test func MessageStoreModuleBuilds() {
    #expect(String(describing: MessageStoreModule.self) == "MessageStoreModule")
}
