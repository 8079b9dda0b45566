import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

struct Twins: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twins",
        abstract: "Compare the plans of renderings (scans, borderless renders) with their original's.",
        discussion: """
            Converts ORIGINAL (the DOCX or PDF the renderings were made from) and each \
            rendering, aligns each rendering's tasks in order with the original's, and prints \
            the tasks found (at least half of their fields equal), the tasks added, the task \
            fields equal, and the document fields (type, number, date, issuer, title) missed. \
            scripts/benchmark-scans.sh makes scans of PDFs with scripts/make-scans.py and runs it.
            """)

    @Argument(help: ArgumentHelp("The document the renderings were made from.", valueName: "original"))
    var original: String

    @Argument(help: ArgumentHelp("Renderings of it.", valueName: "rendering"))
    var renderings: [String]

    @Flag(help: "Print one JSON object per rendering instead of a table line.")
    var json = false

    @OptionGroup var pipelineOptions: PipelineOptions

    func validate() throws {
        guard !renderings.isEmpty else { throw ValidationError("name at least one rendering of \(original)") }
    }

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        let twin = try pipeline.convert(InputFile(contentsOf: URL(fileURLWithPath: original)))
        for rendering in renderings {
            let plan = try pipeline.convert(InputFile(contentsOf: URL(fileURLWithPath: rendering)))
            let agreement = PlanAgreement(plan, twin: twin)
            let name = (rendering as NSString).lastPathComponent
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(Line(rendering: name, agreement: agreement)), as: UTF8.self))
            } else {
                let missed = agreement.documentFieldsMissed.isEmpty ? "-" : agreement.documentFieldsMissed.joined(separator: ",")
                let share = String(format: "%.3f", agreement.fieldShare)
                print("\(name)\ttasks \(agreement.tasksFound)/\(agreement.twinTasks) (+\(agreement.extraTasks))\t"
                      + "fields \(agreement.fieldsEqual)/\(agreement.fields) = \(share)\tdocument missed: \(missed)")
            }
        }
    }

    /// One rendering's figures, as `--json` prints them.
    struct Line: Encodable {
        var rendering: String
        var agreement: PlanAgreement
    }
}
