/// The intermediate representation that joins the readers to the rest of the pipeline.
///
/// A reader knows its format and nothing of plans; it describes what it found as ordered
/// blocks (paragraphs and tables) with provenance. Everything after the reader works on this.
public struct SourceDocument: Sendable, Codable, Equatable {
    public var metadata: SourceMetadata
    public var blocks: [Block]
    /// What the reader or the layout stage was unsure of, for the plan's warnings.
    public var warnings: [String]

    public init(metadata: SourceMetadata, blocks: [Block], warnings: [String] = []) {
        self.metadata = metadata
        self.blocks = blocks
        self.warnings = warnings
    }

    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p } else { nil } }
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }
}

public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case docx, pdf, image, text
}

public struct SourceMetadata: Sendable, Codable, Equatable {
    /// The file's name as given (no directories), for messages and the plan's `source.file`.
    public var fileName: String
    public var sha256: String
    public var format: SourceFormat
    public var pageCount: Int?
    public var usedOCR: Bool

    public init(fileName: String, sha256: String, format: SourceFormat,
                pageCount: Int? = nil, usedOCR: Bool = false) {
        self.fileName = fileName
        self.sha256 = sha256
        self.format = format
        self.pageCount = pageCount
        self.usedOCR = usedOCR
    }
}

/// Where a block came from, as precisely as the format allows.
public struct Provenance: Sendable, Codable, Equatable {
    public var page: Int?
    public var boundingBox: BoundingBox?
    /// 0...1, present only for text that OCR produced.
    public var ocrConfidence: Double?

    public init(page: Int? = nil, boundingBox: BoundingBox? = nil, ocrConfidence: Double? = nil) {
        self.page = page
        self.boundingBox = boundingBox
        self.ocrConfidence = ocrConfidence
    }
}

/// A rectangle in the page's own units (PDF points, image pixels), origin at the top left.
public struct BoundingBox: Sendable, Codable, Hashable {
    public var x: Double, y: Double, width: Double, height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
}

public enum Block: Sendable, Codable, Equatable {
    case paragraph(Paragraph)
    case table(Table)
}

public struct Paragraph: Sendable, Codable, Equatable {
    /// The paragraph's text; line breaks inside it are `\n`, tabs `\t`.
    public var text: String
    /// A number or bullet the format generated rather than typed ("1.", "a)", "-").
    public var listLabel: String?
    public var isBold: Bool
    public var isCentered: Bool
    public var provenance: Provenance

    public init(text: String, listLabel: String? = nil, isBold: Bool = false,
                isCentered: Bool = false, provenance: Provenance = Provenance()) {
        self.text = text
        self.listLabel = listLabel
        self.isBold = isBold
        self.isCentered = isCentered
        self.provenance = provenance
    }

    /// The text as a reader sees it: the generated label, then the typed text.
    public var labeledText: String {
        guard let listLabel, !listLabel.isEmpty else { return text }
        return text.isEmpty ? listLabel : listLabel + " " + text
    }
}
