import Foundation

/// Markup that markdown and HTML conversions leave in the text: headings ("## "), bold and
/// italic ("**", "***", "*…*", "<b>", "<i>"), paragraph and break tags ("<p>", "<br>"), and
/// the "[bookmark: …]" marks of Word-to-text tools. The
/// reader removes it and keeps what it meant: a heading or a wholly bold text is bold.
enum InlineMarkup {
    struct Stripped: Equatable {
        var text: String
        var isBold: Bool
    }

    static func strip(_ raw: String) -> Stripped {
        // Most lines carry no markup; the regular expressions below are not cheap.
        guard raw.contains(where: { "<*#[".contains($0) }) else {
            return Stripped(text: raw.trimmingCharacters(in: .whitespaces), isBold: false)
        }
        var text = Substring(raw)
        var isBold = false
        if let heading = text.firstMatch(of: heading) {
            text = text[heading.range.upperBound...]
            isBold = true
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(wholeBold) {
            isBold = true
        }
        let untagged = String(text)
            .replacing(breakTag, with: "\n")
            .replacing(emphasisTag, with: "")
            .replacing(strongStars, with: "")
            .replacing(bookmark, with: "")
        let result = withoutEmphasisStars(untagged)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        return Stripped(text: result, isBold: isBold)
    }

    // Built once: a regex literal is parsed again each time it is evaluated.
    private nonisolated(unsafe) static let heading = /^\s*#{1,6}\s+/
    private nonisolated(unsafe) static let wholeBold =
        /^(?:\*\*|<b>|<strong>)(?s:.*)(?:\*\*|<\/b>|<\/strong>)$/.ignoresCase()
    private nonisolated(unsafe) static let breakTag = /<\/?(?:p|br)\s*\/?>/.ignoresCase()
    private nonisolated(unsafe) static let emphasisTag = /<\/?(?:b|i|u|em|strong)\s*>/.ignoresCase()
    private nonisolated(unsafe) static let strongStars = /\*{2,3}/
    private nonisolated(unsafe) static let bookmark = /\[bookmark:[^\]]*\]/

    /// A single "*" opening or closing an emphasised span ("*(chi tiết)*"); a "*" between
    /// words or digits ("a * b") is text and stays.
    private static func withoutEmphasisStars(_ text: String) -> String {
        let characters = Array(text)
        var kept = ""
        for (index, character) in characters.enumerated() {
            guard character == "*" else { kept.append(character); continue }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            let opens = before.isWhitespace && !after.isWhitespace
            let closes = !before.isWhitespace && after.isWhitespace
            if !(opens || closes) || (before.isNumber && after.isWhitespace) { kept.append(character) }
        }
        return kept
    }
}
