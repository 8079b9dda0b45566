import Foundation
import Testing
import VNPlanModel
@testable import VNPlanNormalizer

/// The restore stage against the committed model.
@Suite struct RestorationTests {
    let model: SyllableLanguageModel
    let normalizer: Normalizer

    init() throws {
        model = try SyllableLanguageModel.bundled()
        normalizer = Normalizer(model: model)
    }

    @Test func strippedAdministrativePhraseIsRestored() throws {
        #expect(try normalizer.restore("Trung tam Phuc vu hanh chinh cong").text == "Trung tâm Phục vụ hành chính công")
        #expect(try normalizer.restore("Kiem soat thu tuc hanh chinh").text == "Kiểm soát thủ tục hành chính")
        #expect(try normalizer.restore("ngay 20 thang 11 nam 2025").text == "ngày 20 tháng 11 năm 2025")
    }

    @Test func ocrConfusionsFromSeed002AreRepaired() throws {
        #expect(try normalizer.restore("Trung tdm Phuc vu HCC xa").text == "Trung tâm Phục vụ HCC xã")
        #expect(try normalizer.restore("TTHC dugc cong khai").text == "TTHC được công khai")
        #expect(try normalizer.restore("Muc tiéu Nhi¢m vu").text == "Mục tiêu Nhiệm vụ")
    }

    @Test func headingsKeepTheirCapitals() throws {
        #expect(try normalizer.restore("KIEM SOAT THU TUC HANH CHINH").text == "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH")
    }

    @Test func codesNumbersAndAbbreviationsPassThrough() throws {
        let text = "Ke hoach 169/KH-UBND cua UBND xa ve TTHC, HĐND, ngay 30/01/2026; muc II."
        let restored = try normalizer.restore(text).text
        for kept in ["169/KH-UBND", "UBND", "TTHC,", "HĐND,", "30/01/2026;", "II."] {
            #expect(restored.split(separator: " ").contains(Substring(kept)), "\(kept) in \(restored)")
        }
        #expect(restored.hasPrefix("Kế hoạch 169/KH-UBND của UBND xã về TTHC"))
    }

    @Test func everyRestoredTokenCarriesAConfidence() throws {
        let result = try normalizer.restore("Ra soat, don gian hoa thu tuc hanh chinh")
        #expect(result.restoredTokens == result.restorations.count)
        #expect(result.restoredTokens >= 6)
        #expect(result.restorations.allSatisfy { (0...1).contains($0.confidence) })
        #expect(result.restorations.first { $0.original == "hanh" }.map { $0.confidence > 0.9 } == true)
    }

    @Test func cleanTextPassesUntouched() throws {
        let clean = "Trung tâm Phục vụ hành chính công xã cho người dân, doanh nghiệp"
        let result = try normalizer.restore(clean)
        #expect(result.text == clean)
        #expect(result.changedTokens == 0)
    }

    /// OCR misreads real words as other real words ("kiếm soát", "cụ thế"): no line looks
    /// damaged, so every line of a recognised document is restored, and only of one.
    @Test func realWordMisreadsAreRestoredInOCRDocumentsOnly() throws {
        let misread = "Xây dựng các văn bản cụ thế để triển khai hoạt động kiếm soát TTHC"
        func document(usedOCR: Bool) -> SourceDocument {
            SourceDocument(metadata: SourceMetadata(fileName: "plan", sha256: "0", format: .pdf, usedOCR: usedOCR),
                           blocks: [.paragraph(Paragraph(text: misread)), .paragraph(Paragraph(text: "Stt"))])
        }
        let (scanned, _) = try normalizer.restore(document(usedOCR: true))
        #expect(scanned.paragraphs.map(\.text) == ["Xây dựng các văn bản cụ thể để triển khai hoạt động kiểm soát TTHC", "Stt"])
        let (typed, _) = try normalizer.restore(document(usedOCR: false))
        #expect(typed.paragraphs.map(\.text) == [misread, "Stt"])
    }

