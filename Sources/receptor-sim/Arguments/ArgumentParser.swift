import Foundation
import Pharmacology
import ScenarioFiles

/// A small argument parser: `--name value`, `--name=value`, `-o value`, flags, `--` to end
/// options, and `-` as an ordinary value (standard output). Each value is read and checked
/// once by its option's `OptionKind` (`--rtol: expected a number, found 'abc'`). Unknown
/// options get a "did you mean" suggestion; every mistake is a `CommandLineError.usage`
/// naming the command.
enum ArgumentParser {
    static func parse(_ arguments: [String], command: String, specification: ArgumentSpecification) throws(CommandLineError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        func usage(_ message: String) -> CommandLineError { .usage(command: command, message: message) }

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                parsed.helpRequested = true
                return parsed
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = specification.option(named: name) else {
                let candidates = specification.options.map(\.name) + ["--help"]
                throw usage(UnknownName("option", name, valid: candidates).description)
            }
            if option.isFlag {
                if inlineValue != nil { throw usage("option '\(option.name)' takes no value") }
                parsed.flags.insert(option.name)
                continue
            }
            if !option.repeatable, parsed.values[option.name] != nil {
                throw usage("option '\(option.name)' given more than once")
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count, arguments[index] == "-" || !arguments[index].hasPrefix("-") || Double(arguments[index]) != nil {
                value = arguments[index]
                index += 1
            } else {
                throw usage("option '\(option.name)' needs a value (\(option.valueName ?? "VALUE"))")
            }
            switch option.kind.read(value) {
            case .success(let typed): parsed.typed[option.name, default: []].append(typed)
            case .failure(let expectation): throw usage(expectation.message(option: option.name, text: value))
            }
            parsed.values[option.name] = value
            if option.repeatable { parsed.repeatedValues[option.name, default: []].append(value) }
        }

        let required = specification.positionals.filter { !$0.optional }
        if parsed.positionals.count < required.count {
            throw usage("missing \(required[parsed.positionals.count].name)")
        }
        let repeats = specification.positionals.contains { $0.repeating }
        if !repeats, parsed.positionals.count > specification.positionals.count {
            throw usage("unexpected argument '\(parsed.positionals[specification.positionals.count])'")
        }
        return parsed
    }
}
