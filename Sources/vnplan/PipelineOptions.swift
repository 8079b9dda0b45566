import ArgumentParser
import Foundation
import VNPlanPipeline

/// `--pipeline FILE`, shared by every command that runs the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A pipeline configuration to use instead of the default pipeline.json.",
        valueName: "file"))
    var pipeline: String?

    func loadConfiguration() throws -> PipelineConfiguration {
        do {
            if let pipeline { return try PipelineConfiguration.load(from: URL(fileURLWithPath: pipeline)) }
            return try PipelineConfiguration.loadDefault()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
