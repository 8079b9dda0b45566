/// Whether decoded text looks like a document vnplan reads — Vietnamese prose or a table
/// extraction — and if not, what it looks like instead, in words for the refusal.
///
/// Any file without binary bytes sniffs as text, so a folder's README, JSON, YAML, source code
/// or file list would otherwise each become a "plan". The shapes are told from the first
/// `sampleSize` characters, so the check costs the same for any file size.
enum DocumentTextCheck {
    static let sampleSize = 65_536

    /// nil when the text looks like a document; otherwise why not ("it is JSON").
    static func refusal(of text: String) -> String? {
        let sample = text.prefix(sampleSize)
        let lines = sample.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first, let last = lines.last else { return nil }
        let counts = CharacterCounts(sample)
        if counts.junk * 20 > counts.visible { return "it holds binary data" }
        if (first.hasPrefix("{") && last.hasSuffix("}")) || (first.hasPrefix("[") && last.hasSuffix("]")) {
            return "it is JSON"
        }
        if first.hasPrefix("<?xml") || first.lowercased().hasPrefix("<!doctype") || first.lowercased().hasPrefix("<html") {
            return "it is XML or HTML markup"
        }
        func share(_ test: (String) -> Bool) -> Double { Double(lines.count(where: test)) / Double(lines.count) }
        if share({ $0.contains(yamlKey) }) >= 0.5 { return "it looks like YAML or a configuration file" }
        if share({ $0.contains(codeLine) }) >= 0.3 { return "it looks like source code" }
        if lines.count >= 3, share({ $0.contains(pathLine) }) >= 0.6 { return "it is a list of file names" }
        if counts.letters * 2 < counts.visible { return "it has too few letters to be running text" }
        guard counts.isVietnamese || commonSyllableShare(sample) >= 0.12 else { return "it has no Vietnamese text" }
        return nil
    }

    /// "key: value", "- key: value": YAML and configuration lines (ASCII keys; Vietnamese
    /// labels such as "Số:" are not keys).
    private nonisolated(unsafe) static let yamlKey = /^(?:-\s+)?[A-Za-z_][A-Za-z0-9_.\-]*:(?:\s|$)/
    private nonisolated(unsafe) static let codeLine =
        /^(?:(?:import|from|def|class|func|struct|enum|let|var|const|function|return|public|private|package|using|namespace|#include|#define)\b|\/\/|\/\*|#!)|(?:[{}]|\};|\*\/|\);)$/
    /// One path or file name alone on the line: "/srv/x", "./a/b", "C:\\x", "kế-hoạch.docx"
    /// (not "169/KH-UBND" or "2.1", which a table's cells hold).
    private nonisolated(unsafe) static let pathLine = /^(?:(?:\/|\.{1,2}\/|~\/|[A-Za-z]:\\)\S*|\S+\.[a-z][a-z0-9]{1,4})$/

    /// Syllables without diacritics that are frequent in any Vietnamese administrative text and
    /// are no English words: OCR without Vietnamese data (seed 002) keeps them.
    /// In alphabetical order: in the order of speech, neighbours would spell column headers,
    /// which readers leave to the plan logic.
    private static let commonSyllables: Set<String> = [
        "ban", "bao", "cac", "cap", "chinh", "cong", "cua", "dan", "dinh", "don", "duoc", "giai",
        "hanh", "hien", "hoach", "huyen", "ke", "khong", "kiem", "ly", "mot", "nam", "ngay",
        "nguoi", "nhan", "nhiem", "nhung", "phuong", "quan", "quyet", "soat", "tac", "thang",
        "theo", "thu", "thuc", "tinh", "tren", "trong", "tu", "tuc", "uy", "va", "vi", "viec",
        "voi", "xa",
    ]

    private static func commonSyllableShare(_ sample: Substring) -> Double {
        let words = sample.split { !$0.isASCII || !$0.isLetter }
        guard !words.isEmpty else { return 0 }
        return Double(words.count { commonSyllables.contains($0.lowercased()) }) / Double(words.count)
    }
}

/// What the characters of a sample are: letters, Vietnamese or legacy-font letters, junk.
private struct CharacterCounts {
    /// Non-whitespace characters.
    var visible = 0
    var letters = 0
    /// Letters with diacritics (Unicode Vietnamese), and the Latin-1 characters that legacy
    /// 8-bit fonts (TCVN3, VNI) use for them, read as Windows-1252.
    var accented = 0
    /// Control characters, replacement characters, private use: what text does not hold.
    var junk = 0

    init(_ sample: Substring) {
        for scalar in sample.unicodeScalars where !scalar.properties.isWhitespace {
            visible += 1
            switch scalar.value {
            // C1 code points (0x80–0x9F) are not junk: legacy fonts' bytes decode to them.
            case 0..<0x20, 0x7F, 0xFFFD, 0xE000...0xF8FF: junk += 1
            case 0xA0...0x24F, 0x1EA0...0x1EF9, 0x300...0x36F:
                accented += 1
                letters += 1
            default:
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
    }

    /// Vietnamese marks a fifth of its letters or more; English text quoting a Vietnamese name
    /// stays near 1 %.
    var isVietnamese: Bool { accented * 20 >= letters && letters > 0 }
}
