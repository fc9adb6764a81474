import Foundation
import Pharmacology
import ScenarioFiles

/// A small argument parser: `--name value`, `--name=value`, `-o value`, flags, `--` to end
/// options, and `-` as an ordinary value (standard output). Unknown options get a "did you
/// mean" suggestion; every mistake is a `CommandLineError.usage` naming the command.
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

    // MARK: Typed option values

    /// A finite number > 0, for options like `--interval H`.
    static func positiveNumber(_ text: String, option: String, command: String) throws(CommandLineError) -> Double {
        guard let value = Double(text), value.isFinite, value > 0 else {
            throw .usage(command: command, message: "option '\(option)' needs a finite number > 0, found '\(text)'")
        }
        return value
    }

    /// A whole number in `range`.
    static func integer(_ text: String, option: String, in range: ClosedRange<Int>, command: String) throws(CommandLineError) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw .usage(command: command, message: "option '\(option)' needs a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
        }
        return value
    }

    /// A comma-separated list of non-empty names (`a,b,c`; spaces around names are ignored).
    static func list(_ text: String, option: String, command: String) throws(CommandLineError) -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
            throw .usage(command: command, message: "option '\(option)' needs a comma-separated list of names, found '\(text)'")
        }
        return items
    }
}
