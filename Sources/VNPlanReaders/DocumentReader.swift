import VNPlanModel

/// A reader turns one file format into the `SourceDocument` IR. It knows nothing of plans.
public protocol DocumentReader: Sendable {
    var format: SourceFormat { get }
    func read(_ input: InputFile) throws(ReaderError) -> SourceDocument
}
