import CTesseract
import Foundation
import VNPlanModel

/// OCR of page images with leptonica and tesseract: each page prepared (upright, straight,
/// at a resolution OCR reads well), its ruling lines found, its words read with boxes and
/// confidence, as the same page geometry the PDF reader gives.
public struct TextRecognizer: Sendable {
    /// Tesseract language codes, recognised together ("vie", or "vie" and "eng" for mixed text).
    public var languages: [String]
    /// The resolution pages are rendered at (PDF), or assumed for an image whose file states
    /// none and whose letters are too few to tell.
    public var dpi: Int
    /// Pages recognised at once, each by its own engine.
    public var workers: Int

    public init(languages: [String] = ["vie"], dpi: Int = 300,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.languages = languages
        self.dpi = dpi
        self.workers = max(1, workers)
    }

    /// A grey page handed over by a reader that renders pages itself.
    public struct GreyPage: Sendable {
        /// One byte a pixel, rows without padding, 0 black … 255 white.
        public var pixels: [UInt8]
        public var width: Int
        public var height: Int
        /// Pixels per inch the page was rendered at.
        public var resolution: Int
        /// 1-based page number in the file.
        public var number: Int

        public init(pixels: [UInt8], width: Int, height: Int, resolution: Int, number: Int) {
            self.pixels = pixels
            self.width = width
            self.height = height
            self.resolution = resolution
            self.number = number
        }
    }

    /// The geometry of every page `next` gives, handed to `receive` in page order. Pages are
    /// produced on the calling thread and recognised ahead on up to `workers` threads, a few
    /// pages at a time, so memory stays bounded in the page count.
    public func pageGeometries(file: String, next: () throws(ReaderError) -> GreyPage?,
                               receive: (PageGeometry) throws(ReaderError) -> Void) throws(ReaderError) {
        let recognizer = self
        try PageWorkers<GreyPage>(workers: workers, languages: languages, file: file).run(
            next: next,
            recognize: { page, engine throws(ReaderError) in
                let image = try Self.image(of: page, file: file)
                return try recognizer.recognition(by: engine, file: file)
                    .geometry(of: image, declaredResolution: page.resolution, pageNumber: page.number)
            },
            receive: receive)
    }

    /// The decoded pages of an image file, as `pageGeometries(file:next:receive:)` does for grey pages.
    func pageGeometries(of pages: inout ImagePages, file: String,
                        receive: (PageGeometry) throws(ReaderError) -> Void) throws(ReaderError) {
        let recognizer = self
        try PageWorkers<DecodedPage>(workers: workers, languages: languages, file: file).run(
            next: { () throws(ReaderError) in try pages.next() },
            recognize: { page, engine throws(ReaderError) in
                try recognizer.recognition(by: engine, file: file)
                    .geometry(of: page.image, declaredResolution: page.declaredResolution, pageNumber: page.number)
            },
            receive: receive)
    }

    /// A page's text, lines in reading order, and its words' mean confidence: for the readers
    /// that still give text rather than geometry.
    public struct Page: Sendable, Equatable {
        public var text: String
        /// The mean word confidence, 0...1.
        public var confidence: Double
    }

    func text(of page: GreyPage, file: String) throws(ReaderError) -> Page {
        try text(of: Self.image(of: page, file: file), declaredResolution: page.resolution, file: file)
    }

    private static func image(of page: GreyPage, file: String) throws(ReaderError) -> LeptonicaImage {
        try page.pixels.withUnsafeBufferPointer { pixels throws(ReaderError) in
            guard let base = pixels.baseAddress, pixels.count >= page.width * page.height else {
                throw ReaderError.unreadableImage(file: file, reason: "page \(page.number) has fewer pixels than its size")
            }
            return try image(greyPixels: base, width: page.width, height: page.height, page: page.number, file: file)
        }
    }

    /// The prepared page's text as tesseract orders it, read as one block.
    func text(of image: LeptonicaImage, declaredResolution: Int, file: String) throws(ReaderError) -> Page {
        guard let page = PagePreparation.prepare(image, declared: declaredResolution, assumed: dpi) else {
            throw .unreadableImage(file: file, reason: "a page could not be prepared for OCR")
        }
        let (text, confidence) = try OCREngine.withEngine(languages: languages, file: file) { engine in
            engine.text(of: page.grey, resolution: page.resolution)
        }
        return Page(text: text, confidence: confidence)
    }

    private func recognition(by engine: OCREngine, file: String) -> PageRecognition {
        PageRecognition(engine: engine, file: file, assumedResolution: dpi)
    }

    /// A leptonica image of the grey pixels (leptonica keeps 8-bit pixels in 32-bit words,
    /// most significant byte first, so the rows are copied and the words' bytes swapped).
    static func image(greyPixels: UnsafePointer<UInt8>, width: Int, height: Int, page: Int,
                      file: String) throws(ReaderError) -> LeptonicaImage {
        guard width * height <= ImagePages.pixelLimit else {
            throw .imageTooLarge(file: file, page: page, width: width, height: height, limit: ImagePages.pixelLimit)
        }
        guard min(width, height) >= ImagePages.smallestSide,
              let image = LeptonicaImage(pixCreate(Int32(width), Int32(height), 8)), let data = pixGetData(image.pix) else {
            throw .unreadableImage(file: file, reason: "page \(page) is \(width) × \(height) pixels, too small to hold text")
        }
        let rowBytes = Int(pixGetWpl(image.pix)) * 4
        let destination = UnsafeMutableRawPointer(data)
        for row in 0..<height {
            (destination + row * rowBytes).copyMemory(from: greyPixels + row * width, byteCount: width)
        }
        pixEndianByteSwap(image.pix)
        return image
    }
}
