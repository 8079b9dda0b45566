import ArgumentParser
import Foundation
import VNPlanPipeline

/// `--pipeline FILE`, shared by every command that runs the pipeline (vnplan's and
/// vnplan-dev's).
public struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A pipeline configuration to use instead of the default pipeline.json.",
        valueName: "file"))
    public var pipeline: String?

    public init() {}

    public func loadConfiguration() throws -> PipelineConfiguration {
        do {
            if let pipeline { return try PipelineConfiguration.load(from: URL(fileURLWithPath: pipeline)) }
            return try PipelineConfiguration.loadDefault()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
