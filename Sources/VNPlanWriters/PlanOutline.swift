import VNPlanModel

/// A plan as a reader goes through it: the tasks that come before any section, then each
/// section with its own tasks, in the order the document has them.
struct PlanOutline {
    struct Part {
        /// nil for the tasks before the first section.
        var section: Section?
        /// 1 for a part ("I."), 2 for its items ("I.1"), …
        var depth: Int
        var tasks: [PlanTask]
    }

    let parts: [Part]

    init(_ plan: Plan) {
        let bySection = Dictionary(grouping: plan.tasks, by: { $0.section ?? "" })
        var parts: [Part] = []
        let known = Set(plan.sections.map(\.path))
        // Tasks whose section the plan does not list (none should) stay with the unsectioned.
        let loose = plan.tasks.filter { ($0.section ?? "").isEmpty || !known.contains($0.section ?? "") }
        if !loose.isEmpty { parts.append(Part(section: nil, depth: 1, tasks: loose)) }
        for section in plan.sections {
            let depth = section.path.split(separator: ".").count
            parts.append(Part(section: section, depth: depth, tasks: bySection[section.path, default: []]))
        }
        self.parts = parts
    }
}

/// What the views print for a plan's values, the same in every format.
enum PlanWording {
    static func heading(of document: DocumentInfo) -> String {
        [document.type, document.number.map { "số \($0)" }].compactMap { $0 }.joined(separator: " ")
    }

    /// "I. KIỂM SOÁT THỦ TỤC HÀNH CHÍNH": the section's number as a label, then its title.
    static func heading(of section: Section) -> String {
        let number = section.number
        let label = number.isEmpty || number.last.map { ".):".contains($0) } == true ? number : number + "."
        return label.isEmpty ? section.title : "\(label) \(section.title)"
    }

    static func dateLine(of document: DocumentInfo) -> String? {
        let parts = [document.place, document.date].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// "Quý III năm 2026 (2026-07-01 – 2026-09-30)": the wording, then the dates read from it.
    static func deadline(_ deadline: Deadline?) -> String {
        guard let deadline else { return "" }
        let range: String? = switch (deadline.start, deadline.end) {
        case let (start?, end?) where start != end: "\(start) – \(end)"
        case let (_, end?): end
        case let (start?, nil): "từ \(start)"
        default: nil
        }
        return range.map { "\(deadline.text) (\($0))" } ?? deadline.text
    }

    static func units(_ units: [String], wording: String?) -> String {
        units.isEmpty ? (wording ?? "") : units.joined(separator: "; ")
    }

    /// The work of a task, outermost first: objective, task, activity, each once.
    static func work(of task: PlanTask) -> [(label: String, text: String)] {
        var seen: Set<String> = []
        return [("Mục tiêu", task.objective), ("Nhiệm vụ", task.task), ("Hoạt động", task.activity)]
            .compactMap { label, text in
                guard let text, !text.isEmpty, seen.insert(text).inserted else { return nil }
                return (label, text)
            }
    }

    static func target(_ target: Target?) -> String { target?.text ?? "" }

    /// Below this confidence a task is marked for a person to check.
    static let uncertain = 0.8
}
