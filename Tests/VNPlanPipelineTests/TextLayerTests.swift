import Foundation
import Testing
import VNPlanModel
import VNPlanNormalizer
import VNPlanPipeline
import VNPlanReaders

/// The words of a PDF's text layer, as the Layout stage gets them, are `pdftotext`'s words
/// wherever the fonts map to Unicode: only fonts without a usable map (CID fonts without
/// ToUnicode, ABC and VNI faces) are decoded, and their words then read as Vietnamese.
@Suite struct TextLayerTests {
    /// A word `pdftotext -bbox` prints, with its box in points from the page's top left.
    struct ReferenceWord {
        var text: String
        var minX, minY, maxX, maxY: Double
    }

    /// What a poppler tool prints.
    static func output(of arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func referenceWords(of file: URL) throws -> [[ReferenceWord]] {
        let html = try output(of: ["pdftotext", "-bbox", file.path, "-"])
        let word = try Regex(#"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>"#)
        return html.components(separatedBy: "</page>").dropLast().map { page in
            page.matches(of: word).compactMap { match in
                guard let minX = Double(match.output[1].substring ?? ""), let minY = Double(match.output[2].substring ?? ""),
                      let maxX = Double(match.output[3].substring ?? ""), let maxY = Double(match.output[4].substring ?? ""),
                      let text = match.output[5].substring else { return nil }
                return ReferenceWord(text: Self.unescaped(String(text)), minX: minX, minY: minY, maxX: maxX, maxY: maxY)
            }
        }
    }

    static func unescaped(_ markup: String) -> String {
        markup.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// What the pipeline makes of each `pdftotext` word: its words whose middles lie in the
    /// word's box, left to right (poppler may split a word where the font changes).
    struct Comparison {
        var differing: [String] = []
        var compared = 0
        /// Words of fonts without a map, after decoding.
        var decoded: [String] = []
    }

    static func compare(_ file: URL) throws -> Comparison {
        var pages: [PageGeometry] = []
        _ = try PipelineFixtures.pipeline.read(InputFile(contentsOf: file)) { pages.append($0) }
        let reference = try referenceWords(of: file)
        #expect(pages.count == reference.count, "\(file.lastPathComponent)")
        var comparison = Comparison()
        for (page, words) in zip(pages, reference) {
            for word in words {
                let inside = page.words.filter { ours in
                    (word.minX - 0.5...word.maxX + 0.5).contains(ours.box.midX)
                        && (word.minY - 0.5...word.maxY + 0.5).contains(ours.box.midY)
                }.sorted { $0.box.x < $1.box.x }
                if inside.contains(where: { $0.isGlyphIndexed || $0.fontName.map(FontEncoding.hasLegacyName) == true }) {
                    comparison.decoded.append(inside.map(\.text).joined())
                    continue
                }
                comparison.compared += 1
                let ours = inside.map(\.text).joined()
                if ours.precomposedStringWithCanonicalMapping != word.text.precomposedStringWithCanonicalMapping {
                    comparison.differing.append("page \(page.number): pdftotext “\(word.text)”, vnplan “\(ours)”")
                }
            }
        }
        return comparison
    }

    static func samplePDFs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: PipelineFixtures.samples.path)
            .filter { $0.hasSuffix(".pdf") }.sorted()
    }

    @Test(arguments: try samplePDFs())
    func sampleWordsArePdftotextWords(name: String) throws {
        let comparison = try Self.compare(PipelineFixtures.samples.appendingPathComponent(name))
        #expect(comparison.compared > 200)
        #expect(comparison.decoded.isEmpty)
        #expect(comparison.differing == [])
    }

    /// The Word-style sample draws each face through three font objects, as Word does: the
    /// whole face and a subset as CID fonts with ToUnicode, and a WinAnsi TrueType twin.
    @Test func wordStyleSampleEmbedsEachFaceThreeWays() throws {
        let file = PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.word.pdf")
        let fonts = try Self.output(of: ["pdffonts", file.path]).split(separator: "\n").dropFirst(2)
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        for face in ["LiberationSerif", "LiberationSerif-Bold"] {
            let kinds = fonts.filter { $0.first?.split(separator: "+").last.map(String.init) == face }
            #expect(kinds.contains { !$0[0].contains("+") && $0[1...2] == ["CID", "TrueType"] && $0.suffix(5).prefix(3) == ["yes", "no", "yes"] })
            #expect(kinds.contains { $0[0].contains("+") && $0[1...2] == ["CID", "TrueType"] && $0.suffix(5).prefix(3) == ["yes", "yes", "yes"] })
            #expect(kinds.contains { $0[1...2] == ["TrueType", "WinAnsi"] })
        }
    }

    /// A Word 2016 export, e-signed: each face embedded as subset CID fonts with ToUnicode and
    /// as WinAnsi twins of the same name. Every one of its words is `pdftotext`'s.
    @Test(.enabled(if: PipelineFixtures.hasRealDocuments))
    func wordExportWordsArePdftotextWords() throws {
        let comparison = try Self.compare(PipelineFixtures.realDocumentURL("KH-58"))
        #expect(comparison.compared > 600)
        #expect(comparison.decoded.isEmpty)
        #expect(comparison.differing == [])
    }

    /// KH-1105 mixes, in one line, subset CID fonts without ToUnicode (glyph indices), the same
    /// face with ToUnicode, WinAnsi twins and a VnTime run: the words of mapped fonts are
    /// `pdftotext`'s, the others read as Vietnamese once decoded.
    @Test(.enabled(if: PipelineFixtures.hasRealDocuments))
    func wordsOfUnmappedFontsAloneAreDecoded() throws {
        let comparison = try Self.compare(PipelineFixtures.realDocumentURL("KH-1105"))
        #expect(comparison.compared > 300)
        #expect(comparison.differing == [])
        let lettered = comparison.decoded.map { $0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)) }
            .filter { $0.contains(where: \.isLetter) }
        let syllables = lettered.filter { FontEncoding.syllableScore($0) > 0 }
        // Measured: 1,079 decoded words of 2,012, every lettered one a syllable but a handful
        // of abbreviations ("VLNCN", "ATLĐ").
        #expect(lettered.count > 900)
        #expect(Double(syllables.count) / Double(lettered.count) > 0.97)
    }
}

/// The Word export of the school's prose plan, e-signed afterwards, against its DOCX original:
/// the letterhead read side by side (issuer over two lines), the signature, the parts, no task.
@Suite(.enabled(if: PipelineFixtures.hasRealDocuments)) struct SignedExportTests {
    @Test func signedExportGivesThePlanOfItsDOCX() throws {
        let folder = PipelineFixtures.shared.appendingPathComponent("realdocs")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .first { $0.hasPrefix("KH-58") && $0.hasSuffix(".docx") })
        let docx = try PipelineFixtures.pipeline.convert(InputFile(contentsOf: folder.appendingPathComponent(name)))
        let pdf = try PipelineFixtures.pipeline.convert(PipelineFixtures.realDocument("KH-58"))
        #expect(pdf.source.format == .pdf)
        #expect(pdf.document == docx.document)
        #expect(pdf.document.issuer == "SỞ GDĐT TỈNH ĐỒNG THÁP TRƯỜNG THPT CAO LÃNH 2")
        #expect(pdf.document.signer?.name == "Trần Thanh Vũ")
        #expect(pdf.sections == docx.sections)
        #expect(pdf.sections.map(\.path) == ["I", "II", "III", "III.1", "III.2", "III.3", "IV"])
        #expect(pdf.tasks.isEmpty && docx.tasks.isEmpty)
    }
}
