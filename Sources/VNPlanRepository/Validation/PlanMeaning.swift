import VNPlanModel

/// The checks a schema cannot express: what the values of a well-formed plan mean together
/// (PlanSchema has checked its shape).
struct PlanMeaning {
    let plan: Plan

    func check(repositoryPath: String?, into report: inout IssueList) {
        checkIdentity(repositoryPath: repositoryPath, into: &report)
        checkDocumentDates(into: &report)
        checkSections(into: &report)
        checkTasks(into: &report)
        checkIndicators(into: &report)
        let counts = plan.normalization
        if counts.restoredTokens > counts.changedTokens {
            report.add("$.normalization.restoredTokens",
                       "\(counts.restoredTokens) restored tokens but only \(counts.changedTokens) changed; every restored token is a changed one")
        }
    }

    private func checkIdentity(repositoryPath: String?, into report: inout IssueList) {
        if let repositoryPath, repositoryPath != plan.repositoryPath {
            report.add("$.id", "the file is at \(repositoryPath) but its id, issuer and date place it at \(plan.repositoryPath); move the file or correct those fields")
        }
    }

    private func checkDocumentDates(into report: inout IssueList) {
        let own = checkDate(plan.document.date, at: "$.document.date", into: &report)
        if let adopts = plan.document.adopts {
            let adopted = checkDate(adopts.date, at: "$.document.adopts.date", into: &report)
            reportIfLater(adopted, than: own, at: "$.document.adopts.date", what: "the adopted plan", into: &report)
        }
        for (index, citation) in plan.legalBasis.enumerated() {
            let path = "$.legalBasis[\(index)].date"
            let cited = checkDate(citation.date, at: path, into: &report)
            reportIfLater(cited, than: own, at: path, what: "a cited document", into: &report)
        }
    }

    private func reportIfLater(_ date: CalendarDate?, than own: CalendarDate?, at path: String, what: String,
                               into report: inout IssueList) {
        guard let date, let own, own < date else { return }
        report.add(path, "\(what) is dated \(date), after the plan's own date \(own); one of the two dates is wrong")
    }

    private func checkSections(into report: inout IssueList) {
        reportDuplicates(plan.sections.map(\.path), at: "sections", into: &report)
    }

    private func checkTasks(into report: inout IssueList) {
        reportDuplicates(plan.tasks.map(\.path), at: "tasks", into: &report)
        let sections = Set(plan.sections.map(\.path))
        for (index, task) in plan.tasks.enumerated() {
            let path = "$.tasks[\(index)]"
            if let section = task.section, !sections.contains(section) {
                report.add("\(path).section", "names section \"\(section)\", which the plan's sections do not list")
            }
            if Self.isBlank(task.task) && Self.isBlank(task.activity) {
                report.add(path, "task \(task.path) has neither a task nor an activity text; a row without them is not a task")
            }
            if let deadline = task.deadline {
                check(deadline, at: "\(path).deadline", into: &report)
            }
        }
    }

    private func checkIndicators(into report: inout IssueList) {
        reportDuplicates(plan.indicators.map(\.path), at: "indicators", into: &report)
        for (index, indicator) in plan.indicators.enumerated() {
            guard let target = indicator.target else { continue }
            let path = "$.indicators[\(index)].target"
            if target.comparator != nil, target.value == nil {
                report.add(path, "has a comparator but no value; give the value or drop the comparator")
            }
            if let value = target.value, !value.isFinite {
                report.add("\(path).value", "is not a finite number")
            }
        }
    }

    /// The dates of a deadline must be plausible, in order, fit its kind and agree with its wording.
    private func check(_ deadline: Deadline, at path: String, into report: inout IssueList) {
        let start = checkDate(deadline.start, at: "\(path).start", into: &report)
        let end = checkDate(deadline.end, at: "\(path).end", into: &report)
        if let start, let end, end < start {
            report.add(path, "starts \(start) after it ends \(end)")
        }
        if let problem = Self.kindProblem(deadline) {
            report.add(path, "is of kind \"\(deadline.kind.rawValue)\" but \(problem)")
        }
        checkAgreement(deadline, at: path, into: &report)
        for (index, milestone) in deadline.milestones.enumerated() {
            check(milestone, at: "\(path).milestones[\(index)]", into: &report)
        }
    }

