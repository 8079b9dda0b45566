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

    /// The geometry of every page `next` decodes, handed to `receive` in page order. Pages
    /// are produced on the calling thread and recognised ahead on up to `workers` threads, a
    /// few pages at a time, so memory stays bounded in the page count.
    func pageGeometries(file: String, next: () throws(ReaderError) -> DecodedPage?,
                        receive: (PageGeometry) throws(ReaderError) -> Void) throws(ReaderError) {
        let recognizer = self
        try PageWorkers<DecodedPage>(workers: workers, languages: languages, file: file).run(
            next: next,
            recognize: { page, engine throws(ReaderError) in
                try recognizer.recognition(by: engine, file: file)
                    .geometry(of: page.image, declaredResolution: page.declaredResolution, pageNumber: page.number)
            },
            receive: receive)
    }

    private func recognition(by engine: OCREngine, file: String) -> PageRecognition {
        PageRecognition(engine: engine, file: file, assumedResolution: dpi)
    }

    /// An 8-bit grey leptonica image of `width` × `height` pixels whose rows `fill` writes, a
    /// byte a pixel from the left (leptonica keeps 8-bit pixels in 32-bit words, most
    /// significant byte first, so the words' bytes are swapped once the rows are written).
    static func greyImage(width: Int, height: Int, page: Int, file: String,
                          fill: (_ row: Int, _ pixels: UnsafeMutableBufferPointer<UInt8>) -> Void) throws(ReaderError) -> LeptonicaImage {
        let (pixels, overflows) = width.multipliedReportingOverflow(by: height)
        guard !overflows, pixels <= ImagePages.pixelLimit else {
            throw .imageTooLarge(file: file, page: page, width: width, height: height, limit: ImagePages.pixelLimit)
        }
        guard min(width, height) >= ImagePages.smallestSide,
              let image = LeptonicaImage(pixCreate(Int32(width), Int32(height), 8)), let data = pixGetData(image.pix) else {
            throw .unreadableImage(file: file, reason: "page \(page) is \(width) × \(height) pixels, too small to hold text")
        }
        let rowBytes = Int(pixGetWpl(image.pix)) * 4
        let rows = UnsafeMutableRawPointer(data).bindMemory(to: UInt8.self, capacity: rowBytes * height)
        for row in 0..<height {
            fill(row, UnsafeMutableBufferPointer(start: rows + row * rowBytes, count: width))
        }
        pixEndianByteSwap(image.pix)
        return image
    }
}
