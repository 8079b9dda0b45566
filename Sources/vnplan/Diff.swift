import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanRepository
import VNPlanWriters

extension PlanDiffText.Format: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two plans: the document's fields, and tasks added, removed and changed.",
        discussion: """
            OLD and NEW are plans (JSON) or documents, converted first ("-" reads one of them \
            from standard input). Tasks are matched by what they say, not by their row: first \
            those alike in every field, then those with the same activity (or task) text, then \
            those at the same path; a changed task lists each field that differs, old and new. \
            Exit 0 when the plans are alike, 1 when they differ, 2 on a usage error, as diff(1) \
            does.

            With --repo, OLD and NEW are git revisions of a plans repository (NEW left out: the \
            plans as they are on disk), and every plan file under plans/ that differs between \
            them is compared; a plan added or removed is compared with nothing (/dev/null).

            Examples: vnplan diff ke-hoach-2025.docx ke-hoach-2026.docx
                      vnplan diff --repo ke-hoach HEAD~1 HEAD --format md
            """)

    @Argument(help: ArgumentHelp("The older plan or document; with --repo, a git revision.", valueName: "old"))
    var old: String
    @Argument(help: ArgumentHelp("The newer plan or document; with --repo, a git revision (left out: the plans on disk).",
                                 valueName: "new"))
    var new: String?

    @Option(help: ArgumentHelp("A plans repository whose git revisions OLD and NEW are.", valueName: "dir"))
    var repo: String?

    @Option(help: "text, md or json.") var format: PlanDiffText.Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the comparison here instead of standard output (\"-\": standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
        if repo == nil, new == nil { throw ValidationError("give the newer plan or document too (or --repo DIR and git revisions)") }
    }

    func run() throws {
        if let repo { return try compareRevisions(of: repo) }
        let before = try DocumentArgument.read(old, command: "diff"), after = try DocumentArgument.read(new ?? "", command: "diff")
        let diff = PlanDiff(old: try PlanArgument.read(before, pipelineOptions: pipelineOptions).plan,
                            new: try PlanArgument.read(after, pipelineOptions: pipelineOptions).plan)
        try OutputFile.write(Data(PlanDiffText.render(diff, old: before.name, new: after.name, as: format).utf8), to: output)
        if !diff.isEmpty { throw ExitCode(1) }
    }

    /// Every plan file that differs between two revisions of a repository.
    private func compareRevisions(of folder: String) throws {
        let changes: [PlanHistory.Change]
        do {
            let repository = try PlanRepository.open(existing: URL(fileURLWithPath: folder))
            changes = try PlanHistory(repository: repository).changes(from: old, to: new)
        } catch { throw UsageFailure(error.description).exit }
        let diffs = changes.compactMap { change -> (diff: PlanDiff, old: String, new: String)? in
            guard let present = change.new ?? change.old else { return nil }
            let nothing = Plan(id: present.id, source: present.source)
            return (PlanDiff(old: change.old ?? nothing, new: change.new ?? nothing),
                    change.old == nil ? "/dev/null" : "\(old):\(change.path)",
                    change.new == nil ? "/dev/null" : new.map { "\($0):\(change.path)" } ?? change.path)
        }
        try OutputFile.write(Data(PlanDiffText.render(diffs, as: format).utf8), to: output)
        if diffs.contains(where: { !$0.diff.isEmpty }) { throw ExitCode(1) }
    }
}
