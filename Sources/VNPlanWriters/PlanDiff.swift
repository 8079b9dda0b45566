import VNPlanModel

/// What changed from one plan to another (this year's plan and last year's, or a plan and
/// its re-conversion): the document's fields, and tasks added, removed and changed field by
/// field. Tasks are matched by what they say, not by their row: first those alike in every
/// field, then those with the same work text, then those at the same path.
public struct PlanDiff: Sendable, Equatable {
    public struct Change: Sendable, Equatable, Encodable {
        public var field: String
        public var old: String?
        public var new: String?
    }

    public struct ChangedTask: Sendable, Equatable, Encodable {
        public var oldPath: String
        public var path: String
        public var changes: [Change]
    }

    public var document: [Change]
    public var added: [PlanTask]
    public var removed: [PlanTask]
    public var changed: [ChangedTask]
    /// Tasks the same in both.
    public var unchanged: Int

    public var isEmpty: Bool { document.isEmpty && added.isEmpty && removed.isEmpty && changed.isEmpty }

    public init(old: Plan, new: Plan) {
        document = Self.changes(Self.fields(of: old.document), Self.fields(of: new.document))
        var freeOld = Array(old.tasks.indices), freeNew = Array(new.tasks.indices)
        var pairs: [(Int, Int)] = []
        // Each pass pairs the tasks left whose key is the same, in document order; a key
        // shared by several tasks pairs them in turn.
        func pair(by key: (PlanTask) -> String?) {
            var waiting: [String: [Int]] = [:]
            for index in freeOld.reversed() { if let value = key(old.tasks[index]) { waiting[value, default: []].append(index) } }
            var pairedOld = Set<Int>(), pairedNew = Set<Int>()
            for index in freeNew {
                guard let value = key(new.tasks[index]), let match = waiting[value]?.popLast() else { continue }
                pairs.append((match, index))
                pairedOld.insert(match)
                pairedNew.insert(index)
            }
            freeOld.removeAll { pairedOld.contains($0) }
            freeNew.removeAll { pairedNew.contains($0) }
        }
        pair { Self.fields(of: $0).map { "\($0.0)=\($0.1 ?? "")" }.joined(separator: "\u{1}") }
        pair { Self.work(of: $0) }
        pair { $0.path }
        var changed: [ChangedTask] = []
        var unchanged = 0
        for (oldIndex, newIndex) in pairs.sorted(by: { $0.1 < $1.1 }) {
            let (before, after) = (old.tasks[oldIndex], new.tasks[newIndex])
            let changes = Self.changes(Self.fields(of: before), Self.fields(of: after))
            if changes.isEmpty { unchanged += 1 } else { changed.append(ChangedTask(oldPath: before.path, path: after.path, changes: changes)) }
        }
        self.changed = changed
        self.unchanged = unchanged
        removed = freeOld.map { old.tasks[$0] }
        added = freeNew.map { new.tasks[$0] }
    }

    /// The work text a task is known by: its activity, else its task.
    private static func work(of task: PlanTask) -> String? {
        (task.activity ?? task.task).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// A task's fields as printed, by their names in the plan; its row and confidence aside
    /// (a re-conversion may number rows otherwise).
    static func fields(of task: PlanTask) -> [(String, String?)] {
        [("path", task.path), ("section", task.section), ("number", task.number), ("objective", task.objective),
         ("task", task.task), ("activity", task.activity), ("outputs", list(task.outputs)), ("lead", list(task.lead)),
         ("support", list(task.support)), ("deadline", task.deadline?.text), ("funding", task.funding), ("note", task.note)]
    }

    private static func fields(of document: DocumentInfo) -> [(String, String?)] {
        [("issuer", document.issuer), ("type", document.type), ("number", document.number), ("date", document.date),
         ("place", document.place), ("title", document.title),
         ("signer", document.signer.map { [$0.title, $0.name].compactMap { $0 }.joined(separator: " ") })]
    }

    private static func list(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: "; ") }

    private static func changes(_ old: [(String, String?)], _ new: [(String, String?)]) -> [Change] {
        zip(old, new).compactMap { before, after in
            before.1 == after.1 ? nil : Change(field: before.0, old: before.1, new: after.1)
        }
    }
}
