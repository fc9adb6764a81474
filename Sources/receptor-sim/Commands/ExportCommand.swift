#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Exchange
import Pharmacology
import Reports
import ScenarioFiles

/// `receptor-sim export SCENARIO --format sbml -o FILE`: the compiled model for other simulators.
enum ExportCommand: ReceptorSimCommand {
    static let name = "export"
    static let abstract = "Export a scenario's compiled model (SBML) for other simulators."
    static let usage = "SCENARIO [--format sbml] [-o FILE|-]"
    static let discussion = """
        Writes SBML Level 3 Version 2: every state as a parameter with a rate rule, starting at the
        drug-free steady state; every coefficient as a parameter with its unit; doses, infusions and
        stimulus windows as events at their times; the CSV columns as assignment rules with the same
        names. COPASI, libRoadRunner/Tellurium and other SBML tools can run it. A file is written
        atomically: a failed export leaves no partial file. Exit status 2 means bad usage or a bad
        scenario, 1 that the output could not be written.
        """
    static let formats = ["sbml"]
    static let arguments = ArgumentSpecification(
        positionals: [PositionalSpecification(name: "SCENARIO", help: "The scenario file (JSON5).")],
        options: [
            OptionSpecification("--format", value: "FORMAT", help: "Exchange format: sbml (the default and only one)."),
            OptionSpecification("--output", short: "-o", value: "FILE", help: "Write to FILE; '-' or no -o writes to standard output."),
        ])

    static func run(_ arguments: ParsedArguments, console: Console) throws(CommandLineError) -> Int32 {
        let file = arguments.positionals[0]
        let format = arguments.value("--format") ?? "sbml"
        guard formats.contains(format) else {
            throw .usage(command: name, message: "unknown format '\(format)' for --format; known: \(formats.joined(separator: ", "))")
        }
        let scenario: Scenario
        do throws(ScenarioError) {
            scenario = try ScenarioReader.load(path: file, vocabulary: ModelBridge.vocabulary).scenario
        } catch {
            throw .scenario(error)
        }
        let document: String
        do {
            let model = try ReceptorModel.compile(scenario, library: ModelBridge.library)
            document = try SBMLExporter.document(for: model)
        } catch {
            throw .model(file: file, message: "\(error)")
        }
        switch arguments.value("--output") {
        case nil, "-":
            console.out(document)
        case let path?:
            try writeAtomically(document, to: path)
        }
        return 0
    }

    /// Writes `text` to a temporary file beside `path` and renames it onto `path`, so readers
    /// see the old file or the whole new one, never a partial one.
    static func writeAtomically(_ text: String, to path: String) throws(CommandLineError) {
        var template = Array((path + ".tmp.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .output(.cannotCreate(path: path, errno: errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let bytes = Array(text.utf8)
        var offset = 0
        var failure: Int32 = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            offset += written
        }
        if failure == 0 && fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw .output(.writeFailed(path: path, errno: failure))
        }
        // mkstemp creates 0600; give the file the usual permissions.
        let mask = umask(0)
        umask(mask)
        chmod(temporary, 0o666 & ~mask)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .output(.cannotRename(from: temporary, to: path, errno: code))
        }
    }
}
