import CTesseract

/// The resolution of a page told by the size of its letters, for images whose file states
/// none or a wrong one: the median height of letter-sized ink components is close to the
/// same fraction of an inch in every printed administrative document (12–14 pt type).
enum TextScale {
    /// Median letter height in inches: 0.077–0.093 on the sample scans and NQ-19 at 300 dpi.
    static let medianLetterHeight = 0.085
    /// Fewer letters than this say nothing reliable about the page.
    static let fewestLetters = 50

    static func resolution(of binary: LeptonicaImage) -> Int? {
        // Specks, rules and pictures are not letters.
        let tallest = max(binary.height / 20, 6)
        var count = Array(repeating: 0, count: tallest + 1)
        for box in binary.components() where box.height >= 5 && box.height <= tallest && box.width <= 4 * box.height {
            count[box.height] += 1
        }
        let letters = count.reduce(0, +)
        guard letters >= fewestLetters else { return nil }
        var seen = 0
        guard let median = count.indices.first(where: { seen += count[$0]; return 2 * seen > letters }) else { return nil }
        return Int((Double(median) / medianLetterHeight).rounded())
    }
}
