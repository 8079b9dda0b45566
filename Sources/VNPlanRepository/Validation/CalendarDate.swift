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
/// full dates ("30/01/2026", "30-01-2026") and the years it names ("năm 2025", "10/2025").
struct DeadlineWording {
    let dates: [CalendarDate]
    let years: Set<Int>

    init(_ text: String) {
        var dates: [CalendarDate] = []
        var years = Set<Int>()
        // Runs of digits with their separators: "30/01/2026" → [30, 01, 2026].
        var groups: [[Int]] = [[]]
        var digits = ""
        func closeNumber() {
            if let number = Int(digits) { groups[groups.count - 1].append(number) }
            digits = ""
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if "/.-".contains(character), !digits.isEmpty {
                closeNumber()
            } else {
                closeNumber()
                groups.append([])
            }
        }
        closeNumber()
        for group in groups {
            for number in group where (1900...2199).contains(number) { years.insert(number) }
            if group.count == 3, let date = CalendarDate(year: group[2], month: group[1], day: group[0]) {
                dates.append(date)
            }
        }
        self.dates = dates
        self.years = years
    }
}
