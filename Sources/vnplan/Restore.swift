import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanNormalizer
import VNPlanRepository

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Repair Vietnamese text: encodings, Unicode, broken lines, lost diacritics, OCR errors.",
        discussion: """
            Runs the normalize and restore stages on plain text: NFC and one tone-mark placement, \
            TCVN3/VNI mojibake converted, words broken across lines rejoined, and in lines that \
            look damaged, diacritics and OCR confusions restored with the syllable language model \
            ("Trung tdm Phuc vu hanh chinh cong" → "Trung tâm Phục vụ hành chính công"). Lines \
            that read as correct Vietnamese pass unchanged.

            Reads standard input when no file is given; writes standard output unless --output \
            names a file (one input file only).
            """)

    @Argument(help: ArgumentHelp("Text files (UTF-8) to restore.", valueName: "file"))
    var files: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the result here instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Tone-mark placement: old (hòa), new (hoà) or keep.", valueName: "style"))
    var toneMarks: NormalizerConfiguration.ToneMarkStyle = .old

    @Option(help: "Restore lines whose degradation score (0…1) is at least this.")
    var threshold = 0.5

    @Flag(help: "List every restored word with its confidence on standard error.")
    var showConfidence = false

    func validate() throws {
        guard (0...1).contains(threshold) else { throw ValidationError("--threshold is \(threshold); use a value from 0 to 1") }
        if output != nil, files.count > 1 { throw ValidationError("--output takes one input file; \(files.count) were given") }
    }

    func run() throws {
        let model: SyllableLanguageModel
        do { model = try SyllableLanguageModel.bundled() } catch { throw CommandFailure(error.description) }
        let normalizer = Normalizer(configuration: NormalizerConfiguration(
            toneMarks: toneMarks, restoration: .init(threshold: threshold)), model: model)
        let inputs: [String]
        if files.isEmpty {
            inputs = [String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)]
        } else {
            inputs = try files.map { path in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw CommandFailure("cannot read \(path): no such file or not readable")
                }
                return String(decoding: data, as: UTF8.self)
            }
        }
        var result = ""
        for input in inputs {
            // Paragraphs (blank-line separated) are the runs: lines inside one may be joined.
            let paragraphs = input.components(separatedBy: "\n\n")
            let restored = try paragraphs.map { paragraph throws(LanguageModelError) in
                let text = try normalizer.restore(normalizer.normalize(paragraph).text)
                if showConfidence { report(text.restorations) }
                return text.text
            }
            result += restored.joined(separator: "\n\n")
        }
        try OutputFile.write(Data(result.utf8), to: output)
    }

    private func report(_ tokens: [RestoredToken]) {
        let lines = tokens.map { String(format: "%@ → %@ (%.2f)\n", $0.original, $0.restored, $0.confidence) }
        FileHandle.standardError.write(text: lines.joined())
    }
}

extension NormalizerConfiguration.ToneMarkStyle: ExpressibleByArgument {}
