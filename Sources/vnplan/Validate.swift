import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanRepository

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check plans: strict structure and meaning.",
        discussion: """
            Each plan is checked against the plan schema (schemas/plan.schema.json: an unknown \
            or missing key, a wrong type, a date the calendar lacks are errors) and for meaning: \
            plausible dates in order, unique \
            section/task/indicator paths, every task with a task or activity text, deadlines \
            that agree with their wording and kind, and the file at the place its id, issuer \
            and date give (for files under a plans/ folder). Every problem of every plan is \
            reported in one run, each with the file, its line and column, the JSON path, what \
            was expected and what was found.

            A file named as PATH is checked whatever its name (a DOCX given by mistake is \
            reported as not a plan); a folder is searched for *.json files. With no PATH, every \
            plan of the repository is checked. A JSON syntax error gives its line and column, \
            and --format github puts each annotation on the line of the offending key. Exit \
            status 1 when any plan has a problem or there is no plan to check, 2 when a PATH \
            does not exist.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, github
    }

    @Argument(help: ArgumentHelp("Plan files or folders (default: the repository's plans/).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var repositoryOptions: RepositoryOptions

    @Option(help: "text: one line per problem; json: for tools; github: GitHub Actions annotations.")
    var format: Format = .text

    func run() throws {
        let (files, misnamed) = try planFiles()
        guard !files.isEmpty || !misnamed.isEmpty else {
            let searched = paths.isEmpty ? [displayPath(repositoryOptions.repository.plansFolder)] : paths
            throw CommandFailure("nothing to validate: no plan file (*.json) in \(searched.joined(separator: ", ")); "
                                 + "name plan files or a folder that holds them")
        }
        let validator = PlanValidator()
        var results = Array(repeating: [ValidationIssue](), count: files.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                slots[index] = validator.validate(fileAt: files[index], file: displayPath(files[index]),
                                                  repositoryPath: Self.repositoryPath(of: files[index]))
            }
        }
        let issues = misnamed.map {
            ValidationIssue(file: displayPath(URL(fileURLWithPath: $0)), path: "$", problem: JSONFileListing.misnamedProblem)
        }
            + results.flatMap { $0 }
        print(render(issues, checked: files.count + misnamed.count), terminator: "")
        if !issues.isEmpty { throw ExitCode(1) }
    }

    /// The plan files to check, and the paths of files whose names are not UTF-8 text.
    private func planFiles() throws -> (files: [URL], misnamed: [String]) {
        guard !paths.isEmpty else {
            let listing = try JSONFileListing(under: repositoryOptions.existingRepository().plansFolder)
            return (listing.files, listing.misnamed)
        }
        var files: [URL] = []
        var misnamed: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw UsageFailure("\(path): no such file or folder").exit
            }
            // A file named on the command line is checked whatever its extension: CI that
            // passes a DOCX by mistake must fail, not report "0 plans valid".
            guard isFolder.boolValue else {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let listing = try JSONFileListing(under: URL(fileURLWithPath: path))
            files += listing.files
            misnamed += listing.misnamed
        }
        return (files, misnamed)
    }

    /// "plans/<issuer>/<year>/<id>.json" for a file inside a repository's plans/ folder.
    static func repositoryPath(of file: URL) -> String? {
        let components = file.standardizedFileURL.pathComponents
        guard let start = components.lastIndex(of: "plans") else { return nil }
        return components[start...].joined(separator: "/")
    }

    private func render(_ issues: [ValidationIssue], checked: Int) -> String {
        switch format {
        case .text:
            let failing = Set(issues.map(\.file)).count
            return issues.map { "\($0)\n" }.joined()
                + (issues.isEmpty ? "\(checked) plans valid\n"
                    : "\(issues.count) problem\(issues.count == 1 ? "" : "s") in \(failing) of \(checked) plans\n")
        case .json:
            struct Report: Encodable { var checked: Int; var issues: [ValidationIssue] }
            return (try? CanonicalJSON.string(Report(checked: checked, issues: issues))) ?? ""
        case .github:
            return issues.map { issue in
                "::error file=\(Self.escapeProperty(issue.file)),line=\(issue.line ?? 1)"
                    + (issue.column.map { ",col=\($0)" } ?? "") + ",title=vnplan validate::"
                    + Self.escapeMessage("\(issue.path): \(issue.problem)") + "\n"
            }.joined()
        }
    }

    // GitHub's workflow-command escaping.
    private static func escapeMessage(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
