import PopplerCore
import VNPlanModel

/// The ruling lines of a PDF page: the straight horizontal and vertical strokes it paints,
/// and its thin filled rectangles (Word and LibreOffice draw cell borders that way), unless
/// they are white. poppler's core walks the page's drawing for them without painting glyphs,
/// images or shadings (`vnp_core_painted_lines`).
enum PaintedRulings {
    /// A page painting more straight lines than this is a drawing, not a table: the rest are
    /// left out so that time stays bounded.
    static let segmentLimit = 20_000

    /// How thick a filled rectangle may be and still be a line, and how far from straight a
    /// stroke may go, in points.
    static let lineThickness = 4.0
    static let straightness = 0.5

    /// The rulings of page `index` (0-based) of `document`; `complete` is false when the page
    /// painted more than `segmentLimit`.
    static func rulings(of document: PopplerCoreDocument, page index: Int32) -> (segments: [RulingSegment], complete: Bool) {
        var lines: UnsafePointer<vnp_painted_line>?
        var truncated: Int32 = 0
        let count = vnp_core_painted_lines(document.handle, index, straightness, lineThickness,
                                           segmentLimit, &lines, &truncated)
        guard count > 0, let lines else { return ([], truncated == 0) }
        let segments = UnsafeBufferPointer(start: lines, count: count).map(segment)
        return (segments, truncated == 0)
    }

    /// A stroke lies along its length; a filled rectangle along its long side, its centre
    /// line the ruling.
    private static func segment(_ line: vnp_painted_line) -> RulingSegment {
        abs(line.x1 - line.x0) > abs(line.y1 - line.y0)
            ? RulingSegment(orientation: .horizontal, position: (line.y0 + line.y1) / 2, start: line.x0, end: line.x1,
                            thickness: line.thickness)
            : RulingSegment(orientation: .vertical, position: (line.x0 + line.x1) / 2, start: line.y0, end: line.y1,
                            thickness: line.thickness)
    }
}
