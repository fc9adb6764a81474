import Reports

/// The output options of a command checked before anything runs: each path must be writable
/// as `OutputTarget` classifies it, no output may overwrite an input of the command, and no
/// two outputs may be the same file. A problem is a usage error (exit 2) naming the option
/// and the path, found before a long simulation rather than after it.
enum OutputOptions {
    /// Checks `outputs` (option name and path; `-` for standard output) against each other and
    /// against `inputs` (files the command reads; links followed, compared by device and inode).
    /// - Returns: the resolved targets, in the order of `outputs`.
    /// - Throws: `CommandLineError.outputPath` (exit 2).
    @discardableResult
    static func check(command: String, outputs: [(option: String, path: String)], inputs: [String]) throws(CommandLineError) -> [OutputTarget] {
        var targets: [OutputTarget] = []
        for (option, path) in outputs {
            let target: OutputTarget
            do throws(OutputPathError) { target = try OutputTarget.resolve(path, probing: true) } catch {
                throw .outputPath(command: command, option: displayName(option), path: path, reason: error.reason)
            }
            for input in inputs where target.overwrites(input: input) {
                let via = input == path ? "" : " '\(input)'"
                throw .outputPath(command: command, option: displayName(option), path: path,
                                  reason: "is the input file\(via); refusing to overwrite an input")
            }
            for (earlier, (otherOption, otherPath)) in zip(targets, outputs) where target.isSameDestination(as: earlier) {
                throw .outputPath(command: command, option: displayName(option), path: path,
                                  reason: "is the same file as \(displayName(otherOption)) '\(otherPath)'; give each output its own file")
            }
            targets.append(target)
        }
        return targets
    }

    /// `-o` for `--output` (as the usage lines write it), other options as they are.
    static func displayName(_ option: String) -> String { option == "--output" ? "-o" : option }
}
