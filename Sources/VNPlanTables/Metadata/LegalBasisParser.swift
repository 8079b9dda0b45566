import Foundation
import VNPlanModel

/// The documents a plan rests on, from its "Căn cứ …" and "Thực hiện …" statements: one
/// `LegalCitation` per cited document, with its type, number, date and issuer.
///
/// A statement may wrap over several lines (PDF text) and usually cites several documents,
/// separated by ";", "," or "và", or nested in "(được sửa đổi, bổ sung tại …)". A document
/// is recognised by its type followed by a number ("Nghị định số 63/2010/NĐ-CP", "Quyết
/// định 876/QĐ-BNV"); a law may be cited by its name alone ("Luật Tổ chức chính quyền địa
/// phương ngày 16 tháng 6 năm 2025"). The issuer is the "của …" phrase, or, when that is
/// absent, what the number's suffix defines (NĐ-CP: Chính phủ; QĐ-TTg: Thủ tướng Chính phủ;
/// QH: Quốc hội).
public enum LegalBasisParser {
    public static func citations(in lines: [String]) -> [LegalCitation] {
        var citations: [LegalCitation] = []
        for statement in statements(in: lines) {
            for citation in Self.citations(inStatement: statement)
            where citation.number == nil || !citations.contains(where: { $0.number == citation.number }) {
                citations.append(citation)
            }
        }
        return citations
    }

    /// "Căn cứ …" and "Thực hiện …" statements, each joined from the lines it wraps over.
    static func statements(in lines: [String]) -> [String] {
        var statements: [String] = []
        var current: String?
        for raw in lines {
            // Most lines neither open a statement nor continue one: they are not tidied.
            if current == nil, !raw.drop(while: \.isWhitespace).contains(LegalBasisWords.opening) { continue }
            let line = tidy(raw)
            if line.isEmpty { continue }
            if line.contains(LegalBasisWords.opening) {
                if let current { statements.append(current) }
                current = line
            } else if let open = current, !endsStatement(open), !startsBlock(line) {
                current = open + " " + line
            } else {
                if let current { statements.append(current) }
                current = nil
            }
        }
        if let current { statements.append(current) }
        return statements
    }

    static func citations(inStatement statement: String) -> [LegalCitation] {
        let starts = statement.matches(of: LegalBasisWords.documentStart).filter { match in
            match.numbered != nil || isAtSeparator(statement[..<match.range.lowerBound])
        }
        return starts.indices.compactMap { index in
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : statement.endIndex
            let text = trimmedCitation(statement[starts[index].range.lowerBound..<end])
            return citation(type: String(starts[index].type), text: text)
        }
    }

    private static func citation(type: String, text: String) -> LegalCitation {
        let number = text.firstMatch(of: LegalBasisWords.documentNumber).map { String($0.number) }
        let date = DayDates.all(in: text, implicitYear: nil).first?.date.iso
        return LegalCitation(type: type, number: number, date: date,
                             issuer: issuer(in: text) ?? issuer(type: type, number: number), text: text)
    }

    /// "… của Thủ tướng Chính phủ về việc …" → "Thủ tướng Chính phủ".
    private static func issuer(in text: String) -> String? {
        guard let match = text.firstMatch(of: LegalBasisWords.issuerPhrase) else { return nil }
        let name = match.issuer.trimmingCharacters(in: Trim.issuer)
        return name.isEmpty ? nil : name
    }

    /// What a number's suffix or a law's type defines as its issuer.
    private static func issuer(type: String, number: String?) -> String? {
        if let number {
            if let issuer = LegalBasisWords.issuerBySuffix.first(where: { number.contains($0.suffix) })?.issuer { return issuer }
        }
        return LegalBasisWords.laws.contains(type) ? LegalBasisWords.lawIssuer : nil
    }

    /// The citation's own words: without the separator or the "(được sửa đổi, bổ sung tại"
    /// that leads to the next citation, and without a parenthesis left open.
    static func trimmedCitation(_ raw: Substring) -> String {
        var text = String(raw)
        var previous = ""
        while previous != text {
            previous = text
            text = text.trimmingCharacters(in: Trim.citation)
            text = text.replacing(LegalBasisWords.trailingConnective, with: "")
        }
        if let open = unmatchedParenthesis(in: text) {
            text = String(text[..<open]).trimmingCharacters(in: Trim.openParenthesis)
        }
        return text
    }

    private static func unmatchedParenthesis(in text: String) -> String.Index? {
        var open: [String.Index] = []
        for index in text.indices {
            if text[index] == "(" { open.append(index) }
            if text[index] == ")", !open.isEmpty { open.removeLast() }
        }
        return open.first
    }

    private static func isAtSeparator(_ before: Substring) -> Bool {
        before.contains(LegalBasisWords.separatorBefore)
    }

    private static func endsStatement(_ text: String) -> Bool {
        text.last.map { ".;:".contains($0) } ?? false
    }

    /// A line that starts something else: another statement, an article, a heading, a list.
    private static func startsBlock(_ line: String) -> Bool {
        line.contains(LegalBasisWords.blockStart) || line == line.uppercased()
    }

    /// Wrapped spaces joined (the reader removed any markup).
    private static func tidy(_ line: String) -> String {
        line.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What is trimmed around an issuer and a citation; built once.
    private enum Trim {
        static let issuer = CharacterSet.whitespaces.union(.init(charactersIn: ",;."))
        static let citation = CharacterSet.whitespaces.union(.init(charactersIn: ";,.:"))
        static let openParenthesis = CharacterSet.whitespaces.union(.init(charactersIn: ";,"))
    }
}
