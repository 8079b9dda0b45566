import CPoppler
import Foundation
import VNPlanModel

/// A box to draw over a rendered page, and what it shows.
public struct PageOverlay: Sendable {
    public enum Kind: Sendable { case word, ruling, cell, paragraph }

    public var box: BoundingBox
    public var kind: Kind

    public init(box: BoundingBox, kind: Kind) {
        self.box = box
        self.kind = kind
    }

    /// Red rulings, green cells, blue words, grey paragraphs: what pdfplumber's table
    /// debugger shows its users.
    fileprivate var colour: (red: Double, green: Double, blue: Double, width: Double) {
        switch self.kind {
        case .ruling: (0.9, 0.1, 0.1, 1.5)
        case .cell: (0.1, 0.7, 0.2, 1.2)
        case .word: (0.2, 0.3, 0.9, 0.4)
        case .paragraph: (0.5, 0.5, 0.5, 0.8)
        }
    }
}

extension PDFReader {
    /// Renders each page at `dpi` with its overlays drawn on top, as PNG files in `folder`
    /// named `<stem>-page-<n>.png`; returns the files written.
    public func drawPages(of input: InputFile, dpi: Int = 100, into folder: URL, stem: String,
                          overlays: (Int) -> [PageOverlay]) throws(ReaderError) -> [URL] {
        let document = try Self.open(input)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var written: [URL] = []
        let scale = Double(min(max(dpi, 20), 300)) / 72
        for index in 0..<Self.pageCount(of: document) {
            guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            let drawn = Self.renderedPage(page, scale: scale, printing: false) { context in
                PageOverlay.stroke(overlays(index + 1), on: context, scale: scale)
            }
            guard let (surface, _, _) = drawn else { continue }
            defer { cairo_surface_destroy(surface) }
            written.append(try PageOverlay.writePNG(surface, into: folder, stem: stem, page: index + 1))
        }
        return written
    }
}

/// Pages of geometry drawn on white in their own units, for pages that have no original to
/// draw over: a scan's geometry is that of the page after it was turned upright, straightened
/// and scaled, so each word's text is written in its box, with the overlays over it.
public enum GeometryDrawing {
    public static func drawPages(_ pages: [PageGeometry], dpi: Int = 100, into folder: URL, stem: String,
                                 overlays: (Int) -> [PageOverlay]) throws(ReaderError) -> [URL] {
        var written: [URL] = []
        for page in pages where page.unitsPerInch > 0 {
            let scale = Double(min(max(dpi, 20), 300)) / page.unitsPerInch
            guard let (width, height) = PDFReader.pixelSize(width: page.width, height: page.height, scale: scale),
                  let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { continue }
            defer { cairo_surface_destroy(surface) }
            let context = cairo_create(surface)
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            cairo_scale(context, scale, scale)
            cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
            for word in page.words {
                // Unsure words in red: what a reader should check against the scan.
                let unsure = (word.confidence ?? 1) < 0.5
                cairo_set_source_rgb(context, unsure ? 0.8 : 0, 0, 0)
                cairo_set_font_size(context, word.box.height * 0.75)
                cairo_move_to(context, word.box.x, word.box.maxY - word.box.height * 0.2)
                cairo_show_text(context, word.text)
            }
            PageOverlay.stroke(overlays(page.number), on: context, scale: scale)
            cairo_destroy(context)
            cairo_surface_flush(surface)
            written.append(try PageOverlay.writePNG(surface, into: folder, stem: stem, page: page.number))
        }
        return written
    }
}

extension PageOverlay {
    /// The overlays' boxes stroked in their colours; `scale` is pixels per page unit, so that
    /// lines keep their width in pixels.
    fileprivate static func stroke(_ overlays: [PageOverlay], on context: OpaquePointer?, scale: Double) {
        for overlay in overlays {
            let colour = overlay.colour
            cairo_set_source_rgba(context, colour.red, colour.green, colour.blue, 0.8)
            cairo_set_line_width(context, colour.width / scale)
            cairo_rectangle(context, overlay.box.x, overlay.box.y, max(overlay.box.width, 0.1), max(overlay.box.height, 0.1))
            cairo_stroke(context)
        }
    }

