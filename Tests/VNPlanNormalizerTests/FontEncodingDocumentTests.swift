import Foundation
import Testing
@testable import VNPlanNormalizer

/// KH-1105 decoded font by font, as the pipeline does: the fonts without a map to Unicode
/// (CID fonts without ToUnicode, as `pdffonts` lists them) read by glyph order, one decision per
/// font; the others by their name (VnTime) or as they are.
@Suite struct FontEncodingDocumentTests {
    static let document = SharedText.directory.appendingPathComponent("realdocs/KH-1105-DKT-ke-hoach-kiem-tra.pdf")
    static let hasDocument = FileManager.default.fileExists(atPath: document.path)

    /// A run of text in one font, where the page puts it.
    struct Run {
        var font: String
        var left: Int
        var right: Int
        var text: String
    }

    /// The document's runs from `pdftohtml -xml` (poppler's text, split at each change of font,
    /// with the font's name; pdftotext gives no fonts). Its XML drops control characters, so
    /// the digits of glyph-indexed runs are missing here.
    static func runs() throws -> [Run] {
        let xml = try output(of: ["pdftohtml", "-xml", "-i", "-stdout", document.path])

        let fonts = Dictionary(matches(of: #"<fontspec id="(\d+)"[^>]*family="([^"]*)""#, in: xml).map { ($0[0], $0[1]) },
                               uniquingKeysWith: { first, _ in first })
        return matches(of: #"<text top="\d+" left="(\d+)" width="(\d+)" height="\d+" font="(\d+)">(.*?)</text>"#, in: xml)
            .compactMap { groups in
                guard let left = Int(groups[0]), let width = Int(groups[1]), let font = fonts[groups[2]] else { return nil }
                return Run(font: font, left: left, right: left + width, text: unescaped(groups[3]))
            }
    }

    /// The subset tags of the fonts `pdffonts` lists as CID fonts without a ToUnicode map
    /// (`pdftohtml` names a face's styles alike; the tag tells them apart).
    static func unmappedFontTags() throws -> Set<String> {
        let rows = try output(of: ["pdffonts", document.path]).split(separator: "\n").dropFirst(2)
        return Set(rows.compactMap { row in
            let columns = row.split(separator: " ")
            guard row.contains("CID"), columns.count > 4, columns[columns.count - 3] == "no" else { return nil }
            return String(columns[0].prefix(6))
        })
    }

    static func output(of command: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func matches(of pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        let source = text as NSString
        return expression.matches(in: text, range: NSRange(location: 0, length: source.length)).map { match in
            (1..<match.numberOfRanges).map { source.substring(with: match.range(at: $0)) }
        }
    }

    static func unescaped(_ markup: String) -> String {
        markup.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The runs as text: a run that starts where the one before ends continues its word
    /// ("th" + "ҫ" + "u" in the table), any other starts a new line.
    static func text(of runs: [Run], reading: (Run) -> String) -> String {
        var text = ""
        var previousRight: Int?
        for run in runs {
            if let previousRight, abs(run.left - previousRight) > 1 { text += "\n" }
            text += reading(run)
            previousRight = run.right
        }
        return text
    }

    /// The share of words (with a letter) that are well-formed Vietnamese syllables.
    static func syllableShare(_ text: String) -> Double {
        let words = text.split(whereSeparator: \.isWhitespace)
            .map { $0.trimmingCharacters(in: .punctuationCharacters.union(.symbols)) }
            .filter { $0.contains(where: \.isLetter) }
        guard !words.isEmpty else { return 0 }
        return Double(words.filter { VietnameseSyllable.isWellFormed($0) }.count) / Double(words.count)
    }

    @Test(.enabled(if: hasDocument, "../shared/realdocs/KH-1105…pdf is absent"))
    func eachFontOfKH1105IsReadTheWayItWasWritten() throws {
        let runs = try Self.runs()
        let unmapped = try Self.unmappedFontTags()
        #expect(unmapped.sorted() == ["CCFRWF", "KERPTY", "SLTDGJ", "UEKJMF"])
        let samples = Dictionary(grouping: runs, by: \.font).mapValues { $0.map(\.text).joined(separator: " ") }
        let decisions = Dictionary(uniqueKeysWithValues: samples.map { font, sample in
            (font, unmapped.contains(String(font.prefix(6))) ? .glyphIndex(FontEncoding.glyphOrder(ofFont: font, sample: sample))
                                           : FontEncoding.encoding(ofFont: font, sample: sample))
        })
        let byTag = Dictionary(uniqueKeysWithValues: decisions.map { (String($0.key.prefix(6)), $0.value) })
        #expect(byTag["KERPTY"] == .glyphIndex(.timesNewRoman))
        #expect(byTag["CCFRWF"] == .glyphIndex(.timesNewRoman))
        #expect(byTag["UEKJMF"] == .glyphIndex(.timesNewRomanItalic))
        #expect(byTag["SLTDGJ"] == .glyphIndex(.timesNewRomanItalic))
        #expect(byTag["IEMIUK"] == .tcvn3)
        for unicodeFont in ["BKGTFV", "EUTGDR", "XHUUPH", "GSSOWV", "YTJIGC", "CTBUVX"] {
            #expect(byTag[unicodeFont] == .unicode, "\(unicodeFont)")
        }

        let before = Self.text(of: runs) { $0.text }
        let after = Self.text(of: runs) { run in decisions[run.font].map { $0.decode(run.text) } ?? run.text }
        // Measured: 41% of the words are syllables as poppler gives them, 97% decoded.
        #expect(Self.syllableShare(before) < 0.5)
        #expect(Self.syllableShare(after) > 0.95)
        let lines = ["SỞ CÔNG THƯƠNG", "ĐOÀN KIỂM TRA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh Phúc",
                     "KẾ HOẠCH", "Kiểm tra việc chấp hành Quy định pháp luật trong sử dụng và bảo quản vật",
                     "a) Kiểm tra hồ sơ tài liệu Giấy phép", "Gói thầu số 13: Thi công công trình nối Quốc lộ 32 với cao tốc Nội",
                     "(Theo phụ lục đính", "Ông. Đỗ Mạnh Cường"]
        #expect(lines.filter { !after.contains($0) } == [])
    }
}
