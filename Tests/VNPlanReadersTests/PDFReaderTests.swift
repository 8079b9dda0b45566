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

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func scanWithoutTextLayerSaysSo() throws {
        #expect(throws: ReaderError.noTextLayer(file: try Fixtures.realDocument("NQ-19").name, pages: 6)) {
            try reader.read(Fixtures.realDocument("NQ-19"))
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
