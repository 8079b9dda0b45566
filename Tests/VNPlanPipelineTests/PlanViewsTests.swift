import Foundation
import Testing
import VNPlanModel
import VNPlanPipeline
import VNPlanReaders

/// `vnplan show`: the HTML view of a PDF's plan shows each task's row cut from its page, and
/// a real browser renders every task of it.
@Suite struct PlanViewsTests {
    private func planAndOriginal(_ name: String) throws -> (Plan, InputFile) {
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent(name))
        return (try PipelineFixtures.pipeline.convert(input), input)
    }

    /// PNG's signature, then the IHDR chunk's width and height.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    private func pictures(in page: String) -> [Data] {
        page.components(separatedBy: "data:image/png;base64,").dropFirst().compactMap { rest in
            Data(base64Encoded: String(rest.prefix { $0 != "\"" }))
        }
    }

    @Test func eachTaskOfAPDFShowsItsRow() throws {
        let (plan, original) = try planAndOriginal("kh-huyen-an-phu-2026.pdf")
        let view = try PlanViews.render(plan, as: .html, original: original)
        #expect(view.missingPictures == nil)
        let pictures = pictures(in: view.text)
        #expect(pictures.count == plan.tasks.count)
        for (task, picture) in zip(plan.tasks, pictures) {
            let size = try #require(Self.pngSize(picture), "task \(task.path)")
            let box = try #require(task.source.box)
            // At 110 dpi a row is at least as wide as its box, in pixels.
            #expect(Double(size.width) >= box.width * 110 / 72 - 1, "task \(task.path)")
            #expect(Double(size.height) >= box.height * 110 / 72 - 1, "task \(task.path)")
        }
        // The same plan and page give the same bytes.
        #expect(try PlanViews.render(plan, as: .html, original: original).text == view.text)
    }

    /// A scan turned by its scanner: its rows are cut from the page as OCR straightened it,
    /// where the boxes of the plan lie.
    @Test func eachTaskOfATurnedScanShowsItsRow() throws {
        let name = "kh-xa-hoa-binh-2026.rotated.tif"
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("scans/\(name)"))
        let plan = try PipelineFixtures.pipeline.convert(input)
        let view = try PlanViews.render(plan, as: .html, original: input)
        #expect(view.missingPictures == nil)
        let boxed = plan.tasks.filter { $0.source.box?.unit == .px }
        #expect(boxed.count == plan.tasks.count && !boxed.isEmpty)
        let pictures = pictures(in: view.text)
        #expect(pictures.count == boxed.count)
        for (task, picture) in zip(boxed, pictures) {
            let size = try #require(Self.pngSize(picture), "task \(task.path)")
            let box = try #require(task.source.box)
            // The page is read at 300 dpi and shown at 110: the row is at least its box's size.
            #expect(Double(size.width) >= box.width * 110 / 300 - 1, "task \(task.path)")
            #expect(Double(size.height) >= box.height * 110 / 300 - 1, "task \(task.path)")
        }
        #expect(try PlanViews.render(plan, as: .html, original: input).text == view.text)
    }

    @Test func aViewSaysWhyItHasNoPictures() throws {
        let (plan, _) = try planAndOriginal("kh-huyen-an-phu-2026.pdf")
        let other = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.pdf"))
        #expect(try PlanViews.render(plan, as: .html, original: other).missingPictures == .otherOriginal(file: other.name))
        #expect(try PlanViews.render(plan, as: .html, original: nil).missingPictures == .noOriginal)
        let (docxPlan, docx) = try planAndOriginal("kh-huyen-an-phu-2026.docx")
        let view = try PlanViews.render(docxPlan, as: .html, original: docx)
        #expect(view.missingPictures == .notFromPages(.docx))
        #expect(pictures(in: view.text).isEmpty)
    }

    /// Headless Chromium renders the page: every task's activity is in its DOM, and its
    /// screenshot is not blank. Skipped where Chromium is not installed.
    @Test(.enabled(if: Browser.path != nil)) func aBrowserShowsEveryTask() throws {
        let (plan, original) = try planAndOriginal("kh-xa-hoa-binh-2026.pdf")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vnplan-show-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("plan.html")
        try Data(PlanViews.render(plan, as: .html, original: original).text.utf8).write(to: page)
        let dom = try Browser.run(["--dump-dom", page.absoluteString])
        for task in plan.tasks {
            let activity = try #require(task.activity)
            #expect(dom.contains(activity.replacingOccurrences(of: "\n", with: "<br>")), "task \(task.path)")
        }
        let screenshot = folder.appendingPathComponent("plan.png")
        _ = try Browser.run(["--window-size=1300,1800", "--screenshot=\(screenshot.path)", page.absoluteString])
        let shot = try Data(contentsOf: screenshot)
        #expect(Self.pngSize(shot).map { $0 == (1300, 1800) } == true)
        // A blank page of that size compresses to a few kilobytes; text and row pictures do not.
        #expect(shot.count > 60_000, "\(shot.count) bytes")
    }
}

/// Headless Chromium (Debian `chromium`), as the tests run it.
enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Its standard output; it runs without a sandbox (CI runs as root) and without a GPU.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/vnplan-chromium-\(UUID().uuidString)"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
