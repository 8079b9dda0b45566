import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanRepository
import VNPlanWriters

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The repository at a glance: plans, who leads what, deadlines, overdue and due-soon tasks.",
        discussion: """
            Plans by issuer and year; tasks by lead unit (wordings of one unit folded, persons \
            named as such), with how many are overdue and due soon; a timeline of the deadlines \
            of the units that lead most, drawn as SVG; the tasks whose deadline or milestone fell \
            due before --as-of and those falling due in the --soon days from it; indicators and \
            their targets; and the documents stored from more than one file, which count once. \
            The HTML page is self-contained (no script, nothing fetched) and prints on A4 \
            landscape; Markdown gives the timeline as deadlines counted by quarter. Reads \
            index.sqlite: run vnplan index first. The same index and --as-of give the same bytes.

            Example: vnplan report --repo plans-repo --as-of 2026-01-01 -o report.html
            """)

    @OptionGroup var repositoryOptions: RepositoryOptions
    @OptionGroup var asOfOption: AsOfOption

    @Option(help: ArgumentHelp("Days from --as-of counted as due soon, 1 to 3660.", valueName: "days"))
    var soon = 30

    @Option(help: ArgumentHelp("Units drawn on the timeline (those that lead most), 1 to 100.", valueName: "count"))
    var lanes = 12

    @Option(name: [.short, .long],
            help: ArgumentHelp("md or html; without it, the extension of --output decides, else md.", valueName: "format"))
    var to: ViewFormat?

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (1...3660).contains(soon) else { throw ValidationError("--soon must be between 1 and 3660 days") }
        guard (1...100).contains(lanes) else { throw ValidationError("--lanes must be between 1 and 100") }
    }

    func run() throws {
        let index = PlanIndex(repository: try repositoryOptions.existingRepository())
        let overview: RepositoryOverview
        let asOf = try asOfOption.day()
        do { overview = try index.overview(asOf: asOf, soonDays: soon, lanes: lanes) }
        catch { throw CommandFailure(error.description) }
        let report = RepositoryReport(overview)
        let format = ViewFormat(asked: to, output: outputOptions.output)
        let output = try outputOptions.open()
        try output.write(Data((format == .html ? report.html : report.markdown).utf8))
        try output.commit()
    }
}
