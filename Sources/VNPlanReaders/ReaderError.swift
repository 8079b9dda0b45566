/// Why a file could not be read, in words that name the file and what to do.
public enum ReaderError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case unrecognizedFormat(file: String)
    case corruptArchive(file: String, reason: String)
    case missingPart(file: String, part: String)
    case encrypted(file: String)
    case malformedXML(file: String, part: String, reason: String)
    case tooLarge(file: String, part: String, limit: Int)
    case damagedPDF(file: String, reason: String)
    case noText(file: String, pages: Int)
    case unreadableImage(file: String, reason: String)
    case imageTooLarge(file: String, page: Int, width: Int, height: Int, limit: Int)
    case ocrUnavailable(file: String, languages: [String])
    case disabledFormat(file: String, format: String)
    /// Text that is no document: JSON, YAML, source code, a file list, binary junk.
    case notADocument(file: String, reason: String)
    /// The extension names one format and the content is another.
    case formatMismatch(file: String, claimed: String, found: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            "\(file): cannot read the file (\(reason))"
        case .empty(let file):
            "\(file): the file is empty"
        case .unrecognizedFormat(let file):
            "\(file): not a DOCX, PDF, image or text file (the first bytes match no known format)"
        case .corruptArchive(let file, let reason):
            "\(file): the DOCX archive is damaged (\(reason)); re-save it from Word or LibreOffice"
        case .missingPart(let file, let part):
            "\(file): the archive has no \(part), so it is not a Word document"
        case .encrypted(let file):
            "\(file): the document is password-protected; remove the password and try again"
        case .malformedXML(let file, let part, let reason):
            "\(file): \(part) is not well-formed XML (\(reason))"
        case .tooLarge(let file, let part, let limit):
            "\(file): \(part) expands beyond \(limit / 1_048_576) MB, more than any plan holds; refusing a possible zip bomb"
        case .damagedPDF(let file, let reason):
            "\(file): the PDF cannot be opened (\(reason))"
        case .noText(let file, let pages):
            "\(file): no text in its \(pages) page(s), neither a text layer nor anything OCR could read"
        case .unreadableImage(let file, let reason):
            "\(file): the image cannot be read (\(reason))"
        case .imageTooLarge(let file, let page, let width, let height, let limit):
            "\(file): page \(page) is \(width) × \(height) pixels, more than the \(limit / 1_000_000) million this reader decodes; scan it at 300 dpi"
        case .ocrUnavailable(let file, let languages):
            "\(file): tesseract cannot load the language data \(languages.joined(separator: "+")) (install tesseract-ocr-\(languages.first ?? "vie"), or change \"ocr.languages\" in pipeline.json)"
        case .disabledFormat(let file, let format):
            "\(file): the pipeline does not read \(format) files (add \"\(format)\" to \"formats\" in pipeline.json)"
        case .notADocument(let file, let reason):
            "\(file): not a document (\(reason)); vnplan reads plans: DOCX, PDF, scans and text extracted from them"
        case .formatMismatch(let file, let claimed, let found):
            "\(file): named as \(claimed.uppercased()) but its content is \(found == "text" ? "plain text" : found.uppercased()); the file is damaged or misnamed"
        }
    }
}
