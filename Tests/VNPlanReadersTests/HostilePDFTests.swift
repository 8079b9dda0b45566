import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// The PDFs of `Tests/Corpus/pdf` (made by `scripts/make-pdf-corpus.py`): each is a clear
/// error or a read with a warning, in bounded time and memory.
@Suite struct HostilePDFTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/pdf")
    let reader = PDFReader()

    func input(_ name: String) throws -> InputFile { try InputFile(contentsOf: Self.corpus.appendingPathComponent(name)) }

    @Test func userPasswordIsNamed() throws {
        #expect(throws: ReaderError.encrypted(file: "user-password.pdf")) { _ = try reader.readPages(input("user-password.pdf")) { _ in } }
    }

    /// An owner password only restricts printing and editing; the text is there to read.
    @Test func ownerPasswordOnlyIsRead() throws {
        var words = 0
        let metadata = try reader.readPages(input("owner-password-only.pdf")) { words += $0.words.count }
        #expect(metadata.pageCount == 1)
        #expect(words > 100)
    }

    /// The reason names the file, what is wrong, and what poppler said of it, on one line.
    @Test func noPagesIsNamed() throws {
        #expect(throws: ReaderError.damagedPDF(file: "no-pages.pdf",
                                               reason: "it has no pages (poppler reported a fault: “Invalid page count 0”)")) {
            _ = try reader.readPages(input("no-pages.pdf")) { _ in }
        }
    }

    /// A 200-inch page: its text is read (vector work only); rendering it would be refused.
    @Test func absurdPageSizeIsReadWithoutRendering() throws {
        var pages: [PageGeometry] = []
        _ = try reader.readPages(input("huge-page.pdf")) { pages.append($0) }
        #expect(pages.first?.width == 14400)
        #expect(pages.first?.words.map(\.text).joined(separator: " ").contains("hanh chinh") == true)
        #expect(PDFReader.pixelSize(width: 14400, height: 14400, scale: 300.0 / 72) == nil)
    }

    /// 100,000 drawn segments: the first 20,000 are kept and the page says so.
    @Test func aHundredThousandSegmentsAreBounded() throws {
        var pages: [PageGeometry] = []
        _ = try reader.readPages(input("many-segments.pdf")) { pages.append($0) }
        let page = try #require(pages.first)
        #expect(page.rulings.count == PaintedRulings.segmentLimit)
        #expect(page.warnings.contains { $0.contains("draws more lines than a table has") })
    }
}
