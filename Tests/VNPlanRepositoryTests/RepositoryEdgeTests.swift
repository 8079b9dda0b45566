import Foundation
import Testing
import VNPlanModel
@testable import VNPlanRepository

/// Plans whose names no file system would take, and plan files an index must not trust.
@Suite struct RepositoryEdgeTests {
    static func longPlan(ending: String, seed: Int) -> Plan {
        let issuer = "Ủy ban nhân dân " + String(repeating: "xã Hòa Bình ", count: 30) + ending
        return Fixtures.plan(number: String(repeating: "169/", count: 80) + "KH-UBND", seed: seed, issuer: issuer)
    }

    @Test func anIssuerAndNumberLongerThan255BytesAreStoredUnderShortenedNames() throws {
        let repository = PlanRepository(root: try Fixtures.temporaryFolder())
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let store = PlanStore(repository: repository)
        let first = Self.longPlan(ending: "một", seed: 1)
        let second = Self.longPlan(ending: "hai", seed: 2)
        #expect(first.id.utf8.count > 500)

        let firstPath = try store.store(first, original: nil, originalExtension: "docx").path
        let secondPath = try store.store(second, original: nil, originalExtension: "docx").path
        // The same plan gets the same name every time; plans sharing a long beginning stay apart.
        #expect(firstPath == first.repositoryPath)
        #expect(firstPath != secondPath)
        for path in [firstPath, secondPath] {
            #expect(path.split(separator: "/").allSatisfy { $0.utf8.count <= StoredName.longest + ".json".count })
            let stored = try Data(contentsOf: repository.url(of: path))
            #expect(PlanValidator().validate(stored, file: path, repositoryPath: path) == [])
        }
        // The id inside keeps its full length: only names on disk are shortened.
        #expect(try JSONDecoder().decode(Plan.self, from: Data(contentsOf: repository.url(of: firstPath))).id == first.id)

        // A second file of the same long-named document is stored beside it, marked; the
        // first stays where it was reported.
        var copy = first
        copy.source.sha256 = Fixtures.sha256(7)
        let copied = try store.store(copy, original: nil, originalExtension: "docx")
        let copyPath = copied.path
        #expect(copied.twin == firstPath)
        #expect(FileManager.default.fileExists(atPath: repository.url(of: firstPath).path))
        #expect(copyPath == PlanStore.disambiguated(copy).repositoryPath)
        #expect(copyPath.hasSuffix("-" + copy.source.sha256.prefix(8) + ".json"))
        #expect(try PlanIndex(repository: repository).update().problems == [])
    }

    @Test func indexReadsAsStrictlyAsValidateAndACopyNeverTakesAnId() throws {
        let repository = try IndexTests.repository()
        defer { try? FileManager.default.removeItem(at: repository.root) }
        let genuine = Fixtures.plan()
        let folder = repository.url(of: genuine.repositoryFolder)
        let original = try Data(contentsOf: repository.url(of: genuine.repositoryPath))
        // A valid copy under another name sorts before the genuine plan; a hand-edited copy
        // breaks a date; a third has a name that is not UTF-8.
        try original.write(to: folder.appendingPathComponent("0-copy.json"))
        try Data(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "\"2025-03-14\"", with: "\"2025-02-30\"").utf8)
            .write(to: folder.appendingPathComponent("1-edited.json"))
        #expect(Fixtures.writeMisnamedFile(in: folder, contents: original))

        let index = PlanIndex(repository: repository)
        let update = try index.update()
        #expect(update.added == 3)
        #expect(update.notIndexed == 3)
        let rejected = Set(update.problems.map { ($0.file as NSString).lastPathComponent })
        #expect(rejected == ["0-copy.json", "1-edited.json", "\u{FFFD}.json"])
        #expect(update.problems.allSatisfy { $0.problem.hasPrefix("not indexed: ") })
        #expect(update.problems.contains { $0.path == "$.id" && $0.problem.contains("move the file") })
        let holder = try index.select("SELECT file FROM plans WHERE id = '\(genuine.id)'")
        #expect(holder.rows == [[.string(genuine.repositoryPath)]])
    }
}
