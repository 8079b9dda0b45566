import VNPlanModel

/// The deadlines of the units that lead most, one lane per unit along the months: a dot for a
/// day, a bar for a period; red before the report's day, orange when due soon, blue later.
/// Drawn as SVG by the program (no script, no library), or as a table of counts by quarter.
public struct DeadlineTimeline: Sendable {
    /// Months are counted from year 0: year × 12 + month − 1.
    let firstMonth: Int
    let lastMonth: Int
    let lanes: [RepositoryOverview.TimelineLane]
    let asOf: CalendarDate
    let soonUntil: String
    /// Deadlines outside the months drawn (a plan's far-off or mistyped year).
    let outside: Int

    /// At most this many months are drawn, around the report's day.
    static let widestSpan = 72

    init(_ overview: RepositoryOverview) {
        let asOf = CalendarDate(iso: overview.asOf) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let asOfMonth = Self.month(of: asOf)
        var dues = overview.lanes.flatMap(\.marks).flatMap { [$0.start, $0.due].compactMap { $0 } }
            .compactMap { CalendarDate(iso: $0).map(Self.month) }
        dues.append(asOfMonth)
        var first = dues.min() ?? asOfMonth
        var last = dues.max() ?? asOfMonth
        if last - first >= Self.widestSpan {
            first = max(first, asOfMonth - Self.widestSpan / 3)
            last = min(last, first + Self.widestSpan - 1)
        }
        // Whole years read best: from January of the first year to December of the last.
        first -= first % 12
        last += 11 - last % 12
        firstMonth = first
        lastMonth = last
        lanes = overview.lanes
        self.asOf = asOf
        soonUntil = overview.soonUntil
        outside = overview.lanes.flatMap(\.marks).count { mark in
            guard let due = CalendarDate(iso: mark.due) else { return true }
            return !(first...last).contains(Self.month(of: due))
        }
    }

    static func month(of date: CalendarDate) -> Int { date.year * 12 + date.month - 1 }

    enum State { case overdue, soon, later }

    func state(of due: String) -> State {
        due < asOf.iso ? .overdue : due <= soonUntil ? .soon : .later
    }

    // MARK: SVG

    private static let labelWidth = 300.0
    private static let plotWidth = 840.0
    private static let laneHeight = 26.0
    private static let axisHeight = 34.0

    /// Where a day lies across the plot, nil outside the months drawn.
    private func x(of iso: String) -> Double? {
        guard let date = CalendarDate(iso: iso) else { return nil }
        let month = Self.month(of: date)
        guard (firstMonth...lastMonth).contains(month) else { return nil }
        let within = Double(date.day - 1) / Double(CalendarDate.lastDay(ofMonth: date.month, year: date.year))
        return Self.labelWidth + (Double(month - firstMonth) + within) * monthWidth
    }

    private var monthWidth: Double { Self.plotWidth / Double(lastMonth - firstMonth + 1) }

