#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an output path cannot be written, found by `OutputTarget.resolve` before anything runs.
/// The command line reports it as a usage problem (exit 2) naming the option and the path.
package struct OutputPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the path.
    package enum Problem: Sendable, Equatable {
        /// The path is the empty string.
        case emptyName
        /// The path is a directory, or ends in `/`.
        case directory
        /// The folder that would hold the file does not exist.
        case missingFolder(String)
        /// A component of the path, or the folder that would hold the file, is not a folder.
        case notAFolder(String)
        /// The folder cannot take a new file (the temporary file is created there).
        case folderNotWritable(String, errno: Int32)
        /// The file exists, but no temporary file can be created beside it to replace it
        /// (`/proc/version`: a kernel file system takes no new files, whatever the permissions).
        case cannotReplace(String, errno: Int32)
        /// A symbolic link (after following its chain) points at nothing.
        case danglingLink(to: String)
        /// Too many levels of symbolic links.
        case linkLoop
        /// `/dev/fd/N` (or `/dev/stdout`, `/dev/stderr`) names a descriptor that is not open.
        case descriptorNotOpen(Int32)
        /// `/dev/fd/N` names a descriptor open only for reading.
        case descriptorReadOnly(Int32)
        /// Any other failure to inspect the path (`lstat`, `stat`, `realpath`).
        case inaccessible(errno: Int32)
    }

    /// The path as the user gave it.
    package let path: String
    package let problem: Problem

    package init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// The problem in words, without the path (`is a directory`).
    package var reason: String {
        switch problem {
        case .emptyName: return "the file name is empty"
        case .directory: return "is a directory"
        case .missingFolder(let folder): return "the folder '\(folder)' does not exist"
        case .notAFolder(let folder): return "'\(folder)' is not a folder"
        case .folderNotWritable(let folder, let code):
            return "cannot create a file in the folder '\(folder)': \(Self.text(code))"
        case .cannotReplace(let folder, let code):
            return "exists but cannot be replaced: no file can be created beside it in '\(folder)' (\(Self.text(code)))"
        case .danglingLink(let target):
            return "is a symbolic link to '\(target)', which does not exist (create the file or point the link elsewhere)"
        case .linkLoop: return "too many levels of symbolic links"
        case .descriptorNotOpen(let fd): return "file descriptor \(fd) is not open"
        case .descriptorReadOnly(let fd): return "file descriptor \(fd) is not open for writing"
        case .inaccessible(let code): return Self.text(code)
        }
    }

    package var description: String { "'\(path)': \(reason)" }

    static func text(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
