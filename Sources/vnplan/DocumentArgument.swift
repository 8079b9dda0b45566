import Foundation
import VNPlanCommandOptions
import VNPlanReaders

/// The document a command reads: a file, or standard input when the path is "-" (pandoc's
/// habit). What is wrong with the path is said in words, before any reader sees it.
enum DocumentArgument {
    static func read(_ path: String, command: String) throws -> InputFile {
        if path == "-" {
            do { return InputFile(name: "stdin", data: try FileHandle.standardInput.readToEnd() ?? Data()) }
            catch { throw CommandFailure("standard input cannot be read (\(error.localizedDescription))") }
        }
        var status = stat()
        guard stat(path, &status) == 0 else {
            let reason = "\(path): \(String(cString: strerror(errno))); check the path"
            // A path that does not exist is a usage error (exit 2), as README says.
            if errno == ENOENT || errno == ENOTDIR { throw UsageFailure(reason).exit }
            throw CommandFailure(reason)
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw CommandFailure("\(path): is a folder; \(command) reads one document "
                                 + "(for a folder of documents: vnplan ingest \(path) --repo DIR)")
        }
        guard access(path, R_OK) == 0 else {
            throw CommandFailure("\(path): \(String(cString: strerror(errno))); check its permissions")
        }
        do { return try InputFile(contentsOf: URL(fileURLWithPath: path)) }
        catch { throw CommandFailure(error.description) }
    }
}
