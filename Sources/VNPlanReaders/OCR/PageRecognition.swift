import CTesseract
import Foundation
import VNPlanModel

/// One page image in, its geometry out: prepared (upright, straight, readable resolution),
/// its ruling lines found and taken out of the image OCR reads, its words read with boxes
/// and confidence. Coordinates are the prepared page's pixels; `unitsPerInch` its resolution.
struct PageRecognition {
    let engine: OCREngine
    let file: String
    /// The resolution assumed when neither the file nor the page's letters tell it.
    let assumedResolution: Int

    func geometry(of image: LeptonicaImage, declaredResolution: Int, pageNumber: Int) throws(ReaderError) -> PageGeometry {
        guard let page = PagePreparation.prepare(image, declared: declaredResolution, assumed: assumedResolution) else {
            throw .unreadableImage(file: file, reason: "page \(pageNumber) could not be prepared for OCR")
        }
        let rulings = RulingFinder(resolution: page.resolution).rulings(in: page.faintInk)
        let margin = max(1, page.resolution / 150)
        let reading = page.grey.whitened(rulings.mask, widenedBy: margin) ?? page.grey
        let cells = RuledCells.cells(enclosedBy: rulings.mask, ink: page.binary, resolution: page.resolution)
        var words = cells.isEmpty ? [] : engine.words(in: reading, resolution: page.resolution, cells: cells)
        let outside = reading.whitened(cells.map(\.region)) ?? reading
        words += engine.words(in: outside, resolution: page.resolution)
        words = Self.readOnce(words, resolution: page.resolution)
        let strokes = StrokeWidths(of: page.binary)
        let pageWords = words.map { word in
            PageWord(text: word.text,
                     box: BoundingBox(x: Double(word.left), y: Double(word.top),
                                      width: Double(word.right - word.left), height: Double(word.bottom - word.top)),
                     isBold: strokes?.isBold(word) ?? false,
                     confidence: word.confidence)
        }
        return PageGeometry(number: pageNumber, width: Double(page.grey.width), height: Double(page.grey.height),
                            unitsPerInch: Double(page.resolution), rotation: page.rotation,
                            words: pageWords, rulings: rulings.segments, warnings: Self.warnings(pageWords, pageNumber))
    }

    /// The words with each one read twice kept once. On a turned page a cell's staircased
    /// border can leave two white pieces over the same text, each read as a cell; the same
    /// word at (nearly) the same place is one word printed once. Linear: words are found by
    /// their text and the grid square, a twentieth of an inch, of their top left corner.
    static func readOnce(_ words: [OCREngine.Word], resolution: Int) -> [OCREngine.Word] {
        let square = max(1, resolution / 20)
        var seen: [String: [Int]] = [:]
        var kept: [OCREngine.Word] = []
        for word in words {
            let column = word.left / square, row = word.top / square
            let near = (-1...1).flatMap { dx in (-1...1).map { dy in "\(column + dx),\(row + dy),\(word.text)" } }
            if near.contains(where: { key in seen[key]?.contains { Self.overlapMost(kept[$0], word) } ?? false }) { continue }
            seen["\(column),\(row),\(word.text)", default: []].append(kept.count)
            kept.append(word)
        }
        return kept
    }

    /// Two boxes sharing more than half of the smaller one.
    static func overlapMost(_ a: OCREngine.Word, _ b: OCREngine.Word) -> Bool {
        let width = min(a.right, b.right) - max(a.left, b.left), height = min(a.bottom, b.bottom) - max(a.top, b.top)
        guard width > 0, height > 0 else { return false }
        let smaller = min((a.right - a.left) * (a.bottom - a.top), (b.right - b.left) * (b.bottom - b.top))
        return 2 * width * height > smaller
    }

    /// Below this mean word confidence, or this share of words with two letters in a row, a
    /// page's reading is mostly guesswork.
    static let unsureConfidence = 0.5
    static let leastWordShare = 0.5

    /// What a person should know about the page's reading: nothing read, or little read surely.
    static func warnings(_ words: [PageWord], _ pageNumber: Int) -> [String] {
        let confidences = words.compactMap(\.confidence)
        guard !confidences.isEmpty else {
            return ["Page \(pageNumber) shows no text OCR could read (a blank page or a picture)."]
        }
        let mean = confidences.reduce(0, +) / Double(confidences.count)
        let wordlike = words.filter { word in
            zip(word.text, word.text.dropFirst()).contains { $0.isLetter && $1.isLetter }
        }.count
        guard mean < unsureConfidence || Double(wordlike) < leastWordShare * Double(words.count) else { return [] }
        return ["Page \(pageNumber): OCR read \(words.count) marks there, few of them words (mean confidence \(Int(mean * 100))%); it may be a photo or a very poor scan."]
    }
}

extension LeptonicaImage {
    /// This grey image with the mask's pixels, widened by `margin` on every side, made white.
    func whitened(_ mask: LeptonicaImage?, widenedBy margin: Int) -> LeptonicaImage? {
        guard let mask else { return nil }
        let size = Int32(2 * margin + 1)
        guard let wide = LeptonicaImage(pixDilateBrick(nil, mask.pix, size, size)),
              let copy = LeptonicaImage(pixCopy(nil, pix)) else { return nil }
        pixSetMasked(copy.pix, wide.pix, 0xFF)
        return copy
    }

    /// This grey image with the rectangles made white; nil when there are none.
    func whitened(_ rectangles: [Rectangle]) -> LeptonicaImage? {
        guard !rectangles.isEmpty, let copy = LeptonicaImage(pixCopy(nil, pix)) else { return nil }
        for rectangle in rectangles {
            Self.withBox(rectangle) { pixSetInRectArbitrary(copy.pix, $0, 0xFF) }
        }
        return copy
    }
}

/// Bold print from the ink itself (tesseract's LSTM models do not say): a word's mean stroke
/// width, twice its ink over its outline, against the page's typical stroke.
struct StrokeWidths {
    private let ink: LeptonicaImage
    private let inner: LeptonicaImage
    private let typical: Double
    /// Bold type's strokes are 1.5–2 times as wide as regular type's of the same size.
    private static let boldRatio = 1.35

    init?(of binary: LeptonicaImage) {
        guard let inner = LeptonicaImage(pixErodeBrick(nil, binary.pix, 3, 3)) else { return nil }
        let page = LeptonicaImage.Rectangle(x: 0, y: 0, width: binary.width, height: binary.height)
        let all = binary.blackPixels(in: page), core = inner.blackPixels(in: page)
        guard all > core, core > 0 else { return nil }
        self.ink = binary
        self.inner = inner
        self.typical = 2 * Double(all) / Double(all - core)
    }

    func isBold(_ word: OCREngine.Word) -> Bool {
        let box = LeptonicaImage.Rectangle(x: word.left, y: word.top, width: word.right - word.left,
                                           height: word.bottom - word.top)
        let all = ink.blackPixels(in: box), core = inner.blackPixels(in: box)
        guard all > core else { return false }
        return 2 * Double(all) / Double(all - core) > Self.boldRatio * typical
    }
}
