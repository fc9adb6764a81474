/// A `receptor-sim` subcommand. To add one (plot, report, compare, sweep, ...), write one file
/// with a type conforming to this protocol and list the type in `CommandRegistry.all`.
protocol ReceptorSimCommand {
    /// The word after `receptor-sim` (`run`).
    static var name: String { get }
    /// One line for the command list.
    static var abstract: String { get }
    /// The usage line after `receptor-sim NAME` (by default made from `arguments`).
    static var usage: String { get }
    /// Paragraphs shown by `--help` after the usage (may be empty).
    static var discussion: String { get }
    static var arguments: ArgumentSpecification { get }

    /// Runs the command with parsed arguments.
    /// - Returns: the exit status (0 on success).
    /// - Throws: `CommandLineError`, rendered to stderr with its exit status by the dispatcher.
    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32
}

extension ReceptorSimCommand {
    static var discussion: String { "" }

    /// Made from the option declarations (`ArgumentSpecification.usageLine`).
    static var usage: String { arguments.usageLine }

    /// The `--help` text.
    static var help: String {
        var text = "OVERVIEW: \(abstract)\n\nUSAGE: receptor-sim \(name) \(usage)\n"
        if !discussion.isEmpty { text += "\n\(discussion)\n" }
        if !arguments.positionals.isEmpty {
            text += "\nARGUMENTS:\n"
            for positional in arguments.positionals {
                text += HelpFormatter.row(positional.name + (positional.repeating ? "..." : ""), positional.help)
            }
        }
        text += "\nOPTIONS:\n"
        for option in arguments.options {
            var label = option.short.map { "\($0), " } ?? ""
            label += option.name
            if let valueName = option.valueName { label += " \(valueName)" }
            text += HelpFormatter.row(label, option.help)
        }
        text += HelpFormatter.row("-h, --help", "Show this help.")
        return text
    }
}

/// Two-column help rows with wrapped descriptions.
enum HelpFormatter {
    static let labelWidth = 24
    static let lineWidth = 100

    static func row(_ label: String, _ help: String) -> String {
        let indent = String(repeating: " ", count: labelWidth + 2)
        var lines: [String] = []
        var current = ""
        for word in help.split(separator: " ") {
            if !current.isEmpty, current.count + 1 + word.count > lineWidth - indent.count {
                lines.append(current)
                current = String(word)
            } else {
                current += current.isEmpty ? String(word) : " \(word)"
            }
        }
        if !current.isEmpty { lines.append(current) }
        let paddedLabel = "  " + label
        var text: String
        if paddedLabel.count < labelWidth + 1 {
            text = paddedLabel + String(repeating: " ", count: labelWidth + 2 - paddedLabel.count) + (lines.first ?? "") + "\n"
        } else {
            text = paddedLabel + "\n" + indent + (lines.first ?? "") + "\n"
        }
        for line in lines.dropFirst() { text += indent + line + "\n" }
        return text
    }
}
