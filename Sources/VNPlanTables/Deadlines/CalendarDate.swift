/// A day of the Gregorian calendar that exists: 30/02 or 31/04 never become dates.
struct CalendarDate: Comparable, Hashable, Sendable {
    let year: Int
    let month: Int
    let day: Int

    /// Years a plan or a cited document can plausibly carry; anything else is a misread number.
    static let plausibleYears = 1945...2100

    init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              (1...Self.lastDay(ofMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func firstDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1)
    }

    static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func endOfMonth(_ month: Int, year: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: lastDay(ofMonth: month, year: year))
    }

    /// The day before: "trước tháng 10" ends on the last day of September.
    var previousDay: CalendarDate? {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) }
        if month > 1 { return Self.endOfMonth(month - 1, year: year) }
        return Self.endOfMonth(12, year: year - 1)
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// YYYY-MM-DD, the plan's date format.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// A two-digit year in a date ("30/01/26") is this century's.
    static func fullYear(_ digits: Substring) -> Int? {
        guard let value = Int(digits) else { return nil }
        return digits.count == 2 ? 2000 + value : value
    }
}

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
