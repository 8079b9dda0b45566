import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

@Suite struct PDFReaderTests {
    let reader = PDFReader()

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func bornDigitalPlanGivesItsPagesText() throws {
        let document = try reader.read(Fixtures.realDocument("KH-1105"))
        #expect(document.metadata.format == .pdf)
        #expect(document.metadata.pageCount == 6)
        #expect(document.paragraphs.contains { $0.text.contains("Lào Cai, ngày 10 tháng 3") })
        #expect(document.paragraphs.compactMap(\.provenance.page).max() == 6)
    }

    /// The real scan (a Kodak scanner, no text layer): each page rendered and read by OCR.
    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func scanWithoutTextLayerIsReadByOCR() throws {
        let document = try reader.read(Fixtures.realDocument("NQ-19"))
        #expect(document.metadata.usedOCR)
        #expect(document.metadata.pageCount == 6)
        let text = document.paragraphs.map(\.text).joined(separator: "\n")
        #expect(text.contains("19/2026/NQ-CP"))
        #expect(text.contains("Điều 1. Phạm vi điều chỉnh"))
        // Blocks carry their first page; the appendix table that starts on page 4 runs on.
        let pages = document.paragraphs.compactMap(\.provenance.page) + document.tables.compactMap(\.provenance.page)
        #expect(Set(pages).isSuperset(of: [1, 2, 3, 4]))
        #expect(document.paragraphs.allSatisfy { ($0.provenance.ocrConfidence ?? 0) > 0.5 })
    }

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func scanIsLeftUnreadWithoutARecognizer() throws {
        #expect(throws: ReaderError.noText(file: try Fixtures.realDocument("NQ-19").name, pages: 6)) {
            try PDFReader(recognizer: nil).read(Fixtures.realDocument("NQ-19"))
        }
    }

    @Test func truncatedPDFIsNamedAsDamaged() {
        let input = InputFile(name: "cut.pdf", data: Data("%PDF-1.4\n1 0 obj <<".utf8))
        #expect {
            try reader.read(input)
        } throws: { error in
            guard case .damagedPDF(file: "cut.pdf", _) = error as? ReaderError else { return false }
            return true
        }
    }
}
