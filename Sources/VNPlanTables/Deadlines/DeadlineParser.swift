import Foundation
import VNPlanModel

/// Reads the "Thời gian thực hiện" cell of a plan row into a structured `Deadline`.
///
/// `parse(_:planYear:)` keeps the cell's wording in `text` and adds what it can tell:
/// - `by`: "Trước 30/01/2026", "Chậm nhất ngày 15 tháng 8 năm 2025" → `end`;
/// - `date`: "Ngày 15/8/2025" → `start` = `end`;
/// - `period`: "Quý IV năm 2025", "Tháng 10 năm 2025", "Tháng 03/2024", "Trong năm 2025",
///   "Năm 2024", "6 tháng đầu năm" → `start`…`end`;
/// - `recurring`: "Thường xuyên", "Hàng năm" (P1Y), "Hàng quý" (P3M), "Hàng tuần" (P1W),
///   "Ngày 05 hàng tháng" (P1M), "Định kỳ 06 tháng/01 lần" (P6M) → `every`, and the plan
///   year as `start`…`end` when it is known;
/// - `conditional`: "Theo Kế hoạch", "Khi có yêu cầu", "Đột xuất …";
/// - a cell with several dated steps (one per line or bullet, or separated by ";") keeps each
///   as a milestone and spans them all;
/// - `unknown` otherwise, with the text kept.
///
/// A date without a year ("Quý III", "trước 30/01") takes `planYear`; without one it stays
/// open rather than guessed. Every date written is a real calendar date.
public enum DeadlineParser {
    public static func parse(_ text: String, planYear: Int?) -> Deadline {
        let wording = DeadlineWording(text)
        let parts = wording.steps.map { single($0, planYear: planYear) }
        let dated = parts.filter { $0.isDated }
        if dated.count >= 2 {
            return combined(dated, text: wording.text)
        }
        var deadline = single(wording.text, planYear: planYear)
        deadline.text = wording.text
        return deadline
    }

    /// Several dated steps: the cell as a whole runs to the last of them.
    private static func combined(_ steps: [Deadline], text: String) -> Deadline {
        let allBy = steps.allSatisfy { $0.kind == .by || $0.kind == .date }
        let starts = steps.compactMap(\.start).sorted()
        let ends = steps.compactMap(\.end).sorted()
        return Deadline(text: text, kind: allBy ? .by : .period,
                        start: allBy ? nil : starts.first, end: ends.last, milestones: steps)
    }

    /// One deadline expression. The order of the rules is the order of precedence: a
    /// recurrence words the whole cell ("trước ngày 15/12 hàng năm" repeats yearly), a
    /// day date is more precise than a quarter or a month, and wording that defers to
    /// something else is only conditional when no date can be read.
    static func single(_ text: String, planYear: Int?) -> Deadline {
        let phrase = DeadlinePhrase(text)
        let year = phrase.statedYear ?? planYear
        if let every = phrase.recurrence {
            return Deadline(text: text, kind: .recurring, start: year.flatMap { yearSpan($0).start },
                            end: year.flatMap { yearSpan($0).end }, every: every.interval)
        }
        let days = phrase.dayDates(implicitYear: year)
        if let span = phrase.dayRange(days) {
            return Deadline(text: text, kind: .period, start: span.start.iso, end: span.end.iso)
        }
        if let last = days.last {
            return phrase.isLimit
                ? Deadline(text: text, kind: .by, end: last.iso)
                : Deadline(text: text, kind: .date, start: last.iso, end: last.iso)
        }
        if let span = phrase.quarters(year: year) ?? phrase.months(year: year)
            ?? phrase.halfYear(year: year) ?? phrase.years() {
            return limited(span, text: text, phrase: phrase)
        }
        if phrase.isConditional {
            return Deadline(text: text, kind: .conditional)
        }
        return Deadline(text: text, kind: .unknown)
    }