    private static func kindProblem(_ deadline: Deadline) -> String? {
        let dated = deadline.start != nil || deadline.end != nil
        if deadline.every != nil, deadline.kind != .recurring { return "has a repetition (every); only recurring deadlines repeat" }
        switch deadline.kind {
        case .date:
            if deadline.start == nil { return "has no start (the day)" }
            if let end = deadline.end, end != deadline.start { return "ends on another day than it starts" }
        case .by:
            if deadline.end == nil { return "has no end (the day it is due by)" }
        case .period:
            if deadline.start == nil || deadline.end == nil { return "lacks its start or end" }
        case .recurring:
            break  // "Thường xuyên" (ongoing) repeats without a stated period.
        case .conditional, .unknown:
            if dated && deadline.milestones.isEmpty { return "carries dates; a dated deadline is of kind date, by or period" }
        }
        return nil
    }

    /// Every full date the wording names is one the deadline (or one of its milestones) has,
    /// and every date the deadline has lies in a year the wording names, when it names one:
    /// "Quý IV năm 2025" cannot end in 2026.
    /// Only for dated kinds: a recurring deadline's dates are the plan's year, not its wording's.
    private func checkAgreement(_ deadline: Deadline, at path: String, into report: inout IssueList) {
        guard [.date, .by, .period].contains(deadline.kind) else { return }
        let wording = DeadlineWording(deadline.text)
        let held = Set(Self.allDates(of: deadline).compactMap { CalendarDate(iso: $0) })
        for date in wording.dates where !held.contains(date) {
            report.add(path, "its text \"\(deadline.text)\" names \(date), which is neither its start, end nor a milestone")
        }
        guard !wording.years.isEmpty else { return }
        for (field, value) in [("start", deadline.start), ("end", deadline.end)] {
            guard let date = value.flatMap(CalendarDate.init(iso:)), !wording.years.contains(date.year),
                  !Self.isEveOfNamedYear(date, deadline: deadline, years: wording.years)
            else { continue }
            report.add("\(path).\(field)", "is in \(date.year), but the text \"\(deadline.text)\" names only "
                + wording.years.sorted().map(String.init).joined(separator: ", "))
        }
    }

    /// "Trước quý I năm 2026" is due by 2025-12-31: the day before a year the text names.
    private static func isEveOfNamedYear(_ date: CalendarDate, deadline: Deadline, years: Set<Int>) -> Bool {
        deadline.kind == .by && date.month == 12 && date.day == 31 && years.contains(date.year + 1)
    }

    private static func allDates(of deadline: Deadline) -> [String] {
        [deadline.start, deadline.end].compactMap { $0 } + deadline.milestones.flatMap(allDates)
    }

    /// The schema has checked that the date is one the calendar has; a year no plan carries is
    /// a misread figure.
    @discardableResult
    private func checkDate(_ text: String?, at path: String, into report: inout IssueList) -> CalendarDate? {
        guard let text else { return nil }
        guard let date = CalendarDate(iso: text) else {
            let years = CalendarDate.plausibleYears
            report.add(path, "\"\(text)\" lies outside the years a plan or a cited document carries "
                + "(\(years.lowerBound)–\(years.upperBound)); its year is likely misread")
            return nil
        }
        return date
    }

    private func reportDuplicates(_ paths: [String], at collection: String, into report: inout IssueList) {
        var seen: [String: Int] = [:]
        for (index, path) in paths.enumerated() {
            if let first = seen[path] {
                report.add("$.\(collection)[\(index)].path", "\"\(path)\" is already the path of \(collection)[\(first)]; paths are unique within a plan")
            } else {
                seen[path] = index
            }
        }
    }

    private static func isBlank(_ text: String?) -> Bool {
        text?.allSatisfy(\.isWhitespace) ?? true
    }
}
