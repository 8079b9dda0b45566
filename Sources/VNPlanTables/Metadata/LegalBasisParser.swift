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
            let line = tidy(raw)
            if line.isEmpty { continue }
            if line.contains(opening) {
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
        let starts = statement.matches(of: documentStart).filter { match in
            match.numbered != nil || isAtSeparator(statement[..<match.range.lowerBound])
        }
        return starts.indices.compactMap { index in
            let end = index + 1 < starts.count ? starts[index + 1].range.lowerBound : statement.endIndex
            let text = trimmedCitation(statement[starts[index].range.lowerBound..<end])
            return citation(type: String(starts[index].type), text: text)
        }
    }

    private static func citation(type: String, text: String) -> LegalCitation {
        let number = text.firstMatch(of: documentNumber).map { String($0.number) }
        let date = DayDates.all(in: text, implicitYear: nil).first?.date.iso
        return LegalCitation(type: type, number: number, date: date,
                             issuer: issuer(in: text) ?? issuer(type: type, number: number), text: text)
    }

    /// "… của Thủ tướng Chính phủ về việc …" → "Thủ tướng Chính phủ".
    private static func issuer(in text: String) -> String? {
        guard let match = text.firstMatch(of: issuerPhrase) else { return nil }
        let name = match.issuer.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ",;.")))
        return name.isEmpty ? nil : name
    }

    /// What a number's suffix or a law's type defines as its issuer.
    private static func issuer(type: String, number: String?) -> String? {
        if let number {
            if number.contains(/-TTg\b/) { return "Thủ tướng Chính phủ" }
            if number.contains(/-CP\b/) { return "Chính phủ" }
            if number.contains(/\/QH\d*\b/) { return "Quốc hội" }
            if number.contains(/\/UBTVQH\d*\b/) { return "Ủy ban Thường vụ Quốc hội" }
        }
        return type == "Luật" || type == "Bộ luật" ? "Quốc hội" : nil
    }

    /// The citation's own words: without the separator or the "(được sửa đổi, bổ sung tại"
    /// that leads to the next citation, and without a parenthesis left open.
    static func trimmedCitation(_ raw: Substring) -> String {
        var text = String(raw)
        var previous = ""
        while previous != text {
            previous = text
            text = text.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ";,.:")))
            text = text.replacing(trailingConnective, with: "")
        }
        if let open = unmatchedParenthesis(in: text) {
            text = String(text[..<open]).trimmingCharacters(in: .whitespaces.union(.init(charactersIn: ";,")))
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
        before.contains(separatorBefore)
    }

    private static func endsStatement(_ text: String) -> Bool {
        text.last.map { ".;:".contains($0) } ?? false
    }

    /// A line that starts something else: another statement, an article, a heading, a list.
    private static func startsBlock(_ line: String) -> Bool {
        line.contains(blockStart) || line == line.uppercased()
    }

    /// Markup and Word bookmarks that earlier extractions leave, and wrapped spaces.
    private static func tidy(_ line: String) -> String {
        var text = line.precomposedStringWithCanonicalMapping
        if text.contains(where: { $0 == "[" || $0 == "*" || $0 == "<" }) {
            text = text.replacing(bookmark, with: "").replacing(markup, with: "")
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // Regexes are built once: a literal is parsed again each time it is evaluated.
    private nonisolated(unsafe) static let separatorBefore = /(?:^|[;,(]|\svà|^\s*(?:Căn cứ|Thực hiện))\s*$/
    private nonisolated(unsafe) static let blockStart =
        /^(?:Căn cứ|Thực hiện|Theo đề nghị|Xét|Điều\s+\d|QUYẾT ĐỊNH|[IVX]+\.|\d+\.|[a-zđ]\)|[-+•])/
    private nonisolated(unsafe) static let bookmark = /\[bookmark:[^\]]*\]/
    private nonisolated(unsafe) static let markup = /\*\*|<\/?[biup]>/

    private nonisolated(unsafe) static let opening = /^(?:Căn cứ|Thực hiện)\s/
    private nonisolated(unsafe) static let documentStart =
        /(?<type>Bộ luật|Luật|Hiến pháp|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị|Kế hoạch|Công văn|Văn bản|Hướng dẫn|Thông báo|Công điện|Kết luận|Quy định|Đề án|Chương trình)(?:(?<numbered>\s+số\s*:?\s*\d|\s+\d+[\p{L}\d]*[\/\-])|\s+\p{Lu})/
    private nonisolated(unsafe) static let documentNumber =
        /(?<number>\d+[\p{L}\d]*(?:[\/\-–][\p{L}\d.&]*\p{L}[\p{L}\d.&]*|\/\d{4})+(?:[\/\-][\p{L}\d]+)*)/
    private nonisolated(unsafe) static let issuerPhrase =
        /\scủa\s+(?<issuer>.+?)(?=\s+(?:về|quy định|ban hành|hướng dẫn|phê duyệt|sửa đổi|tổ chức|triển khai|thực hiện|hợp nhất|thông qua|công bố|giao|điều chỉnh|bãi bỏ|V\/v|v\/v|đối với|trên địa bàn|tại|năm\s+\d{4}\s*(?:về|$))\s|\s*[(;]|\s*$)/
    private nonisolated(unsafe) static let trailingConnective =
        /(?:\s+và(?:\s+các)?|\s*\(?\s*(?:được\s+)?(?:sửa đổi,?\s*bổ sung|thay thế|hướng dẫn)\s*(?:tại|bởi|theo)?|\s+tại)$/
}
