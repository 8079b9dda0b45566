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
        if let heading = text.firstMatch(of: MarkupPattern.heading) {
            text = text[heading.range.upperBound...]
            isBold = true
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(MarkupPattern.whollyBold) {
            isBold = true
        }
        let untagged = String(text)
            .replacing(MarkupPattern.breakTag, with: "\n")
            .replacing(MarkupPattern.emphasisTag, with: "")
            .replacing(MarkupPattern.boldStars, with: "")
            .replacing(MarkupPattern.bookmark, with: "")
        let result = withoutEmphasisStars(untagged)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        return Stripped(text: result, isBold: isBold)
    }

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

/// Markup patterns, built once (a literal in a function is parsed at every call).
enum MarkupPattern {
    nonisolated(unsafe) static let heading = /^\s*#{1,6}\s+/
    nonisolated(unsafe) static let whollyBold = /^(?:\*\*|<b>|<strong>)(?s:.*)(?:\*\*|<\/b>|<\/strong>)$/.ignoresCase()
    nonisolated(unsafe) static let breakTag = /<\/?(?:p|br)\s*\/?>/.ignoresCase()
    nonisolated(unsafe) static let emphasisTag = /<\/?(?:b|i|u|em|strong)\s*>/.ignoresCase()
    nonisolated(unsafe) static let boldStars = /\*{2,3}/
    nonisolated(unsafe) static let bookmark = /\[bookmark:[^\]]*\]/
}
