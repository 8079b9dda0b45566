import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// Locations of the project's samples and, when present, the shared real documents.
enum Fixtures {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = projectRoot.appendingPathComponent("samples")
    static let realDocuments = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/realdocs")
    static var hasRealDocuments: Bool { FileManager.default.fileExists(atPath: realDocuments.path) }

    static func sample(_ name: String) throws -> InputFile {
        try InputFile(contentsOf: samples.appendingPathComponent(name))
    }

    static func realDocument(_ prefix: String) throws -> InputFile {
        let names = try FileManager.default.contentsOfDirectory(atPath: realDocuments.path)
        let name = try #require(names.first { $0.hasPrefix(prefix) })
        return try InputFile(contentsOf: realDocuments.appendingPathComponent(name))
    }

    /// A zip made by Python's zipfile from the given entries.
    static func zipArchive(entries: [String: Data]) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, data) in entries {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import shutil,sys; shutil.make_archive(sys.argv[1], 'zip', sys.argv[2])",
                             folder.path + "-archive", folder.path]
        try process.run()
        process.waitUntilExit()
        let archive = URL(fileURLWithPath: folder.path + "-archive.zip")
        defer { try? FileManager.default.removeItem(at: archive) }
        return try Data(contentsOf: archive)
    }
}

@Suite struct DOCXReaderTests {
    let reader = DOCXReader()

    @Test func mergedCellsBecomeRowSpansAndColumnSpans() throws {
        let document = try reader.read(Fixtures.sample("kh-xa-hoa-binh-2026.docx"))
        let table = try #require(document.tables.last)
        #expect(table.columnCount == 9)
        // Group row "I." spans the eight columns after the number.
        let group = table.rows[2]
        #expect(group.cells.map(\.text) == ["I.", "KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"])
        #expect(group.cells[1].columnSpan == 8)
        // Task 1: number, objective, task and funding merged over three activity rows.
        let first = table.rows[3]
        #expect(first.cells.filter { $0.rowSpan == 3 }.map(\.column) == [0, 1, 2, 8])
        #expect(table.rows[4].cells.map(\.column) == [3, 4, 5, 6, 7])
        #expect(table.rows[5].cells.first?.text.hasPrefix("Cập nhật, công khai 100% TTHC") == true)
    }

    @Test func twoRowHeaderKeepsItsSpans() throws {
        let document = try reader.read(Fixtures.sample("kh-thi-tran-phu-my-2025.docx"))
        let table = try #require(document.tables.dropFirst().first)
        #expect(table.rows[0].cells.map(\.columnSpan) == [1, 1, 2, 1, 1])
        #expect(table.rows[0].cells.map(\.rowSpan) == [2, 2, 1, 2, 2])
        #expect(table.rows[1].cells.map(\.text) == ["Chủ trì", "Phối hợp"])
        #expect(table.rows[1].cells.map(\.column) == [2, 3])
    }

    @Test func letterheadIsReadInOrder() throws {
        let document = try reader.read(Fixtures.sample("qd-phuong-cam-thanh-2025.docx"))
        let letterhead = try #require(document.tables.first)
        #expect(letterhead.rows[0].cells[0].text == "ỦY BAN NHÂN DÂN\nPHƯỜNG CẨM THÀNH")
        #expect(document.paragraphs.contains { $0.text == "QUYẾT ĐỊNH" })
        #expect(document.metadata.format == .docx)
        #expect(document.metadata.sha256.count == 64)
    }

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func generatedListNumbersAppearInTheSTTColumn() throws {
        let document = try reader.read(Fixtures.realDocument("KH-3957"))
        let taskTable = try #require(document.tables.first { $0.rows.first?.cells.first?.text == "TT" })
        #expect(taskTable.rows.count == 10)
        #expect(taskTable.rows.dropFirst().map { $0.cells[0].text } == (1...9).map { "\($0)." })
        #expect(taskTable.rows[1].cells[2].text == "Đỗ Mạnh Cường\nVũ Việt Linh\nNguyễn Thị Loan")
    }

    @Test(.enabled(if: Fixtures.hasRealDocuments))
    func longDecreeReadsAllItsTables() throws {
        let document = try reader.read(Fixtures.realDocument("ND-14"))
        #expect(document.tables.count >= 60)
        #expect(document.paragraphs.count > 100)
    }

