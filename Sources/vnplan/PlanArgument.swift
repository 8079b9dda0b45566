import Foundation
import VNPlanCommandOptions
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders
import VNPlanRepository

/// A plan a command is given: a plan file as it is, or a document converted on the way.
enum PlanArgument {
    /// The plan, and the document itself when the input was one (not a plan file).
    static func read(_ input: InputFile, pipelineOptions: PipelineOptions) throws -> (plan: Plan, document: InputFile?) {
        if PlanValidator.looksLikeJSONObject(input.data) {
            // A plan that decodes is taken even where validate would object: a view or a diff
            // is how a person looks into it.
            if let plan = try? JSONDecoder().decode(Plan.self, from: input.data) { return (plan, nil) }
            let issues = PlanValidator().validate(input.data, file: input.name, repositoryPath: nil)
            let first = issues.first.map { "\($0.path): \($0.problem)" } ?? "it cannot be read"
            throw CommandFailure("\(input.name): is not a plan: \(first)")
        }
        let pipeline = Pipeline(configuration: try pipelineOptions.loadConfiguration())
        do { return (try pipeline.convert(input), input) }
        catch { throw CommandFailure(error.description) }
    }
}
