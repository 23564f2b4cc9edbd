/// The message store: threads, timers, metrics (issue 3).
public enum MessageStoreModule {}