    /// Writes `<stem>-page-<n>.png` into `folder`.
    fileprivate static func writePNG(_ surface: OpaquePointer, into folder: URL, stem: String,
                                     page: Int) throws(ReaderError) -> URL {
        let url = folder.appendingPathComponent("\(stem)-page-\(page).png")
        guard cairo_surface_write_to_png(surface, url.path) == CAIRO_STATUS_SUCCESS else {
            throw .unreadable(file: url.path, reason: "the drawing could not be written")
        }
        return url
    }
}

/// A stretch of a page to be cut out as a picture, with a box to outline on it.
public struct PageRegion: Sendable, Hashable {
    /// 1-based.
    public var page: Int
    /// What to outline, in points.
    public var box: BoundingBox
    /// What to show, in points (the box and what gives it sense: a task's row and the merged
    /// cells over it); it is widened by a margin so the outline stays inside.
    public var area: BoundingBox

    public init(page: Int, box: BoundingBox, area: BoundingBox? = nil) {
        self.page = page
        self.box = box
        self.area = area.map { $0.union(box) } ?? box
    }

    /// Pixel edges of a rectangle in a picture.
    struct PixelRect {
        var left: Int, top: Int, right: Int, bottom: Int
        var width: Int { right - left }
        var height: Int { bottom - top }
    }

    /// Where `rectangle` (in page units, widened by `margin` of them) lies in a picture of
    /// `width` × `height` pixels at `scale` pixels a unit. A box read from a plan file may be
    /// anything: it is clamped to the picture in floating point before any integer is made.
    /// Nil when nothing of it is left.
    static func pixels(of rectangle: BoundingBox, scale: Double, margin: Double = 0, width: Int, height: Int) -> PixelRect? {
        func pixel(_ value: Double, _ limit: Int) -> Int {
            value.isFinite ? Int(min(max(value * scale, 0), Double(limit)).rounded()) : 0
        }
        let rect = PixelRect(left: pixel(rectangle.x - margin, width), top: pixel(rectangle.y - margin, height),
                             right: pixel(rectangle.maxX + margin, width), bottom: pixel(rectangle.maxY + margin, height))
        return rect.width > 0 && rect.height > 0 ? rect : nil
    }
}

extension PDFReader {
    /// Each region cut from its page rendered at `dpi`, the region's box outlined in red, as
    /// PNG bytes (nil for a region off its page or on no page). Each page is rendered once,
    /// however many regions it holds.
    public func pictures(of regions: [PageRegion], in input: InputFile, dpi: Int = 110) throws(ReaderError) -> [PageRegion: Data] {
        let document = try Self.open(input)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let scale = Double(min(max(dpi, 20), 300)) / 72
        var pictures: [PageRegion: Data] = [:]
        let byPage = Dictionary(grouping: Set(regions), by: \.page)
        for number in byPage.keys.sorted() where number >= 1 && number <= Self.pageCount(of: document) {
            guard let page = poppler_document_get_page(document, Int32(number - 1)) else { continue }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            guard let (surface, width, height) = Self.renderedPage(page, scale: scale, printing: false) else { continue }
            defer { cairo_surface_destroy(surface) }
            for region in byPage[number, default: []] {
                guard let cut = PageRegion.pixels(of: region.area, scale: scale, margin: 4, width: width, height: height)
                else { continue }
                let (left, top) = (cut.left, cut.top)
                let picture = PageOverlay.png(width: cut.width, height: cut.height) { context in
                    cairo_set_source_surface(context, surface, Double(-left), Double(-top))
                    cairo_paint(context)
                    cairo_translate(context, Double(-left), Double(-top))
                    cairo_scale(context, scale, scale)
                    cairo_set_source_rgba(context, 0.85, 0.1, 0.1, 0.9)
                    cairo_set_line_width(context, 1.5 / scale)
                    cairo_rectangle(context, region.box.x, region.box.y, region.box.width, region.box.height)
                    cairo_stroke(context)
                }
                if let picture { pictures[region] = picture }
            }
        }
        return pictures
    }
}

extension PageOverlay {
    /// What `draw` paints on a white image of this size, as PNG bytes, in memory.
    fileprivate static func png(width: Int, height: Int, draw: (OpaquePointer?) -> Void) -> Data? {
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return nil }
        defer { cairo_surface_destroy(image) }
        let context = cairo_create(image)
        draw(context)
        cairo_destroy(context)
        cairo_surface_flush(image)
        final class Sink { var bytes = Data() }
        let sink = Sink()
        let status = cairo_surface_write_to_png_stream(image, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes.append(data, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil
    }
}
