import Foundation
import Testing

/// The commands README.md and docs/workflows.md show (`$ ` lines of their code blocks) run as
/// written, in the order the text gives them, in one shell session over the files the text
/// says it used (the samples, an archive folder with two broken files). Each must run without
/// a usage error (exit status 2, or the argument parser's "Error:"/"Usage:"), and where the
/// text shows JSON lines or a table its output has the same keys or columns.
@Suite struct DocumentedCommandsTests {
    struct Example {
        var file: String
        var line: Int
        var command: String
        /// The output the text shows under the command.
        var shown: [String]
    }

    /// `$ ` lines of fenced blocks and the lines under each, up to the next command or fence.
    static func examples(in file: String) throws -> [Example] {
        let text = try String(contentsOf: Fixtures.projectRoot.appendingPathComponent(file), encoding: .utf8)
        var examples: [Example] = []
        var inBlock = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            guard inBlock else { continue }
            if line.hasPrefix("$ ") {
                examples.append(Example(file: file, line: index + 1, command: String(line.dropFirst(2)), shown: []))
            } else if !examples.isEmpty, !line.isEmpty {
                examples[examples.count - 1].shown.append(line)
            }
        }
        return examples
    }

    /// The folder the text's commands run in: the samples beside it, and `luu-tru/` with
    /// four sample DOCX, a real one when ../shared holds it, an empty and a truncated file.
    static func scene() throws -> URL {
        let folder = try Fixtures.temporaryFolder("documented")
        let manager = FileManager.default
        let samples = Fixtures.projectRoot.appendingPathComponent("samples")
        for link in ["samples", "scripts"] {
            try manager.createSymbolicLink(at: folder.appendingPathComponent(link),
                                           withDestinationURL: Fixtures.projectRoot.appendingPathComponent(link))
        }
        let archive = folder.appendingPathComponent("luu-tru")
        try manager.createDirectory(at: archive, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: samples.path).sorted()
        where name.hasSuffix(".docx") || (name.hasSuffix(".pdf") && !name.contains(".noborders") && !name.contains(".word")) {
            try manager.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            if name.hasSuffix(".docx"), name != "kh-huyen-an-phu-2026.docx" {
                try manager.copyItem(at: samples.appendingPathComponent(name), to: archive.appendingPathComponent(name))
            }
        }
        try manager.copyItem(at: samples.appendingPathComponent("kh-xa-hoa-binh-2026.noborders.pdf"),
                             to: folder.appendingPathComponent("kh-xa-hoa-binh-2026.noborders.pdf"))
        let real = Fixtures.projectRoot.appendingPathComponent("../shared/realdocs/KH-3957_3.7.2026_Kiem-tra-cap-GCN-19-don-vi.docx")
        if manager.fileExists(atPath: real.path) {
            try manager.copyItem(at: real, to: archive.appendingPathComponent(real.lastPathComponent))
        }
        try Data().write(to: archive.appendingPathComponent("bien-ban-trong.docx"))
        let docx = try Data(contentsOf: samples.appendingPathComponent("kh-thi-tran-phu-my-2025.docx"))
        try docx.prefix(docx.count / 2).write(to: archive.appendingPathComponent("ke-hoach-bi-cat.docx"))
        return folder
    }

    @Test func everyDocumentedCommandRunsAsWritten() throws {
        let examples = try Self.examples(in: "README.md") + Self.examples(in: "docs/workflows.md")
        #expect(examples.filter { $0.command.contains("vnplan ") }.count >= 30)
        let folder = try Self.scene()
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = folder.appendingPathComponent(".logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        // One session, as a person pastes the text: each command's output, errors and status apart.
        var script = ["set -o pipefail", "export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid"]
        for (index, example) in examples.enumerated() {
            script.append("{ \(example.command)\n} > '\(logs.path)/\(index).out' 2> '\(logs.path)/\(index).err' < /dev/null; echo $? > '\(logs.path)/\(index).status'")
        }
        let session = folder.appendingPathComponent(".session.sh")
        try script.joined(separator: "\n").write(to: session, atomically: true, encoding: .utf8)
        #expect(try InitTests.run(["bash", session.path], in: folder).status == 0)

        for (index, example) in examples.enumerated() {
            let place = "\(example.file):\(example.line): \(example.command)"
            let status = try String(contentsOf: logs.appendingPathComponent("\(index).status"), encoding: .utf8)
            let errors = try String(contentsOf: logs.appendingPathComponent("\(index).err"), encoding: .utf8)
            let output = try String(contentsOf: logs.appendingPathComponent("\(index).out"), encoding: .utf8)
            #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) != "2", "\(place)\n\(errors)")
            #expect(!errors.contains("Usage: vnplan") && !errors.contains("Error: "), "\(place)\n\(errors)")
            #expect(!errors.contains("command not found"), "\(place)\n\(errors)")
            #expect(Self.shape(of: output) == Self.shape(of: example.shown.joined(separator: "\n")) || Self.shape(of: example.shown.joined(separator: "\n")) == nil,
                    "\(place)\nshown: \(example.shown.first ?? "")\nmade: \(output.split(separator: "\n").first ?? "")")
        }
    }

    /// What the text promises of an output: the keys of its first JSON line, or the column
    /// names of a table (a header over a ─── rule); nil when it shows neither.
    static func shape(of output: String) -> [String]? {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.first else { return nil }
        if first.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any] {
            return object.keys.sorted()
        }
        if lines.count > 1, lines[1].hasPrefix("─") {
            return first.split(separator: " ").map(String.init)
        }
        return nil
    }
}
