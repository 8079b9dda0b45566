import VNPlanModel

/// Pages of recognised text as the IR: the text reader's rules find the paragraphs and tables
/// in OCR's reading order, and every block records the confidence of its page.
enum RecognizedDocument {
    static func document(of pages: [TextRecognizer.Page], input: InputFile,
                         format: SourceFormat) throws(ReaderError) -> SourceDocument {
        guard pages.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
            throw .noText(file: input.name, pages: pages.count)
        }
        let blocks = TextLayout.blocks(ofPages: pages.map(\.text)).map { block -> Block in
            switch block {
            case .paragraph(var paragraph):
                paragraph.provenance.ocrConfidence = confidence(onPage: paragraph.provenance.page, of: pages)
                return .paragraph(paragraph)
            case .table(var table):
                table.provenance.ocrConfidence = confidence(onPage: table.provenance.page, of: pages)
                return .table(table)
            }
        }
        return SourceDocument(metadata: input.metadata(format: format, pageCount: pages.count, usedOCR: true),
                              blocks: blocks)
    }

    private static func confidence(onPage page: Int?, of pages: [TextRecognizer.Page]) -> Double? {
        guard let page, pages.indices.contains(page - 1) else { return pages.first?.confidence }
        return pages[page - 1].confidence
    }
}

/// An image's pages as OCR text, for callers of the `DocumentReader` interface; the pipeline
/// reads images as pages of geometry (`readPages`).
extension ImageReader: DocumentReader {
    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        var decoded = try ImagePages(input)
        var pages: [TextRecognizer.Page] = []
        while let page = try decoded.next() {
            pages.append(try recognizer.text(of: page.image, declaredResolution: page.declaredResolution, file: input.name))
        }
        return try RecognizedDocument.document(of: pages, input: input, format: .image)
    }
}