    public var svg: String {
        let height = Self.axisHeight + Double(lanes.count) * Self.laneHeight + 30
        let width = Self.labelWidth + Self.plotWidth + 10
        var parts: [String] = []
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" "
                     + "width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" "
                     + "aria-label=\"Thời hạn của các nhiệm vụ theo đơn vị chủ trì\" font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"11\">")
        let bottom = Self.axisHeight + Double(lanes.count) * Self.laneHeight
        for month in firstMonth...lastMonth {
            let left = Self.labelWidth + Double(month - firstMonth) * monthWidth
            let isYear = month % 12 == 0
            parts.append("<line x1=\"\(Self.number(left))\" y1=\"\(Self.number(Self.axisHeight - (isYear ? 14 : 4)))\" "
                         + "x2=\"\(Self.number(left))\" y2=\"\(Self.number(bottom))\" stroke=\"\(isYear ? "#888" : "#e3e3e3")\"/>")
            if isYear {
                parts.append("<text x=\"\(Self.number(left + 3))\" y=\"14\" font-weight=\"bold\">\(month / 12)</text>")
            }
            if monthWidth >= 14 {
                parts.append("<text x=\"\(Self.number(left + monthWidth / 2))\" y=\"\(Self.number(Self.axisHeight - 6))\" "
                             + "text-anchor=\"middle\" fill=\"#666\" font-size=\"9\">\(month % 12 + 1)</text>")
            }
        }
        for (index, lane) in lanes.enumerated() {
            let top = Self.axisHeight + Double(index) * Self.laneHeight
            let middle = top + Self.laneHeight / 2
            if index % 2 == 1 {
                parts.append("<rect x=\"0\" y=\"\(Self.number(top))\" width=\"\(Self.number(width))\" height=\"\(Self.number(Self.laneHeight))\" fill=\"#f4f6f8\" fill-opacity=\"0.6\"/>")
            }
            parts.append("<text x=\"\(Self.number(Self.labelWidth - 8))\" y=\"\(Self.number(middle + 4))\" text-anchor=\"end\">"
                         + "<title>\(PlanHTML.html(lane.unit))</title>\(PlanHTML.html(Self.shortened(lane.unit)))</text>")
            // Periods under the days, so that no bar hides a day that falls due within it.
            var bars: [String] = []
            var days: [String] = []
            for mark in lane.marks {
                guard let end = x(of: mark.due) else { continue }
                let colour = Self.colour(state(of: mark.due))
                let title = "<title>\(PlanHTML.html(mark.label)): \(mark.start.map { "\($0) – " } ?? "")\(mark.due)</title>"
                if let start = mark.start.flatMap(x(of:)), end - start >= 2 {
                    bars.append("<rect x=\"\(Self.number(start))\" y=\"\(Self.number(middle - 3))\" width=\"\(Self.number(end - start))\" "
                                + "height=\"6\" rx=\"2\" fill=\"\(colour)\" fill-opacity=\"0.18\">\(title)</rect>")
                }
                days.append("<circle cx=\"\(Self.number(end))\" cy=\"\(Self.number(middle))\" r=\"4\" fill=\"\(colour)\" "
                            + "stroke=\"#fff\" stroke-width=\"1\">\(title)</circle>")
            }
            parts += bars + days
        }
        if let today = x(of: asOf.iso) {
            parts.append("<line x1=\"\(Self.number(today))\" y1=\"\(Self.number(Self.axisHeight - 14))\" x2=\"\(Self.number(today))\" "
                         + "y2=\"\(Self.number(bottom))\" stroke=\"#c0392b\" stroke-dasharray=\"4 3\"/>")
        }
        var legendX = Self.labelWidth
        let legendY = bottom + 18
        for (label, state) in [("quá hạn", State.overdue), ("đến hạn đến \(soonUntil)", .soon), ("sau đó", .later)] {
            parts.append("<circle cx=\"\(Self.number(legendX + 5))\" cy=\"\(Self.number(legendY - 4))\" r=\"4\" fill=\"\(Self.colour(state))\"/>"
                         + "<text x=\"\(Self.number(legendX + 13))\" y=\"\(Self.number(legendY))\">\(PlanHTML.html(label))</text>")
            legendX += 40 + Double(label.count) * 6
        }
        parts.append("<text x=\"\(Self.number(legendX))\" y=\"\(Self.number(legendY))\" fill=\"#c0392b\">┆ ngày \(asOf.iso)</text>")
        if outside > 0 {
            parts.append("<text x=\"\(Self.number(legendX + 120))\" y=\"\(Self.number(legendY))\" fill=\"#666\">\(outside) thời hạn ngoài khoảng vẽ</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func colour(_ state: State) -> String {
        switch state {
        case .overdue: "#c0392b"
        case .soon: "#e67e22"
        case .later: "#2c7fb8"
        }
    }

    private static func shortened(_ name: String) -> String {
        name.count <= 46 ? name : String(name.prefix(45)) + "…"
    }

    /// Coordinates to a tenth, written the same on every machine.
    private static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    // MARK: Table

    /// Deadlines by unit and quarter, for text: the quarters that have any.
    var quarterTable: (header: [String], rows: [[String]]) {
        var quarters: Set<Int> = []
        var counts: [[Int: Int]] = []
        for lane in lanes {
            var byQuarter: [Int: Int] = [:]
            for mark in lane.marks {
                guard let date = CalendarDate(iso: mark.due) else { continue }
                let quarter = date.year * 4 + (date.month - 1) / 3
                byQuarter[quarter, default: 0] += 1
                quarters.insert(quarter)
            }
            counts.append(byQuarter)
        }
        let ordered = quarters.sorted()
        return (["Đơn vị chủ trì"] + ordered.map { "Q\($0 % 4 + 1)/\($0 / 4)" },
                zip(lanes, counts).map { lane, byQuarter in [lane.unit] + ordered.map { byQuarter[$0].map(String.init) ?? "" } })
    }
}
