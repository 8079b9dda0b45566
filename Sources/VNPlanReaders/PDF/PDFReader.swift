import CPoppler
import Foundation
import VNPlanModel

/// Reads a PDF with poppler-glib. A born-digital PDF gives pages of geometry — the words of
/// its text layer with their boxes and fonts, and the ruling lines it draws — for the Layout
/// stage, one page at a time. A scan without a text layer has each page rendered with cairo
/// and its words read by OCR, as pages of geometry too.
public struct PDFReader: PageGeometryReader {
    public let format = SourceFormat.pdf
    /// Reads the pages of a scan; nil leaves a PDF without a text layer unread.
    public var recognizer: TextRecognizer?

    public init(recognizer: TextRecognizer? = TextRecognizer()) {
        self.recognizer = recognizer
    }

    private static func showsAnImage(_ page: OpaquePointer) -> Bool {
        guard let images = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(images)
        return true
    }

    /// Whether any page has a text layer; a PDF without one is a scan.
    private static func hasTextLayer(_ document: OpaquePointer) -> Bool {
        (0..<pageCount(of: document)).contains { index in
            guard let page = poppler_document_get_page(document, Int32(index)) else { return false }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            return !text(of: page).allSatisfy(\.isWhitespace)
        }
    }

    /// Each page's words and rulings, read and released one at a time. A scan's pages are
    /// rendered and recognised ahead on every core; in a PDF with a text layer, a page
    /// without text that shows an image (a scanned annex) is recognised on its own, and a
    /// blank page is left blank.
    public func readPages(_ input: InputFile,
                          into receive: (PageGeometry) -> Void) throws(ReaderError) -> SourceMetadata {
        let document = try Self.open(input)
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        let count = Self.pageCount(of: document)
        guard count > 0 else { throw .damagedPDF(file: input.name, reason: Self.withPopplerFaults("it has no pages")) }
        if !Self.hasTextLayer(document) {
            guard let recognizer else { throw .noText(file: input.name, pages: count) }
            var next = 0
            try recognizer.pageGeometries(file: input.name, next: { () throws(ReaderError) -> DecodedPage? in
                defer { next += 1 }
                return next < count ? try Self.renderedForOCR(next, of: document, dpi: recognizer.dpi, file: input.name) : nil
            }, receive: receive)
            return input.metadata(format: .pdf, pageCount: count, usedOCR: true)
        }
        var usedOCR = false
        let core = PopplerCoreDocument(document: input.data)
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                receive(PageGeometry(number: index + 1, width: 0, height: 0,
                                     warnings: ["Page \(index + 1) cannot be opened; it was skipped."]))
                continue
            }
            var geometry = PDFPageGeometry.geometry(of: page, index: Int32(index), core: core)
            // Faults met opening the file are told with its first page.
            if let faults = PopplerMessages.take() { geometry.warnings.append("Page \(index + 1): \(faults).") }
            let showsAnImage = geometry.words.isEmpty && Self.showsAnImage(page)
            g_object_unref(UnsafeMutableRawPointer(page))
            if showsAnImage, let recognizer {
                var pending = [try Self.renderedForOCR(index, of: document, dpi: recognizer.dpi, file: input.name)]
                try recognizer.pageGeometries(file: input.name, next: { pending.popLast() }, receive: receive)
                usedOCR = true
            } else {
                receive(geometry)
            }
        }
        return input.metadata(format: .pdf, pageCount: count, usedOCR: usedOCR)
    }

    static func pageCount(of document: OpaquePointer) -> Int {
        max(0, Int(poppler_document_get_n_pages(document)))
    }

    /// A page rendered larger than this (a 7200 pt page at 300 dpi asks for 900 megapixels)
    /// is refused rather than allocated.
    static let renderPixelLimit = 120_000_000

    /// The pixel size of a page rendered at `scale`, nil when it has no size or would pass
    /// `renderPixelLimit`; checked in floating point before any integer is made.
    static func pixelSize(width: Double, height: Double, scale: Double) -> (Int, Int)? {
        let pixelWidth = (width * scale).rounded(), pixelHeight = (height * scale).rounded()
        guard pixelWidth.isFinite, pixelHeight.isFinite, pixelWidth >= 1, pixelHeight >= 1,
              pixelWidth * pixelHeight <= Double(renderPixelLimit) else { return nil }
        return (Int(pixelWidth), Int(pixelHeight))
    }

    /// The page painted on white at `scale` pixels per point, for OCR (`printing`) or to be
    /// looked at, with `drawOver` drawing on it in page units; the caller destroys the
    /// surface. nil when the page has no size or is too large to render.
    static func renderedPage(_ page: OpaquePointer, scale: Double, printing: Bool,
                             drawOver: (OpaquePointer) -> Void = { _ in }) -> (OpaquePointer, width: Int, height: Int)? {
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let (pixelWidth, pixelHeight) = pixelSize(width: width, height: height, scale: scale),
              let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight)) else {
            return nil
        }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        if printing { poppler_page_render_for_printing(page, context) } else { poppler_page_render(page, context) }
        if let context { drawOver(context) }
        cairo_destroy(context)
        cairo_surface_flush(surface)
        return (surface, pixelWidth, pixelHeight)
    }

    /// The document as poppler-glib reads it, poppler's messages captured from here on.
    static func open(_ input: InputFile) throws(ReaderError) -> OpaquePointer {
        PopplerMessages.capture()
        _ = PopplerMessages.take() // what an earlier file left unclaimed on this thread
        let bytes = input.data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            g_error_free(error)
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { _ = PopplerMessages.take(); throw .encrypted(file: input.name) }
            throw .damagedPDF(file: input.name, reason: withPopplerFaults(message))
        }
        PopplerMessages.capture()
        return document
    }

    /// A reason for refusing the file, with what poppler reported on the way.
    static func withPopplerFaults(_ reason: String) -> String {
        PopplerMessages.take().map { "\(reason) (\($0))" } ?? reason
    }

    private static func text(of page: OpaquePointer) -> String {
        guard let text = poppler_page_get_text(page) else { return "" }
        defer { g_free(text) }
        return String(cString: text)
    }

    /// The page at `index` rendered on white at `dpi`, as a grey image for OCR.
    static func renderedForOCR(_ index: Int, of document: OpaquePointer, dpi: Int,
                                       file: String) throws(ReaderError) -> DecodedPage {
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw .damagedPDF(file: file, reason: "page \(index + 1) cannot be opened")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(page)) }
        var width = 0.0, height = 0.0
        poppler_page_get_size(page, &width, &height)
        guard let (surface, pixelWidth, pixelHeight) = renderedPage(page, scale: Double(dpi) / 72, printing: true) else {
            throw .damagedPDF(file: file, reason: "page \(index + 1) of \(Int(min(width, 1e9))) × \(Int(min(height, 1e9))) pt is too large or has no size to render")
        }
        defer { cairo_surface_destroy(surface) }
        guard let data = cairo_image_surface_get_data(surface) else {
            throw .damagedPDF(file: file, reason: "page \(index + 1) could not be rendered")
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        // RGB24 keeps each pixel in a native 32-bit word, 0x00RRGGBB; OCR needs only grey.
        let rendered = UnsafeRawPointer(data)
        let image = try TextRecognizer.greyImage(width: pixelWidth, height: pixelHeight, page: index + 1,
                                                 file: file) { y, row in
            for x in row.indices {
                let value = rendered.load(fromByteOffset: y * stride + 4 * x, as: UInt32.self)
                let (red, green, blue) = ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
                row[x] = UInt8((red * 77 + green * 150 + blue * 29) >> 8)
            }
        }
        return DecodedPage(image: image, number: index + 1, declaredResolution: dpi)
    }
}
