import Foundation

/// git run in a repository's folder, as the person's own git (from PATH) runs.
struct Git {
    let root: URL

    struct Output {
        var status: Int32
        var standardOutput: Data
        var errors: String
    }

    func run(_ arguments: [String]) throws(RepositoryError) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = root
        let errors = Pipe(), output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        do { try process.run() } catch {
            throw .unreadable(path: root.path, reason: "git cannot be started (\(error.localizedDescription)); install git")
        }
        // git says little on standard error: reading its output to the end first cannot block.
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: printed, errors: message)
    }
}
