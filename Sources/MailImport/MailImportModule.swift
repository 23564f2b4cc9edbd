/// Mail and export parsing into messages, no database (issue 3).
public enum MailImportModule {}
