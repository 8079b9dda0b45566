import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

@Suite struct PDFReaderTests {
    let reader = PDFReader()

    func pages(_ input: InputFile, reader: PDFReader = PDFReader()) throws -> (SourceMetadata, [PageGeometry]) {
        var pages: [PageGeometry] = []
        let metadata = try reader.readPages(input) { pages.append($0) }
        return (metadata, pages)
    }

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func bornDigitalPlanGivesItsPagesWords() throws {
        let (metadata, pages) = try pages(Fixtures.realDocument("KH-1105"))
        #expect(metadata.format == .pdf && !metadata.usedOCR)
        #expect(metadata.pageCount == 6 && pages.map(\.number) == Array(1...6))
        #expect(pages[0].words.map(\.text).joined(separator: " ").contains("Lào Cai, ngày 10 tháng 3"))
        #expect(pages.allSatisfy { $0.unitsPerInch == 72 && $0.words.allSatisfy { $0.confidence == nil } })
    }

    /// The real scan (a Kodak scanner, no text layer): each page rendered and its words read
    /// by OCR, with their confidence, in the rendered page's pixels.
    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func scanWithoutTextLayerIsReadByOCR() throws {
        let (metadata, pages) = try pages(Fixtures.realDocument("NQ-19"))
        #expect(metadata.usedOCR)
        #expect(metadata.pageCount == 6 && pages.map(\.number) == Array(1...6))
        #expect(pages[0].words.map(\.text).joined(separator: " ").contains("Điều 1. Phạm vi điều chỉnh"))
        for page in pages {
            let confidences = page.words.compactMap(\.confidence)
            #expect(page.unitsPerInch == 300 && page.words.count > 200 && confidences.count == page.words.count)
            #expect(confidences.reduce(0, +) / Double(confidences.count) > 0.85, "page \(page.number)")
        }
    }

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func scanIsLeftUnreadWithoutARecognizer() throws {
        #expect(throws: ReaderError.noText(file: try Fixtures.realDocument("NQ-19").name, pages: 6)) {
            try pages(Fixtures.realDocument("NQ-19"), reader: PDFReader(recognizer: nil))
        }
    }

    @Test func truncatedPDFIsNamedAsDamaged() {
        let input = InputFile(name: "cut.pdf", data: Data("%PDF-1.4\n1 0 obj <<".utf8))
        #expect {
            try pages(input)
        } throws: { error in
            guard case .damagedPDF(file: "cut.pdf", _) = error as? ReaderError else { return false }
            return true
        }
    }
}
