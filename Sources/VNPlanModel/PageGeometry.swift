/// A page as the readers of drawing formats (PDF, scans) see it: its size, the words printed
/// on it with their boxes, and the ruling lines drawn on it. The Layout stage turns pages of
/// geometry into paragraphs and tables; it knows geometry, not PDF and not pixels.
///
/// Coordinates are in the page's own units (`unitsPerInch` of them to the inch: 72 for PDF
/// points, the resolution for an image), origin at the top left, y growing downwards, after
/// the page was turned upright (`rotation`).
public struct PageGeometry: Sendable, Codable, Equatable {
    /// 1-based page number in the file.
    public var number: Int
    public var width: Double
    public var height: Double
    public var unitsPerInch: Double
    /// Degrees (0, 90, 180, 270) the reader turned the page clockwise to make it upright.
    public var rotation: Int
    /// Words in the order the reader found them; Layout sorts them into lines itself.
    public var words: [PageWord]
    public var rulings: [RulingSegment]
    /// What the reader could not take from the page, in words a person understands.
    public var warnings: [String]

    public init(number: Int, width: Double, height: Double, unitsPerInch: Double = 72,
                rotation: Int = 0, words: [PageWord] = [], rulings: [RulingSegment] = [],
                warnings: [String] = []) {
        self.number = number
        self.width = width
        self.height = height
        self.unitsPerInch = unitsPerInch
        self.rotation = rotation
        self.words = words
        self.rulings = rulings
        self.warnings = warnings
    }
}

/// A word printed on a page: its text and box, and what the format knows of its look.
public struct PageWord: Sendable, Codable, Equatable {
    public var text: String
    public var box: BoundingBox
    public var fontName: String?
    /// The font size in page units (the em height), where the format knows it.
    public var fontSize: Double?
    public var isBold: Bool
    /// 0...1, present only for words that OCR recognised.
    public var confidence: Double?
    /// The format drew this word by glyph index, without any map to letters, so `text` holds
    /// glyph numbers where letters should be (a PDF's CID font without a ToUnicode map). Only
    /// such words are decoded by glyph order; every other word is the text as the format gives it.
    public var isGlyphIndexed: Bool

    public init(text: String, box: BoundingBox, fontName: String? = nil, fontSize: Double? = nil,
                isBold: Bool = false, confidence: Double? = nil, isGlyphIndexed: Bool = false) {
        self.text = text
        self.box = box
        self.fontName = fontName
        self.fontSize = fontSize
        self.isBold = isBold
        self.confidence = confidence
        self.isGlyphIndexed = isGlyphIndexed
    }

    private enum CodingKeys: String, CodingKey {
        case text, box, fontName, fontSize, isBold, confidence, isGlyphIndexed
    }

    /// `isGlyphIndexed` is written only when true, and read as false when absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text),
                  box: try container.decode(BoundingBox.self, forKey: .box),
                  fontName: try container.decodeIfPresent(String.self, forKey: .fontName),
                  fontSize: try container.decodeIfPresent(Double.self, forKey: .fontSize),
                  isBold: try container.decode(Bool.self, forKey: .isBold),
                  confidence: try container.decodeIfPresent(Double.self, forKey: .confidence),
                  isGlyphIndexed: try container.decodeIfPresent(Bool.self, forKey: .isGlyphIndexed) ?? false)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
        try container.encodeIfPresent(fontName, forKey: .fontName)
        try container.encodeIfPresent(fontSize, forKey: .fontSize)
        try container.encode(isBold, forKey: .isBold)
        try container.encodeIfPresent(confidence, forKey: .confidence)
        if isGlyphIndexed { try container.encode(true, forKey: .isGlyphIndexed) }
    }
}

/// A straight ruling line: a table border, an underline, a rule under a title.
public struct RulingSegment: Sendable, Codable, Equatable {
    public enum Orientation: String, Sendable, Codable { case horizontal, vertical }

    public var orientation: Orientation
    /// The line's centre across its length: y of a horizontal line, x of a vertical one.
    public var position: Double
    /// Where the line starts and ends along its length (start ≤ end).
    public var start: Double
    public var end: Double
    public var thickness: Double

    public init(orientation: Orientation, position: Double, start: Double, end: Double,
                thickness: Double) {
        self.orientation = orientation
        self.position = position
        self.start = min(start, end)
        self.end = max(start, end)
        self.thickness = thickness
    }

    public var length: Double { end - start }
}

extension BoundingBox {
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        let minX = min(x, other.x), minY = min(y, other.y)
        return BoundingBox(x: minX, y: minY, width: max(maxX, other.maxX) - minX,
                           height: max(maxY, other.maxY) - minY)
    }

    /// The smallest box holding all of them; nil for none.
    public static func union(of boxes: [BoundingBox]) -> BoundingBox? {
        boxes.dropFirst().reduce(boxes.first) { $0?.union($1) }
    }

    public func contains(x pointX: Double, y pointY: Double) -> Bool {
        pointX >= x && pointX <= maxX && pointY >= y && pointY <= maxY
    }
}
