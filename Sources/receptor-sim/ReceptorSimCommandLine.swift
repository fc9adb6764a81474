import BuiltInLibrary
import Pharmacology
import Reports

/// Top-level dispatch: `--version`, `--help`, then one command from `CommandRegistry`.
enum ReceptorSimCommandLine {
    static let version = "0.1.0"

    static var help: String {
        var text = """
            OVERVIEW: Simulate opioid receptor dynamics (mu, delta, kappa, NMDA) from scenario files.

            USAGE: receptor-sim COMMAND [OPTIONS]

            COMMANDS:

            """
        for command in CommandRegistry.all { text += HelpFormatter.row(command.name, command.abstract) }
        text += "\nOPTIONS:\n"
        text += HelpFormatter.row("-h, --help", "Show this help.")
        text += HelpFormatter.row("--version", "Show the version.")
        text += """

            See 'receptor-sim COMMAND --help' for a command's arguments and options.
            Exit status: 0 success, 1 simulation failure, 2 bad usage or bad input.
            """
        return text
    }

    /// Runs the command line and returns the exit status: the command's, or 1 when a write to
    /// standard output failed and nothing has reported it yet (the message goes to stderr).
    static func main(_ arguments: [String], console: Console = Console()) -> Int32 {
        let status = dispatch(arguments, console: console)
        guard let failure = StandardOutput.unreportedFailure else { return status }
        console.err(CommandLineError.output(failure).description)
        return status == 0 ? 1 : status
    }

    private static func dispatch(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(help)
            return 2
        }
        switch first {
        case "--version":
            console.out("receptor-sim \(version)")
            return 0
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let command = CommandRegistry.command(named: arguments[1]) {
                if let error = builtInLibraryFailure {
                    console.err(error.description)
                    return error.exitStatus
                }
                console.out(command.help)
            } else {
                console.out(help)
            }
            return 0
        default:
            break
        }
        guard let command = CommandRegistry.command(named: first) else {
            let names = CommandRegistry.all.map { $0.name }
            let unknown = first.hasPrefix("-")
                ? UnknownName("option", first, valid: [], hint: UnknownName.listing("commands", names))
                : UnknownName("command", first, valid: names, hint: UnknownName.listing("commands", names))
            console.err(CommandLineError.usage(command: nil, message: unknown.description).description)
            return 2
        }
        do {
            return try run(command, Array(arguments.dropFirst()), console: console)
        } catch let error as CommandLineError {
            console.err(error.description)
            return error.exitStatus
        } catch {
            console.err("receptor-sim: error: \(error)")
            return 2
        }
    }

    /// The built-in library's data file, read once, when it is missing or invalid. Checked before
    /// anything reads a command's argument specification or help, which list the library's names
    /// (reading `DrugLibrary.builtIn` without the file would stop the process).
    private static var builtInLibraryFailure: CommandLineError? {
        if case .failure(let error) = BuiltInDrugFile.loaded { return .builtInLibrary(error) }
        return nil
    }

    private static func run(_ command: any ReceptorSimCommand.Type, _ arguments: [String], console: Console) throws -> Int32 {
        if let error = builtInLibraryFailure { throw error }
        let parsed = try ArgumentParser.parse(arguments, command: command.name, specification: command.arguments)
        if parsed.helpRequested {
            console.out(command.help)
            return 0
        }
        return try command.run(parsed, console: console)
    }
}