    /// A span read as a limit: "trước tháng 10" ends before October starts, "chậm nhất
    /// tháng 10" at its end; otherwise the span itself is the period.
    private static func limited(_ span: DateSpan, text: String, phrase: DeadlinePhrase) -> Deadline {
        switch phrase.limit {
        case .before: Deadline(text: text, kind: .by, end: span.start.previousDay?.iso)
        case .atTheLatest: Deadline(text: text, kind: .by, end: span.end.iso)
        case nil: Deadline(text: text, kind: .period, start: span.start.iso, end: span.end.iso)
        }
    }

    static func yearSpan(_ year: Int) -> (start: String?, end: String?) {
        (CalendarDate(year: year, month: 1, day: 1)?.iso, CalendarDate(year: year, month: 12, day: 31)?.iso)
    }
}

extension Deadline {
    /// Carries a date a calendar or an agenda can place.
    var isDated: Bool {
        switch kind {
        case .date, .by, .period: start != nil || end != nil
        case .recurring, .conditional, .unknown: false
        }
    }
}

struct DateSpan {
    var start: CalendarDate
    var end: CalendarDate
}

/// The cell's wording, whitespace tidied, and the steps it lists.
struct DeadlineWording {
    /// Lines trimmed, runs of spaces collapsed, empty lines dropped.
    let text: String
    /// One step per line or bullet; a single line is split at ";".
    let steps: [String]

    init(_ raw: String) {
        let lines = raw.precomposedStringWithCanonicalMapping
            .split(whereSeparator: \.isNewline)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
        text = lines.joined(separator: "\n")
        let pieces = lines.count > 1 ? lines : lines.flatMap { $0.split(separator: ";").map(String.init) }
        steps = pieces.map(Self.withoutBullet).filter { !$0.isEmpty }
    }

    /// "- Trung tâm … trước ngày 15/8/2026;" → "Trung tâm … trước ngày 15/8/2026".
    static func withoutBullet(_ line: String) -> String {
        var result = Substring(line).trimmingPrefix(DeadlineWords.bullet)
        while let last = result.last, last == ";" || last == "." || last == "," || last == " " {
            result = result.dropLast()
        }
        return String(result)
    }
}

/// Reads the parts of one deadline expression from its lowercased wording.
struct DeadlinePhrase {
    enum Limit { case before, atTheLatest }

    struct Recurrence { var interval: String? }

    let original: String
    let folded: String

