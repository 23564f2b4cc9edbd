import ArgumentParser
import MessageLint

extension ReportFormat: ExpressibleByArgument {}
