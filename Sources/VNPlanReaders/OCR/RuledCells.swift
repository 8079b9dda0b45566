import CTesseract

/// The boxes a page's ruling lines enclose: the table cells, found as the connected pieces of
/// white between the lines. Tesseract lays a whole page out as columns of text lines, and in
/// a table of narrow cells with text at different heights it joins the words of neighbouring
/// cells into one line; each cell read alone, as one block, reads as printed.
enum RuledCells {
    static func boxes(enclosedBy lines: LeptonicaImage?, ink: LeptonicaImage, resolution: Int) -> [LeptonicaImage.Rectangle] {
        // Lines widened a little, so that a junction drawn with a hair's gap still closes a cell.
        let seal = Int32(max(3, resolution / 100))
        guard let lines, let sealed = LeptonicaImage(pixDilateBrick(nil, lines.pix, seal, seal)),
              let white = LeptonicaImage(pixInvert(nil, sealed.pix)) else { return [] }
        // Narrower or lower than a line of small print is the gap between a double line.
        let smallest = resolution / 8
        let (width, height) = (lines.width, lines.height)
        var boxes: [LeptonicaImage.Rectangle] = []
        for box in white.components(connectivity: 4) {
            let touchesEdge = box.x == 0 || box.y == 0 || box.x + box.width >= width || box.y + box.height >= height
            let isFrame = box.width * box.height * 2 > width * height
            guard !touchesEdge, !isFrame, box.width >= smallest, box.height >= smallest,
                  ink.blackPixels(in: box) > 0 else { continue }
            boxes.append(box)
        }
        return boxes
    }
}
