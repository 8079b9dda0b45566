import Foundation
import VNPlanModel

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
