import CTesseract

/// The boxes a page's ruling lines enclose: the table cells, found as the connected pieces of
/// white between the lines. Tesseract lays a whole page out as columns of text lines, and in
/// a table of narrow cells with text at different heights it joins the words of neighbouring
/// cells into one line; each cell read alone, as one block, reads as printed.
enum RuledCells {
    /// A cell's text to read: the cell's inside, or, for a cell of one line, the line with a
    /// margin, read as a line (tesseract reads a lone "5" in a block as "s").
    struct Cell {
        var region: LeptonicaImage.Rectangle
        var isOneLine: Bool
    }

    static func cells(enclosedBy lines: LeptonicaImage?, ink: LeptonicaImage, resolution: Int) -> [Cell] {
        // Lines widened a little, so that a junction drawn with a hair's gap still closes a cell.
        let seal = Int32(max(3, resolution / 100))
        guard let lines, let sealed = LeptonicaImage(pixDilateBrick(nil, lines.pix, seal, seal)),
              let white = LeptonicaImage(pixInvert(nil, sealed.pix)) else { return [] }
        // Narrower or lower than a line of small print is the gap between a double line.
        let smallest = resolution / 8
        let (width, height) = (lines.width, lines.height)
        // Taller ink than this (1/4 inch) is more than one line of body text.
        let oneLine = resolution / 4, margin = resolution / 8
        var cells: [Cell] = []
        for box in white.components(connectivity: 4) {
            let touchesEdge = box.x == 0 || box.y == 0 || box.x + box.width >= width || box.y + box.height >= height
            let isFrame = box.width * box.height * 2 > width * height
            guard !touchesEdge, !isFrame, box.width >= smallest, box.height >= smallest,
                  let inked = ink.inkBounds(in: box) else { continue }
            if inked.height <= oneLine {
                let x = max(box.x, inked.x - margin), y = max(box.y, inked.y - margin)
                let line = LeptonicaImage.Rectangle(x: x, y: y,
                                                    width: min(box.x + box.width, inked.x + inked.width + margin) - x,
                                                    height: min(box.y + box.height, inked.y + inked.height + margin) - y)
                cells.append(Cell(region: line, isOneLine: true))
            } else {
                cells.append(Cell(region: box, isOneLine: false))
            }
        }
        return cells
    }
}
