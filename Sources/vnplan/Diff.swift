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
            """)

    @Argument(help: ArgumentHelp("The older plan or document.", valueName: "old")) var old: String
    @Argument(help: ArgumentHelp("The newer plan or document.", valueName: "new")) var new: String

    @Option(help: "text, md or json.") var format: PlanDiffText.Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the comparison here instead of standard output (\"-\": standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let before = try DocumentArgument.read(old, command: "diff"), after = try DocumentArgument.read(new, command: "diff")
        let diff = PlanDiff(old: try PlanArgument.read(before, pipelineOptions: pipelineOptions).plan,
                            new: try PlanArgument.read(after, pipelineOptions: pipelineOptions).plan)
        try OutputFile.write(Data(PlanDiffText.render(diff, old: before.name, new: after.name, as: format).utf8), to: output)
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
