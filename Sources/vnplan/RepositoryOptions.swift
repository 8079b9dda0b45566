import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanRepository

/// `--repo DIR`, shared by the commands that work on a plans repository.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The plans repository (the folder holding plans/ and sources/).", valueName: "dir"))
    var repo: String = "."

    var repository: PlanRepository { PlanRepository(root: URL(fileURLWithPath: repo)) }

    /// The repository, which must exist already: a mistyped --repo is a usage error, never
    /// a new empty repository.
    func existingRepository() throws -> PlanRepository {
        do { return try PlanRepository.open(existing: URL(fileURLWithPath: repo)) }
        catch { throw UsageFailure(error.description).exit }
    }
}

/// Usage errors exit with status 2 (1 means the work found problems), so scripts and CI can
/// tell "you called me wrongly" from "your documents or plans have problems".
struct UsageFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    var exit: ExitCode {
        FileHandle.standardError.write(text: "error: \(description)\n")
        return ExitCode(2)
    }
}

/// A path as the person typed it, or relative to the current folder when it lies inside it:
/// what GitHub annotations and reports need to point at the right file.
func displayPath(_ url: URL) -> String {
    let current = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
}
