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
            The format is recognised from the file's content, not its extension. The plan is \
            written to standard output, or atomically to the file given with --output. A \
            document that is readable but holds no plan still gives a plan, with warnings.
            """)

    @Argument(help: ArgumentHelp("The document: DOCX, PDF, image or text.", valueName: "file"))
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the plan here instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var pipelineOptions: PipelineOptions

    func run() throws {
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        do {
            let input = try InputFile(contentsOf: URL(fileURLWithPath: file))
            let json = try CanonicalJSON.encode(try pipeline.convert(input))
            if let output {
                try AtomicFile.write(json, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(json)
            }
        } catch let error as ReaderError {
            throw CommandFailure(error.description)
        } catch let error as PipelineError {
            throw CommandFailure(error.description)
        }
    }
}
