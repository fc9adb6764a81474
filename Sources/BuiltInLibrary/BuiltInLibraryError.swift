import ScenarioFiles

/// Why the built-in drug library could not be read: its data file is missing from the
/// installation, or it fails the library reader's checks (after an edit).
///
/// Both are reported by the command line before any command runs, as `receptor-sim: error:`
/// lines with exit status 2: the file is an input like a `--library` file, read by the same
/// reader, and a script that retries a run on status 1 (a numerical failure) must not retry a
/// broken installation.
package enum BuiltInLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No data file at any of the `searched` paths.
    case missing(searched: [String])
    /// The data file at `path` could not be read, or is not a valid library file.
    case invalid(path: String, ScenarioError)

    package var description: String {
        switch self {
        case .missing(let searched):
            return "receptor-sim: error: the built-in drug library '\(BuiltInDrugFile.fileName)' was not found; looked for:\n"
                + searched.map { "  " + $0 + "\n" }.joined()
                + "It ships in the resource directory '\(BuiltInDrugFile.bundleName).resources' beside the receptor-sim "
                + "executable (built by 'swift build'): copy that directory with the executable."
        case .invalid(let path, let error):
            return error.description + "\nreceptor-sim: error: the built-in drug library '\(path)' is not a valid library file "
                + "(the errors above); restore it from the package sources or fix the fields they name."
        }
    }
}
