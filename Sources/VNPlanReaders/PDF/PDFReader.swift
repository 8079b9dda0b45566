import CPoppler
import Foundation
import VNPlanModel

/// Reads the text layer of a born-digital PDF with poppler-glib.
///
/// Poppler gives each page's text in reading order; the text reader's rules then find the
/// paragraphs and, as a best effort, the tables (stream order interleaves a table's cells,
/// as seed 001 shows). Rebuilding tables from ruling lines and word boxes is the geometry
/// work this reader does not do yet; a scanned PDF without a text layer says so.
public struct PDFReader: DocumentReader {
    public let format = SourceFormat.pdf
    public init() {}

    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        let pages = try Self.pageTexts(of: input)
        guard pages.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw .noTextLayer(file: input.name, pages: pages.count)
        }
        // Form feeds mark the pages for the text rules, which record them as provenance.
        let lines = TextLine.lines(of: pages.joined(separator: "\u{0C}"))
        return SourceDocument(metadata: input.metadata(format: .pdf, pageCount: pages.count),
                              blocks: TextLayout(lines: lines).blocks())
    }

    /// Each page's text; the poppler handles live only inside this function.
    private static func pageTexts(of input: InputFile) throws(ReaderError) -> [String] {
        let bytes = input.data.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(bytes, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.map { String(cString: $0.pointee.message) } ?? "unknown error"
            g_error_free(error)
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encrypted(file: input.name) }
            throw .damagedPDF(file: input.name, reason: message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        return (0..<poppler_document_get_n_pages(document)).map { index in
            guard let page = poppler_document_get_page(document, index) else { return "" }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            guard let text = poppler_page_get_text(page) else { return "" }
            defer { g_free(text) }
            return String(cString: text)
        }
    }
}