    @Test func degradationSeparatesStrippedFromClean() {
        let restorer = DiacriticRestorer(model: model)
        #expect(restorer.degradation(of: "Cap nhat, cong khai 100% TTHC tren Cong dich vu cong") > 0.7)
        #expect(restorer.degradation(of: "Cập nhật, công khai 100% TTHC trên Cổng dịch vụ công") < 0.1)
        #expect(restorer.degradation(of: "UBND TTHC HĐND 169/KH-UBND") == 0)
    }

    /// Every word of "Chi dau tu cho cac du an" is also a syllable without marks, but a run of
    /// seven syllables with no mark at all is not how Vietnamese is written.
    @Test func runWithoutAnyMarkIsRestoredEvenWhenEachWordCouldBeBare() throws {
        let restorer = DiacriticRestorer(model: model)
        #expect(restorer.degradation(of: "Chi dau tu cho cac du an") >= 0.5)
        #expect(try normalizer.restore("Chi dau tu cho cac du an").text == "Chi đầu tư cho các dự án")
        // One bare word among marked ones is judged by the stricter margin.
        #expect(restorer.degradation(of: "Chi đầu tư cho các dự án") < 0.2)
        // A lone letter labels a list item (seed 001 numbers its rows a, b, … o, p).
        #expect(restorer.degradation(of: "o") == 0)
        #expect(try normalizer.restore("o").text == "o")
    }

    @Test func documentStageCountsWhatChanged() throws {
        let document = SourceDocument(
            metadata: SourceMetadata(fileName: "x.txt", sha256: "0", format: .text),
            blocks: [.paragraph(Paragraph(text: "Thuong xuyen kiem tra\nviec giai quyet TTHC")),
                     .paragraph(Paragraph(text: "Thường xuyên kiểm tra"))])
        let (restored, summary) = try normalizer.restore(document)
        #expect(restored.paragraphs.map(\.text) == ["Thường xuyên kiểm tra việc giải quyết TTHC", "Thường xuyên kiểm tra"])
        #expect(summary.restoredTokens == 6)
    }

    /// Held-out legal text (never trained on) through both stages stays as it was.
    @Test(.enabled(if: SharedText.hasCorpus)) func heldOutCleanTextIsUnchanged() throws {
        let lines = Array(try RestorationEvaluation.heldOutLines(corpus: SharedText.legalCorpus).prefix(300))
        let score = try RestorationEvaluation(normalizer: normalizer).clean(lines)
        #expect(score.total > 3000)
        #expect(score.accuracy >= 0.999)
    }

    /// The same lines without diacritics come back nearly all right.
    @Test(.enabled(if: SharedText.hasCorpus)) func heldOutStrippedTextIsRestored() throws {
        let lines = Array(try RestorationEvaluation.heldOutLines(corpus: SharedText.legalCorpus).prefix(300))
        let score = try RestorationEvaluation(normalizer: normalizer).stripped(lines)
        #expect(score.accuracy >= 0.95)
    }

    /// Seed 002 (OCR without Vietnamese data) reads as Vietnamese afterwards: most words are
    /// known syllables with their marks.
    @Test(.enabled(if: SharedText.seed("002") != nil)) func seed002ReadsAsVietnamese() throws {
        let seed = try #require(SharedText.seed("002"))
        let restored = try normalizer.restore(normalizer.normalize(seed).text).text
        func markedShare(_ text: String) -> Double {
            let words = text.split(whereSeparator: \.isWhitespace).filter { $0.allSatisfy(\.isLetter) }
            return Double(words.filter { $0.hasVietnameseMarks }.count) / Double(words.count)
        }
        #expect(markedShare(seed) < 0.3)
        #expect(markedShare(restored) > 0.6)
        #expect(restored.contains("Kiểm soát"))
    }

    @Test func modelIsCompactAndSane() {
        #expect(model.vocabulary.count > 5000)
        #expect(model.ngramCounts[1] > 500_000)
        #expect(model.logProbability(model.id(of: "thủ"), model.id(of: "tục"))
            > model.logProbability(model.id(of: "thủ"), model.id(of: "tức")))
    }
}
