import VNPlanModel

/// The lines of a page outside its ruled tables, made into borderless tables (a
/// "stream": columns found from the whitespace that runs down between aligned words,
/// rows from where cells start) and paragraphs.
struct StreamLayout {
    let lines: [TextLine]
    let scale: PageScale
    let page: PageGeometry
    let carriedGutters: [ClosedRange<Double>]?
    /// The page's text area, measured once.
    private let textLeft: Double
    private let textRight: Double

    init(lines: [TextLine], scale: PageScale, page: PageGeometry, carriedGutters: [ClosedRange<Double>]? = nil) {
        self.lines = lines
        self.scale = scale
        self.page = page
        self.carriedGutters = carriedGutters
        textLeft = lines.map(\.box.x).min() ?? 0
        textRight = lines.map(\.box.maxX).max() ?? page.width
    }

    /// A gutter narrower than this share of the page's text height is a word gap.
    static let gutterFraction = 0.3
    /// A gutter this many text heights wide separates columns after two lines already.
    static let wideGutterFraction = 2.0

    func blocks() -> [PageLayout.PositionedBlock] {
        var blocks: [PageLayout.PositionedBlock] = []
        var paragraphLines: [TextLine] = []
        // Only the page's first lines (a page number aside) may go on the table the previous
        // page ended with.
        var atPageTop = true
        var index = 0
        while index < lines.count {
            let carried = atPageTop ? carriedGutters : nil
            if let region = StreamRegion.grow(from: index, in: lines, scale: scale, textLeft: textLeft,
                                              textRight: textRight, carriedGutters: carried) {
                blocks += paragraphs(of: paragraphLines)
                paragraphLines = []
                blocks.append(PageLayout.PositionedBlock(block: .table(region.table(page: page, scale: scale)),
                                                         top: lines[index].box.y, gutters: region.gutters,
                                                         continuesPreviousPage: region.gutters == carried))
                index = region.end
                atPageTop = false
            } else {
                atPageTop = atPageTop && isPageNumber(lines[index])
                paragraphLines.append(lines[index])
                index += 1
            }
        }
        blocks += paragraphs(of: paragraphLines)
        return blocks
    }

    // MARK: Paragraphs

    private func paragraphs(of lines: [TextLine]) -> [PageLayout.PositionedBlock] {
        guard !lines.isEmpty else { return [] }
        let (left, right) = (textLeft, textRight)
        let pitch = medianPitch(of: lines)
        var groups: [[TextLine]] = []
        for line in lines where !isPageNumber(line) {
            if let previous = groups.last?.last,
               !startsParagraph(line, after: previous, left: left, right: right, pitch: pitch) {
                groups[groups.count - 1].append(line)
            } else {
                groups.append([line])
            }
        }
        return groups.map { group in
            let box = group.dropFirst().reduce(group[0].box) { $0.union($1.box) }
            let paragraph = Paragraph(text: group.map(\.text).joined(separator: " "),
                                      isBold: group.allSatisfy(\.isBold),
                                      isCentered: isCentered(group[0], left: left, right: right),
                                      provenance: Provenance(page: page.number, boundingBox: box,
                                                             ocrConfidence: group.compactMap(\.confidence).min()))
            return PageLayout.PositionedBlock(block: .paragraph(paragraph), top: box.y)
        }
    }

    private func startsParagraph(_ line: TextLine, after previous: TextLine, left: Double, right: Double,
                                 pitch: Double) -> Bool {
        let em = scale.em
        if line.box.y - previous.box.y > pitch * 1.3 { return true }
        if isCentered(line, left: left, right: right) != isCentered(previous, left: left, right: right) { return true }
        if line.isBold != previous.isBold { return true }
        if let first = line.firstWord?.text, WrappedText.opensListItem(first) { return true }
        // A first-line indent, or a line that stops short of the margin, ends the paragraph.
        if line.box.x > previous.box.x + em { return true }
        let nextWidth = line.firstWord?.box.width ?? 0
        return previous.box.maxX + nextWidth + em < right
    }

    private func isCentered(_ line: TextLine, left: Double, right: Double) -> Bool {
        let em = scale.em
        return line.box.x > left + 2 * em && abs(line.box.midX - (left + right) / 2) < 1.5 * em
    }

    /// A lone number in the top or bottom margin is the page's number, not its text.
    private func isPageNumber(_ line: TextLine) -> Bool {
        guard line.words.count == 1, let word = line.words.first,
              word.text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "–" }), word.text.count <= 4 else { return false }
        return line.box.y < page.height * 0.1 || line.box.maxY > page.height * 0.9
    }

    private func medianPitch(of lines: [TextLine]) -> Double {
        let pitches = zip(lines, lines.dropFirst()).map { $1.box.y - $0.box.y }.filter { $0 > 0 }.sorted()
        return pitches.isEmpty ? scale.em * 1.2 : max(pitches[pitches.count / 2], scale.em)
    }
}
