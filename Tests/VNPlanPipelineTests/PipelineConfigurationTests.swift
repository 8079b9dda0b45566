import Foundation
import Testing
import VNPlanModel
import VNPlanReaders
@testable import VNPlanPipeline

@Suite struct PipelineConfigurationTests {
    private func load(_ json: String) throws -> PipelineConfiguration {
        try PipelineConfiguration.load(from: Data(json.utf8), name: "test.json")
    }

    private func shippedJSON() throws -> String {
        try String(contentsOf: PipelineFixtures.projectRoot.appendingPathComponent("pipeline.json"), encoding: .utf8)
    }

    @Test func shippedDefaultIsTheRepositoryFile() throws {
        let shipped = try PipelineConfiguration.loadDefault()
        #expect(shipped == (try load(shippedJSON())))
        #expect(shipped.stages(for: .docx) == [.normalize, .tables])
        #expect(shipped.stages(for: .text) == [.normalize, .restore, .tables])
        #expect(shipped.ocr.languages == ["vie"])
        #expect(shipped.normalizer.toneMarks == .old)
    }

    @Test func unknownKeyIsNamed() throws {
        let json = try shippedJSON().replacingOccurrences(of: "\"toneMarks\"", with: "\"toneMark\"")
        #expect(throws: ConfigurationError(file: "test.json", problem: "missing key \"normalizer.toneMarks\"")) {
            try load(json)
        }
        let extra = try shippedJSON().replacingOccurrences(of: "\"dpi\": 300", with: "\"dpi\": 300, \"psm\": 6")
        #expect(throws: ConfigurationError(file: "test.json", problem: "unknown key \"ocr.psm\"")) {
            try load(extra)
        }
    }

    @Test func badValuesAreNamed() throws {
        let dpi = try shippedJSON().replacingOccurrences(of: "\"dpi\": 300", with: "\"dpi\": 5")
        #expect(throws: ConfigurationError(file: "test.json", problem: "\"ocr.dpi\" is 5; use a value from 72 to 1200")) {
            try load(dpi)
        }
        let style = try shippedJSON().replacingOccurrences(of: "\"toneMarks\": \"old\"", with: "\"toneMarks\": \"newest\"")
        #expect {
            try load(style)
        } throws: { error in
            (error as? ConfigurationError)?.problem.hasPrefix("bad value for \"normalizer.toneMarks\"") == true
        }
        let format = try shippedJSON().replacingOccurrences(of: "\"pdf\":", with: "\"odt\":")
        #expect {
            try load(format)
        } throws: { error in
            (error as? ConfigurationError)?.problem.hasPrefix("unknown format \"formats.odt\"") == true
        }
    }

    @Test func formatLeftOutIsNotRead() throws {
        let json = try shippedJSON().replacingOccurrences(of: "\"docx\": { \"stages\": [\"normalize\", \"tables\"] },", with: "")
        let pipeline = Pipeline(configuration: try load(json))
        let input = try InputFile(contentsOf: PipelineFixtures.samples.appendingPathComponent("kh-xa-hoa-binh-2026.docx"))
        #expect {
            try pipeline.convert(input)
        } throws: { error in
            (error as? PipelineError)?.reason == "kh-xa-hoa-binh-2026.docx: the pipeline does not read docx files (add \"docx\" to \"formats\" in pipeline.json)"
        }
    }
}
