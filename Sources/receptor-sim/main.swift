// The receptor-sim command line: parse, dispatch to one command, exit with its status.
// Everything else lives in Commands/ (one file per command) and Arguments/.
import Foundation

exit(ReceptorSimCommandLine.main(Array(CommandLine.arguments.dropFirst())))
