import CTesseract
import Foundation
import Testing
import VNPlanModel
@testable import VNPlanReaders

/// The OCR path on the project's scans: `samples/kh-xa-hoa-binh-2026.scan.png` (drawn by
/// scripts/make-samples.py) and `samples/scans/*.tif` (the sample PDFs printed to TIFF by
/// scripts/make-scans.py: clean at 300 and 200 dpi, askew, degraded).
@Suite struct ImageReaderTests {
    let reader = ImageReader()

    func pages(_ input: InputFile, reader: ImageReader = ImageReader()) throws -> [PageGeometry] {
        var pages: [PageGeometry] = []
        _ = try reader.readPages(input) { pages.append($0) }
        return pages
    }

    func scan(_ name: String) throws -> InputFile {
        try Fixtures.sample("scans/\(name)")
    }

    @Test func wordsCarryBoxesAndConfidence() throws {
        let page = try #require(try pages(Fixtures.sample("kh-xa-hoa-binh-2026.scan.png")).first)
        #expect(page.unitsPerInch == 300)
        #expect(page.rotation == 0)
        let title = try #require(page.words.first { $0.text == "HOẠCH" })
        #expect(title.box.height > 20 && title.box.height < 80)
        #expect(page.words.contains { $0.text == "63/2010/NĐ-CP" })
        #expect(page.words.allSatisfy { word in
            (0...1).contains(word.confidence ?? -1) && word.box.x >= 0 && word.box.maxX <= page.width
                && word.box.y >= 0 && word.box.maxY <= page.height
        })
        let confidences = page.words.compactMap(\.confidence)
        #expect(confidences.reduce(0, +) / Double(confidences.count) > 0.85)
    }

    /// Every page of a multi-page TIFF, in order; a table's borders as ruling segments.
    @Test func everyPageOfATIFFWithItsRulings() throws {
        let pages = try pages(scan("kh-xa-hoa-binh-2026.300dpi.tif"))
        #expect(pages.map(\.number) == [1, 2, 3])
        let table = pages[1]
        let vertical = table.rulings.filter { $0.orientation == .vertical && $0.length > table.height / 3 }
        let horizontal = table.rulings.filter { $0.orientation == .horizontal && $0.length > table.width / 2 }
        // Nine columns have ten borders; the rows, one rule each at least.
        #expect(vertical.count >= 10)
        #expect(horizontal.count >= 5)
        #expect(table.rulings.allSatisfy { $0.thickness >= 1 && $0.thickness <= 15 })
        // Words inside cells are read cell by cell: no word runs across a column border.
        #expect(!table.words.contains { word in
            vertical.contains { $0.position > word.box.x + 2 && $0.position < word.box.maxX - 2
                && word.box.midY > $0.start && word.box.midY < $0.end }
        })
    }

    /// A 200 dpi scan is scaled to 300 dpi before OCR; its geometry says so.
    @Test func lowResolutionIsScaledUp() throws {
        let low = try pages(scan("kh-thi-tran-phu-my-2025.200dpi.tif"))[0]
        let clean = try pages(scan("kh-thi-tran-phu-my-2025.300dpi.tif"))[0]
        #expect(low.unitsPerInch == 300)
        #expect(abs(low.width - clean.width) < 4)
        #expect(low.words.count > clean.words.count * 9 / 10)
    }

    /// A page fed in 1.5° askew is straightened: its table borders come out whole.
    @Test func askewScanIsStraightened() throws {
        let askew = try pages(scan("kh-xa-hoa-binh-2026.rotated.tif"))[1]
        let long = askew.rulings.filter { $0.orientation == .horizontal && $0.length > askew.width / 2 }
        #expect(long.count >= 5)
    }

    /// A page scanned sideways or upside down is turned upright before it is read.
    @Test(arguments: [1, 2, 3])
    func turnedPageIsTurnedUpright(quarterTurns: Int32) throws {
        let upright = try Fixtures.sample("kh-xa-hoa-binh-2026.scan.png")
        let turned = try Self.encoded(name: "turned.png") {
            upright.data.withUnsafeBytes { pixReadMem($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
                .flatMap { pix in
                    var owned: UnsafeMutablePointer<PIX>? = pix
                    defer { pixDestroy(&owned) }
                    return pixRotateOrth(pix, quarterTurns)
                }
        }
        let page = try #require(try pages(turned).first)
        #expect(page.rotation == (4 - Int(quarterTurns)) * 90)
        #expect(page.words.contains { $0.text == "HOẠCH" })
    }

    @Test func readingTwiceGivesTheSameGeometry() throws {
        let input = try scan("kh-thi-tran-phu-my-2025.degraded.tif")
        #expect(try pages(input) == pages(input, reader: ImageReader(recognizer: TextRecognizer(workers: 1))))
    }

    // MARK: Bad input

    @Test func damagedPNGIsNamedWithTheDecodersReason() throws {
        let whole = try Fixtures.sample("kh-xa-hoa-binh-2026.scan.png").data
        let input = InputFile(name: "cut.png", data: whole.prefix(whole.count / 2))
        let error = try #require(throws: ReaderError.self) { try pages(input) }
        guard case .unreadableImage(let file, let reason) = error else { Issue.record("\(error)"); return }
        #expect(file == "cut.png")
        #expect(reason.contains("libpng"))
        #expect(!error.description.contains("\n"))
    }

    @Test func hugeImageIsRefusedFromItsHeader() throws {
        let input = InputFile(name: "huge.png", data: Self.pngHeader(width: 30_000, height: 30_000))
        #expect(throws: ReaderError.imageTooLarge(file: "huge.png", page: 1, width: 30_000, height: 30_000,
                                                  limit: ImagePages.pixelLimit)) { try pages(input) }
    }

    /// A TIFF states each page's sides in 32 bits: a second page of 2³² − 1 × 2³² − 1 pixels
    /// (`Tests/Corpus/robustness`) is refused, not multiplied into an overflow.
    @Test func pageSidesOfThirtyTwoBitsAreRefusedWithoutOverflow() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/robustness/image-tiff-page2-sides-2pow32.tif")
        let input = try InputFile(contentsOf: corpus)
        #expect(throws: ReaderError.imageTooLarge(file: input.name, page: 2, width: 4_294_967_295, height: 4_294_967_295,
                                                  limit: ImagePages.pixelLimit)) { try pages(input) }
    }

    /// A three-page sample scan whose page chain is rewritten: the last page's next-page
    /// pointer set to `next`, with `extra` bytes appended.
    static func rechainedScan(next: (_ first: Int, _ end: Int) -> Int, extra: Data = Data()) throws -> Data {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/scans/kh-xa-hoa-binh-2026.200dpi.tif")
        var data = try Data(contentsOf: sample)
        func number(at offset: Int, size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) } // the sample is little-endian ("II")
        }
        let first = number(at: 4, size: 4)
        var directory = first, pointer = 0
        while directory != 0 {
            pointer = directory + 2 + 12 * number(at: directory, size: 2)
            directory = number(at: pointer, size: 4)
        }
        let target = UInt32(next(first, data.count))
        data.replaceSubrange(pointer..<pointer + 4, with: withUnsafeBytes(of: target.littleEndian) { Data($0) })
        return data + extra
    }

    /// A page chain that comes back on itself is refused before any page is decoded, rather
    /// than read until the page limit (a worker hung on one such file for a batch's whole time).
    @Test func aLoopingPageChainIsRefused() throws {
        let looped = InputFile(name: "looped.tif", data: try Self.rechainedScan(next: { first, _ in first }))
        #expect(throws: ReaderError.unreadableImage(file: "looped.tif",
                                                    reason: "the TIFF is damaged: page 3's next-page pointer leads back to page 1")) {
            _ = try ImagePages(looped)
        }
    }

    /// A chain of more pages than the limit is refused from its directories alone.
    @Test func aChainPastThePageLimitIsRefused() throws {
        // Empty directories, each pointing at the next: two bytes of count, four of pointer.
        var chain = Data()
        let count = ImagePages.pageLimit + 1
        let sample = try Self.rechainedScan(next: { _, end in end })
        for index in 0..<count {
            chain += Data([0, 0])
            let next = index == count - 1 ? 0 : UInt32(sample.count + 6 * (index + 1))
            chain += withUnsafeBytes(of: next.littleEndian) { Data($0) }
        }
        let long = InputFile(name: "long.tif", data: sample + chain)
        #expect(throws: ReaderError.unreadableImage(file: "long.tif", reason: "more than \(ImagePages.pageLimit) pages")) {
            _ = try ImagePages(long)
        }
    }

    @Test func tinyImageIsRefused() throws {
        let input = try Self.encoded(name: "dot.png") { pixCreate(1, 1, 8) }
        #expect(throws: ReaderError.unreadableImage(file: "dot.png", reason: "page 1 is 1 × 1 pixels, too small to hold text")) {
            try pages(input)
        }
    }

    @Test func tiffWithoutPagesIsRefused() {
        let input = InputFile(name: "empty.tif", data: Data([0x49, 0x49, 0x2A, 0x00, 0, 0, 0, 0]))
        #expect(throws: ReaderError.unreadableImage(file: "empty.tif", reason: "the TIFF has no readable page")) {
            try pages(input)
        }
    }

    /// A blank page and a page of noise give no words and a warning that says why.
    @Test func pageWithoutTextGivesAWarning() throws {
        let blank = try Self.encoded(name: "blank.png") {
            let pix = pixCreate(2480, 3508, 8)
            pixSetAllArbitrary(pix, 255)
            return pix
        }
        let page = try #require(try pages(blank).first)
        #expect(page.words.isEmpty)
        #expect(page.warnings == ["Page 1 shows no text OCR could read (a blank page or a picture)."])
        let noise = try Self.encoded(name: "noise.png") {
            let pix = pixCreate(1200, 1600, 8)
            var state: UInt32 = 12_345
            for y in 0..<1600 {
                for x in 0..<1200 {
                    state = state &* 1_103_515_245 &+ 12_345
                    pixSetPixel(pix, Int32(x), Int32(y), (state >> 16) & 0xFF)
                }
            }
            return pix
        }
        let photo = try #require(try pages(noise).first)
        #expect(photo.words.isEmpty || !photo.warnings.isEmpty)
    }

    @Test func missingLanguageDataIsNamed() {
        let reader = ImageReader(recognizer: TextRecognizer(languages: ["xyz"]))
        #expect(throws: ReaderError.ocrUnavailable(file: "kh-xa-hoa-binh-2026.scan.png", languages: ["xyz"])) {
            try pages(Fixtures.sample("kh-xa-hoa-binh-2026.scan.png"), reader: reader)
        }
    }

    // MARK: Images made for the tests

    /// A PNG of the image `make` returns, named `name`.
    static func encoded(name: String, _ make: () -> UnsafeMutablePointer<PIX>?) throws -> InputFile {
        var pix: UnsafeMutablePointer<PIX>? = make()
        defer { pixDestroy(&pix) }
        var bytes: UnsafeMutablePointer<UInt8>?
        var size = 0
        try #require(pixWriteMemPng(&bytes, &size, pix, 0) == 0)
        defer { free(bytes) }
        return InputFile(name: name, data: Data(bytes: try #require(bytes), count: size))
    }

    /// The signature, header and end chunks of a PNG claiming `width` × `height` grey pixels.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var chunk = Data("IHDR".utf8)
        for value in [width, height] { withUnsafeBytes(of: value.bigEndian) { chunk.append(contentsOf: $0) } }
        chunk.append(contentsOf: [8, 0, 0, 0, 0])
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        png.append(chunk)
        withUnsafeBytes(of: crc32(chunk).bigEndian) { png.append(contentsOf: $0) }
        png.append(contentsOf: [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        return png
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
