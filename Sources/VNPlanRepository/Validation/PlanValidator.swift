import Foundation
import VNPlanModel

/// One thing wrong with a plan: the file, where in it (a JSON path such as
/// `$.tasks[3].deadline.end`, and the line and column of that key when the file is JSON) and
/// what is wrong — what was expected and what was found — worded so a person knows what to fix.
public struct ValidationIssue: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var problem: String
    public var line: Int?
    public var column: Int?

    public init(file: String, path: String, problem: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.path = path
        self.problem = problem
        self.line = line
        self.column = column
    }

    /// "FILE:LINE:COLUMN: $.path: problem", as compilers write, so editors jump to it.
    public var description: String {
        let place = line.map { line in ":\(line)" + (column.map { ":\($0)" } ?? "") } ?? ""
        return "\(file)\(place): \(path): \(problem)"
    }
}

/// Checks a plan file in two layers: structure (valid JSON, then `schemas/plan.schema.json`:
/// no unknown key, no missing key, right types, dates the calendar has) and meaning (real dates in
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

    /// The plan when it has no issue, and the issues, each with the line and column of its key.
    /// Every structural problem is found in one pass (PlanSchema); the plan's meaning is then
    /// checked too, on the plan with the wrong values standing aside, so one run tells all.
    public func check(_ data: Data, file: String, repositoryPath: String?) -> (plan: Plan?, issues: [ValidationIssue]) {
        var report = IssueList(file: file)
        guard Self.looksLikeJSONObject(data) else {
            report.add("$", "is not a plan: a plan is a JSON object (vnplan/plan@1); make a document's plan with vnplan convert")
            return (nil, report.issues)
        }
        let tree: JSONValue
        do { tree = try LocatedJSON(data).value }
        catch {
            report.add("$", "is not valid JSON at \(error)", location: JSONLocation(line: error.line, column: error.column))
            return (nil, report.issues)
        }
        guard let schema = PlanSchema.shipped else {
            report.add("$", "cannot be checked: the plan schema is missing from this vnplan's installation; reinstall vnplan")
            return (nil, report.issues)
        }
        let (violations, repaired) = schema.check(tree)
        for violation in violations { report.add(violation.path, violation.problem) }
        let decodable = violations.isEmpty ? data : repaired.flatMap { try? JSONEncoder().encode($0) }
        var plan: Plan?
        if let decodable {
            do { plan = try JSONDecoder().decode(Plan.self, from: decodable) }
            catch let error as DecodingError where violations.isEmpty {
                // The schema and the plan model disagree: the model's word stands.
                report.add(Self.path(of: error), Self.describe(error))
            } catch where violations.isEmpty {
                report.add("$", "cannot be read as a plan (\(Self.reason(error)))")
            } catch {}
        }
        if let plan {
            var meaning = IssueList(file: file)
            PlanMeaning(plan: plan).check(repositoryPath: repositoryPath, into: &meaning)
            // What a wrong value's stand-in makes the meaning checks say is no news.
            let structural = violations.map(\.path)
            for issue in meaning.issues where !structural.contains(where: { Self.overlap($0, issue.path) }) {
                report.add(issue.path, issue.problem)
            }
        }
        return report.issues.isEmpty ? (plan, []) : (nil, Self.locating(report.issues, in: data))
    }

    /// Whether one JSON path is the other or lies inside it.
    private static func overlap(_ first: String, _ second: String) -> Bool {
        let (outer, inner) = first.count <= second.count ? (first, second) : (second, first)
        guard inner.hasPrefix(outer) else { return false }
        let rest = inner.dropFirst(outer.count)
        return rest.isEmpty || rest.first == "." || rest.first == "["
    }

    /// The issues with the line and column of their key, found in one pass over the text.
    private static func locating(_ issues: [ValidationIssue], in data: Data) -> [ValidationIssue] {
        guard let places = try? LocatedJSON(data, locating: true) else { return issues }
        var located = issues
        for index in located.indices where located[index].line == nil {
            guard let location = places.location(of: located[index].path) else { continue }
            located[index].line = location.line
            located[index].column = location.column
        }
        // In the order of the file, as a person reads it; issues of one line keep their order.
        let order = located.indices.sorted { (located[$0].line ?? 0, $0) < (located[$1].line ?? 0, $1) }
        return order.map { located[$0] }
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

    mutating func add(_ path: String, _ problem: String, location: JSONLocation? = nil) {
        issues.append(ValidationIssue(file: file, path: path, problem: problem, line: location?.line, column: location?.column))
    }
}
