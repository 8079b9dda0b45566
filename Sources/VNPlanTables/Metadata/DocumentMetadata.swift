import Foundation
import VNPlanModel

/// Reads the document's identity from its letterhead, title block and signature:
/// issuer, type, number, date, place, title, signer. Blanks left in drafts stay null.
struct DocumentMetadata {
    var info = DocumentInfo()
    /// Index of the line that names the document type; the body starts after the title.
    private(set) var typeLineIndex: Int?

    init(lines: [DocumentLines.Line]) {
        let texts = lines.map(\.text)
        typeLineIndex = texts.prefix(80).firstIndex { Self.typeName(ofHeading: $0) != nil }
        info.type = typeLineIndex.flatMap { Self.typeName(ofHeading: texts[$0]) }

        let letterhead = Array(lines.prefix(typeLineIndex ?? min(texts.count, 12)))
        var unsure: [DocumentInfo.IdentityField] = []
        if let issuerLines = Self.issuerLines(in: letterhead) {
            info.issuer = issuerLines.map(\.text).joined(separator: " ")
            if Self.readUnsurely(issuerLines) { unsure.append(.issuer) }
        } else {
            info.issuer = Self.attachingIssuer(in: texts)
        }
        if let numberLine = letterhead.first(where: { $0.text.hasPrefix("Số") }) {
            info.number = Self.documentNumber(in: numberLine.text)
            if info.number != nil, Self.readUnsurely([numberLine]) { unsure.append(.number) }
        }
        if let dateLine = letterhead.first(where: { VietnameseDate.placeAndDate(in: $0.text) != nil }),
           let (place, date) = VietnameseDate.placeAndDate(in: dateLine.text) {
            info.place = place
            info.date = date
            if date != nil, Self.readUnsurely([dateLine]) { unsure.append(.date) }
        }
        info.unsure = unsure.isEmpty ? nil : unsure
        if let typeLineIndex {
            info.title = Self.title(after: typeLineIndex, in: texts)
            if info.type == DocumentWords.decision, let adopted = Self.adoptedPlan(after: typeLineIndex, in: texts) {
                info.adopts = adopted
            }
        }
        info.signer = Self.signer(in: lines, after: typeLineIndex ?? 0)
    }

    private static let headingTrim = CharacterSet.whitespaces.union(.punctuationCharacters)

    static func typeName(ofHeading line: String) -> String? {
        let heading = line.trimmingCharacters(in: headingTrim)
        guard heading == heading.uppercased(), heading.count <= 40 else { return nil }
        return DocumentWords.types.first { heading == $0.heading || heading.hasPrefix($0.heading + " ") }?.name
    }

    /// National motto, separators and the number/date lines are not the issuer.
    private static func issuerLines(in letterhead: [DocumentLines.Line]) -> [DocumentLines.Line]? {
        let names = letterhead.prefix { !$0.text.hasPrefix("Số") }.filter { line in
            let folded = HeaderText.fold(line.text)
            return isUppercase(line.text)
                && !DocumentWords.motto.contains(where: folded.contains)
                && SectionLabel.leading(line.text) == nil && !line.text.contains("|")
        }
        return names.isEmpty ? nil : names
    }

    /// Below this confidence of OCR in a letterhead word, the field it is part of does not
    /// name the plan: a clean scan's letterhead reads at 0.85 and more, a misread one
    /// (a seal over the words, a signature stamp) at 0.3 to 0.65.
    static let leastIdentityConfidence = 0.7

    private static func readUnsurely(_ lines: [DocumentLines.Line]) -> Bool {
        lines.contains { ($0.confidence ?? 1) < leastIdentityConfidence }
    }

    /// A letterhead the extraction lost: the appendix names the body that issued the plan,
    /// "(Kèm theo Kế hoạch số 169/KH-UBND ngày … của Ủy ban nhân dân thị trấn Phú Mỹ)".
    private static func attachingIssuer(in texts: [String]) -> String? {
        for line in texts where DocumentWords.attachmentOpeners.contains(where: line.hasPrefix) {
            guard let match = line.firstMatch(of: DocumentWords.attachingIssuer) else { continue }
            let issuer = String(match.issuer)
            // "của Chủ tịch Ủy ban nhân dân …" names the signer's office, not the body.
            return issuer.hasPrefix(DocumentWords.chairman) ? nil : issuer
        }
        return nil
    }

