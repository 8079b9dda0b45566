import CTesseract
import Foundation

/// A page image made ready for line finding and OCR, before anything else looks at it:
/// grey, at a resolution OCR reads well, turned upright, straightened, and binarised.
struct PreparedPage {
    /// 8-bit grey, upright and straight.
    var grey: LeptonicaImage
    /// 1-bit, black = ink, the same size as `grey`.
    var binary: LeptonicaImage
    /// 1-bit, black = anything darker than the paper: faint, blurred table borders whole
    /// (a local threshold loses them), text swollen; for finding ruling lines.
    var faintInk: LeptonicaImage
    var resolution: Int
    /// Degrees (0, 90, 180, 270) the page was turned clockwise to make it upright.
    var rotation: Int
    /// Degrees the page was turned to straighten it (the skew found), 0 when it was straight.
    var skew: Double
}

enum PagePreparation {
    /// Below this, OCR misreads small print and diacritics: such pages are scaled up to `readingResolution`.
    static let lowestReadingResolution = 250
    /// Above this, pages are scaled down: OCR reads no better and takes longer.
    static let highestReadingResolution = 450
    static let readingResolution = 300
    /// A skew smaller than this (degrees) is left alone: turning costs more than it gains.
    static let smallestSkew = 0.05
    /// pixFindSkew's confidence below which its angle is a guess (a page of few lines).
    static let leastSkewConfidence: Float = 3

    /// Prepares a decoded page. `declared` is the resolution its file states (0 for none);
    /// `assumed` the one to use when neither the file nor the page's text tells.
    static func prepare(_ image: LeptonicaImage, declared: Int, assumed: Int) -> PreparedPage? {
        guard var grey = image.grey(), var (binary, faintInk) = binarize(grey) else { return nil }
        // A black-and-white scan's letters are staircases; OCR's models learnt grey edges.
        if image.depth == 1, let smooth = LeptonicaImage(pixBlockconv(grey.pix, 1, 1)) { grey = smooth }
        let estimated = TextScale.resolution(of: binary)
        var resolution = plausibleResolution(declared: declared, estimated: estimated, width: grey.width,
                                             height: grey.height) ?? estimated ?? assumed
        if resolution < lowestReadingResolution || resolution > highestReadingResolution {
            let factor = Float(readingResolution) / Float(resolution)
            guard let scaled = LeptonicaImage(factor > 1 ? pixScaleGrayLI(grey.pix, factor, factor)
                                                         : pixScaleAreaMap(grey.pix, factor, factor)),
                  let rebinarized = binarize(scaled) else { return nil }
            (grey, (binary, faintInk), resolution) = (scaled, rebinarized, readingResolution)
        }
        let rotation = PageOrientation.clockwiseTurn(toMakeUpright: binary)
        if rotation != 0 {
            let quarters = Int32(rotation / 90)
            guard let turnedGrey = LeptonicaImage(pixRotateOrth(grey.pix, quarters)),
                  let turnedBinary = LeptonicaImage(pixRotateOrth(binary.pix, quarters)),
                  let turnedFaint = LeptonicaImage(pixRotateOrth(faintInk.pix, quarters)) else { return nil }
            (grey, binary, faintInk) = (turnedGrey, turnedBinary, turnedFaint)
        }
        var angle: Float = 0, confidence: Float = 0
        var skew = 0.0
        if pixFindSkew(binary.pix, &angle, &confidence) == 0, confidence >= leastSkewConfidence,
           abs(Double(angle)) >= smallestSkew,
           let straightened = LeptonicaImage(pixRotate(grey.pix, angle * .pi / 180, Int32(L_ROTATE_AREA_MAP),
                                                       Int32(L_BRING_IN_WHITE), 0, 0)),
           let rebinarized = binarize(straightened) {
            (grey, (binary, faintInk), skew) = (straightened, rebinarized, Double(angle))
        }
        return PreparedPage(grey: grey, binary: binary, faintInk: faintInk, resolution: resolution,
                            rotation: rotation, skew: skew)
    }

    /// Background normalisation (uneven light, a yellowed page, a shadow at the fold) brings
    /// the paper to one grey level (leptonica's 200); then a local (Sauvola) threshold for the
    /// text, and a threshold just under the paper for the faint ink of thin lines.
    static func binarize(_ grey: LeptonicaImage) -> (text: LeptonicaImage, faintInk: LeptonicaImage)? {
        guard let flat = LeptonicaImage(pixBackgroundNormSimple(grey.pix, nil, nil)),
              let faint = LeptonicaImage(pixThresholdToBinary(flat.pix, paperLevel - faintestInk)) else { return nil }
        var binary: UnsafeMutablePointer<PIX>?
        guard pixSauvolaBinarizeTiled(flat.pix, 8, 0.34, 1, 1, nil, &binary) == 0,
              let text = LeptonicaImage(binary) else { return nil }
        return (text, faint)
    }

    /// The paper's grey level after background normalisation.
    static let paperLevel: Int32 = 200
    /// How much darker than the paper ink must be to count as ink of a line (noise stays within ±10).
    static let faintestInk: Int32 = 20

    /// The declared resolution, unless it is missing or makes no sense: a page smaller than
    /// 3 or larger than 25 inches, or text of a size far from any printed document's (a photo
    /// saved at 72 dpi, a scanner that wrote 1).
    static func plausibleResolution(declared: Int, estimated: Int?, width: Int, height: Int) -> Int? {
        guard declared >= 50, declared <= 2400 else { return nil }
        let longSide = Double(max(width, height)) / Double(declared)
        guard (3...25).contains(longSide) else { return nil }
        if let estimated, max(Double(estimated) / Double(declared), Double(declared) / Double(estimated)) > 1.6 {
            return nil
        }
        return declared
    }
}
