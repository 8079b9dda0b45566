import Foundation
import Testing
@testable import VNPlanNormalizer

@Suite struct ToneMarkPlacementTests {
    @Test(arguments: [
        ("hoà", "hòa"), ("Hoá", "Hóa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("hoàn", "hoàn"),
        ("người", "người"), ("quý", "quý"), ("giữa", "giữa"), ("gì", "gì"), ("khuỷu", "khuỷu"), ("HOÀ", "HÒA"),
    ])
    func oldStyle(written: String, expected: String) {
        #expect(VietnameseSyllable.placingTone(written, style: .old) == expected)
    }

    @Test(arguments: [("hòa", "hoà"), ("thủy", "thuỷ"), ("hoàn", "hoàn"), ("tòan", "toàn"), ("được", "được")])
    func newStyle(written: String, expected: String) {
        #expect(VietnameseSyllable.placingTone(written, style: .new) == expected)
    }

    @Test func keepLeavesEverything() {
        #expect(VietnameseSyllable.placingTone("hoà", style: .keep) == "hoà")
    }

    @Test func wordsThatAreNoSyllablesStayAsWritten() {
        #expect(VietnameseSyllable.placingTone("TTHC", style: .new) == "TTHC")
        #expect(VietnameseSyllable.placingTone("café", style: .old) == "café")
    }
}

@Suite struct UnicodeNormalizationTests {
    let normalizer = Normalizer(configuration: NormalizerConfiguration(toneMarks: .old))

    @Test func decomposedTextBecomesNFC() {
        let decomposed = "Kiểm soát thủ tục hành chính".decomposedStringWithCanonicalMapping
        let result = normalizer.normalize(decomposed)
        #expect(result.text.unicodeScalars.elementsEqual("Kiểm soát thủ tục hành chính".unicodeScalars))
        #expect(result.changedTokens == 6)
    }

    @Test func spaceBeforeCombiningMarkIsRemoved() {
        #expect(normalizer.normalize("ha \u{0300}nh chi\u{0301}nh").text == "hành chính")
    }

    @Test func toneMarksFollowTheConfiguration() {
        #expect(normalizer.normalize("Văn hoá - Xã hội, thuỷ lợi").text == "Văn hóa - Xã hội, thủy lợi")
        let newStyle = Normalizer(configuration: NormalizerConfiguration(toneMarks: .new))
        #expect(newStyle.normalize("Văn hóa, thủy lợi").text == "Văn hoá, thuỷ lợi")
    }

    @Test(.enabled(if: SharedText.hasSeeds)) func cleanSeedTextIsUntouched() {
        let keep = Normalizer(configuration: NormalizerConfiguration(toneMarks: .keep))
        for line in SharedText.cleanSeedLines {
            #expect(keep.normalize(line).text == line)
        }
    }

    @Test func foldingStripsEveryMark() {
        #expect("Được Ủy ban Nhân dân".vietnameseFolded == "Duoc Uy ban Nhan dan")
    }
}
