import VNPlanModel

/// What a column of a plan table holds, decided by the wording of its header.
public enum ColumnRole: String, Sendable, CaseIterable {
    case number
    case objective
    case task
    case activity
    case outputs
    case lead
    case support
    /// "Cơ quan, đơn vị thực hiện": both chủ trì and phối hợp, to be split by their labels.
    case responsible
    case deadline
    case funding
    case note
    case indicator
    case unit
    case target
    case evaluator

    /// Roles whose cell describes the work of the row; a plan table has at least one.
    static let content: Set<ColumnRole> = [.objective, .task, .activity, .indicator]
    /// Roles that only data rows fill; a row empty in all of them may be a group row.
    static let details: Set<ColumnRole> = [.outputs, .lead, .support, .responsible, .deadline,
                                           .funding, .unit, .target, .evaluator]

    /// The role a header's wording names, or nil. Wordings vary from plan to plan
    /// ("Thời gian thực hiện", "Thời hạn hoàn thành", "Tiến độ"), so the match is on folded
    /// key phrases, the most specific first.
    public init?(header: String) {
        let folded = " " + HeaderText.fold(header) + " "
        guard let role = Self.wordings.first(where: { entry in
            entry.phrases.contains { folded.contains($0) }
        })?.role else { return nil }
        self = role
    }

    /// Ordered: an earlier entry wins ("chủ trì đánh giá" before "chủ trì").
    private static let wordings: [(role: ColumnRole, phrases: [String])] = [
        (.evaluator, [" danh gia", " tham dinh"]),
        (.support, [" phoi hop"]),
        (.lead, [" chu tri", " don vi chiu trach nhiem", " nguoi thuc hien", " can bo thuc hien",
                 " nguoi phu trach", " phu trach"]),
        (.unit, [" don vi tinh", " dvt "]),
        (.responsible, [" co quan", " don vi", " bo phan", " trach nhiem"]),
        (.number, [" stt ", " tt ", " so tt ", " so thu tu ", " thu tu"]),
        (.target, [" chi tieu nam", " muc tieu nam", " ke hoach nam", " gia tri"]),
        (.indicator, [" chi tieu ", " ten chi tieu", " noi dung chi tieu"]),
        (.outputs, [" ket qua", " san pham", " hinh thuc van ban"]),
        (.deadline, [" thoi gian", " thoi han", " tien do", " thoi diem", " hoan thanh"]),
        (.funding, [" kinh phi", " nguon von", " du toan"]),
        (.note, [" ghi chu"]),
        (.objective, [" muc tieu", " muc dich"]),
        (.activity, [" hoat dong", " noi dung", " cong viec", " giai phap", " ten nhiem vu chi tiet"]),
        (.task, [" nhiem vu", " linh vuc"]),
    ]
}

enum HeaderText {
    /// Lowercase, no diacritics, punctuation as spaces: "Cơ quan, đơn vị\nthực hiện" →
    /// "co quan don vi thuc hien".
    static func fold(_ text: String) -> String {
        let folded = text.foldingDiacritics.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(folded).split(separator: " ").joined(separator: " ")
    }
}
