/// Text in Unicode's Stream-Safe Text Format (UAX #15 §13): after 30 combining marks in a row a
/// combining grapheme joiner (U+034F, which renders as nothing) is inserted.
///
/// Normalization sorts a run of marks by combining class, and Swift's String compares
/// characters through that normalization: a run of thousands of marks made every comparison
/// quadratic in the run. Real text never has more than three marks on one letter.
enum MarkRuns {
    static let longestRun = 30

    static func streamSafe(_ text: String) -> String {
        // Marks start at U+0300; text without a scalar there or beyond (after Latin letters) has none.
        guard text.utf8.contains(where: { $0 >= 0xCC }) else { return text }
        var scalars = String.UnicodeScalarView()
        var run = 0
        var changed = false
        for scalar in text.unicodeScalars {
            let isMark = scalar.value >= 0x300 && !(0x1E00...0x1EFF).contains(scalar.value)
                && scalar.properties.canonicalCombiningClass != .notReordered
            if isMark, run == longestRun {
                scalars.append("\u{034F}")
                run = 0
                changed = true
            }
            run = isMark ? run + 1 : 0
            scalars.append(scalar)
        }
        return changed ? String(scalars) : text
    }
}
