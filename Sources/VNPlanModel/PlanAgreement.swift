/// How closely a plan read from one rendering of a document (a scan, a borderless render)
/// agrees with the plan of the document it was made from: its tasks aligned in order with the
/// twin's, field by field, and its document fields compared.
public struct PlanAgreement: Sendable, Equatable, Codable {
    /// The twin's tasks, and those the plan has a counterpart for (at least half of the
    /// twin's fields equal).
    public var twinTasks: Int
    public var tasksFound: Int
    /// Tasks of the plan aligned with none of the twin's.
    public var extraTasks: Int
    /// Task fields of the twin, and those the plan's aligned task has equal.
    public var fields: Int
    public var fieldsEqual: Int
    /// The document fields (`PlanAgreement.documentFields`) the twin has and the plan has unlike it.
    public var documentFieldsMissed: [String]

    public var taskShare: Double { Double(tasksFound) / Double(max(twinTasks, 1)) }
    public var fieldShare: Double { Double(fieldsEqual) / Double(max(fields, 1)) }

    public static let documentFields = ["type", "number", "date", "issuer", "title"]

    public init(_ plan: Plan, twin: Plan) {
        let observed = plan.tasks.map(Self.fields(of:)), expected = twin.tasks.map(Self.fields(of:))
        let pairs = Self.aligned(observed, expected)
        twinTasks = expected.count
        fields = expected.reduce(0) { $0 + $1.count }
        fieldsEqual = pairs.reduce(0) { $0 + Self.equalFields(observed[$1.observed], expected[$1.expected]) }
        tasksFound = pairs.filter { 2 * Self.equalFields(observed[$0.observed], expected[$0.expected]) >= expected[$0.expected].count }.count
        extraTasks = observed.count - pairs.count
        let mine = Self.documentValues(plan.document), theirs = Self.documentValues(twin.document)
        documentFieldsMissed = Self.documentFields.filter { theirs[$0] != nil && mine[$0] != theirs[$0] }
    }

    /// The fields a reader of a task looks at, as text with its spaces made single; empty ones left out.
    public static func fields(of task: PlanTask) -> [String: String] {
        var fields: [String: String] = ["path": task.path, "outputs": task.outputs.joined(separator: "|"),
                                        "lead": task.lead.joined(separator: "|"),
                                        "support": task.support.joined(separator: "|")]
        fields["number"] = task.number
        fields["objective"] = task.objective
        fields["task"] = task.task
        fields["activity"] = task.activity
        fields["deadline"] = task.deadline?.text
        fields["funding"] = task.funding
        fields["note"] = task.note
        return singleSpaced(fields).filter { !$0.value.isEmpty }
    }

    static func documentValues(_ document: DocumentInfo) -> [String: String] {
        var values: [String: String] = [:]
        values["type"] = document.type
        values["number"] = document.number
        values["date"] = document.date
        values["issuer"] = document.issuer
        values["title"] = document.title
        return singleSpaced(values)
    }

    /// Values with every run of white space made one space, so a wrap in a cell compares equal.
    private static func singleSpaced(_ values: [String: String]) -> [String: String] {
        values.mapValues { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    static func equalFields(_ observed: [String: String], _ expected: [String: String]) -> Int {
        expected.filter { observed[$0.key] == $0.value }.count
    }

    /// Tasks the two lists share, in order, with the most equal fields (Needleman–Wunsch with
    /// no gap cost). A rendering drops or adds only a few rows, so the alignment stays within
    /// `band` places of where the two lists' lengths put it: linear in their lengths.
    static let band = 24

    static func aligned(_ observed: [[String: String]], _ expected: [[String: String]]) -> [(observed: Int, expected: Int)] {
        let n = observed.count, m = expected.count
        guard n > 0, m > 0 else { return [] }
        // Column j of row i is stored at offset j - diagonal(i) + band, inside the band.
        func diagonal(_ i: Int) -> Int { i * m / n }
        let width = 2 * band + 1
        var score = [Int](repeating: 0, count: (n + 1) * width)
        var move = [UInt8](repeating: 0, count: (n + 1) * width)  // 0 none, 1 pair, 2 skip observed, 3 skip expected
        func slot(_ i: Int, _ j: Int) -> Int? {
            let offset = j - diagonal(i) + band
            return (0..<width).contains(offset) && (0...m).contains(j) ? i * width + offset : nil
        }
        func value(_ i: Int, _ j: Int) -> Int? { slot(i, j).map { score[$0] } }
        for i in 0...n {
            let low = max(0, diagonal(i) - band), high = min(m, diagonal(i) + band)
            guard low <= high else { continue }
            for j in low...high {
                guard let here = slot(i, j), i > 0 || j > 0 else { continue }
                var best = Int.min, step: UInt8 = 0
                if i > 0, j > 0, let previous = value(i - 1, j - 1) {
                    let equal = equalFields(observed[i - 1], expected[j - 1])
                    if equal > 0, previous + equal > best { (best, step) = (previous + equal, 1) }
                }
                if i > 0, let previous = value(i - 1, j), previous > best { (best, step) = (previous, 2) }
                if j > 0, let previous = value(i, j - 1), previous > best { (best, step) = (previous, 3) }
                (score[here], move[here]) = (step == 0 ? 0 : best, step)
            }
        }
        var pairs: [(observed: Int, expected: Int)] = []
        var (i, j) = (n, m)
        while i > 0 || j > 0, let here = slot(i, j), move[here] != 0 {
            switch move[here] {
            case 1: pairs.append((i - 1, j - 1)); (i, j) = (i - 1, j - 1)
            case 2: i -= 1
            default: j -= 1
            }
        }
        return pairs.reversed()
    }
}
