import Foundation
import Testing
import VNPlanModel
@testable import VNPlanNormalizer

@Suite struct LegacyEncodingTests {
    @Test func knownTCVN3Spellings() {
        #expect(LegacyEncoding.tcvn3.decode("Tr¸ch nhiÖm") == "Trách nhiệm")
        #expect(LegacyEncoding.tcvn3.decode("B¶o Th¾ng") == "Bảo Thắng")
        #expect(LegacyEncoding.tcvn3.decode("M\u{AD}êng Kh\u{AD}\u{AC}ng") == "Mường Khương")
    }

    @Test func knownVNISpellings() {
        #expect(LegacyEncoding.vni.decode("Xin chaøo caùc baïn") == "Xin chào các bạn")
        #expect(LegacyEncoding.vni.decode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc")
    }

    @Test(arguments: LegacyEncoding.allCases)
    func roundTripOfAdministrativeSentences(encoding: LegacyEncoding) throws {
        let sentences = [
            "công khai thủ tục hành chính trên cổng dịch vụ công quốc gia",
            "Trung tâm Phục vụ hành chính công xã tiếp nhận hồ sơ, giải quyết kịp thời",
            "rà soát, đơn giản hóa thủ tục hành chính nội bộ giữa các cơ quan",
        ]
        for sentence in sentences {
            let legacy = try encoding.encode(sentence)
            #expect(legacy != sentence)
            #expect(LegacyEncoding.detect(legacy) == encoding)
            #expect(encoding.decode(legacy) == sentence)
        }
    }

    /// Every seed sentence the encoding can express survives the round trip, and clean text is
    /// never taken for legacy text.
    @Test(.enabled(if: SharedText.hasSeeds), arguments: LegacyEncoding.allCases)
    func roundTripOfSeedSentences(encoding: LegacyEncoding) {
        var tried = 0
        for line in SharedText.cleanSeedLines {
            #expect(LegacyEncoding.detect(line) == nil)
            guard let legacy = try? encoding.encode(line) else { continue }
            tried += 1
            #expect(encoding.decode(legacy) == line)
            #expect(LegacyEncoding.detect(legacy) == encoding)
        }
        #expect(tried >= 20)
    }

    @Test func capitalsTCVN3CannotWriteAreReported() {
        #expect(throws: LegacyEncodingError.unencodable("Ủ", .tcvn3)) { try LegacyEncoding.tcvn3.encode("Ủy ban") }
    }

    @Test func normalizerConvertsAndRecordsTheEncoding() throws {
        let legacy = try LegacyEncoding.vni.encode("Kế hoạch kiểm soát thủ tục hành chính năm 2025")
        let result = Normalizer().normalize(legacy)
        #expect(result.text == "Kế hoạch kiểm soát thủ tục hành chính năm 2025")
        #expect(result.legacyEncoding == .vni)
    }

    /// OCR writes Unicode: what looks like an 8-bit encoding in its output is OCR noise.
    @Test func textFromOCRIsNeverDecodedAsALegacyEncoding() throws {
        let legacy = try LegacyEncoding.tcvn3.encode("Kế hoạch kiểm soát thủ tục hành chính năm 2025")
        func document(usedOCR: Bool) -> SourceDocument {
            SourceDocument(metadata: SourceMetadata(fileName: "scan.pdf", sha256: "0", format: .pdf, usedOCR: usedOCR),
                           blocks: [.paragraph(Paragraph(text: legacy))])
        }
        let (scanned, scannedSummary) = Normalizer().normalize(document(usedOCR: true))
        #expect(scanned.paragraphs.map(\.text) == [legacy])
        #expect(scannedSummary.legacyEncoding == nil)
        let (typed, typedSummary) = Normalizer().normalize(document(usedOCR: false))
        #expect(typed.paragraphs.map(\.text) == ["Kế hoạch kiểm soát thủ tục hành chính năm 2025"])
        #expect(typedSummary.legacyEncoding == LegacyEncoding.tcvn3.rawValue)
    }
}
