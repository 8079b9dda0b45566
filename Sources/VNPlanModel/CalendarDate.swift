/// A day of the Gregorian calendar that exists: 30/02 or 31/04 never become dates.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Years a plan or a cited document can plausibly carry; anything else is a misread number.
    public static let plausibleYears = 1945...2100

    public init?(year: Int, month: Int, day: Int) {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              (1...Self.lastDay(ofMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Nil unless the text is exactly YYYY-MM-DD and names a day that exists.
    public init?(iso text: String) {
        guard let (year, month, day) = Self.components(iso: text) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of a text written exactly YYYY-MM-DD, whether or not the day exists.
    public static func components(iso text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    public static func firstDay(ofMonth month: Int, year: Int) -> CalendarDate? {
        CalendarDate(year: year, month: month, day: 1)
    }

    public static func lastDay(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func endOfMonth(_ month: Int, year: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: lastDay(ofMonth: month, year: year))
    }

    /// The day after.
    public var nextDay: CalendarDate? {
        if day < Self.lastDay(ofMonth: month, year: year) { return CalendarDate(year: year, month: month, day: day + 1) }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1) }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }

    /// The day before: "trước tháng 10" ends on the last day of September.
    public var previousDay: CalendarDate? {
        if day > 1 { return CalendarDate(year: year, month: month, day: day - 1) }
        if month > 1 { return Self.endOfMonth(month - 1, year: year) }
        return Self.endOfMonth(12, year: year - 1)
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// YYYY-MM-DD, the plan's date format.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// A two-digit year in a date ("30/01/26") is this century's.
    public static func fullYear(_ digits: Substring) -> Int? {
        guard let value = Int(digits) else { return nil }
        return digits.count == 2 ? 2000 + value : value
    }

    public var description: String { iso }
}
