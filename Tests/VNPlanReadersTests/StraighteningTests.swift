import CTesseract
import Foundation
import Testing
@testable import VNPlanReaders

/// Straightening measured: clean sample scans turned by known angles, then prepared as any
/// scan is; the skew the preparation finds must undo the turn to a tenth of a degree.
@Suite struct StraighteningTests {
    /// A page of a sample scan as grey, turned clockwise by `degrees` with white brought in.
    static func page(_ name: String, index: Int32, turnedBy degrees: Double) throws -> LeptonicaImage {
        let path = Fixtures.samples.appendingPathComponent("scans/\(name)").path
        let decoded = try #require(LeptonicaImage(pixReadTiff(path, index)))
        let grey = try #require(decoded.grey())
        guard degrees != 0 else { return grey }
        return try #require(LeptonicaImage(pixRotate(grey.pix, Float(degrees * .pi / 180), Int32(L_ROTATE_AREA_MAP),
                                                     Int32(L_BRING_IN_WHITE), 0, 0)))
    }

    /// A title page (letterhead and prose) and a table page, each turned both ways, small and large.
    @Test(arguments: [("kh-xa-hoa-binh-2026.300dpi.tif", Int32(0)), ("kh-xa-hoa-binh-2026.300dpi.tif", Int32(1)),
                      ("qd-phuong-cam-thanh-2025.200dpi.tif", Int32(1))])
    func turnedPagesAreStraightenedToATenthOfADegree(scan: String, page index: Int32) throws {
        var errors: [String] = []
        for turn in [-3.0, -1.2, -0.4, 0.3, 0.8, 1.5, 2.4] {
            let image = try Self.page(scan, index: index, turnedBy: turn)
            let prepared = try #require(PagePreparation.prepare(image, declared: image.declaredResolution, assumed: 300))
            let residual = prepared.skew + turn
            if abs(residual) > 0.1 { errors.append("turned \(turn)°: found \(prepared.skew)°") }
        }
        #expect(errors.isEmpty, "\(scan) page \(index + 1): \(errors.joined(separator: "; "))")
    }

    /// A straight page is left as it is: no turn of a fraction of a degree made up from its lines.
    @Test func aStraightPageIsNotTurned() throws {
        let image = try Self.page("kh-xa-hoa-binh-2026.300dpi.tif", index: 1, turnedBy: 0)
        let prepared = try #require(PagePreparation.prepare(image, declared: 300, assumed: 300))
        #expect(abs(prepared.skew) < 0.05)
    }
}

/// A word read twice at one place (two white pieces of a turned page's cell over one text) is
/// kept once; the same word printed elsewhere, and other words over it, are kept.
@Suite struct WordsReadOnceTests {
    static func word(_ text: String, _ left: Int, _ top: Int) -> OCREngine.Word {
        OCREngine.Word(text: text, left: left, top: top, right: left + 60, bottom: top + 30, confidence: 0.9)
    }

    @Test func aWordReadTwiceAtOnePlaceIsKeptOnce() {
        let words = [Self.word("Trung", 100, 100), Self.word("tâm", 170, 100), Self.word("Trung", 103, 98),
                     Self.word("Trung", 100, 400), Self.word("Trưng", 101, 100), Self.word("tâm", 14, 100)]
        let kept = PageRecognition.readOnce(words, resolution: 300)
        #expect(kept.map(\.text) == ["Trung", "tâm", "Trung", "Trưng", "tâm"])
        #expect(kept.map(\.top) == [100, 100, 400, 100, 100])
    }
}