    @Test func emptyFileIsRefusedByName() {
        #expect(throws: ReaderError.empty(file: "empty.docx")) {
            try FormatSniffer.format(of: InputFile(name: "empty.docx", data: Data()))
        }
    }

    @Test func truncatedArchiveIsACorruptArchive() throws {
        let whole = try Fixtures.sample("kh-xa-hoa-binh-2026.docx")
        let truncated = InputFile(name: "cut.docx", data: whole.data.prefix(whole.data.count / 2))
        #expect(throws: ReaderError.corruptArchive(file: "cut.docx", reason: "the zip directory cannot be read")) {
            try reader.read(truncated)
        }
    }

    @Test func zipWithoutDocumentPartIsNotAWordDocument() throws {
        let archive = try Fixtures.zipArchive(entries: ["hello.txt": Data("xin chào".utf8)])
        #expect(throws: ReaderError.missingPart(file: "x.docx", part: "word/document.xml")) {
            try reader.read(InputFile(name: "x.docx", data: archive))
        }
    }

    @Test func brokenXMLNamesThePart() throws {
        let archive = try Fixtures.zipArchive(entries: ["word/document.xml": Data("<w:document><w:body><w:p>".utf8)])
        #expect {
            try reader.read(InputFile(name: "bad.docx", data: archive))
        } throws: { error in
            guard case .malformedXML(file: "bad.docx", part: "word/document.xml", _) = error as? ReaderError else { return false }
            return true
        }
    }

    @Test func encryptedOfficeFileIsRecognised() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
        #expect(throws: ReaderError.encrypted(file: "secret.docx")) {
            try FormatSniffer.format(of: InputFile(name: "secret.docx", data: ole))
        }
    }

    /// Word constructs LibreOffice does not write: gridBefore/gridAfter, a vMerge without a
    /// value, a table nested in a cell, tabs and line breaks inside a cell, generated numbers.
    @Test func wordGridConstructsAndNestedTables() throws {
        func cell(_ text: String, properties: String = "") -> String {
            "<w:tc><w:tcPr>\(properties)</w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p></w:tc>"
        }
        let numbered = "<w:tc><w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:p></w:tc>"
        let nested = "<w:tc><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>\(cell("inner"))</w:tr></w:tbl><w:p/></w:tc>"
        let body = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
            <w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell("STT"))\(cell("Nội dung", properties: "<w:gridSpan w:val=\"2\"/>"))\(cell("Ghi chú"))</w:tr>
            <w:tr>\(numbered)\(cell("Rà soát", properties: "<w:vMerge w:val=\"restart\"/>"))<w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p></w:tc>\(nested)</w:tr>
            <w:tr>\(numbered)\(cell("", properties: "<w:vMerge/>"))\(cell("d"))</w:tr>
            <w:tr><w:trPr><w:gridBefore w:val="2"/><w:gridAfter w:val="1"/></w:trPr>\(cell("shifted"))</w:tr>
            </w:tbl></w:body></w:document>
            """
        let numbering = """
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
            <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>
            """
        let archive = try Fixtures.zipArchive(entries: ["word/document.xml": Data(body.utf8), "word/numbering.xml": Data(numbering.utf8)])
        let table = try #require(reader.read(InputFile(name: "word.docx", data: archive)).tables.first)
        #expect(table.columnCount == 4)
        #expect(table.rows[0].isRepeatedHeader)
        #expect(table.rows[0].cells.map(\.column) == [0, 1, 3])
        #expect(table.rows[1].cells.map(\.text) == ["1.", "Rà soát", "a\tb\nc", ""])
        #expect(table.rows[1].cells[1].rowSpan == 2)
        #expect(table.rows[1].cells[3].nestedTables.first?.rows.first?.cells.first?.text == "inner")
        #expect(table.rows[1].cells[3].nestedTables.first?.nestingDepth == 1)
        #expect(table.rows[2].cells.map(\.text) == ["2.", "d"])
        #expect(table.rows[2].cells.map(\.column) == [0, 2])
        #expect(table.rows[3].cells.map(\.column) == [2])
    }

    @Test func readingTwiceGivesTheSameDocument() throws {
        let input = try Fixtures.sample("qd-phuong-cam-thanh-2025.docx")
        #expect(try reader.read(input) == reader.read(input))
    }
}

@Suite struct InputFileTests {
    @Test func hashIsSHA256InLowercaseHex() {
        #expect(InputFile(name: "abc.txt", data: Data("abc".utf8)).sha256
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
