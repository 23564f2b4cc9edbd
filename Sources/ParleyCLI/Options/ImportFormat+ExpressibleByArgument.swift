import ArgumentParser
import MailImport

extension ImportFormat: ExpressibleByArgument {}
