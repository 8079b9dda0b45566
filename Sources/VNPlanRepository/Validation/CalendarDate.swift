import Foundation

/// A day of the Gregorian calendar written YYYY-MM-DD, as plans write dates.
struct CalendarDate: Hashable, Comparable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    /// Nil unless the text is exactly YYYY-MM-DD and names a day that exists.
    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// What a deadline's wording says about dates, read only as far as the checks need:
/// full dates ("30/01/2026", "30.01.2026") and the years it names ("năm 2025", "10/2025").
/// A date that belongs to a cited document ("Kế hoạch số 712/KH-UBND ngày 18/11/2020") is
/// not a date of the deadline and is left out.
struct DeadlineWording {
    let dates: [CalendarDate]
    let years: Set<Int>

    private static let datePattern = try! NSRegularExpression(pattern: #"(?<![0-9])([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?![0-9])"#)
    private static let yearPattern = try! NSRegularExpression(pattern: #"(?<![0-9])(19[0-9]{2}|2[01][0-9]{2})(?![0-9])"#)
    /// "số 712/KH-UBND ngày …": a document number shortly before a date.
    private static let citationPattern = try! NSRegularExpression(pattern: #"s[oố]\s*[0-9]+\s*/"#, options: [.caseInsensitive])

    init(_ text: String) {
        let whole = NSRange(text.startIndex..., in: text)
        let nsText = text as NSString
        dates = Self.datePattern.matches(in: text, range: whole).compactMap { match in
            let before = NSRange(location: max(0, match.range.location - 60), length: min(60, match.range.location))
            guard Self.citationPattern.firstMatch(in: text, range: before) == nil else { return nil }
            let number = { (group: Int) in Int(nsText.substring(with: match.range(at: group)))! }
            return CalendarDate(year: number(3), month: number(2), day: number(1))
        }
        years = Set(Self.yearPattern.matches(in: text, range: whole).map { Int(nsText.substring(with: $0.range))! })
    }
}
