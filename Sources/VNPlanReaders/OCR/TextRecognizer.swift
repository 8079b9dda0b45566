import CTesseract
import Foundation

/// Tesseract, through its C API: a page image in, its text and mean confidence out.
///
/// One engine per page keeps the reader free of shared mutable state; loading the language
/// data costs a few tenths of a second against seconds of recognition.
public struct TextRecognizer: Sendable {
    /// Tesseract language codes, recognised together ("vie", or "vie" and "eng" for mixed text).
    public var languages: [String]
    /// The resolution pages are rendered at (PDF) or assumed to have (images without one).
    public var dpi: Int

    public init(languages: [String] = ["vie"], dpi: Int = 300) {
        self.languages = languages
        self.dpi = dpi
    }

    public struct Page: Sendable, Equatable {
        public var text: String
        /// Tesseract's mean word confidence, 0...1.
        public var confidence: Double
    }

    /// Recognises a grey image of `width` × `height` pixels, one byte each, rows without padding.
    func recognize(greyPixels pixels: UnsafePointer<UInt8>, width: Int, height: Int, file: String) throws(ReaderError) -> Page {
        try withEngine(file: file) { engine in
            TessBaseAPISetImage(engine, pixels, Int32(width), Int32(height), 1, Int32(width))
            TessBaseAPISetSourceResolution(engine, Int32(dpi))
        }
    }

    /// Recognises an image file's bytes (PNG, JPEG, TIFF), decoded by leptonica.
    func recognize(imageData: Data, file: String) throws(ReaderError) -> Page {
        var pix = imageData.withUnsafeBytes { bytes in
            bytes.bindMemory(to: UInt8.self).baseAddress.flatMap { pixReadMem($0, bytes.count) }
        }
        defer { pixDestroy(&pix) }
        guard let image = pix else { throw .unreadableImage(file: file) }
        return try withEngine(file: file) { engine in
            TessBaseAPISetImage2(engine, image)
            // Scanners record their resolution; a missing one (0 or 1) would mislead layout analysis.
            if pixGetXRes(image) < 70 { TessBaseAPISetSourceResolution(engine, Int32(dpi)) }
        }
    }

    private func withEngine(file: String, setImage: (OpaquePointer) -> Void) throws(ReaderError) -> Page {
        Self.singleThreaded
        guard let engine = TessBaseAPICreate() else { throw .ocrUnavailable(file: file, languages: languages) }
        defer { TessBaseAPIEnd(engine); TessBaseAPIDelete(engine) }
        guard TessBaseAPIInit3(engine, nil, languages.joined(separator: "+")) == 0 else {
            throw .ocrUnavailable(file: file, languages: languages)
        }
        setImage(engine)
        guard let text = TessBaseAPIGetUTF8Text(engine) else { return Page(text: "", confidence: 0) }
        defer { TessDeleteText(text) }
        let confidence = Double(max(TessBaseAPIMeanTextConf(engine), 0)) / 100
        return Page(text: String(cString: text), confidence: confidence)
    }

    /// Tesseract's OpenMP threads fight each other on a small machine: one page took 13.6 s
    /// with them and 2.5 s on one thread here; batches run files in parallel instead. OpenMP
    /// reads OMP_THREAD_LIMIT before `main`, so the regions are made inactive through its API
    /// (found at run time: tesseract may be built without OpenMP). A limit the user set is kept.
    private static let singleThreaded: Void = {
        guard getenv("OMP_THREAD_LIMIT") == nil, let process = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(process, "omp_set_max_active_levels") else { return }
        typealias SetMaxActiveLevels = @convention(c) (Int32) -> Void
        unsafeBitCast(symbol, to: SetMaxActiveLevels.self)(0)
    }()
}
