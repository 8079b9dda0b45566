import CTesseract

/// A leptonica image owned by one Swift value and destroyed with it, so that no path through
/// the page preparation leaks a `PIX`.
///
/// `@unchecked Sendable`: a page's image moves whole from the thread that decodes it to the
/// worker that recognises it; two threads never use one at the same time.
final class LeptonicaImage: @unchecked Sendable {
    let pix: UnsafeMutablePointer<PIX>

    /// Takes ownership of what a leptonica function returned; nil when it returned nothing.
    init?(_ pix: UnsafeMutablePointer<PIX>?) {
        guard let pix else { return nil }
        self.pix = pix
    }

    deinit {
        var owned: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&owned)
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    var depth: Int { Int(pixGetDepth(pix)) }
    /// The resolution the file declares, 0 when it declares none.
    var declaredResolution: Int { Int(pixGetXRes(pix)) }

    /// A rectangle in pixels.
    struct Rectangle {
        var x: Int, y: Int, width: Int, height: Int

        func union(_ other: Rectangle) -> Rectangle {
            let left = min(x, other.x), top = min(y, other.y)
            return Rectangle(x: left, y: top, width: max(x + width, other.x + other.width) - left,
                             height: max(y + height, other.y + other.height) - top)
        }
    }

    /// Black pixels of a 1-bit image inside a rectangle.
    func blackPixels(in rectangle: Rectangle) -> Int {
        var count: Int32 = 0
        Self.withBox(rectangle) { pixCountPixelsInRect(pix, $0, &count, nil) }
        return Int(count)
    }

    /// Makes a rectangle of a 1-bit image white.
    func clear(_ rectangle: Rectangle) {
        Self.withBox(rectangle) { pixClearInRect(pix, $0) }
    }

    /// The bounding boxes of a 1-bit image's connected components (8-connected unless told).
    func components(in rectangle: Rectangle? = nil, connectivity: Int32 = 8) -> [Rectangle] {
        var clipped: UnsafeMutablePointer<PIX>?
        if let rectangle { Self.withBox(rectangle) { clipped = pixClipRectangle(pix, $0, nil) } }
        defer { pixDestroy(&clipped) }
        guard let source = rectangle == nil ? pix : clipped else { return [] }
        var boxes: UnsafeMutablePointer<BOXA>? = pixConnComp(source, nil, connectivity)
        defer { boxaDestroy(&boxes) }
        return (0..<boxaGetCount(boxes)).map { index in
            var x: Int32 = 0, y: Int32 = 0, width: Int32 = 0, height: Int32 = 0
            boxaGetBoxGeometry(boxes, index, &x, &y, &width, &height)
            return Rectangle(x: Int(x), y: Int(y), width: Int(width), height: Int(height))
        }
    }

    /// The smallest rectangle inside `rectangle` that holds all of a 1-bit image's ink there;
    /// nil when there is none.
    func inkBounds(in rectangle: Rectangle) -> Rectangle? {
        var found: UnsafeMutablePointer<BOX>?
        Self.withBox(rectangle) { pixClipBoxToForeground(pix, $0, nil, &found) }
        defer { boxDestroy(&found) }
        guard let found else { return nil }
        var x: Int32 = 0, y: Int32 = 0, width: Int32 = 0, height: Int32 = 0
        boxGetGeometry(found, &x, &y, &width, &height)
        return Rectangle(x: Int(x), y: Int(y), width: Int(width), height: Int(height))
    }

    static func withBox(_ rectangle: Rectangle, _ body: (UnsafeMutablePointer<BOX>) -> Void) {
        var box = boxCreate(Int32(rectangle.x), Int32(rectangle.y), Int32(rectangle.width), Int32(rectangle.height))
        defer { boxDestroy(&box) }
        if let box { body(box) }
    }

    /// The image as 8-bit grey without a colour map: the form every later step expects.
    func grey() -> LeptonicaImage? {
        if depth == 8 && pixGetColormap(pix) == nil { return LeptonicaImage(pixClone(pix)) }
        if depth == 32 { return LeptonicaImage(pixConvertRGBToLuminance(pix)) }
        return LeptonicaImage(pixConvertTo8(pix, 0))
    }
}
