import CTesseract
import Foundation
import VNPlanModel

/// One tesseract engine with its language data loaded, used by one thread at a time and
/// reused for page after page: loading the data costs more than a small page's recognition.
///
/// `@unchecked Sendable`: an engine moves between threads only through `OCREngine.pool`,
/// which hands it to one worker at a time.
final class OCREngine: @unchecked Sendable {
    private let handle: OpaquePointer
    let languages: [String]

    /// A word as tesseract read it, in the pixels of the image it was given.
    struct Word {
        var text: String
        var left: Int, top: Int, right: Int, bottom: Int
        /// 0...1
        var confidence: Double
    }

    private init(languages: [String], file: String) throws(ReaderError) {
        guard let handle = TessBaseAPICreate() else { throw .ocrUnavailable(file: file, languages: languages) }
        guard TessBaseAPIInit3(handle, nil, languages.joined(separator: "+")) == 0 else {
            TessBaseAPIDelete(handle)
            throw .ocrUnavailable(file: file, languages: languages)
        }
        // Tesseract prints its estimates ("Estimating resolution as …") through its debug file.
        TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        self.handle = handle
        self.languages = languages
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Reads the words of an image (1-bit or grey) at `resolution`: the whole page laid out
    /// by tesseract, or, when cells are given, each cell alone as a block or a line of text.
    func words(in image: LeptonicaImage, resolution: Int, cells: [RuledCells.Cell]? = nil) -> [Word] {
        TessBaseAPISetImage2(handle, image.pix)
        TessBaseAPISetSourceResolution(handle, Int32(resolution))
        defer { TessBaseAPIClear(handle) }
        guard let cells else {
            TessBaseAPISetPageSegMode(handle, PSM_AUTO)
            return recognizedWords()
        }
        return cells.flatMap { cell in
            let first = words(of: cell.region, as: cell.isOneLine ? PSM_SINGLE_LINE : PSM_SINGLE_BLOCK)
            guard Self.isWeak(first) else { return first }
            // A weak reading is read again the other way, and the surer reading kept.
            let second = words(of: cell.region, as: cell.isOneLine ? PSM_SINGLE_WORD : PSM_SPARSE_TEXT)
            return Self.meanConfidence(second) > Self.meanConfidence(first) ? second : first
        }
    }

    /// Below this confidence a cell's word is read again another way.
    static let weakConfidence = 0.5

    private static func isWeak(_ words: [Word]) -> Bool {
        words.contains { $0.confidence < weakConfidence }
    }

    private static func meanConfidence(_ words: [Word]) -> Double {
        words.isEmpty ? 0 : words.reduce(0) { $0 + $1.confidence } / Double(words.count)
    }

    private func words(of region: LeptonicaImage.Rectangle, as mode: TessPageSegMode) -> [Word] {
        TessBaseAPISetPageSegMode(handle, mode)
        TessBaseAPISetRectangle(handle, Int32(region.x), Int32(region.y), Int32(region.width), Int32(region.height))
        return recognizedWords()
    }

    /// Recognises the image (or rectangle) set and lists its words, in the image's coordinates.
    private func recognizedWords() -> [Word] {
        guard TessBaseAPIRecognize(handle, nil) == 0, let iterator = TessBaseAPIGetIterator(handle) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let layout = TessResultIteratorGetPageIteratorConst(iterator)
        var words: [Word] = []
        repeat {
            guard let text = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            defer { TessDeleteText(text) }
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            let string = String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !string.isEmpty, TessPageIteratorBoundingBox(layout, RIL_WORD, &left, &top, &right, &bottom) != 0
            else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            words.append(Word(text: string, left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom),
                              confidence: min(max(confidence, 0), 1)))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return words
    }

    // MARK: Reuse

    /// Idle engines by language list; at most one per core is kept.
    private static let idleLock = NSLock()
    nonisolated(unsafe) private static var idle: [[String]: [OCREngine]] = [:]

    /// Runs `body` with an engine for `languages`: an idle one when there is one, else a new one.
    static func withEngine<Value>(languages: [String], file: String,
                                  _ body: (OCREngine) throws(ReaderError) -> Value) throws(ReaderError) -> Value {
        idleLock.lock()
        let reused = idle[languages]?.popLast()
        idleLock.unlock()
        let engine: OCREngine
        if let reused { engine = reused } else { engine = try OCREngine(languages: languages, file: file) }
        runOnThisThreadOnly()
        defer {
            idleLock.lock()
            if idle[languages, default: []].count < ProcessInfo.processInfo.activeProcessorCount {
                idle[languages, default: []].append(engine)
            }
            idleLock.unlock()
        }
        return try body(engine)
    }

    /// Tesseract's OpenMP threads fight each other on a small machine: one page took 13.6 s
    /// with them and 2.5 s on one thread here; pages and files run in parallel instead. OpenMP
    /// reads OMP_THREAD_LIMIT before `main`, so its parallel regions are made inactive through
    /// its API (found at run time: tesseract may be built without OpenMP). The setting is the
    /// calling thread's own (libgomp 11 on), so every thread that recognises makes it, each
    /// time. A limit the user set is kept.
    private static let setMaxActiveLevels: (@convention(c) (Int32) -> Void)? = {
        guard getenv("OMP_THREAD_LIMIT") == nil, let process = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(process, "omp_set_max_active_levels") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Void).self)
    }()

    private static func runOnThisThreadOnly() {
        setMaxActiveLevels?(0)
    }
}
