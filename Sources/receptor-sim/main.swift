// The receptor-sim command line. Commands arrive with the ScenarioFiles and Reports modules.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "--version" {
    print("receptor-sim 0.1.0")
} else {
    FileHandle.standardError.write(Data("usage: receptor-sim run SCENARIO\n".utf8))
    exit(2)
}
