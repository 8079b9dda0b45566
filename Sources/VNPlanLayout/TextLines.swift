import VNPlanModel

/// Words that share a baseline, left to right.
struct TextLine {
    var words: [PageWord]
    var box: BoundingBox

    init(words: [PageWord]) {
        self.words = words.sorted { $0.box.x < $1.box.x }
        box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
    }

    /// The line's text: a space where a gap separates two words, none where a word was cut
    /// in two pieces (a change of font inside a word leaves no gap).
    var text: String {
        var text = ""
        var previous: PageWord?
        for word in words {
            if let previous, word.box.x - previous.box.maxX > Self.spaceFraction * lineHeight {
                text += " "
            }
            text += word.text
            previous = word
        }
        return text
    }

    var lineHeight: Double { box.height }

    /// The line's first word as printed, with the box it covers: the pieces a change of font
    /// cut it into ("qu" "ả" "/S" "ả" "n" in a Word export) joined again.
    var firstWord: (text: String, box: BoundingBox)? {
        guard var box = words.first?.box else { return nil }
        var text = ""
        for word in words {
            if !text.isEmpty, word.box.x - box.maxX > Self.spaceFraction * lineHeight { break }
            text += word.text
            box = box.union(word.box)
        }
        return (text, box)
    }

    /// A gap wider than this share of the line's height is a space between words.
    static let spaceFraction = 0.08

    var isBold: Bool {
        let bold = words.filter(\.isBold).reduce(0) { $0 + $1.text.count }
        return 2 * bold > words.reduce(0) { $0 + $1.text.count }
    }

    /// The x-ranges the line's words cover, a gap narrower than `minimum` (a word space)
    /// counted as covered.
    func coveredRanges(bridging minimum: Double) -> [ClosedRange<Double>] {
        var ranges: [ClosedRange<Double>] = []
        for word in words {
            if let last = ranges.last, word.box.x - last.upperBound < minimum {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, word.box.maxX)
            } else {
                ranges.append(word.box.x...word.box.maxX)
            }
        }
        return ranges
    }

    /// The lowest OCR confidence of the line's words, nil for a text layer.
    var confidence: Double? { words.compactMap(\.confidence).min() }

    /// Groups words into lines: a word joins the line whose first word's middle is within
    /// 0.4 of a word's height of its own (a fixed band, so lines of neighbouring columns set at
    /// other heights never chain into one). Sorting makes it O(n log n).
    static func lines(of words: [PageWord]) -> [TextLine] {
        let sorted = words.sorted { ($0.box.midY, $0.box.x) < ($1.box.midY, $1.box.x) }
        var lines: [TextLine] = []
        var current: [PageWord] = []
        for word in sorted {
            if let first = current.first,
               abs(word.box.midY - first.box.midY) <= 0.4 * max(first.box.height, word.box.height) {
                current.append(word)
            } else {
                if !current.isEmpty { lines.append(TextLine(words: current)) }
                current = [word]
            }
        }
        if !current.isEmpty { lines.append(TextLine(words: current)) }
        return lines
    }
}

/// The page's own measure: the median height of its words, against which every distance
/// of the Layout stage is judged, and the median space between the words of a line.
struct PageScale {
    let em: Double
    /// The page's usual word space. A text layer's word boxes reach across the letters'
    /// side bearings, a scan's boxes only across their ink, so the space between two words
    /// is a fifth of the text height in one and half of it in the other.
    let wordSpace: Double

    init(words: [PageWord], unitsPerInch: Double) {
        let heights = words.map(\.box.height).filter { $0 > 0 }.sorted()
        // 12 pt when the page has no words to measure.
        let em = heights.isEmpty ? unitsPerInch / 6 : heights[heights.count / 2]
        self.em = em
        // Gaps wider than a text height are between columns, not words.
        let spaces = TextLine.lines(of: words).flatMap { line in
            zip(line.words, line.words.dropFirst()).map { $1.box.x - $0.box.maxX }
        }.filter { $0 > 0 && $0 < em }.sorted()
        wordSpace = spaces.isEmpty ? 0 : spaces[spaces.count / 2]
    }

    /// Narrower than this, whitespace on a line is a word space; wider, it may be a gutter
    /// between columns: 0.3 of the text height, or half as much again as the page's own
    /// word space when its words are set wider apart.
    var columnGap: Double { max(StreamLayout.gutterFraction * em, 1.5 * wordSpace) }
}
