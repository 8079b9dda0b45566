import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// The OCR path on the project's scanned page (scripts/make-samples.py draws it).
@Suite struct ImageReaderTests {
    let reader = ImageReader()

    @Test func scannedPageIsReadWithItsMarks() throws {
        let document = try reader.read(Fixtures.sample("kh-xa-hoa-binh-2026.scan.png"))
        #expect(document.metadata.format == .image)
        #expect(document.metadata.usedOCR)
        let texts = document.paragraphs.map(\.text)
        #expect(texts.contains("KẾ HOẠCH"))
        #expect(texts.contains("Kiểm soát thủ tục hành chính năm 2026"))
        #expect(texts.contains { $0.hasPrefix("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010") })
        #expect(document.paragraphs.allSatisfy { ($0.provenance.ocrConfidence ?? 0) > 0.8 })
    }

    @Test func damagedImageIsNamed() {
        let input = InputFile(name: "cut.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]))
        #expect(throws: ReaderError.self) { try reader.read(input) }
    }

    @Test func missingLanguageDataIsNamed() {
        let reader = ImageReader(recognizer: TextRecognizer(languages: ["xyz"]))
        #expect(throws: ReaderError.ocrUnavailable(file: "kh-xa-hoa-binh-2026.scan.png", languages: ["xyz"])) {
            try reader.read(Fixtures.sample("kh-xa-hoa-binh-2026.scan.png"))
        }
    }
}
