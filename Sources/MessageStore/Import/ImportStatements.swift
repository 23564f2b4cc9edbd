import GRDB

/// The statements ``FileImporter`` runs per message or per thread, prepared once per file and
/// bound by hand (``BoundStatement``). The parameter numbers (`?NNN`) are the indexes the importer
/// binds.
struct ImportStatements {
    /// A message with an id chosen by the importer. A repeated `externalID` inserts nothing
    /// (`sqlite3_changes` is 0), so the unique index that the INSERT searches anyway also finds
    /// duplicates by id.
    let insertMessage: BoundStatement
    /// Whether a message with this id (?1) or this Message-ID (?2, may be NULL) is stored.
    let idOrMessageIDExists: BoundStatement
    /// Whether a message with this Message-ID (?1) is stored.
    let messageIDExists: BoundStatement
    /// Whether the thread (?1) has a message with this instant (?2), sender (?3), subject (?4) and body (?5).
    let sameContentExists: BoundStatement
    /// The thread with this key (?1), in ``MessageThread/positionalColumns(_:)``.
    let threadByKey: BoundStatement
    /// The thread of the message with this Message-ID (?1).
    let threadIDByMessageID: BoundStatement
    /// A thread row with an id chosen by the importer.
    let insertThread: BoundStatement
    /// A thread's fields and activity (?1–?9) by id (?10).
    let updateThread: BoundStatement
    let insertReturnRequest: BoundStatement

    init(_ db: Database) throws {
        insertMessage = try BoundStatement(
            db,
            sql: """
                INSERT INTO message (id, threadId, externalID, rfcMessageID, inReplyTo, referenceIDs, direction, kind, sentAt,
                    subject, body, attachments, asin, noResponseNeeded, noResponseNeededAt, isAutoReply, sourceFile, sourceLine,
                    sourceMessageNumber)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, NULL, ?15, ?16, ?17, ?18)
                ON CONFLICT (externalID) DO NOTHING
                """)
        idOrMessageIDExists = try BoundStatement(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM message WHERE externalID = ?1)
                    OR (?2 IS NOT NULL AND EXISTS (SELECT 1 FROM message WHERE rfcMessageID = ?2))
                """)
        messageIDExists = try BoundStatement(db, sql: "SELECT EXISTS (SELECT 1 FROM message WHERE rfcMessageID = ?1)")
        sameContentExists = try BoundStatement(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM message WHERE threadId = ?1 AND sentAt = ?2 AND direction = ?3 AND subject = ?4
                    AND body = ?5)
                """)
        threadByKey = try BoundStatement(db, sql: "SELECT \(MessageThread.positionalColumns("thread")) FROM thread WHERE key = ?1")
        threadIDByMessageID = try BoundStatement(db, sql: "SELECT threadId FROM message WHERE rfcMessageID = ?1 LIMIT 1")
        insertThread = try BoundStatement(
            db,
            sql: """
                INSERT INTO thread (id, key, marketplace, orderID, buyerAlias, buyerName, replyAddress, subject, firstActivityAt,
                    lastActivityAt, awaitingSince)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                """)
        updateThread = try BoundStatement(
            db,
            sql: """
                UPDATE thread SET marketplace = ?1, orderID = ?2, buyerAlias = ?3, buyerName = ?4, replyAddress = ?5, subject = ?6,
                    firstActivityAt = ?7, lastActivityAt = ?8, awaitingSince = ?9
                WHERE id = ?10
                """)
        insertReturnRequest = try BoundStatement(
            db, sql: "INSERT INTO returnRequest (orderID, receivedAt, messageId) VALUES (?1, ?2, ?3)")
    }
}
