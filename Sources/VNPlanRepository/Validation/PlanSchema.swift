import Foundation
import VNPlanModel

/// The plan format's JSON Schema (`schemas/plan.schema.json`, shipped with the program) applied
/// to a plan's tree, so that `validate` reports every structural problem of a file in one run
/// and checks exactly what other tools that trust the schema check.
///
/// It reads the part of JSON Schema 2020-12 the plan schema uses: `type`, `properties`,
/// `required`, `additionalProperties`, `items`, `enum`, `const`, `pattern`, `format: date`
/// (a day the calendar has), `minLength`, `minimum`, `maximum`, `anyOf` and local `$ref`s. A
/// node's `description` words its messages: "is not a SHA-256 (64 lowercase hexadecimal
/// digits)".
struct PlanSchema: Sendable {
    /// A structural problem at a JSON path.
    struct Violation: Equatable {
        var path: String
        var problem: String
    }

    private let root: Node
    private let definitions: [String: Node]

    /// A plan nests a deadline's milestones in milestones at most a few levels deep; deeper is
    /// hostile input, reported rather than followed (the check recurses).
    static let depthLimit = 64

    /// The schema's text as shipped; nil when the installation lacks it.
    static let shippedText: String? = Bundle.module.url(forResource: "plan.schema", withExtension: "json")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }

    static let shipped: PlanSchema? = shippedText.flatMap { text in
        (try? LocatedJSON(Data(text.utf8)).value).flatMap(PlanSchema.init)
    }

    init?(_ tree: JSONValue) {
        guard case .object(let members) = tree else { return nil }
        root = Node(tree)
        var definitions: [String: Node] = [:]
        if case .object(let defs)? = members["$defs"] {
            for (name, value) in defs { definitions[name] = Node(value) }
        }
        self.definitions = definitions
    }

    /// The problems of `value`, and the value with each offending member left out (so the plan's
    /// meaning can still be checked); nil when the root itself is wrong.
    func check(_ value: JSONValue) -> (violations: [Violation], repaired: JSONValue?) {
        var violations: [Violation] = []
        let repaired = check(value, against: root, at: "$", depth: 0, into: &violations)
        return (violations, repaired)
    }

    // MARK: Checking

    private func check(_ value: JSONValue, against node: Node, at path: String, depth: Int,
                       into violations: inout [Violation]) -> JSONValue? {
        guard depth < Self.depthLimit else {
            violations.append(Violation(path: path, problem: "is nested deeper than \(Self.depthLimit) levels; a plan is not"))
            return nil
        }
        let description = node.description ?? node.reference.flatMap { definitions[$0]?.description }
        if let reference = node.reference, let target = definitions[reference] {
            guard let checked = check(value, against: target, at: path, depth: depth + 1, into: &violations) else { return nil }
            if node.isOnlyAReference { return checked }
        }
        if !node.alternatives.isEmpty {
            // The alternative whose type admits the value tells what is wrong inside it.
            let fitting = node.alternatives.filter { $0.admitsType(of: value, definitions: definitions) }
            guard let alternative = fitting.first else {
                let expected = node.alternatives.compactMap { $0.expectedType(definitions: definitions) }
                violations.append(Violation(path: path, problem: Self.mismatch(expected.joined(separator: " or "), value)))
                return nil
            }
            return check(value, against: alternative, at: path, depth: depth + 1, into: &violations)
        }
        if let types = node.types, !types.contains(where: { $0.admits(value) }) {
            let expected = types.filter { $0 != .null }.map(\.wording).joined(separator: " or ")
            violations.append(Violation(path: path, problem: Self.mismatch(expected.isEmpty ? "null" : expected, value)))
            return nil
        }
        if let constant = node.constant, value != constant {
            violations.append(Violation(path: path, problem: "is \(Self.quoted(value)); \(description ?? "the plan format") is \(Self.quoted(constant))"))
            return nil
        }
        if let words = node.enumeration, !words.contains(value) {
            let allowed = words.filter { $0 != .null }.map(Self.quoted).joined(separator: ", ")
            violations.append(Violation(path: path, problem: "has a bad value: \(Self.quoted(value)) is not one of the words the plan format allows here (\(allowed))"))
            return nil
        }
        switch value {
        case .string(let text): return checkText(text, against: node, at: path, description: description, into: &violations)
        case .integer, .number: return checkNumber(value, against: node, at: path, description: description, into: &violations)
        case .array(let items):
            guard let itemNode = node.items else { return value }
            var kept: [JSONValue] = []
            var complete = true
            // Every item is checked, whatever the ones before it; an item that fails stands in
            // by a placeholder, so the others keep their paths.
            for (index, item) in items.enumerated() {
                if let checked = check(item, against: itemNode, at: "\(path)[\(index)]", depth: depth + 1, into: &violations)
                    ?? placeholder(for: itemNode) {
                    kept.append(checked)
                } else {
                    complete = false
                }
            }
            return complete ? .array(kept) : nil
        case .object(let members):
            return checkObject(members, against: node, at: path, depth: depth, into: &violations)
        case .null, .bool: return value
        }
    }

    private func checkObject(_ members: [String: JSONValue], against node: Node, at path: String, depth: Int,
                             into violations: inout [Violation]) -> JSONValue? {
        var kept: [String: JSONValue] = [:]
        var complete = true
        for key in node.required where members[key] == nil {
            violations.append(Violation(path: "\(path).\(key)", problem: "missing key \"\(key)\"; every plan field that is not optional must be present"))
            complete = false
        }
        for key in members.keys.sorted() {
            let child = "\(path).\(key)", value = members[key]!
            let memberNode: Node?
            if let property = node.properties[key] {
                memberNode = property
            } else {
                switch node.additional {
                case .allowed: memberNode = nil
                case .schema(let additional): memberNode = additional
                case .forbidden:
                    // Null stands for an omitted optional value.
                    if value != .null {
                        violations.append(Violation(path: child, problem: "unknown key \"\(key)\"; the plan format (vnplan/plan@1) has no such field"))
                    }
                    continue
                }
            }
            guard let memberNode else { kept[key] = value; continue }
            if let checked = check(value, against: memberNode, at: child, depth: depth + 1, into: &violations) {
                kept[key] = checked
            } else if node.required.contains(key) {
                if let stand = placeholder(for: memberNode) { kept[key] = stand } else { complete = false }
            }
        }
        return complete ? .object(kept) : nil
    }

    private func checkText(_ text: String, against node: Node, at path: String, description: String?,
                           into violations: inout [Violation]) -> JSONValue? {
        if let minimum = node.minLength, text.count < minimum {
            violations.append(Violation(path: path, problem: text.isEmpty
                ? "is an empty text; omit an optional value instead of writing \"\""
                : "is \(Self.quoted(.string(text))), shorter than \(minimum) characters"))
            return nil
        }
        let matches = node.pattern.map { pattern in
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        } ?? true
        if !matches || (node.format == "date" && !Self.isCalendarDate(text)) {
            let wanted = description ?? "text matching \(node.patternSource ?? "the format")"
            violations.append(Violation(path: path, problem: "\(Self.quoted(.string(text))) is not \(wanted)"))
            return nil
        }
        return .string(text)
    }

    private func checkNumber(_ value: JSONValue, against node: Node, at path: String, description: String?,
                             into violations: inout [Violation]) -> JSONValue? {
        let number: Double
        switch value {
        case .integer(let whole): number = Double(whole)
        case .number(let fraction): number = fraction
        default: return value
        }
        let low = node.minimum.map { number < $0 } ?? false, high = node.maximum.map { number > $0 } ?? false
        guard low || high else { return value }
        let found = Self.quoted(value)
        let problem = switch (node.minimum, node.maximum) {
        case (let minimum?, let maximum?): "should be between \(Self.figure(minimum)) and \(Self.figure(maximum)), found \(found)"
        case (0?, nil): "cannot be negative, found \(found)"
        case (let minimum?, nil): "should be at least \(Self.figure(minimum)), found \(found)"
        case (nil, let maximum?): "should be at most \(Self.figure(maximum)), found \(found)"
        case (nil, nil): "is out of range, found \(found)"
        }
        violations.append(Violation(path: path, problem: problem + (description.map { "; \($0)" } ?? "")))
        return nil
    }

    /// A value of the node's type that stands in for a wrong one while the plan's meaning is
    /// checked; the problems found at its path are the wrong value's. nil for an object.
    private func placeholder(for node: Node) -> JSONValue? {
        if let reference = node.reference, let target = definitions[reference] { return placeholder(for: target) }
        if let constant = node.constant { return constant }
        if let word = node.enumeration?.first(where: { $0 != .null }) { return word }
        if let alternative = node.alternatives.first { return placeholder(for: alternative) }
        switch node.types?.first(where: { $0 != .null }) ?? node.types?.first {
        case .string?: return .string(node.format == "date" ? "2000-01-01" : "?")
        case .integer?: return .integer(Int(node.minimum ?? 0))
        case .number?: return .number(node.minimum ?? 0)
        case .boolean?: return .bool(false)
        case .array?: return .array([])
        case .null?: return .null
        case .object?, nil: return nil
        }
    }

    // MARK: Wording

    private static func mismatch(_ expected: String, _ value: JSONValue) -> String {
        value == .null ? "should be \(expected), not null" : "should be \(expected), found \(describe(value))"
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer, .number: "the number \(quoted(value))"
        case .string: "the text \(quoted(value))"
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// A value as JSON writes it, cut short when long.
    private static func quoted(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .integer(let whole): return "\(whole)"
        case .number(let fraction): return figure(fraction)
        case .string(let text):
            let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
            return "\"\(shown)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    private static func figure(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    /// YYYY-MM-DD naming a day the Gregorian calendar has (any year from 1 to 9999, as JSON
    /// Schema's `date` format): 2026-02-30 is not one.
    static func isCalendarDate(_ text: String) -> Bool {
        guard let (year, month, day) = CalendarDate.components(iso: text), year >= 1, (1...12).contains(month) else { return false }
        return (1...CalendarDate.lastDay(ofMonth: month, year: year)).contains(day)
    }
}

// MARK: Schema nodes

extension PlanSchema {
    enum JSONType: String, Sendable {
        case null, boolean, integer, number, string, array, object

        func admits(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.null, .null), (.boolean, .bool), (.integer, .integer), (.number, .integer), (.number, .number),
                 (.string, .string), (.array, .array), (.object, .object): true
            case (.integer, .number(let fraction)): fraction == fraction.rounded()
            default: false
            }
        }

        var wording: String {
            switch self {
            case .null: "null"
            case .boolean: "true or false"
            case .integer: "a whole number"
            case .number: "a number"
            case .string: "a text"
            case .array: "a list"
            case .object: "an object"
            }
        }
    }

    enum Additional: Sendable {
        case allowed, forbidden
        case schema(Node)
    }

    /// One schema object, read once.
    final class Node: Sendable {
        let types: [JSONType]?
        let properties: [String: Node]
        let required: [String]
        let additional: Additional
        let items: Node?
        let enumeration: [JSONValue]?
        let constant: JSONValue?
        let pattern: NSRegularExpression?
        let patternSource: String?
        let format: String?
        let minLength: Int?
        let minimum: Double?
        let maximum: Double?
        let alternatives: [Node]
        let reference: String?
        let description: String?
        /// Whether the node says nothing but its `$ref` (and words).
        let isOnlyAReference: Bool

        init(_ value: JSONValue) {
            let members: [String: JSONValue]
            if case .object(let object) = value { members = object } else { members = [:] }
            switch members["type"] {
            case .string(let name)?: types = JSONType(rawValue: name).map { [$0] }
            case .array(let names)?: types = names.compactMap { if case .string(let name) = $0 { JSONType(rawValue: name) } else { nil } }
            default: types = nil
            }
            if case .object(let properties)? = members["properties"] {
                self.properties = properties.mapValues(Node.init)
            } else {
                properties = [:]
            }
            if case .array(let names)? = members["required"] {
                required = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
            } else {
                required = []
            }
            switch members["additionalProperties"] {
            case .bool(false)?: additional = .forbidden
            case .object?: additional = .schema(Node(members["additionalProperties"]!))
            default: additional = .allowed
            }
            items = members["items"].map(Node.init)
            if case .array(let words)? = members["enum"] { enumeration = words } else { enumeration = nil }
            constant = members["const"]
            if case .string(let source)? = members["pattern"] {
                patternSource = source
                pattern = try? NSRegularExpression(pattern: source)
            } else {
                patternSource = nil
                pattern = nil
            }
            if case .string(let name)? = members["format"] { format = name } else { format = nil }
            if case .integer(let length)? = members["minLength"] { minLength = length } else { minLength = nil }
            minimum = Self.number(members["minimum"])
            maximum = Self.number(members["maximum"])
            if case .array(let options)? = members["anyOf"] { alternatives = options.map(Node.init) } else { alternatives = [] }
            if case .string(let target)? = members["$ref"], target.hasPrefix("#/$defs/") {
                reference = String(target.dropFirst("#/$defs/".count))
            } else {
                reference = nil
            }
            if case .string(let words)? = members["description"] { description = words } else { description = nil }
            isOnlyAReference = Set(members.keys).isSubset(of: ["$ref", "description", "title"])
        }

        private static func number(_ value: JSONValue?) -> Double? {
            switch value {
            case .integer(let whole)?: Double(whole)
            case .number(let fraction)?: fraction
            default: nil
            }
        }

        /// Whether the value is of a type the node (or what it refers to) allows.
        func admitsType(of value: JSONValue, definitions: [String: Node]) -> Bool {
            if let types { return types.contains { $0.admits(value) } }
            if let reference, let target = definitions[reference] { return target.admitsType(of: value, definitions: definitions) }
            return true
        }

        func expectedType(definitions: [String: Node]) -> String? {
            if let types { return types.map(\.wording).joined(separator: " or ") }
            if let reference, let target = definitions[reference] { return target.expectedType(definitions: definitions) }
            return nil
        }
    }
}
