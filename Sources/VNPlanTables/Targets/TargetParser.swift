import Foundation
import VNPlanModel

/// Reads measurable targets: "Tối thiểu 80" → `min` 80, "đạt tối thiểu 98%" → `min` 98 %,
/// "100%" → `eq` 100 %, "trên 90%" / "ít nhất" / "từ 80% trở lên" → `min`, "không quá" /
/// "tối đa" / "dưới" → `max`, "khoảng" → `approx`.
///
/// `parse` reads a cell that states one target (an indicator's "Chỉ tiêu năm …" column,
/// whose unit comes from the "Đơn vị" column); `targets(in:)` finds every quantified goal in
/// running text (an objective: "Tỷ lệ … đạt 100%; tỷ lệ … đạt tối thiểu 80%").
public enum TargetParser {
    /// The target a cell states, or nil when it states no quantity.
    public static func parse(_ text: String, unit: String? = nil) -> Target? {
        let wording = tidy(text)
        guard let quantity = Quantity.all(in: wording).first else { return nil }
        return Target(text: wording, comparator: quantity.comparator, value: quantity.value,
                      unit: quantity.unit ?? tidyUnit(unit))
    }

    /// Every percentage or compared quantity in running text, each with the clause that
    /// states it (clauses end at ";" or a line break).
    public static func targets(in text: String) -> [Target] {
        tidy(text).split(whereSeparator: { $0 == ";" || $0.isNewline }).flatMap { clause in
            let wording = String(UnitList.tidy(clause))
            return Quantity.all(in: wording)
                .filter { $0.unit == "%" || $0.hasComparatorWord }
                .map { Target(text: wording, comparator: $0.comparator, value: $0.value, unit: $0.unit) }
        }
    }

    private static func tidy(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ") }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func tidyUnit(_ unit: String?) -> String? {
        guard let unit else { return nil }
        let trimmed = tidy(unit).replacingOccurrences(of: "\n", with: " ")
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// One number in running text, with what the words around it say about it.
struct Quantity {
    var value: Double
    var unit: String?
    var comparator: Target.Comparator
    /// A comparator was written ("tối thiểu", "trở lên"), not assumed.
    var hasComparatorWord: Bool

    /// The quantities of `text`, in order. Numbers inside dates and document numbers
    /// ("30/01/2026", "45/2020/NĐ-CP") are not quantities.
    static func all(in text: String) -> [Quantity] {
        var found: [Quantity] = []
        var previousEnd = text.startIndex
        for match in text.matches(of: TargetWords.number) {
            defer { previousEnd = match.range.upperBound }
            if isPartOfCode(match.range, in: text) { continue }
            guard let value = decimal(match.digits) else { continue }
            let before = text[previousEnd..<match.range.lowerBound].lowercased()
            let after = text[match.range.upperBound...].prefix(24).lowercased()
            let unit: String? = match.percent != nil ? "%" : (after.hasPrefix(" " + TargetWords.pointsUnit) ? TargetWords.pointsUnit : nil)
            let (comparator, written) = Self.comparator(before: before, after: after)
            found.append(Quantity(value: value, unit: unit, comparator: comparator, hasComparatorWord: written))
        }
        return found
    }

    /// The comparator the words nearest the number give, and whether any did.
    private static func comparator(before: String, after: String) -> (Target.Comparator, Bool) {
        let near = String(before.suffix(28))
        if after.contains(TargetWords.orMore) { return (.min, true) }
        if after.contains(TargetWords.orLess) { return (.max, true) }
        if near.contains(TargetWords.atMost) {
            return (.max, true)
        }
        if near.contains(TargetWords.atLeast) {
            return (.min, true)
        }
        if near.contains(TargetWords.about) { return (.approx, true) }
        return (.eq, false)
    }

    /// Vietnamese writes "98,5" for 98.5 and "1.000" for a thousand. A number beyond
    /// `largest` states no target (and 400 digits would read as infinity, which JSON cannot hold).
    private static func decimal(_ digits: Substring) -> Double? {
        var text = String(digits)
        if text.contains(TargetWords.groupedThousands) { text = text.replacingOccurrences(of: ".", with: "") }
        text = text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(text), value < largest else { return nil }
        return value
    }

    /// Integers below this are exact in a Double; no plan's target comes near it.
    private static let largest = 1e15

    private static func isPartOfCode(_ range: Range<String.Index>, in text: String) -> Bool {
        let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
        let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
        return "/-".contains(before) || "/".contains(after) || before.isLetter
            || (after.isLetter && !" %".contains(after))
    }
}
