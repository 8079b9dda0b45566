import Foundation
import Testing
import VNPlanModel
import VNPlanRepository

/// The plans the project writes are valid to both `vnplan validate` and the JSON Schema: the
/// reviewed expected plans of samples/ and plans built in code, stored in a repository.
@Suite struct ExpectedPlanTests {
    static let expectedFolder = Fixtures.projectRoot.appendingPathComponent("samples/expected")

    /// Expected plans that vnplan validate rightly rejects, until the stage that wrote them is
    /// fixed; a fixed one makes its known issue fail, so this list cannot go stale.
    static let knownDefects: [String: String] = [:]

    static func expectedPlans() -> [URL] {
        (try? PlanRepository.jsonFiles(under: expectedFolder)) ?? []
    }

    @Test(.enabled(if: !expectedPlans().isEmpty, "samples/expected has no plan yet"))
    func expectedSamplePlansAreValid() throws {
        let files = Self.expectedPlans()
        for file in files {
            let check = {
                #expect(PlanValidator().validate(fileAt: file, file: file.lastPathComponent, repositoryPath: nil) == [])
            }
            if let defect = Self.knownDefects[file.lastPathComponent] {
                withKnownIssue(Comment(rawValue: defect), check)
            } else {
                check()
            }
        }
        let verdicts = try Fixtures.schemaVerdicts(files)
        #expect(files.filter { verdicts[$0.path] != true } == [])
    }

    @Test func storedPlansAreValidWhereTheyAre() throws {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder("stored"))
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let store = PlanStore(repository: repository)
        var undated = Fixtures.plan(seed: 9)
        undated.document = DocumentInfo()
        undated.id = Plan.identifier(for: undated.document, sha256: undated.source.sha256)
        undated.legalBasis = []
        // Two files of one document: both kept, the first under the id, the later under the id
        // with its own hash.
        let first = Fixtures.plan(seed: 1)
        let second = Fixtures.plan(seed: 2)
        for plan in [first, second, undated] {
            try store.store(plan, original: Data("\(plan.source.sha256)".utf8), originalExtension: "docx")
        }
        let files = try repository.planFiles()
        #expect(files.map { String($0.path.dropFirst(repository.root.path.count + 1)) } == [
            "plans/ubnd-phuong-cam-thanh/2025/ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14-00000002.json",
            "plans/ubnd-phuong-cam-thanh/2025/ubnd-phuong-cam-thanh-169-kh-ubnd-2025-03-14.json",
            "plans/unknown-issuer/undated/sha256-0000000900000000.json",
        ])
        for file in files {
            let relative = String(file.path.dropFirst(repository.root.path.count + 1))
            #expect(PlanValidator().validate(fileAt: file, file: relative, repositoryPath: relative) == [])
        }
        let verdicts = try Fixtures.schemaVerdicts(files)
        #expect(files.filter { verdicts[$0.path] != true } == [])
        #expect(try repository.heldSourceHashes() == Set([first, second, undated].map(\.source.sha256)))
    }
}
