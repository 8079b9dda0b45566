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
        guard raw.utf8.contains(where: { $0 == 0x3C || $0 == 0x2A || $0 == 0x23 || $0 == 0x5B }) else {
            return Stripped(text: String(raw.withoutSurroundingSpaces), isBold: false)
        }
        var text = Substring(raw)
        var isBold = false
        if let heading = text.firstMatch(of: heading) {
            text = text[heading.range.upperBound...]
            isBold = true
        }
        if text.withoutSurroundingSpaces.contains(wholeBold) {
            isBold = true
        }
        let result = withoutEmphasisStars(withoutTags(text))
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.withoutSurroundingSpaces }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
        return Stripped(text: result, isBold: isBold)
    }

    // Built once: a regex literal is parsed again each time it is evaluated.
    private nonisolated(unsafe) static let heading = /^\s*#{1,6}\s+/
    private nonisolated(unsafe) static let wholeBold =
        /^(?:\*\*|<b>|<strong>)(?s:.*)(?:\*\*|<\/b>|<\/strong>)$/.ignoresCase()

    /// Tags that break a line ("<p>", "<br/>") and tags of emphasis ("<b>", "</strong>").
    private static let breakTags: Set<String> = ["p", "br"]
    private static let emphasisTags: Set<String> = ["b", "i", "u", "em", "strong"]
    private static let bookmarkOpening = "[bookmark:"

    /// One pass over the text: "<p>" and "<br>" become line breaks, emphasis tags, runs of
    /// "**" or "***" and "[bookmark: …]" marks go; everything else is kept.
    private static func withoutTags(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "<", let (end, isBreak) = tag(in: text, at: index) {
                if isBreak { result.append("\n") }
                index = end
            } else if character == "*" {
                let run = text[index...].prefix { $0 == "*" }
                // Two or three stars are markup; a longer run loses them three, then two, at a time.
                var left = run.count
                while left >= 2 { left -= min(3, left) }
                result += String(repeating: "*", count: left)
                index = run.endIndex
            } else if character == "[", text[index...].hasPrefix(bookmarkOpening),
                      let close = text[index...].firstIndex(of: "]") {
                index = text.index(after: close)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result
    }

    /// The tag starting at `start` ("<b>", "</i>", "<br />"), where it ends and whether it
    /// breaks the line; nil when the "<" opens no tag of markup.
    private static func tag(in text: Substring, at start: String.Index) -> (end: String.Index, isBreak: Bool)? {
        var index = text.index(after: start)
        if index < text.endIndex, text[index] == "/" { index = text.index(after: index) }
        let name = text[index...].prefix { $0.isASCII && $0.isLetter }
        let lowered = name.lowercased()
        let isBreak = breakTags.contains(lowered)
        guard isBreak || emphasisTags.contains(lowered) else { return nil }
        index = text[name.endIndex...].firstIndex { !$0.isWhitespace } ?? text.endIndex
        if isBreak, index < text.endIndex, text[index] == "/" { index = text.index(after: index) }
        guard index < text.endIndex, text[index] == ">" else { return nil }
        return (text.index(after: index), isBreak)
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

extension StringProtocol {
    /// Without the whitespace around it. Foundation's `trimmingCharacters` bridges the whole
    /// string and cost more than reading the line; this looks at the ends only.
    var withoutSurroundingSpaces: SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return self[endIndex...] }
        return self[first...last]
    }
}
