import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// Inputs made hostile on purpose: each ends in a value or a clear error, never a trap.
@Suite struct DamagedArchiveTests {
    let reader = DOCXReader()

    /// Where a patched field lives: in word/document.xml's central directory entry (which
    /// names the part after its local header does), or in the end-of-directory record.
    enum Record: Sendable {
        case documentEntry, endOfDirectory

        func offset(in data: Data) -> Int? {
            switch self {
            case .documentEntry: data.lastRange(of: Data("word/document.xml".utf8)).map { $0.lowerBound - 46 }
            case .endOfDirectory: data.lastRange(of: Data([0x50, 0x4B, 0x05, 0x06])).map(\.lowerBound)
            }
        }
    }

    /// A little-endian field of the sample's zip structure overwritten. The first case trapped
    /// in ZIPFoundation ("Range requires lowerBound <= upperBound").
    @Test(arguments: [
        (Record.documentEntry, 42, 4, 0x7FFF_FFF0, "word/document.xml has no local header where the directory says"),
        (.endOfDirectory, 16, 4, 0xFFFF_FFFF, "a ZIP64 archive, which no Word document needs"),
        (.endOfDirectory, 16, 4, 0x00FF_FFF0, "the zip directory points past the end of the file"),
        (.documentEntry, 20, 4, 0x00FF_FFFF, "word/document.xml runs past the end of the file"),
        (.endOfDirectory, 10, 2, 0xFFFE, "the zip directory lists an entry it does not hold"),
    ] as [(Record, Int, Int, UInt32, String)])
    func damagedFieldIsACorruptArchive(record: Record, field: Int, width: Int, value: UInt32, reason: String) throws {
        var data = try Fixtures.sample("kh-xa-hoa-binh-2026.docx").data
        let offset = try #require(record.offset(in: data)) + field
        for byte in 0..<width { data[offset + byte] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(byte))) }
        #expect(throws: ReaderError.corruptArchive(file: "damaged.docx", reason: reason)) {
            try reader.read(InputFile(name: "damaged.docx", data: data))
        }
    }

    /// Bytes damaged inside document.xml's compressed data: its inflate fails or its checksum
    /// disagrees, and either way the archive, not the XML, is reported.
    @Test func damagedCompressedData() throws {
        var data = try Fixtures.sample("kh-xa-hoa-binh-2026.docx").data
        let local = try #require(data.range(of: Data("word/document.xml".utf8)))
        for offset in stride(from: 200, to: 260, by: 7) { data[local.upperBound + offset] ^= 0x5A }
        #expect {
            try reader.read(InputFile(name: "damaged.docx", data: data))
        } throws: { error in
            guard case .corruptArchive(file: "damaged.docx", let reason) = error as? ReaderError else { return false }
            return reason.hasPrefix("word/document.xml ")
        }
    }

    /// A part whose bytes are UTF-16 under a UTF-8 reading: libxml2's own words come back in
    /// the error, not on stderr.
    @Test func partInTheWrongEncodingNamesThePartAndTheProblem() throws {
        let utf16 = "<w:document><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>"
            .data(using: .utf16LittleEndian)!
        let archive = try Fixtures.zipArchive(entries: ["word/document.xml": utf16])
        #expect {
            try reader.read(InputFile(name: "wrong.docx", data: archive))
        } throws: { error in
            guard case .malformedXML(file: "wrong.docx", part: "word/document.xml", let reason) = error as? ReaderError
            else { return false }
            return reason.hasPrefix("syntax error near line ") && reason.contains(": ")
        }
    }
}

@Suite struct HostileGridTests {
    let reader = DOCXReader()

