/// What the plan vocabulary says about where a cell of a stream-order table starts, lent
/// to the text reader (`CellStartHint`), which finds cells by layout and knows no plan words:
/// a deadline cell opens with a deadline's wording, a unit cell with a unit's name.
public enum PlanCellStarts {
    @Sendable public static func score(header: String, line: String) -> Double {
        switch ColumnRole(header: header) {
        case .deadline: line.contains(DeadlineWords.cellOpening) ? 6 : -6
        case .lead, .support, .responsible, .evaluator: UnitNames.startsUnit(Substring(line)) ? 3 : 0
        default: 0
        }
    }
}
