import Foundation
import VNPlanModel
import VNPlanNormalizer
import VNPlanReaders
import VNPlanTables

/// The stages wired as pipeline.json says: sniff ► read ► normalize ► (restore) ► tables.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    private let normalizer: Normalizer
    private let extractor = PlanExtractor()

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
        self.normalizer = Normalizer(configuration: configuration.normalizer)
    }

    /// Sniffs the format and reads the file into the IR.
    public func read(_ input: InputFile) throws(PipelineError) -> SourceDocument {
        let format: SourceFormat
        do { format = try FormatSniffer.format(of: input) }
        catch { throw PipelineError(file: input.name, stage: .sniff, reason: error.description) }
        guard configuration.stages(for: format) != nil else {
            throw PipelineError(file: input.name, stage: .sniff,
                                reason: ReaderError.disabledFormat(file: input.name, format: format.rawValue).description)
        }
        do { return try reader(for: format).read(input) }
        catch { throw PipelineError(file: input.name, stage: .read, reason: error.description) }
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
        return plan
    }

    private func reader(for format: SourceFormat) -> any DocumentReader {
        let recognizer = TextRecognizer(languages: configuration.ocr.languages, dpi: configuration.ocr.dpi)
        return switch format {
        case .docx: DOCXReader()
        case .text: TextReader()
        case .pdf: PDFReader(recognizer: recognizer)
        case .image: ImageReader(recognizer: recognizer)
        }
    }
}

/// A document that could not become a plan: which file, at which stage, and why.
public struct PipelineError: Error, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable, Codable {
        case sniff, read, normalize, restore, tables, export
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

extension Plan {
    /// Whether the document yielded anything of a plan: a task, an indicator, a letterhead (an
    /// issuer or a number) or a title. A document with none of them is "no plan found": report
    /// it rather than store it.
    public var hasPlanContent: Bool {
        !tasks.isEmpty || !indicators.isEmpty || document.issuer != nil || document.number != nil
            || document.title != nil
    }
}
