import CTesseract
import VNPlanModel

/// The ruling lines of a page's 1-bit image, found by morphology as tesseract's line finder
/// (`linefind.cpp`) does: small gaps closed, solid areas (bold headings, pictures, stamps)
/// taken away, long thin runs kept in each direction, and a candidate that crosses fewer than
/// two other lines and is crowded by ink (an underlined word, a row of text) rejected.
/// Every size is a fraction of an inch at the page's resolution.
struct RulingFinder {
    let resolution: Int

    /// Thicker than this is a solid area, not a line (1/20 inch, as tesseract).
    private var maximumThickness: Int { max(2, resolution / 20) }
    /// Shorter than this is not a line (1/4 inch, as tesseract).
    private var minimumLength: Int { max(8, resolution / 4) }
    /// Breaks along a line up to this long are bridged (1/30 inch): a thin border blurred,
    /// thresholded or cut by JPEG blocks comes out dashed.
    private var largestBreak: Int { max(2, resolution / 30) }
    /// A line may have more ink next to it than this share of its own box when it crosses
    /// fewer than two others; text along a line is further away than its thickness.
    private let maximumNeighbourInk = 0.25
    /// A line thicker than this (1/60 inch, 1.2 pt) must be solid ink in the page itself: the
    /// closing step can melt a blurred bold title into a thick bar that is not one.
    private var thinLine: Double { Double(resolution) / 60 }
    private let leastSolidity = 0.85

    struct Rulings {
        var segments: [RulingSegment]
        /// The lines' pixels, to take them out of the image OCR reads; nil when there are none.
        var mask: LeptonicaImage?
    }

    func rulings(in binary: LeptonicaImage) -> Rulings {
        let closing = Int32(max(1, maximumThickness / 3))
        let thickness = Int32(maximumThickness), length = Int32(minimumLength), bridge = Int32(largestBreak)
        guard let closed = LeptonicaImage(pixCloseBrick(nil, binary.pix, closing, closing)),
              let solid = LeptonicaImage(pixOpenBrick(nil, closed.pix, thickness, thickness)),
              let hollow = LeptonicaImage(pixSubtract(nil, closed.pix, solid.pix)),
              let bridgedAcross = LeptonicaImage(pixCloseBrick(nil, hollow.pix, bridge, 1)),
              let horizontal = LeptonicaImage(pixOpenBrick(nil, bridgedAcross.pix, length, 1)),
              let bridgedDown = LeptonicaImage(pixCloseBrick(nil, hollow.pix, 1, bridge)),
              let vertical = LeptonicaImage(pixOpenBrick(nil, bridgedDown.pix, 1, length)),
              let crossings = LeptonicaImage(pixAnd(nil, horizontal.pix, vertical.pix)),
              let ink = LeptonicaImage(pixSubtract(nil, binary.pix, horizontal.pix))
        else { return Rulings(segments: [], mask: nil) }
        pixSubtract(ink.pix, ink.pix, vertical.pix)

        let segments = lines(in: horizontal, .horizontal, crossings: crossings, ink: ink, page: binary)
            + lines(in: vertical, .vertical, crossings: crossings, ink: ink, page: binary)
        guard !segments.isEmpty else { return Rulings(segments: [], mask: nil) }
        return Rulings(segments: segments, mask: LeptonicaImage(pixOr(nil, horizontal.pix, vertical.pix)))
    }

    /// The connected components of one direction's mask that pass as lines; the others are
    /// cleared from the mask.
    private func lines(in mask: LeptonicaImage, _ orientation: RulingSegment.Orientation,
                       crossings: LeptonicaImage, ink: LeptonicaImage, page: LeptonicaImage) -> [RulingSegment] {
        mask.components().compactMap { box in
            let along = orientation == .horizontal ? box.width : box.height
            let thickness = Double(mask.blackPixels(in: box)) / Double(max(along, 1))
            let isSolid = thickness <= thinLine
                || Double(page.blackPixels(in: box)) >= leastSolidity * Double(box.width * box.height)
            guard isSolid, isLine(box, orientation, thickness: thickness, crossings: crossings, ink: ink) else {
                mask.clear(box)
                return nil
            }
            let (x, y, width, height) = (Double(box.x), Double(box.y), Double(box.width), Double(box.height))
            return orientation == .horizontal
                ? RulingSegment(orientation: .horizontal, position: y + height / 2, start: x, end: x + width,
                                thickness: thickness)
                : RulingSegment(orientation: .vertical, position: x + width / 2, start: y, end: y + height,
                                thickness: thickness)
        }
    }

    private func isLine(_ box: LeptonicaImage.Rectangle, _ orientation: RulingSegment.Orientation,
                        thickness: Double, crossings: LeptonicaImage, ink: LeptonicaImage) -> Bool {
        guard thickness <= Double(maximumThickness) else { return false }
        if crossings.components(in: box).count >= 2 { return true }
        // The band beside the line, as wide as the line is thick, on both sides.
        let margin = Int(thickness.rounded(.up))
        var band = box
        if orientation == .horizontal { band.y -= margin; band.height += 2 * margin }
        else { band.x -= margin; band.width += 2 * margin }
        return Double(ink.blackPixels(in: band)) <= maximumNeighbourInk * Double(box.width * box.height)
    }
}
