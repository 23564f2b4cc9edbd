import Foundation
import GRDB

/// A decision someone must answer for later: a reply recorded despite error findings, with the
/// reason given and the rules it overrode.
public struct AuditEntry: Codable, Sendable, Hashable, Identifiable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var at: Date
    public var action: Action
    public var threadId: Int64?
    public var messageId: Int64?
    public var reason: String
    /// The ids of the error rules that were overridden.
    public var overriddenRules: [String]

    public enum Action: String, Codable, Sendable, Hashable {
        case forcedReply = "forced-reply"
    }

    public init(
        id: Int64? = nil, at: Date, action: Action, threadId: Int64?, messageId: Int64?, reason: String, overriddenRules: [String]
    ) {
        self.id = id
        self.at = at
        self.action = action
        self.threadId = threadId
        self.messageId = messageId
        self.reason = reason
        self.overriddenRules = overriddenRules
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let at = Column(CodingKeys.at)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
