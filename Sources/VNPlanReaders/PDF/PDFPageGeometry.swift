import CPoppler
import VNPlanModel

/// One PDF page as geometry: the words of its text layer (annotations' appearance included,
/// as poppler draws them: an e-signed plan's number and date often live there) and the
/// ruling lines it draws.
enum PDFPageGeometry {
    /// Page `index` (0-based) of a document poppler-glib opened, its rulings read by poppler's
    /// core (`core`; without it the page has words only), with `glyphIndexMarks` where the
    /// page shows glyph indices instead of letters.
    static func geometry(of page: OpaquePointer, index: Int32, core: PopplerCoreDocument?) -> PageGeometry {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        let number = Int(index) + 1
        var geometry = PageGeometry(number: number, width: width, height: height)
        geometry.words = words(of: page, glyphIndexMarks: core?.glyphIndexMarks(page: index))
        guard let core else {
            geometry.warnings.append("Page \(number): poppler could not read the lines it draws; tables were found without rulings.")
            return geometry
        }
        let (rulings, complete) = PaintedRulings.rulings(of: core, page: index)
        geometry.rulings = rulings
        if !complete {
            geometry.warnings.append("Page \(number) draws more lines than a table has; "
                                     + "only the first \(PaintedRulings.segmentLimit) were used to find tables.")
        }
        return geometry
    }

    // MARK: Words

    /// The text layer's characters grouped into words: a word ends at white space and where
    /// the font changes, or the glyph-index marks begin or end (a word in two fonts may need
    /// two decodings; Layout joins the pieces again because no gap separates them).
    static func words(of page: OpaquePointer, glyphIndexMarks: GlyphIndexMarks? = nil) -> [PageWord] {
        guard let cText = poppler_page_get_text(page) else { return [] }
        defer { g_free(cText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { g_free(rectangles) }
        let scalars = Array(String(cString: cText).unicodeScalars)
        let runs = fontRuns(of: page)
        var words: [PageWord] = []
        var builder = WordBuilder()
        var runIndex = 0
        for index in 0..<min(scalars.count, Int(count)) {
            let scalar = scalars[index]
            while runIndex < runs.count, runs[runIndex].end < index { runIndex += 1 }
            let run = runIndex < runs.count && runs[runIndex].start <= index ? runs[runIndex] : nil
            // Control codes are kept: a font embedded by glyph index prints its digits with them.
            if scalar.properties.isWhitespace {
                builder.finish(into: &words)
                continue
            }
            let rectangle = rectangles[index]
            let box = BoundingBox(x: min(rectangle.x1, rectangle.x2), y: min(rectangle.y1, rectangle.y2),
                                  width: abs(rectangle.x2 - rectangle.x1), height: abs(rectangle.y2 - rectangle.y1))
            builder.add(scalar, box: box, run: run, isGlyphIndexed: glyphIndexMarks?.marks(box) ?? false, into: &words)
        }
        builder.finish(into: &words)
        return words
    }

    struct FontRun: Equatable {
        var start: Int, end: Int
        var fontName: String?
        var fontSize: Double
    }

    private static func fontRuns(of page: OpaquePointer) -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(page) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let current = node {
            if let attributes = current.pointee.data?.assumingMemoryBound(to: PopplerTextAttributes.self).pointee {
                runs.append(FontRun(start: Int(attributes.start_index), end: Int(attributes.end_index),
                                    fontName: attributes.font_name.map { String(cString: $0) },
                                    fontSize: attributes.font_size))
            }
            node = current.pointee.next
        }
        return runs.sorted { $0.start < $1.start }
    }

    private struct WordBuilder {
        var text = String.UnicodeScalarView()
        var box: BoundingBox?
        var run: FontRun?
        var isGlyphIndexed = false

        mutating func add(_ scalar: Unicode.Scalar, box charBox: BoundingBox, run charRun: FontRun?,
                          isGlyphIndexed charIsGlyphIndexed: Bool, into words: inout [PageWord]) {
            if !text.isEmpty, charRun != run || charIsGlyphIndexed != isGlyphIndexed || !continues(box, with: charBox) {
                finish(into: &words)
            }
            run = charRun
            isGlyphIndexed = charIsGlyphIndexed
            text.append(scalar)
            box = box.map { $0.union(charBox) } ?? charBox
        }

        /// poppler's text runs words of different columns together without a space; a
        /// character that does not stand just after the previous one starts a new word.
        private func continues(_ box: BoundingBox?, with next: BoundingBox) -> Bool {
            guard let box else { return true }
            let height = max(box.height, next.height, 0.01)
            return next.x >= box.maxX - 0.5 * height && next.x - box.maxX < 0.3 * height
                && abs(next.midY - box.midY) < 0.5 * height
        }

        mutating func finish(into words: inout [PageWord]) {
            defer { text = String.UnicodeScalarView(); box = nil }
            guard !text.isEmpty, let box else { return }
            // The subset tag stays: two subsets of one font may be encoded differently.
            let fontName = run?.fontName
            // Stream-safe as text input is (MarkRuns): a word of thousands of marks would make
            // every later comparison of it quadratic.
            words.append(PageWord(text: MarkRuns.streamSafe(String(text)), box: box, fontName: fontName,
                                  fontSize: run.map(\.fontSize).flatMap { $0 > 0 && $0.isFinite ? $0 : nil },
                                  isBold: fontName.map(Self.isBold) ?? false, isGlyphIndexed: isGlyphIndexed))
        }

        private static func isBold(_ fontName: String) -> Bool {
            let name = fontName.lowercased()
            return name.contains("bold") || name.contains("black") || name.contains("heavy")
                || name.hasSuffix(",b") || name.hasSuffix("-b") || name.hasSuffix("bd")
        }
    }
}
