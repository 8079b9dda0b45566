import Foundation
import PopplerCore
import VNPlanModel

/// The PDF as poppler's core library reads it (the PopplerCore target), beside poppler-glib's
/// document: for the lines a page paints, and where a page shows glyph indices instead of
/// letters — the glyphs of a CID font without a ToUnicode map. Only they may be decoded by
/// glyph order; the rest of the text layer is what poppler — and `pdftotext` — read.
final class PopplerCoreDocument {
    let handle: OpaquePointer
    /// The document's bytes, which poppler reads in place while the handle lives.
    private let bytes: UnsafeMutableRawBufferPointer
    /// Whether a font lacks a map to Unicode; only then is a page drawn again for its marks.
    private let hasUnmappedFonts: Bool

    /// Opened after poppler-glib's document, which sets up poppler's global parameters; nil
    /// when poppler's core cannot read the bytes.
    init?(document data: Data) {
        guard !data.isEmpty else { return nil }
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 1)
        data.withUnsafeBytes { copy.copyMemory(from: $0) }
        guard let opened = vnp_core_document_open(copy.baseAddress?.assumingMemoryBound(to: UInt8.self), copy.count) else {
            copy.deallocate()
            return nil
        }
        handle = opened
        bytes = copy
        hasUnmappedFonts = vnp_core_has_unmapped_fonts(opened) != 0
    }

    deinit {
        vnp_core_document_close(handle)
        bytes.deallocate()
    }

    /// The glyph-index marks of page `index` (0-based), nil when the page has none.
    func glyphIndexMarks(page index: Int32) -> GlyphIndexMarks? {
        guard hasUnmappedFonts else { return nil }
        var pointer: UnsafePointer<vnp_glyph_index_mark>?
        let count = vnp_core_glyph_index_marks(handle, index, &pointer)
        guard count > 0, let pointer else { return nil }
        return GlyphIndexMarks(UnsafeBufferPointer(start: pointer, count: count))
    }
}

/// Where one page shows glyph indices, found by position: a grid of cells a few points wide.
struct GlyphIndexMarks {
    private var cells: [Cell: [Point]] = [:]
    private struct Cell: Hashable { var column: Int, row: Int }
    private struct Point { var x: Double, y: Double }
    private static let cellSize = 3.0
    /// Coordinates beyond this (points) are not on any page.
    private static let coordinateLimit = 1e6

    init(_ marks: UnsafeBufferPointer<vnp_glyph_index_mark>) {
        for mark in marks {
            guard let cell = Self.cell(x: mark.x, y: mark.y) else { continue }
            cells[cell, default: []].append(Point(x: mark.x, y: mark.y))
        }
    }

    private static func cell(x: Double, y: Double) -> Cell? {
        guard x.isFinite, y.isFinite, abs(x) < coordinateLimit, abs(y) < coordinateLimit else { return nil }
        return Cell(column: Int((x / cellSize).rounded(.down)), row: Int((y / cellSize).rounded(.down)))
    }

    /// Whether a mark lies in the character's box. A mark stands in the middle of its
    /// glyph's advance, so only the cells of the box's middle column are looked at, over
    /// at most a few dozen rows.
    func marks(_ box: BoundingBox) -> Bool {
        guard let top = Self.cell(x: box.midX, y: box.y), let bottom = Self.cell(x: box.midX, y: box.maxY) else { return false }
        let tolerance = 0.25
        for column in (top.column - 1)...(top.column + 1) {
            for row in top.row...min(bottom.row, top.row + 32) {
                guard let points = cells[Cell(column: column, row: row)] else { continue }
                if points.contains(where: { point in
                    point.x >= box.x - tolerance && point.x <= box.maxX + tolerance
                        && point.y >= box.y - tolerance && point.y <= box.maxY + tolerance
                }) { return true }
            }
        }
        return false
    }
}
