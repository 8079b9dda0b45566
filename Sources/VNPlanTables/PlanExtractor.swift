import VNPlanModel

/// Turns a `SourceDocument` into a `Plan`: metadata from the letterhead and signature,
/// tasks and sections from the task tables. Knows plans, nothing of file formats.
public struct PlanExtractor: Sendable {
    public init() {}

    public func plan(from document: SourceDocument,
                     normalization: NormalizationSummary = NormalizationSummary()) -> Plan {
        let source = PlanSource(file: document.metadata.fileName, sha256: document.metadata.sha256,
                                format: document.metadata.format, pages: document.metadata.pageCount,
                                ocr: document.metadata.usedOCR)
        return Plan(id: Plan.identifier(for: DocumentInfo(), sha256: source.sha256), source: source,
                    normalization: normalization)
    }
}