    init(_ text: String) {
        original = text.precomposedStringWithCanonicalMapping
        folded = original.lowercased()
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The year written in the wording ("năm 2025", "/2025"), outside day dates.
    var statedYear: Int? {
        if let match = folded.firstMatch(of: DeadlineWords.statedYear) {
            return Int(match.year)
        }
        return nil
    }

    var limit: Limit? {
        if folded.contains(DeadlineWords.atTheLatest) {
            return .atTheLatest
        }
        if folded.contains(DeadlineWords.before) {
            return .before
        }
        return nil
    }

    var isLimit: Bool { limit != nil || folded.contains(DeadlineWords.limitDate) }

    var recurrence: Recurrence? {
        if let match = folded.firstMatch(of: DeadlineWords.monthsPerTime)
            ?? folded.firstMatch(of: DeadlineWords.periodicMonths) {
            return Recurrence(interval: Self.months(match.count))
        }
        // The earliest named unit wins: "Hàng quý/năm" reports quarterly.
        if let named = folded.firstMatch(of: DeadlineWords.everyUnit) {
            return Recurrence(interval: DeadlineWords.intervals[String(named.unit)])
        }
        if folded.contains(DeadlineWords.ongoing) {
            return Recurrence(interval: nil)
        }
        return nil
    }

    private static func months(_ count: Substring) -> String? {
        let value = Int(count) ?? DeadlineWords.spelledCounts[String(count)]
        guard let value, value > 0 else { return nil }
        return value % 12 == 0 ? "P\(value / 12)Y" : "P\(value)M"
    }

    /// Day dates, leaving out the date of a document the cell cites ("theo Kế hoạch số
    /// 10/KH-UBND ngày 08/01/2026" is not a deadline).
    func dayDates(implicitYear: Int?) -> [CalendarDate] {
        DayDates.all(in: folded, implicitYear: implicitYear)
            .filter { !Self.citesDocument(before: folded[..<$0.range.lowerBound]) }
            .map(\.date)
    }

    private static func citesDocument(before prefix: Substring) -> Bool {
        prefix.suffix(40).contains(DeadlineWords.citedDocumentBefore)
    }

    /// "Từ ngày 01/10/2025 đến ngày 31/12/2025".
    func dayRange(_ days: [CalendarDate]) -> DateSpan? {
        guard days.count == 2, folded.contains(DeadlineWords.rangeFrom), folded.contains(DeadlineWords.rangeTo),
              days[0] <= days[1] else { return nil }
        return DateSpan(start: days[0], end: days[1])
    }

    /// "Quý IV năm 2025", "Quý I, II", "Quý II - III/2025".
    func quarters(year: Int?) -> DateSpan? {
        guard let year, let first = folded.firstRange(of: DeadlineWords.quarter) else { return nil }
        let numbers = listing(from: first.lowerBound).matches(of: DeadlineWords.listedQuarter)
            .compactMap { Self.quarterNumber($0.q) }
        guard let low = numbers.min(), let high = numbers.max(),
              let start = CalendarDate.firstDay(ofMonth: (low - 1) * 3 + 1, year: year),
              let end = CalendarDate.endOfMonth(high * 3, year: year) else { return nil }
        return DateSpan(start: start, end: end)
    }

    private static func quarterNumber(_ token: Substring) -> Int? {
        DeadlineWords.quarterNumbers[String(token)]
    }

    /// "Tháng 10 năm 2025", "Tháng 03/2024", "tháng 9-12/2025", "từ tháng 9 đến tháng 12".
    func months(year: Int?) -> DateSpan? {
        guard let year, let first = folded.firstRange(of: DeadlineWords.month) else { return nil }
        let numbers = listing(from: first.lowerBound).matches(of: DeadlineWords.listedMonth)
            .compactMap { Int($0.m) }.filter { (1...12).contains($0) }
        guard let low = numbers.min(), let high = numbers.max(),
              let start = CalendarDate.firstDay(ofMonth: low, year: year),
              let end = CalendarDate.endOfMonth(high, year: year) else { return nil }
        return DateSpan(start: start, end: end)
    }

    /// The list of quarters or months that starts at `start`: it runs until the year is
    /// named, a parenthesis opens, or the line ends.
    private func listing(from start: String.Index) -> Substring {
        let tail = folded[start...].prefix { $0 != "(" && $0 != ";" }
        return tail.firstRange(of: DeadlineWords.listYear).map { tail[..<$0.lowerBound] } ?? tail
    }

    /// "6 tháng đầu năm", "6 tháng cuối năm 2025", "cuối năm 2025".
    func halfYear(year: Int?) -> DateSpan? {
        guard let year else { return nil }
        if folded.contains(DeadlineWords.firstHalf) {
            return span(year, 1, 6)
        }
        if folded.contains(DeadlineWords.secondHalf) {
            return span(year, 7, 12)
        }
        if folded.contains(DeadlineWords.yearEnd) {
            return span(year, 12, 12)
        }
        return nil
    }

    /// "Trong năm 2025", "Năm 2024", "năm 2025 - 2026", "giai đoạn 2026-2030".
    func years() -> DateSpan? {
        if let range = folded.firstMatch(of: DeadlineWords.yearRange),
           let from = Int(range.from), let to = Int(range.to), from <= to {
            return span(from, 1, 12, endYear: to)
        }
        if let single = folded.firstMatch(of: DeadlineWords.year), let year = Int(single.year) {
            return span(year, 1, 12)
        }
        return nil
    }

    private func span(_ year: Int, _ firstMonth: Int, _ lastMonth: Int, endYear: Int? = nil) -> DateSpan? {
        guard let start = CalendarDate.firstDay(ofMonth: firstMonth, year: year),
              let end = CalendarDate.endOfMonth(lastMonth, year: endYear ?? year) else { return nil }
        return DateSpan(start: start, end: end)
    }

    /// Wording that ties the time to something else: a plan, a request, an event.
    var isConditional: Bool {
        folded.contains(DeadlineWords.conditional)
    }
}
