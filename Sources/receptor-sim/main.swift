// The receptor-sim command line: parse, dispatch to one command, exit with its status.
// Everything else lives in Commands/ (one file per command) and Arguments/.
import Foundation
import Reports

// SIGINT, SIGTERM and SIGHUP remove any temporary output file before exiting (130, 143, 129).
TemporaryFiles.installSignalHandlers()
exit(ReceptorSimCommandLine.main(Array(CommandLine.arguments.dropFirst())))