    /// "Số: 169/KH-UBND" → "169/KH-UBND"; "Số:     /QĐ-UBND" (a draft) → nil.
    static func documentNumber(in line: String) -> String? {
        guard let match = line.firstMatch(of: DocumentWords.number) else { return nil }
        return String(match.number.filter { !$0.isWhitespace })
    }

    /// Title lines follow the type heading until the recitals, the issuing authority or a separator.
    private static func title(after index: Int, in texts: [String]) -> String? {
        var parts: [String] = []
        for line in texts.dropFirst(index + 1).prefix(6) {
            let folded = HeaderText.fold(line)
            if DocumentWords.recitalOpeners.contains(where: folded.hasPrefix)
                || line.allSatisfy({ "-_=*. ".contains($0) }) || SectionLabel.leading(line) != nil
                || line.hasPrefix("(")
                || isUppercase(line) && !parts.isEmpty && !parts.allSatisfy(isUppercase) { break }
            parts.append(line)
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func isUppercase(_ line: String) -> Bool {
        line == line.uppercased() && line.contains(where: \.isLetter)
    }

    /// A Quyết định that adopts a Kế hoạch carries the plan after its articles.
    private static func adoptedPlan(after index: Int, in texts: [String]) -> AdoptedDocument? {
        guard let planIndex = texts.indices.dropFirst(index + 1).first(where: {
            typeName(ofHeading: texts[$0]) == DocumentWords.plan
        }) else { return nil }
        let attachedNumber = texts.dropFirst(planIndex + 1).prefix(6).lazy.compactMap {
            $0.firstMatch(of: DocumentWords.attachedPlanNumber).map { String($0.number) }
        }.first
        return AdoptedDocument(type: DocumentWords.plan, number: attachedNumber, title: title(after: planIndex, in: texts))
    }

    /// The signature block: a title line ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "CHỦ TỊCH")
    /// after the body, the uppercase lines under it, then the signer's name.
    private static func signer(in lines: [DocumentLines.Line], after start: Int) -> Signer? {
        let candidates = lines.indices.dropFirst(start + 1)
        guard let first = candidates.first(where: { DocumentWords.isSignatureTitle(lines[$0].text) }) else { return nil }
        var titleLines: [String] = []
        var name: String?
        // The name may stand under the signature table, as a paragraph of its own.
        for line in lines[first...].prefix(10) where line.column == lines[first].column || line.column == nil {
            let text = line.text
            if isUppercase(text) && name == nil {
                if !text.hasPrefix("(") { titleLines.append(text) }
            } else if text.hasPrefix("(") || text.hasPrefix("[") {
                continue
            } else if let person = personName(in: text) {
                name = person
                break
            } else {
                break
            }
        }
        guard !titleLines.isEmpty else { return nil }
        return Signer(title: titleLines.joined(separator: " "), name: name)
    }


    /// Two to six capitalised words: "Hoàng Văn Thuân"; words in capitals after them are the
    /// seal's or the signing software's text drawn over the line ("Hoàng Văn Thuân PHÓ GIÁM ĐỐC").
    private static func personName(in text: String) -> String? {
        let words = text.split(separator: " ")
        let name = words.prefix { word in
            word.first?.isUppercase == true && word.allSatisfy(\.isLetter) && (word.count == 1 || word.dropFirst().contains(where: \.isLowercase))
        }
        let rest = words.dropFirst(name.count)
        guard (2...6).contains(name.count), rest.allSatisfy({ $0 == $0.uppercased() }) else { return nil }
        return name.joined(separator: " ")
    }
}

/// Vietnamese dates as documents write them.
enum VietnameseDate {
    /// "Phú Mỹ, ngày 04 tháng 03 năm 2024" → ("Phú Mỹ", "2024-03-04"); a blank day or month
    /// (a draft) gives a nil date but keeps the place.
    static func placeAndDate(in line: String) -> (place: String?, date: String?)? {
        guard let match = line.firstMatch(of: DocumentWords.placeAndDate) else { return nil }
        let place = String(match.place).trimmingCharacters(in: .whitespaces)
        guard let day = match.day.flatMap({ Int($0) }), let month = match.month.flatMap({ Int($0) }),
              let year = Int(match.year) else { return (place, nil) }
        return (place, isoDate(year: year, month: month, day: day))
    }

    /// YYYY-MM-DD when the day exists in the calendar, else nil.
    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        CalendarDate(year: year, month: month, day: day)?.iso
    }
}
