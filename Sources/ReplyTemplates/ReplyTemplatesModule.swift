/// Reply templates: loading, filling and linting (issue 4).
public enum ReplyTemplatesModule {}
