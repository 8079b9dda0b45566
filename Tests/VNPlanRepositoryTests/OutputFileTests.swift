import Foundation
import Testing
@testable import VNPlanRepository

/// `-o`, `--output` and `--report` replace a regular file atomically and never replace
/// anything else: a FIFO or a device is written through, a symbolic link keeps pointing where
/// it pointed. FIFOs and links in a temporary folder stand for devices (no real device is touched).
@Suite struct OutputFileTests {
    static func kind(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(AtomicFile.temporarySuffix) }
    }

    /// Everything until the writer closes its end.
    static func readAll(_ path: String) -> Data {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while descriptor >= 0 {
            let count = read(descriptor, &chunk, chunk.count)
            if count <= 0 { break }
            data.append(contentsOf: chunk[..<count])
        }
        return data
    }

    @Test func aFIFOIsWrittenThroughAndStaysAFIFO() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader opens the other end; opening a FIFO blocks until both ends are open.
        let received = Collected()
        let reader = Thread { received.set(Self.readAll(fifo)) }
        reader.start()
        try AtomicFile.write(Data("{\"id\":1}\n".utf8), to: URL(fileURLWithPath: fifo))
        #expect(received.wait() == Data("{\"id\":1}\n".utf8))
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(try Self.leftovers(in: folder) == [])
    }

    @Test func aLinkIsWrittenThroughAndKept() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.json")
        let link = folder.appendingPathComponent("link.json")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.json")

        try AtomicFile.write(Data("new\n".utf8), to: link)
        #expect(Self.kind(link.path) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.json")
        #expect(try Data(contentsOf: target) == Data("new\n".utf8))

        // Inside a repository a planted link is replaced, so nothing is written outside it.
        try AtomicFile.write(Data("plan\n".utf8), to: link, links: .replace)
        #expect(Self.kind(link.path) == S_IFREG)
        #expect(try Data(contentsOf: target) == Data("new\n".utf8))
        #expect(try Self.leftovers(in: folder) == [])
    }

    @Test func aLinkToNothingCreatesItsTarget() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("dangling.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "made.json")
        try AtomicFile.write(Data("x\n".utf8), to: link)
        #expect(Self.kind(link.path) == S_IFLNK)
        #expect(try Data(contentsOf: folder.appendingPathComponent("made.json")) == Data("x\n".utf8))
    }

    @Test func aRegularFileIsReplacedWholeAndAFolderRefused() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deep/er/out.csv")
        try AtomicFile.write(Data("a longer first version\n".utf8), to: file)
        #expect(chmod(file.path, 0o750) == 0)
        try AtomicFile.write(Data("short\n".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("short\n".utf8))
        var status = stat()
        #expect(stat(file.path, &status) == 0 && status.st_mode & 0o7777 == 0o750)
        #expect(try Self.leftovers(in: file.deletingLastPathComponent()) == [])

        #expect(throws: OutputError(path: folder.path, problem: "is a folder; name a file to write to")) {
            try OutputFile(path: folder.path)
        }
    }

    @Test func anUnfinishedOutputLeavesTheOldFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.json")
        try AtomicFile.write(Data("old\n".utf8), to: file)
        do {
            let output = try OutputFile(path: file.path)
            try output.write(Data(repeating: 0x41, count: 200_000))
            // Dropped without commit, as when a query stops with an error.
        }
        #expect(try Data(contentsOf: file) == Data("old\n".utf8))
        #expect(try Self.leftovers(in: folder) == [])
    }
}
