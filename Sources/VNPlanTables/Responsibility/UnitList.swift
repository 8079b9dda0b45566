import Foundation

/// Splits a cell naming several units into the units, in the document's wording.
///
/// Lines, "- " bullets and ";" always separate units. A "," or "và" separates them only
/// where the next piece starts a new name (`UnitNames.startsUnit`), so "Phòng Kinh tế, Hạ
/// tầng và Đô thị" and "Các phòng, ban, ngành" stay whole while "Phòng Tư pháp, Công an xã"
/// becomes two. What a unit is asked to do after its name ("… tham mưu thực hiện khi …",
/// "… chủ trì") is not part of the name and is left out.
public enum UnitList {
    public static func split(_ text: String) -> [String] {
        var units: [String] = []
        for phrase in phrases(of: text) {
            for unit in splitNames(name(of: phrase)) where !units.contains(unit) {
                units.append(unit)
            }
        }
        return units
    }

    /// Lines and bullets, then ";" inside each, without bullets and closing punctuation.
    static func phrases(of text: String) -> [Substring] {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isNewline || $0 == ";" })
            .map { tidy(Substring($0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " "))) }
            .filter { !$0.isEmpty }
    }

    /// The unit part of a phrase: up to the first action word.
    static func name(of phrase: Substring) -> Substring {
        UnitNames.endOfName(in: phrase).map { tidy(phrase[..<$0]) } ?? phrase
    }

    /// Cuts at "," and " và " where a new unit name starts.
    static func splitNames(_ phrase: Substring) -> [String] {
        var units: [String] = []
        var current = ""
        for piece in phrase.split(separator: ",", omittingEmptySubsequences: false) {
            if !current.isEmpty, UnitNames.startsUnit(piece) {
                units += splitAtConjunction(current)
                current = ""
            }
            current += current.isEmpty ? String(piece) : "," + piece
        }
        units += splitAtConjunction(current)
        return units.map { String(tidy(Substring($0))) }.filter { !$0.isEmpty }
    }

    /// "Sở Tài chính và Sở Nội vụ" is two units; "Văn phòng HĐND và UBND" and "Sở Giáo dục
    /// và Đào tạo" are one: only a spelled-out head word after "và" starts a new unit.
    private static func splitAtConjunction(_ text: String) -> [String] {
        let parts = text.components(separatedBy: " và ")
        guard parts.count > 1 else { return [text] }
        var units: [String] = []
        var current = parts[0]
        for part in parts.dropFirst() {
            let piece = Substring(part)
            if UnitNames.startsUnit(piece), !UnitNames.isAbbreviation(piece.prefix { $0 != " " }) {
                units.append(current)
                current = part
            } else {
                current += " và " + part
            }
        }
        units.append(current)
        return units
    }

    /// Without surrounding spaces, a leading bullet, or trailing punctuation.
    static func tidy(_ text: Substring) -> Substring {
        var result = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
        result = result.trimmingPrefix(ListLabels.unitBullet)
        while let last = result.last, " \t\u{A0}.,;:".contains(last) { result = result.dropLast() }
        return result
    }
}
