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
        guard let role = ColumnWords.headers.first(where: { entry in
            entry.phrases.contains { folded.contains($0) }
        })?.role else { return nil }
        self = role
    }
}

enum HeaderText {
    /// Lowercase, no diacritics, punctuation as spaces: "Cơ quan, đơn vị\nthực hiện" →
    /// "co quan don vi thuc hien".
    static func fold(_ text: String) -> String {
        let folded = text.foldingDiacritics.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(folded).split(separator: " ").joined(separator: " ")
    }
}
