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
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            guard let (pixelWidth, pixelHeight) = Self.pixelSize(width: width, height: height, scale: scale),
                  let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else {
                continue
            }
            defer { cairo_surface_destroy(surface) }
            let context = cairo_create(surface)
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            cairo_scale(context, scale, scale)
            poppler_page_render(page, context)
            for overlay in overlays(index + 1) {
                let colour = overlay.colour
                cairo_set_source_rgba(context, colour.red, colour.green, colour.blue, 0.8)
                cairo_set_line_width(context, colour.width / scale)
                cairo_rectangle(context, overlay.box.x, overlay.box.y, max(overlay.box.width, 0.1), max(overlay.box.height, 0.1))
                cairo_stroke(context)
            }
            cairo_destroy(context)
            let url = folder.appendingPathComponent("\(stem)-page-\(index + 1).png")
            guard cairo_surface_write_to_png(surface, url.path) == CAIRO_STATUS_SUCCESS else {
                throw .unreadable(file: url.path, reason: "the drawing could not be written")
            }
            written.append(url)
        }
        return written
    }
}
