import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one document into its canonical JSON plan.",
        discussion: """
            The format is recognised from the file's content, not its extension. FILE "-" reads \
            the document from standard input. The plan is written to standard output (also \
            with -o -), or to the file given with --output: a regular file is replaced \
            atomically, a FIFO, device or symbolic link's target written through. A document \
            that is readable but holds no plan still gives a plan, with warnings.
            """)

    @Argument(help: ArgumentHelp("The document: DOCX, PDF, image or text; \"-\" for standard input.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the plan here instead of standard output (\"-\": standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        let input = try DocumentArgument.read(file, command: "convert")
        let plan: Plan
        do {
            plan = try pipeline.convert(input)
        } catch {
            throw CommandFailure(error.description)
        }
        try OutputFile.write(try CanonicalJSON.encode(plan), to: output)
    }
}
