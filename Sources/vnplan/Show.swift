import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

extension ViewFormat: ExpressibleByArgument {}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a plan as a person reads it: Markdown or one self-contained HTML page.",
        discussion: """
            FILE is a plan (JSON) or a document, which is converted first; "-" reads standard \
            input. The view has the letterhead's fields, the warnings, the legal basis, each \
            section as a heading over the table of its tasks (lead, support, deadline, outputs) \
            and the indicators. The HTML page needs nothing from the network and prints on A4 \
            landscape; when the original PDF or scan is at hand (FILE itself, --original, or \
            the repository's sources/ for a plan kept in one), each task shows the picture of \
            its row cut from its page, its box outlined, so that it can be checked against the \
            page at a glance (a scan's page as OCR read it: turned upright and straightened).
            """)

    @Argument(help: ArgumentHelp("A plan (JSON) or a document: DOCX, PDF, image or text; \"-\" for standard input.",
                                 valueName: "file"))
    var file: String

    @Option(name: [.short, .long],
            help: ArgumentHelp("md or html; without it, the extension of --output decides, else md.", valueName: "format"))
    var to: ViewFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the view here instead of standard output (\"-\": standard output).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The document the plan was made from, for the pictures of its rows.", valueName: "file"))
    var original: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let input = try DocumentArgument.read(file, command: "show")
        let (plan, document) = try PlanArgument.read(input, pipelineOptions: pipelineOptions)
        let format = ViewFormat(asked: to, output: output)
        let originalFile = try original.map { try DocumentArgument.read($0, command: "show") } ?? document ?? heldOriginal(of: plan)
        let view: PlanViews.View
        do { view = try PlanViews.render(plan, as: format, original: originalFile) }
        catch { throw CommandFailure(error.description) }
        if let missing = view.missingPictures, format == .html {
            FileHandle.standardError.write(text: "\(input.name): no pictures of the rows: \(missing)\n")
        }
        try OutputFile.write(Data(view.text.utf8), to: output)
    }

    /// The original a plans repository keeps beside the plan file.
    private func heldOriginal(of plan: Plan) -> InputFile? {
        guard file != "-", let repository = PlanRepository.containing(planFile: URL(fileURLWithPath: file)),
              let url = repository.heldSource(sha256: plan.source.sha256) else { return nil }
        return try? InputFile(contentsOf: url)
    }
}
