import VNPlanModel

/// What `vnplan report` says of a repository, in the order a reader wants it, as blocks that
/// the Markdown and HTML writers each render: the content is decided once, here.
public struct RepositoryReport: Sendable {
    public enum Block: Sendable {
        case heading(String)
        case paragraph(String)
        /// `numeric` marks the columns of counts (right-aligned).
        case table(header: [String], rows: [[String]], numeric: Set<Int>)
        case timeline(DeadlineTimeline)
    }

    public let title: String
    public let blocks: [Block]

    public init(_ overview: RepositoryOverview) {
        let totals = overview.totals
        title = "Báo cáo kho kế hoạch, ngày \(overview.asOf)"
        var blocks: [Block] = []
        let copies = totals.planFiles - totals.documents
        blocks.append(.paragraph(
            "\(totals.documents) văn bản (\(totals.planFiles) tệp kế hoạch"
                + (copies > 0 ? ", trong đó \(copies) bản sao của văn bản đã có, không tính lại" : "") + "), "
                + "\(totals.tasks) nhiệm vụ, \(totals.indicators) chỉ tiêu. "
                + "Tính đến ngày \(overview.asOf): \(Set(overview.overdue.map(\.taskKey)).count) nhiệm vụ có hạn đã qua, "
                + "\(Set(overview.dueSoon.map(\.taskKey)).count) nhiệm vụ đến hạn trong \(overview.soonDays) ngày tới "
                + "(đến \(overview.soonUntil)); \(totals.tasksWithoutDueDay) nhiệm vụ không có ngày hạn "
                + "(thường xuyên, định kỳ, theo điều kiện), \(totals.tasksWithoutLead) nhiệm vụ không ghi đơn vị chủ trì."))

        blocks.append(.heading("Kế hoạch theo cơ quan ban hành và năm"))
        let years = Set(overview.issuers.flatMap(\.plansByYear.keys)).sorted { ($0 ?? .max) < ($1 ?? .max) }
        blocks.append(.table(
            header: ["Cơ quan ban hành"] + years.map { $0.map(String.init) ?? "Không rõ năm" } + ["Nhiệm vụ"],
            rows: overview.issuers.map { issuer in
                [issuer.issuer.isEmpty ? "(không rõ)" : issuer.issuer]
                    + years.map { issuer.plansByYear[$0].map(String.init) ?? "" } + [String(issuer.tasks)]
            },
            numeric: Set(1...(years.count + 1))))

        blocks.append(.heading("Nhiệm vụ theo đơn vị chủ trì"))
        blocks.append(.paragraph("Các cách viết của một đơn vị chỉ khác nhau ở cấp (… huyện, … phường) hoặc chính tả được "
                                 + "tính là một, ghi theo cách viết dùng nhiều nhất; người được giao đích danh ghi là cá nhân."))
        blocks.append(.table(
            header: ["Đơn vị chủ trì", "Loại", "Nhiệm vụ", "Kế hoạch", "Quá hạn", "Đến hạn \(overview.soonDays) ngày", "Cách viết"],
            rows: overview.leads.map { lead in
                [lead.name, lead.kind == .person ? "cá nhân" : "đơn vị", String(lead.tasks), String(lead.plans),
                 String(lead.overdue), String(lead.dueSoon), String(lead.wordings)]
            },
            numeric: [2, 3, 4, 5, 6]))

        if !overview.lanes.isEmpty {
            blocks.append(.heading("Tiến độ theo đơn vị chủ trì"))
            blocks.append(.timeline(DeadlineTimeline(overview)))
        }
        blocks.append(.heading("Quá hạn (hạn trước ngày \(overview.asOf))"))
        blocks.append(Self.dueTable(overview.overdue, none: "Không có nhiệm vụ quá hạn."))
        blocks.append(.heading("Đến hạn từ \(overview.asOf) đến \(overview.soonUntil)"))
        blocks.append(Self.dueTable(overview.dueSoon, none: "Không có nhiệm vụ đến hạn trong khoảng này."))

        if !overview.indicators.isEmpty {
            blocks.append(.heading("Chỉ tiêu"))
            blocks.append(.table(
                header: ["Cơ quan ban hành", "Văn bản", "Số", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu đặt ra", "Chủ trì"],
                rows: overview.indicators.map { line in
                    [line.issuer ?? "", line.planNumber ?? "", line.path, line.name, line.unit ?? "", line.target ?? "",
                     line.lead.joined(separator: "; ")]
                },
                numeric: []))
        }
        if !overview.copies.isEmpty {
            blocks.append(.heading("Văn bản lưu từ nhiều tệp"))
            blocks.append(.table(header: ["Kế hoạch được tính", "Bản sao (không tính lại)"],
                                 rows: overview.copies.map { [$0.standing, $0.copies.joined(separator: "\n")] }, numeric: []))
        }
        self.blocks = blocks
    }

    private static func dueTable(_ tasks: [RepositoryOverview.DueTask], none: String) -> Block {
        guard !tasks.isEmpty else { return .paragraph(none) }
        return .table(
            header: ["Hạn", "Cơ quan ban hành", "Văn bản", "Số", "Nội dung", "Chủ trì", "Thời hạn"],
            rows: tasks.map { task in
                [task.due, task.issuer ?? "", task.planNumber ?? "(không số)", task.path, task.work,
                 task.lead.joined(separator: "; "), task.deadline]
            },
            numeric: [])
    }
}

extension RepositoryOverview.DueTask {
    /// A task counts once however many of its days fall in a list.
    var taskKey: String { planID + "\u{1F}" + path }
}
