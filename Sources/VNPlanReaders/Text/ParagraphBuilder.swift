import Foundation
import VNPlanModel

/// Paragraphs from lines of running text (everything outside tables).
///
/// Earlier extractions break lines where the page or the converter did, not where the
/// author did. A line is joined to the one before when it plainly continues it: it starts
/// in lowercase after a line without closing punctuation, or (in `wrapped` text, where every
/// line was cut at the page's width) it follows a full-width line. Headings, letterhead
/// lines (in capitals) and list items always start a paragraph.
struct TextParagraphBuilder {
    /// Lines were cut at the page width (PDF text); otherwise each line is the author's.
    var wrapped: Bool
    /// Markdown: a line ending in two spaces is a line break inside the paragraph.
    var markdown: Bool

    /// Full-width lines in wrapped text are at least this long; shorter ones ended where the
    /// author ended them (letterhead, signature, headings).
    static let fullWidth = 45

    func paragraphs(of lines: [TextLine]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        // `raw` keeps the markup: bold opened on one line may close on the next
        // ("**Ủy ban" / "nhân dân**").
        var current: (text: String, raw: String, page: Int?, isBold: Bool, hardBreak: Bool)?
        func close() {
            if let open = current {
                paragraphs.append(paragraph(open.text, open.page, open.isBold || InlineMarkup.strip(open.raw).isBold))
            }
            current = nil
        }
        for line in lines {
            let hardBreak = markdown && line.text.hasSuffix("  ")
            let stripped = InlineMarkup.strip(line.text)
            guard !stripped.text.isEmpty else {
                // A blank line ends the paragraph.
                close()
                continue
            }
            if let open = current, continues(open.text, with: stripped.text, afterHardBreak: open.hardBreak) {
                let separator = open.hardBreak ? "\n" : " "
                current = (open.text + separator + stripped.text, open.raw + " " + line.text, open.page,
                           open.isBold && stripped.isBold, hardBreak)
            } else {
                close()
                current = (stripped.text, line.text, line.page, stripped.isBold, hardBreak)
            }
        }
        close()
        return paragraphs
    }

    private func paragraph(_ text: String, _ page: Int?, _ isBold: Bool) -> Paragraph {
        Paragraph(text: text, isBold: isBold, provenance: Provenance(page: page))
    }

    private func continues(_ previous: String, with next: String, afterHardBreak: Bool) -> Bool {
        if afterHardBreak { return true }
        if LineShape.startsBlock(next) || LineShape.isUppercase(next) || LineShape.isUppercase(previous) {
            return false
        }
        if LineShape.endsSentence(previous) { return false }
        if next.first?.isLowercase == true || next.first?.isNumber == true { return true }
        if LineShape.endsMidPhrase(previous) { return true }
        return wrapped && (previous.split(separator: "\n").last?.count ?? 0) >= Self.fullWidth
    }
}

/// What the look of a line says about where it belongs.
enum LineShape {
    /// A list item or a numbered heading: "- ", "2.1. ", "IV. ", "b) ". What a line says
    /// (a citation, an article) is the plan logic's to read; the shape is the reader's.
    static func startsBlock(_ line: String) -> Bool {
        line.contains(listItem)
    }

    private nonisolated(unsafe) static let listItem = /^\s*(?:[-+•–]\s|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|[a-zđ]\)\s)/
    private nonisolated(unsafe) static let rowLabel = /^(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.?|[A-ZĐ]\.?|[a-zđ][.)]?)$/

    /// "QUYẾT ĐỊNH", "ỦY BAN NHÂN DÂN": no lowercase letter, and some letters.
    static func isUppercase(_ line: String) -> Bool {
        line.contains(where: \.isLetter) && !line.contains(where: \.isLowercase)
    }

    /// Ends with a comma or a word that cannot end a sentence ("của", "và", "số"…): the
    /// phrase goes on in the next line.
    static func endsMidPhrase(_ line: String) -> Bool {
        let trimmed = line.withoutSurroundingSpaces
        if trimmed.hasSuffix(",") { return true }
        guard let word = trimmed.split(separator: " ").last else { return false }
        return connectives.contains(word.lowercased())
    }

    private static let connectives: Set<String> = [
        "và", "của", "số", "về", "tại", "cho", "các", "với", "theo", "trong", "đến", "từ", "ngày",
        "tháng", "năm", "là", "được", "có", "để", "những", "hoặc", "trên", "bằng", "do", "mà",
    ]

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.withoutSurroundingSpaces.last else { return true }
        return ".;:!?".contains(last)
    }

    /// A row label alone in a cell: "1", "1.", "2.1.3", "IV", "A", "a", "đ", "a)".
    static func isRowLabel(_ text: String) -> Bool {
        text.withoutSurroundingSpaces.contains(rowLabel)
    }
}
