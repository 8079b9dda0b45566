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

extension TextRecognizer.Page {
    /// The page's words as lines of text, top to bottom and left to right: a word joins the
    /// line whose band holds its middle.
    init(_ page: PageGeometry) {
        var lines: [(top: Double, bottom: Double, words: [PageWord])] = []
        for word in page.words.sorted(by: { ($0.box.y + $0.box.height / 2) < ($1.box.y + $1.box.height / 2) }) {
            let middle = word.box.y + word.box.height / 2
            if let last = lines.indices.last, middle <= lines[last].bottom {
                lines[last].words.append(word)
            } else {
                lines.append((word.box.y, word.box.y + word.box.height, [word]))
            }
        }
        text = lines.map { $0.words.sorted { $0.box.x < $1.box.x }.map(\.text).joined(separator: " ") }
            .joined(separator: "\n")
        let confidences = page.words.compactMap(\.confidence)
        confidence = confidences.isEmpty ? 0 : confidences.reduce(0, +) / Double(confidences.count)
    }
}

extension ImageReader: DocumentReader {
    public func read(_ input: InputFile) throws(ReaderError) -> SourceDocument {
        var pages: [TextRecognizer.Page] = []
        _ = try readPages(input) { pages.append(TextRecognizer.Page($0)) }
        return try RecognizedDocument.document(of: pages, input: input, format: .image)
    }
}
