import Foundation
import VNPlanLayout
import VNPlanModel
import VNPlanNormalizer
import VNPlanReaders
import VNPlanRepository
import VNPlanTables

/// The stages wired as pipeline.json says: sniff ► read ► normalize ► (restore) ► tables.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    private let normalizer: Normalizer
    private let extractor = PlanExtractor()
    private let producer: Producer
    private let validator = PlanValidator()

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        self.normalizer = Normalizer(configuration: configuration.normalizer)
        self.producer = configuration.producer
    }

    /// Sniffs the format and reads the file into the IR; `observe` sees each page of
    /// geometry on its way to the Layout stage (PDF with a text layer).
    public func read(_ input: InputFile,
                     observingPages observe: (PageGeometry) -> Void = { _ in }) throws(PipelineError) -> SourceDocument {
        let format: SourceFormat
        do { format = try FormatSniffer.format(of: input) }
        catch { throw PipelineError(file: input.name, stage: .sniff, reason: error.description) }
        guard configuration.stages(for: format) != nil else {
            throw PipelineError(file: input.name, stage: .sniff,
                                reason: ReaderError.disabledFormat(file: input.name, format: format.rawValue).description)
        }
        do {
            switch reader(for: format) {
            case .blocks(let reader): return try reader.read(input)
            case .pages(let reader): return try laidOut(input, reader, observe)
            }
        } catch {
            throw PipelineError(file: input.name, stage: .read, reason: error.description)
        }
    }

    /// Pages of geometry through the Layout stage, one page at a time.
    private func laidOut(_ input: InputFile, _ reader: any PageGeometryReader,
                         _ observe: (PageGeometry) -> Void) throws(ReaderError) -> SourceDocument {
        var layout = LayoutAnalyzer()
        var fonts = FontDecoding()
        let metadata = try reader.readPages(input) { page in
            let decoded = fonts.decoded(page)
            observe(decoded)
            layout.add(decoded)
        }
        let (blocks, warnings) = layout.finish()
        return SourceDocument(metadata: metadata, blocks: blocks, warnings: warnings)
    }

    /// The whole conversion of one file into its canonical plan.
    public func convert(_ input: InputFile) throws(PipelineError) -> Plan {
        var document = try read(input)
        // A scanned PDF went through OCR: its text needs what an image's text needs.
        let ocrStages = document.metadata.usedOCR ? configuration.stages(for: .image) : nil
        let stages = ocrStages ?? configuration.stages(for: document.metadata.format) ?? []
        var summary = NormalizationSummary()
        if stages.contains(.normalize) {
            (document, summary) = normalizer.normalize(document)
        }
        if stages.contains(.restore) {
            do {
                let (restored, restoration) = try normalizer.restore(document)
                document = restored
                summary = summary.adding(restoration)
            } catch {
                throw PipelineError(file: input.name, stage: .restore, reason: error.description)
            }
        }
        guard stages.contains(.tables) else {
            throw PipelineError(file: input.name, stage: .tables,
                                reason: "the pipeline does not run the tables stage for \(document.metadata.format.rawValue) files, so no plan can be made")
        }
        var plan = extractor.plan(from: document, normalization: summary)
        // A misnamed binary file is still the document its content is: read, with a warning.
        let format = document.metadata.format
        if let claimed = FormatSniffer.claimedFormat(of: input.name), claimed != format {
            plan.warnings.append("The file is named as \(claimed.rawValue.uppercased()) but its content is \(format.rawValue.uppercased()); it was read as \(format.rawValue.uppercased()).")
        }
        plan.producer = producer
        try checkValid(plan, file: input.name)
        return plan
    }

    /// No plan leaves the pipeline that `validate` would refuse: the CI of a plans repository
    /// would reject it, so the document fails here, naming what is wrong.
    private func checkValid(_ plan: Plan, file: String) throws(PipelineError) {
        let issues: [ValidationIssue]
        do { issues = validator.validate(try CanonicalJSON.encode(plan), file: file, repositoryPath: nil) }
        catch { throw PipelineError(file: file, stage: .validate, reason: "its plan cannot be encoded (\(error))") }
        guard let first = issues.first else { return }
        let more = issues.count > 1 ? " (and \(issues.count - 1) more)" : ""
        throw PipelineError(file: file, stage: .validate,
                            reason: "its plan would not pass validate: \(first.path): \(first.problem)\(more)")
    }

    /// A format's reader: one that gives blocks (DOCX, text), or one that gives pages of
    /// geometry for the Layout stage (PDF, images).
    private enum FormatReader {
        case blocks(any DocumentReader)
        case pages(any PageGeometryReader)
    }

    private func reader(for format: SourceFormat) -> FormatReader {
        let recognizer = TextRecognizer(languages: configuration.ocr.languages, dpi: configuration.ocr.dpi)
        return switch format {
        case .docx: .blocks(DOCXReader())
        case .text: .blocks(TextReader(cellStartHint: PlanCellStarts.score))
        case .pdf: .pages(PDFReader(recognizer: recognizer))
        case .image: .pages(ImageReader(recognizer: recognizer))
        }
    }
}

/// A document that could not become a plan: which file, at which stage, and why.
public struct PipelineError: Error, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable, Codable {
        case sniff, read, normalize, restore, tables, validate, export
    }

    public var file: String
    public var stage: Stage
    public var reason: String

    public init(file: String, stage: Stage, reason: String) {
        self.file = file
        self.stage = stage
        self.reason = reason
    }

    /// The reason already names the file when it comes from a reader.
    public var description: String {
        reason.hasPrefix(file + ":") ? reason : "\(file): \(reason)"
    }
}
