import Foundation
import Testing
import VNPlanModel
@testable import VNPlanRepository

/// Problems point at a line (and a column for JSON syntax), so an annotation shows inline and
/// a person finds the place without counting braces.
@Suite struct ValidationLocationTests {

    /// The 1-based line of the first line of `data` that contains `text`.
    static func line(of text: String, in data: Data) -> Int? {
        String(decoding: data, as: UTF8.self).components(separatedBy: "\n").firstIndex { $0.contains(text) }.map { $0 + 1 }
    }

    @Test func aTruncatedPlanGivesTheLineAndColumnWhereItEnds() throws {
        let cut = try CanonicalJSON.encode(Fixtures.plan()).prefix(700)
        let issues = PlanValidator().validate(cut, file: "cut.json", repositoryPath: nil)
        let lastLine = String(decoding: cut, as: UTF8.self).components(separatedBy: "\n")
        #expect(issues.count == 1)
        #expect(issues.first?.line == lastLine.count)
        #expect(issues.first?.problem.hasPrefix("is not valid JSON at line \(lastLine.count), column \(lastLine.last!.count + 1): ") == true)
        #expect(issues.first?.problem.contains("DecodingError") == false)
    }

    @Test func syntaxErrorsAreNamedInWords() throws {
        let cases: [(String, String)] = [
            ("{\n  \"a\": [1, 2,\n}", "line 3, column 1: expected a value"),
            ("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected \",\" or \"}\""),
            ("{\"a\": \"Hòa Bình\n\"}", "line 1, column 16: a text is not closed before the end of the line"),
            ("{\"a\": 01}", "line 1, column 7: a number cannot start with 0"),
            ("{\"a\": 1} x", "line 1, column 10: unexpected text after the end of the JSON value"),
        ]
        for (text, expected) in cases {
            #expect(throws: JSONSyntaxError.self) { try LocatedJSON(Data(text.utf8)) }
            do { _ = try LocatedJSON(Data(text.utf8)) } catch { #expect(error.description.hasPrefix(expected)) }
        }
    }

    @Test func eachIssueCarriesTheLineOfItsKey() throws {
        let wrong = try CanonicalJSON.encode(
            try JSONValue.of(Fixtures.plan()).replacing(["tasks", 2, "deadline", "every"], with: .string("hàng quý")))
        let issues = PlanValidator().validate(wrong, file: "x.json", repositoryPath: nil)
        let every = try #require(issues.first { $0.path == "$.tasks[2].deadline.every" })
        #expect(every.line == Self.line(of: "\"every\": \"hàng quý\"", in: wrong))

        // A missing key points at the object that lacks it.
        let lacking = try CanonicalJSON.encode(
            try JSONValue.of(Fixtures.plan()).replacing(["tasks", 1, "source", "row"], with: nil))
        let missing = try #require(PlanValidator().validate(lacking, file: "x.json", repositoryPath: nil).first)
        #expect(missing.path == "$.tasks[1].source.row")
        #expect(missing.line == (try LocatedJSON(lacking, locating: true)).location(of: "$.tasks[1].source")?.line)
        #expect(missing.line.map { $0 > 1 } == true)
    }

    @Test func readsTheSameTreeAsFoundation() throws {
        let texts = try PlanRepository.jsonFiles(under: Fixtures.projectRoot.appendingPathComponent("samples/expected"))
            .map { try Data(contentsOf: $0) }
            + [Data(#"{"a": "\u00e0 \ud83d\ude00 \"x\"\n\/", "b": [-1.5e3, 0, true, null, {}], "c": 12345678901}"#.utf8)]
        #expect(texts.count > 3)
        for text in texts {
            #expect(try LocatedJSON(text).value == JSONDecoder().decode(JSONValue.self, from: text))
        }
    }

    @Test func aDocumentIsNotAPlan() throws {
        let docx = try Data(contentsOf: Fixtures.projectRoot.appendingPathComponent("samples/kh-xa-hoa-binh-2026.docx"))
        let issues = PlanValidator().validate(docx, file: "kh.docx", repositoryPath: nil)
        #expect(issues.map(\.problem) == ["is not a plan: a plan is a JSON object (vnplan/plan@1); make a document's plan with vnplan convert"])
    }

    @Test func aDeepNestingIsAnIssueNotACrash() throws {
        let deep = Data(("{\"a\":\n" + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "}").utf8)
        let issues = PlanValidator().validate(deep, file: "deep.json", repositoryPath: nil)
        #expect(issues.map(\.problem) == ["is not valid JSON at line 2, column 512: nested deeper than 512 levels; a plan is not"])
    }
}

/// A plan whose letterhead OCR read unsurely lies where its confident fields put it.
@Suite struct UnsureLetterheadTests {
    @Test func anUnsureIssuerFilesThePlanUnderUnknownIssuer() throws {
        var plan = Fixtures.plan()
        plan.document.unsure = [.issuer]
        plan.id = Plan.identifier(for: plan.document, sha256: plan.source.sha256)
        #expect(plan.id.hasPrefix("sha256-"))
        #expect(plan.repositoryPath.hasPrefix("plans/unknown-issuer/2025/"))
        let data = try CanonicalJSON.encode(plan)
        #expect(PlanValidator().validate(data, file: "x.json", repositoryPath: plan.repositoryPath) == [])
        // Under the issuer's own folder it lies where its id does not place it.
        let misplaced = "plans/ubnd-phuong-cam-thanh/2025/\(plan.id).json"
        #expect(!PlanValidator().validate(data, file: "x.json", repositoryPath: misplaced).isEmpty)
        // Only identity fields can be unsure.
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"unsure\""))
        let badField = Data(text.replacingOccurrences(of: "\"unsure\": [\n      \"issuer\"", with: "\"unsure\": [\n      \"title\"").utf8)
        #expect(badField != data)
        #expect(PlanValidator().validate(badField, file: "x.json", repositoryPath: nil).contains { $0.path.hasPrefix("$.document.unsure") })
    }
}
