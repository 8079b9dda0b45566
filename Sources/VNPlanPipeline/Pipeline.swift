import Foundation
import VNPlanLayout
import VNPlanModel
import VNPlanNormalizer
import VNPlanReaders
import VNPlanTables

/// The stages wired as pipeline.json says: sniff ► read ► normalize ► (restore) ► tables.
public struct Pipeline: Sendable {
    public let configuration: PipelineConfiguration
    private let normalizer: Normalizer
    private let extractor = PlanExtractor()
    private let producer: Producer

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
            let reader = reader(for: format)
            if let geometryReader = reader as? any PageGeometryReader, try drawsItsText(input, reader) {
                return try laidOut(input, geometryReader, observe)
            }
            return try reader.read(input)
        } catch {
            throw PipelineError(file: input.name, stage: .read, reason: error.description)
        }
    }

    /// A PDF with a text layer is read as pages of geometry; a scan still as OCR text.
    private func drawsItsText(_ input: InputFile, _ reader: any DocumentReader) throws(ReaderError) -> Bool {
        guard let pdf = reader as? PDFReader else { return false }
        return try pdf.hasTextLayer(input)
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
        return plan
    }

    private func reader(for format: SourceFormat) -> any DocumentReader {
        let recognizer = TextRecognizer(languages: configuration.ocr.languages, dpi: configuration.ocr.dpi)
        return switch format {
        case .docx: DOCXReader()
        case .text: TextReader(cellStartHint: PlanCellStarts.score)
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

/// The words of a PDF's old Vietnamese fonts (TCVN3, VNI, glyph-indexed) as Unicode.
///
/// A named old font (".VnTime", "VNI-Times") is decided once per document. Glyph-indexed
/// fonts cannot be told by name: poppler reports fonts without their subset tag, so a
/// glyph-indexed subset and a proper subset of the same face share one name ("SỞ" and "CÔNG"
/// in one line of KH-1105). Each word of them is judged on its own: decoded when it reads
/// as Vietnamese only decoded, or carries the control codes of glyph-indexed digits.
struct FontDecoding {
    private var named: [String: FontEncoding] = [:]
    private var byWord: [String: String] = [:]
    private static let rememberedWords = 50_000

    mutating func decoded(_ page: PageGeometry) -> PageGeometry {
        var samples: [String: [String]] = [:]
        for word in page.words { if let font = word.fontName, named[font] == nil { samples[font, default: []].append(word.text) } }
        for (font, words) in samples { named[font] = FontEncoding.encoding(ofFont: font, sample: words.joined(separator: " ")) }
        var page = page
        for index in page.words.indices {
            let word = page.words[index]
            switch word.fontName.flatMap({ named[$0] }) {
            case .tcvn3?, .tcvn3Capitals?, .vni?:
                page.words[index].text = named[word.fontName ?? ""]?.decode(word.text) ?? word.text
            case .glyphIndex(let order)? where word.text.unicodeScalars.contains(where: { $0.value < 0x20 }):
                page.words[index].text = FontEncoding.glyphIndex(order).decode(word.text)
            default:
                page.words[index].text = decodedIfGlyphIndexed(word.text)
            }
        }
        decodePiecesOfWords(in: &page)
        return page
    }

    /// A word whose letters come from two subsets ("th" + "ҫ" + "u" is "thầu") is judged whole:
    /// its pieces that are not Vietnamese on their own are decoded when the word then reads
    /// as a syllable.
    private func decodePiecesOfWords(in page: inout PageGeometry) {
        var start = 0
        while start < page.words.count {
            var end = start + 1
            while end < page.words.count, Self.touches(page.words[end - 1].box, page.words[end].box) { end += 1 }
            if end - start > 1 { decodePieces(start..<end, of: &page) }
            start = end
        }
    }

    private func decodePieces(_ range: Range<Int>, of page: inout PageGeometry) {
        let pieces = range.map { page.words[$0].text }
        // Pieces beyond ASCII may be glyph indices; every choice of them is tried (a word has
        // few pieces; past six the word is left as it is).
        let candidates = pieces.indices.filter { pieces[$0].unicodeScalars.contains { $0.value >= 0x80 || $0.value < 0x20 } }
        guard !candidates.isEmpty, candidates.count <= 6 else { return }
        var best = (score: FontEncoding.syllableScore(pieces.joined()), pieces: pieces)
        for order in GlyphOrder.allCases {
            for choice in 1..<(1 << candidates.count) {
                var candidate = pieces
                for (bit, index) in candidates.enumerated() where choice & (1 << bit) != 0 {
                    candidate[index] = FontEncoding.glyphIndex(order).decode(pieces[index])
                }
                let score = FontEncoding.syllableScore(candidate.joined())
                if score > best.score { best = (score, candidate) }
            }
        }
        for (index, text) in zip(range, best.pieces) { page.words[index].text = text }
    }

    /// Pieces of one word: no gap between them on one line.
    private static func touches(_ left: BoundingBox, _ right: BoundingBox) -> Bool {
        let height = max(left.height, right.height)
        return abs(right.x - left.maxX) < 0.05 * height && abs(right.midY - left.midY) < 0.3 * height
    }

    private mutating func decodedIfGlyphIndexed(_ text: String) -> String {
        if let known = byWord[text] { return known }
        let encoding = FontEncoding.encoding(ofFont: nil, sample: text)
        let decoded = encoding == .unicode ? text : encoding.decode(text)
        if byWord.count >= Self.rememberedWords { byWord.removeAll(keepingCapacity: true) }
        byWord[text] = decoded
        return decoded
    }
}