    private func document(rows: String, numbering: String? = nil) throws -> SourceDocument {
        let body = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>\(rows)</w:tbl></w:body></w:document>
            """
        var entries = ["word/document.xml": Data(body.utf8)]
        if let numbering { entries["word/numbering.xml"] = Data(numbering.utf8) }
        return try reader.read(InputFile(name: "grid.docx", data: Fixtures.zipArchive(entries: entries)))
    }

    private func cell(_ text: String, span: String? = nil) -> String {
        let properties = span.map { "<w:tcPr><w:gridSpan w:val=\"\($0)\"/></w:tcPr>" } ?? ""
        return "<w:tc>\(properties)<w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }

    @Test func spansOfTwoToTheThirtyFirstAreClampedToWordsWidestTable() throws {
        let rows = "<w:tr>\(cell("a", span: "2147483648"))\(cell("b", span: "2147483647"))</w:tr>"
            + "<w:tr>\(cell("c", span: "-2147483649"))\(cell("d", span: "99999999999999999999"))</w:tr>"
        let table = try #require(document(rows: rows).tables.first)
        #expect(table.columnCount == GridLimits.columns)
        // The first cell fills the grid; the second has no column left and is no real table's.
        #expect(table.rows[0].cells.map(\.text) == ["a"])
        #expect(table.rows[0].cells[0].columnSpan == GridLimits.columns)
        #expect(table.rows[1].cells.map(\.columnSpan) == [1, GridLimits.columns - 1])
    }

    @Test func gridBeforeOfAHundredMillionDoesNotWidenTheGrid() throws {
        let rows = "<w:tr><w:trPr><w:gridBefore w:val=\"100000000\"/></w:trPr>\(cell("lost"))</w:tr><w:tr>\(cell("x"))</w:tr>"
        let table = try #require(document(rows: rows).tables.first)
        #expect(table.columnCount == 2)
        #expect(table.rows.map { $0.cells.map(\.text) } == [[], ["x"]])
        #expect(table.grid.allSatisfy { $0.count == 2 })
    }

    @Test func listStartsAtTheExtremesGiveShortLabels() throws {
        func numbering(start: String, format: String) -> String {
            """
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="\(start)"/><w:numFmt w:val="\(format)"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="9223372036854775807"><w:start w:val="1"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>
            """
        }
        let item = "<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p></w:tc>"
        let rows = "<w:tr>\(item)</w:tr><w:tr>\(item)</w:tr>"
        let labels = { (start: String, format: String) throws -> [String] in
            try #require(document(rows: rows, numbering: numbering(start: start, format: format)).tables.first)
                .rows.map { $0.cells[0].text }
        }
        #expect(try labels("10000000000", "lowerLetter") == ["32767)", "32768)"])
        #expect(try labels("-2147483648", "decimal") == ["0)", "1)"])
        #expect(try labels("2147483647", "upperRoman") == ["32767)", "32768)"])
        #expect(try labels("77", "upperLetter") == ["YYY)", "ZZZ)"])
    }
}

@Suite struct HostileTextTests {
    let reader = TextReader()

    private func read(_ text: String, name: String = "t.txt") throws -> SourceDocument {
        try reader.read(InputFile(name: name, data: Data(text.utf8)))
    }

    /// Normalization sorts a run of marks, and every character comparison normalizes: 300 000
    /// marks were quadratic. Stream-safe text keeps every mark, a joiner after each 30.
    @Test func aLongRunOfCombiningMarksIsMadeStreamSafe() throws {
        let marks = String(repeating: "\u{0301}\u{0323}", count: 150_000)
        let document = try read("Kế hoạch kiểm soát thủ tục hành chính\nthủ tục a\(marks) hành chính\n")
        let text = try #require(document.paragraphs.last?.text)
        let scalars = text.unicodeScalars
        #expect(scalars.count { $0 == "\u{0301}" || $0 == "\u{0323}" } == 300_000)
        #expect(scalars.count { $0 == "\u{034F}" } == 300_000 / MarkRuns.longestRun - 1)
    }

    @Test func shortMarkRunsAreLeftAlone() {
        let text = "Phu\u{031B}\u{0323}c vu\u{0323} ha\u{0300}nh chi\u{0301}nh"
        #expect(MarkRuns.streamSafe(text) == text)
    }

    @Test(arguments: [
        ("{\"id\": \"kh-1\", \"tasks\": [\"Rà soát thủ tục\"]}", "it is JSON"),
        ("schema: vnplan/plan@1\nid: kh-1\nissuer: Ủy ban nhân dân\nstages:\n  - read\n", "it looks like YAML or a configuration file"),
        ("import Foundation\n\nstruct Plan {\n    let id: String\n}\n", "it looks like source code"),
        ("/srv/archive/2025/ke-hoach-01.docx\n/srv/archive/2025/ke-hoach-02.pdf\n/srv/archive/2025/quyet-dinh.txt\n",
         "it is a list of file names"),
        ("# vnplan\n\nTurns Vietnamese administrative plans into canonical JSON plans in a git-friendly repository.\n",
         "it has no Vietnamese text"),
        ("<?xml version=\"1.0\"?>\n<plan>Kế hoạch</plan>\n", "it is XML or HTML markup"),
        ("12 34 56 78 90 12 34 56 -- ++ == 11 22 33 44 55 66 77 88 99\n", "it has too few letters to be running text"),
    ])
    func textThatIsNoDocumentIsRefused(text: String, reason: String) {
        #expect(throws: ReaderError.notADocument(file: "x.txt", reason: reason)) { try read(text, name: "x.txt") }
    }

    @Test func ocrWithoutDiacriticsIsStillADocument() throws {
        let document = try read("KE HOACH\nKiem soat thu tuc hanh chinh nam 2025 tren dia ban xa\nCac co quan thuc hien theo quy dinh\n")
        #expect(document.paragraphs.map(\.text).first == "KE HOACH")
    }

    @Test func utf16WithoutByteOrderMarkIsSniffedAndRead() throws {
        let text = "Kế hoạch kiểm soát thủ tục hành chính năm 2025\n"
        for (encoding, name) in [(String.Encoding.utf16LittleEndian, "le.txt"), (.utf16BigEndian, "be.txt")] {
            let input = InputFile(name: name, data: try #require(text.data(using: encoding)))
            #expect(try FormatSniffer.format(of: input) == .text)
            #expect(try reader.read(input).paragraphs.first?.text == "Kế hoạch kiểm soát thủ tục hành chính năm 2025")
        }
    }

    @Test func textNamedAsAPDFIsAMismatch() {
        let input = InputFile(name: "ke-hoach.pdf", data: Data("Kế hoạch kiểm soát thủ tục hành chính\n".utf8))
        #expect(throws: ReaderError.formatMismatch(file: "ke-hoach.pdf", claimed: "pdf", found: "text")) {
            try FormatSniffer.format(of: input)
        }
        #expect(FormatSniffer.claimedFormat(of: "a.DOCX") == .docx)
        #expect(FormatSniffer.claimedFormat(of: "README") == nil)
    }

    @Test func aRowWiderThanARealTableKeepsItsTextInTheLastCell() throws {
        let row = (1...100).map { "ô số \($0)" }.joined(separator: "\t")
        let table = try #require(read("Kế hoạch kiểm soát thủ tục hành chính\n\n\(row)\n\(row)\n").tables.first)
        #expect(table.columnCount == GridLimits.columns)
        #expect(table.rows[0].cells.count == GridLimits.columns)
        #expect(table.rows[0].cells.last?.text == (63...100).map { "ô số \($0)" }.joined(separator: "\t"))
    }
}
