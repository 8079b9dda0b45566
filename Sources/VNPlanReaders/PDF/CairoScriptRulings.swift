import VNPlanModel

/// The ruling lines of a page, read from the page rendered onto a cairo *script* surface.
///
/// poppler-glib has no API for drawn paths, but cairo's script surface writes every drawing
/// operation as PostScript-like text: paths in device space (`n x y m x y l`, `x y w h
/// rectangle`), then the pen (`w set-line-width`, a matrix) and `stroke` or `fill`. Fonts and
/// images come out as strings and base-85 blobs, which the tokenizer skips. Straight
/// horizontal and vertical strokes are rulings; so are thin filled rectangles (Word and
/// LibreOffice draw cell borders that way), unless they are white.
struct CairoScriptRulings {
    /// A page drawing more straight segments than this is a drawing, not a table: the rest
    /// are left out so that time stays bounded.
    static let segmentLimit = 20_000

    /// How thick a filled rectangle may be and still be a line, and how far from straight a
    /// stroke may go, both in inches (scaled to the page's units).
    private static let lineThicknessInches = 4.0 / 72
    private static let straightnessInches = 0.5 / 72

    private(set) var segments: [RulingSegment] = []
    private(set) var truncated = false
    private let maximumThickness: Double
    private let straightness: Double

    private var operands: [Double] = []
    private var arrayStart: Int?
    private var lastArray: [Double] = []
    private var path = ScriptPath()
    private var lineWidth = 2.0
    private var penScale = 1.0
    private var isWhite = false

    init(unitsPerInch: Double = 72) {
        maximumThickness = Self.lineThicknessInches * unitsPerInch
        straightness = Self.straightnessInches * unitsPerInch
    }

    /// Reads a whole script; linear in its length.
    mutating func read(_ script: UnsafeBufferPointer<UInt8>) {
        var tokens = ScriptTokenizer(script)
        while let token = tokens.next() {
            switch token {
            case .number(let value): operands.append(value)
            case .arrayStart: arrayStart = operands.count
            case .arrayEnd:
                let start = min(arrayStart ?? operands.count, operands.count)
                lastArray = Array(operands[start...])
                operands.removeSubrange(start...)
                arrayStart = nil
            case .operator(let name): apply(name)
            case .other: operands.removeAll(keepingCapacity: true)
            }
            if truncated { return }
        }
    }

    private mutating func apply(_ name: Substring) {
        defer { if arrayStart == nil { operands.removeAll(keepingCapacity: true) } }
        switch name {
        case "n": path = ScriptPath()
        case "m": if let (x, y) = pair() { path.move(to: Point(x: x, y: y)) }
        case "l": if let (x, y) = pair() { path.line(to: Point(x: x, y: y)) }
        case "c": if operands.count >= 6 { path.curve(to: Point(x: operands[operands.count - 2], y: operands[operands.count - 1])) }
        case "h": path.close()
        case "rectangle":
            guard operands.count >= 4 else { return }
            let values = operands.suffix(4).map { $0 }
            path.rectangle(x: values[0], y: values[1], width: values[2], height: values[3])
        case "set-line-width": if let width = operands.last { lineWidth = abs(width) }
        case "g": if let grey = operands.last { isWhite = grey > 0.9 }
        case "rgb", "rgba":
            guard operands.count >= 3 else { return }
            let colour = operands.suffix(name == "rgb" ? 3 : 4).prefix(3)
            isWhite = colour.allSatisfy { $0 > 0.9 }
        case "identity": lastArray = [1, 0, 0, 1, 0, 0]
        case "set-matrix":
            if lastArray.count == 6 { penScale = (abs(lastArray[0] * lastArray[3] - lastArray[1] * lastArray[2])).squareRoot() }
        case "scale": if let (x, y) = pair() { penScale *= abs(x * y).squareRoot() }
        case "stroke", "stroke+": if !isWhite { addStrokes() }
        case "fill", "fill+": if !isWhite { addFilledRectangles() }
        case "clip", "clip+": path = ScriptPath()
        default: break
        }
    }

    private func pair() -> (Double, Double)? {
        operands.count >= 2 ? (operands[operands.count - 2], operands[operands.count - 1]) : nil
    }

    private mutating func addStrokes() {
        let thickness = lineWidth * penScale
        for (from, to) in path.lines {
            if abs(from.y - to.y) <= straightness, abs(from.x - to.x) > straightness {
                add(RulingSegment(orientation: .horizontal, position: (from.y + to.y) / 2,
                                  start: from.x, end: to.x, thickness: thickness))
            } else if abs(from.x - to.x) <= straightness, abs(from.y - to.y) > straightness {
                add(RulingSegment(orientation: .vertical, position: (from.x + to.x) / 2,
                                  start: from.y, end: to.y, thickness: thickness))
            }
        }
    }

