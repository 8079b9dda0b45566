import Foundation
import VNPlanModel

/// One thing wrong with a plan: the file, where in it (a JSON path such as
/// `$.tasks[3].deadline.end`, and the line of that key when the file is JSON) and what is
/// wrong, worded so a person knows what to fix.
public struct ValidationIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var problem: String
    public var line: Int?

    public init(file: String, path: String, problem: String, line: Int? = nil) {
        self.file = file
        self.path = path
        self.problem = problem
        self.line = line
    }

    public var description: String { "\(file): \(path): \(problem)" }
}

/// Checks a plan file in two layers: strict decoding (valid JSON, no unknown key, no missing
/// key, right types — what `schemas/plan.schema.json` also says) and meaning (real dates in
/// order, unique paths, deadlines that agree with their wording, the file where its id says).
public struct PlanValidator: Sendable {
    public init() {}

    /// - Parameters:
    ///   - file: the name messages use.
    ///   - repositoryPath: the file's path inside a plans repository ("plans/…/x.json"), to
    ///     check it sits where its id says; nil for a plan kept elsewhere.
    public func validate(_ data: Data, file: String, repositoryPath: String?) -> [ValidationIssue] {
        check(data, file: file, repositoryPath: repositoryPath).issues
    }

    public func validate(fileAt url: URL, file: String, repositoryPath: String?) -> [ValidationIssue] {
        do { return validate(try Data(contentsOf: url), file: file, repositoryPath: repositoryPath) }
        catch { return [ValidationIssue(file: file, path: "$", problem: "cannot be read (\(Self.reason(error)))")] }
    }

    /// The plan when it has no issue, and the issues, each with the line of its key.
    public func check(_ data: Data, file: String, repositoryPath: String?) -> (plan: Plan?, issues: [ValidationIssue]) {
        var report = IssueList(file: file)
        guard Self.looksLikeJSONObject(data) else {
            report.add("$", "is not a plan: a plan is a JSON object (vnplan/plan@1); make a document's plan with vnplan convert")
            return (nil, report.issues)
        }
        let tree: JSONValue
        do { tree = try LocatedJSON(data).value }
        catch {
            report.add("$", "is not valid JSON at \(error)", line: error.line)
            return (nil, report.issues)
        }
        let plan: Plan
        do { plan = try JSONDecoder().decode(Plan.self, from: data) }
        catch let error as DecodingError {
            report.add(Self.path(of: error), Self.describe(error))
            return (nil, Self.locating(report.issues, in: data))
        } catch {
            report.add("$", "cannot be read as a plan (\(Self.reason(error)))")
            return (nil, report.issues)
        }
        if let encoded = try? JSONEncoder().encode(plan), let known = try? LocatedJSON(encoded).value {
            reportUnknownKeys(in: tree, known: known, path: "$", into: &report)
        }
        reportEmptyText(in: tree, path: "$", into: &report)
        PlanMeaning(plan: plan).check(repositoryPath: repositoryPath, into: &report)
        return report.issues.isEmpty ? (plan, []) : (nil, Self.locating(report.issues, in: data))
    }

    /// The issues with the line of their key, found in one pass over the text.
    private static func locating(_ issues: [ValidationIssue], in data: Data) -> [ValidationIssue] {
        guard let map = try? LocatedJSON(data, locating: true) else { return issues }
        return issues.map { issue in
            var issue = issue
            issue.line = map.line(of: issue.path)
            return issue
        }
    }

    /// A plan starts with "{" (after white space or a byte order mark); a DOCX, a PDF or a
    /// text does not, and gets a message saying so rather than a JSON syntax error.
    public static func looksLikeJSONObject(_ data: Data) -> Bool {
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        return body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }

    /// The system's reason for a failed read, without Foundation's error domain and code.
    static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }

    /// A key the plan model does not have is an error (a typo would otherwise be data lost
    /// without a word). Null stands for an omitted optional value and is allowed.
    private func reportUnknownKeys(in original: JSONValue, known: JSONValue, path: String, into report: inout IssueList) {
        switch (original, known) {
        case (.object(let members), .object(let knownMembers)):
            for key in members.keys.sorted() {
                let child = "\(path).\(key)"
                if let knownChild = knownMembers[key] {
                    reportUnknownKeys(in: members[key]!, known: knownChild, path: child, into: &report)
                } else if members[key] != .null {
                    report.add(child, "unknown key \"\(key)\"; the plan format (vnplan/plan@1) has no such field")
                }
            }
        case (.array(let items), .array(let knownItems)):
            for (index, (item, knownItem)) in zip(items, knownItems).enumerated() {
                reportUnknownKeys(in: item, known: knownItem, path: "\(path)[\(index)]", into: &report)
            }
        default: break
        }
    }

    /// An absent value is omitted, never written as "" (DESIGN.md). A section may be unnumbered.
    private func reportEmptyText(in value: JSONValue, path: String, into report: inout IssueList) {
        switch value {
        case .string(let text) where text.isEmpty && !Self.mayBeEmpty(path):
            report.add(path, "is an empty text; omit an optional value instead of writing \"\"")
        case .object(let members):
            for key in members.keys.sorted() { reportEmptyText(in: members[key]!, path: "\(path).\(key)", into: &report) }
        case .array(let items):
            for (index, item) in items.enumerated() { reportEmptyText(in: item, path: "\(path)[\(index)]", into: &report) }
        default: break
        }
    }

    private static func mayBeEmpty(_ path: String) -> Bool {
        path.hasPrefix("$.sections[") && path.hasSuffix("].number")
    }

    static func path(of error: DecodingError) -> String {
        let codingPath: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): codingPath = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            codingPath = context.codingPath
        @unknown default: codingPath = []
        }
        return codingPath.reduce("$") { path, key in
            key.intValue.map { "\(path)[\($0)]" } ?? "\(path).\(key.stringValue)"
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing key \"\(key.stringValue)\"; every plan field that is not optional must be present"
        case .typeMismatch(let type, _): "should be \(describe(type))"
        case .valueNotFound(let type, _): "should be \(describe(type)), not null"
        // Swift's own wording for a word outside an enumeration names Swift types; the plan's
        // own checks word their debug description for people.
        case .dataCorrupted(let context) where context.debugDescription.hasPrefix("Cannot initialize"):
            "has a bad value: not one of the words the plan format allows here (see schemas/plan.schema.json)"
        case .dataCorrupted(let context): "has a bad value (\(context.debugDescription))"
        @unknown default: "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is String.Type: "a text"
        case is [Any].Type: "a list"
        case is any RawRepresentable.Type: "one of the listed words"
        default: "an object"
        }
    }
}

/// Issues of one file, in the order found.
struct IssueList {
    let file: String
    private(set) var issues: [ValidationIssue] = []

    init(file: String) { self.file = file }

    mutating func add(_ path: String, _ problem: String, line: Int? = nil) {
        issues.append(ValidationIssue(file: file, path: path, problem: problem, line: line))
    }
}
