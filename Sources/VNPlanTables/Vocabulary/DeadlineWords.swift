/// How a "Thời gian thực hiện" cell words a deadline: limits, recurrences, quarters, months,
/// years, and the wording that ties a time to something else. Read by `DeadlinePhrase` on
/// lowercased text. Each pattern is built once: a regex literal inside a function is parsed
/// again at every call, and deadlines are read on every row.
enum DeadlineWords {
    /// "7h30", "14 giờ 00", "08:00 - 09:30": a time of day, which schedules a meeting's item
    /// rather than a plan's work.
    nonisolated(unsafe) static let clockTime = /\b\d{1,2}\s*(?:h(?!\p{L})\s*\d{0,2}|giờ(?!\p{L})|:\d{2})/
    /// "năm 2025", "/2025": the year a wording states.
    nonisolated(unsafe) static let statedYear = /(?:năm|\/)\s*(?<year>(?:19|20)\d{2})(?!\d)/
    /// The end of the span is the deadline: "chậm nhất", "hạn chót", "đến hết".
    nonisolated(unsafe) static let atTheLatest = /chậm nhất|muộn nhất|không muộn hơn|hạn chót|hạn cuối|đến hết|hết ngày/
    /// The day before the span is the deadline: "trước", "hoàn thành trước", "đến ngày".
    nonisolated(unsafe) static let before = /(?:^|\s)trước(?:\s|$)|hoàn thành trước|xong trước|(?:^|\s)đến ngày/
    /// "hạn 30/6": a date that is a limit.
    nonisolated(unsafe) static let limitDate = /(?:^|\s)hạn\s/

    /// "Hàng tháng", "hằng quý", "mỗi năm": one pattern, so that the earliest written wins
    /// ("Hàng quý/năm" is quarterly); `intervals` gives each unit's ISO 8601 interval.
    nonisolated(unsafe) static let everyUnit = /(?:hàng|hằng|mỗi)\s+(?<unit>ngày|tuần|tháng|quý|năm)/
    static let intervals = ["ngày": "P1D", "tuần": "P1W", "tháng": "P1M", "quý": "P3M", "năm": "P1Y"]
    /// "06 tháng/01 lần", "định kỳ 6 tháng một lần".
    nonisolated(unsafe) static let monthsPerTime =
        /(?:định kỳ\s+)?(?<count>\d{1,2}|sáu|ba)\s+tháng\s*(?:\/|một|1)\s*(?:0?1\s*)?lần/
    /// "định kỳ 6 tháng".
    nonisolated(unsafe) static let periodicMonths = /định kỳ\s+(?<count>\d{1,2}|sáu|ba)\s+tháng/
    /// Month counts spelled out.
    static let spelledCounts = ["sáu": 6, "ba": 3]
    /// Recurring without a stated interval: "Thường xuyên", "liên tục", "định kỳ".
    nonisolated(unsafe) static let ongoing = /thường xuyên|liên tục|định kỳ|hàng kỳ|hằng kỳ/

    /// The tail of a citation just before a date: "Kế hoạch số 10/KH-UBND ngày …" cites a
    /// document; its date is not a deadline.
    nonisolated(unsafe) static let citedDocumentBefore =
        /\d+\/[\p{L}\d\-\/]*\p{L}[\p{L}\d\-]*\s*,?\s*(?:ban hành\s+)?(?:ngày)?\s*$/
    /// "từ … đến …", "từ … - …": a range of days.
    nonisolated(unsafe) static let rangeFrom = /(?:^|\s)từ\s/
    nonisolated(unsafe) static let rangeTo = /\sđến\s|\s[-–]\s/

    /// "quý IV", "quý 2".
    nonisolated(unsafe) static let quarter = /quý\s+(?:i{1,3}|iv|[1-4])\b/
    /// Each quarter of a list: "quý I, II", "quý II - III".
    nonisolated(unsafe) static let listedQuarter = /(?:^|[\s,\-–\/])(?<q>iv|i{1,3}|[1-4])(?=[\s,\-–\/.;]|$)/
    static let quarterNumbers = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4]
    /// "tháng 10".
    nonisolated(unsafe) static let month = /tháng\s+\d{1,2}(?!\d)/
    /// Each month of a list: "tháng 9-12".
    nonisolated(unsafe) static let listedMonth = /\b(?<m>\d{1,2})\b/
    /// Where a list of quarters or months meets its year.
    nonisolated(unsafe) static let listYear = /(?:năm|\/)\s*\d{4}/
    nonisolated(unsafe) static let firstHalf = /(?:6|sáu) tháng đầu năm/
    nonisolated(unsafe) static let secondHalf = /(?:6|sáu) tháng cuối năm/
    nonisolated(unsafe) static let yearEnd = /cuối năm/
    /// "2026-2030", "năm 2025 - 2026".
    nonisolated(unsafe) static let yearRange = /(?<from>(?:19|20)\d{2})\s*[-–]\s*(?<to>(?:19|20)\d{2})/
    nonisolated(unsafe) static let year = /năm\s+(?<year>(?:19|20)\d{2})(?!\d)/

    /// Wording that ties the time to a plan, a request or an event.
    nonisolated(unsafe) static let conditional =
        /^(?:theo|khi|tùy|tuỳ|ngay|sau|đột xuất)|theo kế hoạch|theo yêu cầu|khi có|theo chỉ đạo|theo quy định|theo lộ trình|theo thông báo|theo tiến độ|theo hướng dẫn|đột xuất|sau khi|kể từ|kịp thời/

    /// How a deadline cell opens: "Thường xuyên", "Quý IV …", "Tháng 10 …", "Trước …", a date.
    nonisolated(unsafe) static let cellOpening =
        /^(?:Thường|Quý|Tháng|Trong|Năm|Trước|Hàng|Hằng|Định kỳ|Theo|Khi|Chậm|Từ|Ngày|Giai đoạn|\d)/

    /// A leading bullet of a step: "- ", "+ ", "• ".
    nonisolated(unsafe) static let bullet = /\s*[-+•–]\s*/
}