    private mutating func addFilledRectangles() {
        for box in path.rectangles {
            if box.height <= maximumThickness, box.width > 2 * box.height {
                add(RulingSegment(orientation: .horizontal, position: box.y + box.height / 2,
                                  start: box.x, end: box.x + box.width, thickness: box.height))
            } else if box.width <= maximumThickness, box.height > 2 * box.width {
                add(RulingSegment(orientation: .vertical, position: box.x + box.width / 2,
                                  start: box.y, end: box.y + box.height, thickness: box.width))
            }
        }
    }

    private mutating func add(_ segment: RulingSegment) {
        guard segment.position.isFinite, segment.start.isFinite, segment.end.isFinite else { return }
        guard segments.count < Self.segmentLimit else { truncated = true; return }
        segments.append(segment)
    }
}

private struct Point { var x: Double, y: Double }

/// The current path of the script: its straight pieces and its axis-aligned rectangles.
private struct ScriptPath {
    private(set) var lines: [(Point, Point)] = []
    private(set) var rectangles: [BoundingBox] = []
    private var current: Point?
    private var subpathStart: Point?
    /// The corners of the subpath so far, while it may still be a rectangle drawn as lines.
    private var corners: [Point] = []

    mutating func move(to point: Point) {
        closeRectangleIfAny()
        current = point; subpathStart = point; corners = [point]
    }

    mutating func line(to point: Point) {
        if let current { lines.append((current, point)) }
        current = point
        corners.append(point)
    }

    mutating func curve(to point: Point) {
        current = point
        corners = []
    }

    mutating func close() {
        if let current, let subpathStart { lines.append((current, subpathStart)) }
        closeRectangleIfAny()
        current = subpathStart
    }

    mutating func rectangle(x: Double, y: Double, width: Double, height: Double) {
        let box = BoundingBox(x: min(x, x + width), y: min(y, y + height), width: abs(width), height: abs(height))
        rectangles.append(box)
        let corners = [Point(x: box.x, y: box.y), Point(x: box.x + box.width, y: box.y),
                       Point(x: box.x + box.width, y: box.y + box.height), Point(x: box.x, y: box.y + box.height)]
        for index in corners.indices { lines.append((corners[index], corners[(index + 1) % 4])) }
        current = corners[0]; subpathStart = corners[0]; self.corners = []
    }

    /// A subpath of four axis-aligned sides (a filled border drawn with m/l/h) is a rectangle.
    private mutating func closeRectangleIfAny() {
        defer { corners = [] }
        var points = corners
        if points.count == 5, let first = points.first, let last = points.last,
           abs(first.x - last.x) < 0.01, abs(first.y - last.y) < 0.01 { points.removeLast() }
        guard points.count == 4 else { return }
        let xs = Set(points.map { ($0.x * 100).rounded() }), ys = Set(points.map { ($0.y * 100).rounded() })
        guard xs.count == 2, ys.count == 2, let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { return }
        rectangles.append(BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY))
    }
}

/// The tokens of cairo's script language that matter for paths; strings, base-85 data,
/// names and dictionaries are skipped as `.other`.
private struct ScriptTokenizer {
    enum Token {
        case number(Double)
        case `operator`(Substring)
        case arrayStart, arrayEnd, other
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func next() -> Token? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "("): skipString(); return .other
        case UInt8(ascii: "<"):
            // "<~…~>" is base-85 data, "<|…~>" deflated base-85 data (embedded fonts).
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "~") || bytes[index + 1] == UInt8(ascii: "|") {
                skip(past: UInt8(ascii: "~"), then: UInt8(ascii: ">"))
            }
            else { index += 1; if index < bytes.count, bytes[index] == UInt8(ascii: "<") { index += 1 } }
            return .other
        case UInt8(ascii: "%"):
            while index < bytes.count, bytes[index] != 10 { index += 1 }
            return .other
        case UInt8(ascii: "["): index += 1; return .arrayStart
        case UInt8(ascii: "]"): index += 1; return .arrayEnd
        default:
            let start = index
            while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
            if index == start { index += 1; return .other }
            let word = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            if let value = Double(word), value.isFinite { return .number(value) }
            return word.first == "/" ? .other : .operator(word)
        }
    }

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte <= 32 || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] <= 32 || bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "}") || bytes[index] == UInt8(ascii: ">") { index += 1 }
    }

    /// A string with nested parentheses and backslash escapes.
    private mutating func skipString() {
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\\") { index += 1; continue }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return } }
        }
    }

    private mutating func skip(past first: UInt8, then second: UInt8) {
        index += 2
        while index + 1 < bytes.count, !(bytes[index] == first && bytes[index + 1] == second) { index += 1 }
        index = min(bytes.count, index + 2)
    }
}
