import VNPlanModel

/// Day dates written the ways Vietnamese administrative text writes them:
/// "30/01/2026", "30-01-2026", "30.01.2026", "ngày 15 tháng 8 năm 2025", and, where the
/// year is implied, "ngày 15/8" or "trước 30/01".
enum DayDates {
    struct Found {
        var date: CalendarDate
        /// Where the expression sits in the text it was found in.
        var range: Range<String.Index>
    }

    /// Every real date in `text`, in order. `implicitYear` completes dates written without a
    /// year; without it such dates are skipped, never guessed.
    static func all(in text: String, implicitYear: Int?) -> [Found] {
        var found: [Found] = []
        for match in text.matches(of: numeric) {
            if let year = CalendarDate.fullYear(match.year), let month = Int(match.month),
               let day = Int(match.day), let date = CalendarDate(year: year, month: month, day: day) {
                found.append(Found(date: date, range: match.range))
            }
        }
        for match in text.matches(of: spelled) {
            if let year = Int(match.year), let month = Int(match.month), let day = Int(match.day),
               let date = CalendarDate(year: year, month: month, day: day) {
                found.append(Found(date: date, range: match.range))
            }
        }
        if let implicitYear {
            for match in text.matches(of: yearless) where !found.contains(where: { $0.range.overlaps(match.range) }) {
                if let month = Int(match.month), let day = Int(match.day),
                   let date = CalendarDate(year: implicitYear, month: month, day: day) {
                    found.append(Found(date: date, range: match.range))
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    private nonisolated(unsafe) static let numeric =
        /\b(?<day>\d{1,2})\s*(?<sep>[\/.\-])\s*(?<month>\d{1,2})\s*\k<sep>\s*(?<year>\d{4}|\d{2})(?!\d)/
    /// "năm" for "tháng" is a typing slip seen in real citations ("ngày 14 năm 5 năm 2013").
    private nonisolated(unsafe) static let spelled =
        /(?i)ngày\s+(?<day>\d{1,2})\s+(?:tháng|năm)\s+(?<month>\d{1,2})\s*(?:,\s*)?năm\s+(?<year>\d{4})/
    private nonisolated(unsafe) static let yearless =
        /(?i)(?:ngày|trước|hạn)\s+(?<day>\d{1,2})\s*\/\s*(?<month>\d{1,2})(?![\/\d])/
}
