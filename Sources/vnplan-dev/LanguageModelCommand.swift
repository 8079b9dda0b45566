import ArgumentParser
import Foundation
import VNPlanCommandOptions
import VNPlanNormalizer

struct LanguageModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lm",
        abstract: "Train and evaluate the syllable language model of the restore stage.",
        discussion: """
            The model is a trigram model of Vietnamese syllables (interpolated Kneser-Ney, pruned \
            and stored in back-off form) with an OCR noisy channel. It is committed as \
            Sources/VNPlanNormalizer/Resources/syllable-lm.bin; `vnplan-dev lm train` rebuilds it \
            byte for byte from the same inputs.
            """,
        subcommands: [Train.self, Evaluate.self])
}

extension LanguageModelCommand {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild the language model from the corpus, the clean seeds and OCR pairs.",
            discussion: """
                Reads legal-vn.txt (its held-out documents, index % 25 == 12, are left out) and \
                vntc-news.txt.gz (read through gzip, never copied) from --corpus, the seed texts \
                that are clean Vietnamese from --seeds, and the rendered-and-OCRed pages that \
                scripts/normalizer/ocr_corpus.py --set confusion wrote to --ocr-pairs.

                Example:
                  python3 scripts/normalizer/ocr_corpus.py --set confusion --out /tmp/vnplan-ocr/confusion --pages 80 --langs eng,vie
                  vnplan-dev lm train --ocr-pairs /tmp/vnplan-ocr/confusion
                """)

        @Option(help: ArgumentHelp("Directory holding legal-vn.txt and vntc-news.txt.gz (or vntc-news.txt).", valueName: "dir"))
        var corpus = "../shared/corpus"

        @Option(help: ArgumentHelp("Directory of seed texts; those that read as clean Vietnamese are used.", valueName: "dir"))
        var seeds = "../shared/seeds"

        @Option(help: ArgumentHelp("Directory of page-NNNN.truth.txt / page-NNNN.<lang>.txt pairs to learn OCR confusions from.", valueName: "dir"))
        var ocrPairs: String?

        @Option(help: ArgumentHelp("OCR languages whose output to learn from.", valueName: "list"))
        var ocrLanguages = "eng,vie"

        @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the model.", valueName: "file"))
        var output = "Sources/VNPlanNormalizer/Resources/syllable-lm.bin"

        @Option(help: "How many times legal and seed text counts against news.")
        var legalWeight = 2

        @Option(help: "Trigrams seen fewer (weighted) times are pruned; raise it for a smaller model.")
        var minimumTrigramCount: UInt32 = 3

        func run() throws {
            let corpusURL = URL(fileURLWithPath: corpus)
            let news = ["vntc-news.txt", "vntc-news.txt.gz"].map { corpusURL.appendingPathComponent($0) }
                .first { FileManager.default.fileExists(atPath: $0.path) } ?? corpusURL.appendingPathComponent("vntc-news.txt.gz")
            var sources = [
                TrainingSource(url: corpusURL.appendingPathComponent("legal-vn.txt"), weight: legalWeight, excludesHeldOut: true),
                TrainingSource(url: news, weight: 1),
            ]
            sources += try cleanSeeds().map { TrainingSource(url: $0, weight: legalWeight) }
            let pairs = try ocrPairs.map {
                try OCRPagePair.load(directory: URL(fileURLWithPath: $0), languages: ocrLanguages.split(separator: ",").map(String.init))
            } ?? []
            var options = LanguageModelTrainer.Options()
            options.minimumTrigramCount = minimumTrigramCount
            let start = Date()
            do {
                let (bytes, report) = try LanguageModelTrainer(options: options).train(sources: sources, ocrPairs: pairs) {
                    FileHandle.standardError.write(text: ("· " + $0 + "\n"))
                }
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
                print(report)
                print(String(format: "wrote %@ in %.0f s", output, Date().timeIntervalSince(start)))
            } catch let error as LanguageModelError {
                throw CommandFailure(error.description)
            }
        }

        /// Seed texts written in real Vietnamese (most words marked); damaged ones such as an OCR
        /// without Vietnamese data would teach the model the damage.
        private func cleanSeeds() throws -> [URL] {
            let directory = URL(fileURLWithPath: seeds)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
            return try names.sorted().filter { $0.hasSuffix(".txt") }.compactMap { name in
                let url = directory.appendingPathComponent(name)
                let words = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isWhitespace)
                    .filter { $0.contains(where: \.isLetter) }
                let marked = words.filter { $0.vietnameseFolded != String($0) }.count
                let clean = !words.isEmpty && Double(marked) / Double(words.count) >= 0.4
                FileHandle.standardError.write(text: "· seed \(name): \(clean ? "used" : "skipped, not clean Vietnamese")\n")
                return clean ? url : nil
            }
        }
    }
}

extension LanguageModelCommand {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the restoration figures on held-out documents.",
            discussion: """
                Measures, on the documents of legal-vn.txt held out of training: syllable \
                accuracy with every diacritic stripped; the share of syllables of clean text left \
                unchanged by normalize + restore; syllable accuracy on the same documents rendered \
                and read by tesseract eng (scripts/normalizer/ocr_corpus.py --set heldout); model \
                load time and restoration speed. Build with -c release for meaningful speeds.
                """)

        @Option(help: ArgumentHelp("Directory holding legal-vn.txt.", valueName: "dir"))
        var corpus = "../shared/corpus"

        @Option(help: ArgumentHelp("Held-out OCR pairs from ocr_corpus.py --set heldout.", valueName: "dir"))
        var ocrPairs: String?

        @Option(help: ArgumentHelp("A model file instead of the bundled one.", valueName: "file"))
        var model: String?

        @Option(help: "Evaluate at most this many held-out lines (0: all).")
        var lines = 0

        @Option(help: ArgumentHelp("List this many of the most frequent errors on stripped text.", valueName: "count"))
        var showErrors = 0

        @Option(help: "Restore the stripped text this many times and report the best speed.")
        var runs = 3

        func run() throws {
            do {
                let start = Date(), processorStart = RestorationEvaluation.processorSeconds()
                let languageModel = try model.map { path throws(LanguageModelError) in
                    try SyllableLanguageModel(contentsOf: URL(fileURLWithPath: path))
                } ?? SyllableLanguageModel.bundled()
                let counts = languageModel.ngramCounts
                print(String(format: "model load: %.0f ms (%.0f ms CPU), %d words, %d bigrams, %d trigrams",
                             Date().timeIntervalSince(start) * 1000,
                             (RestorationEvaluation.processorSeconds() - processorStart) * 1000,
                             languageModel.vocabularySize, counts[0], counts[1]))
                let evaluation = RestorationEvaluation(normalizer: Normalizer(model: languageModel))
                var heldOut = try RestorationEvaluation.heldOutLines(corpus: URL(fileURLWithPath: corpus).appendingPathComponent("legal-vn.txt"))
                if lines > 0 { heldOut = Array(heldOut.prefix(lines)) }
                print("held-out documents: legal-vn.txt index % \(HeldOutDocuments.modulus) == \(HeldOutDocuments.remainder), \(heldOut.count) lines")
                // Speeds are the best of the runs: the restoring is the same each time, only the
                // machine's other work differs.
                var stripped = try evaluation.stripped(heldOut)
                for _ in 1..<max(runs, 1) { stripped.seconds = min(stripped.seconds, try evaluation.stripped(heldOut).seconds) }
                print(stripped)
                for (error, count) in stripped.commonErrors(showErrors) { print(String(format: "%6d  ", count) + error) }
                print(try evaluation.clean(heldOut))
                if let ocrPairs {
                    let pairs = try OCRPagePair.load(directory: URL(fileURLWithPath: ocrPairs), languages: ["eng"])
                    let (restored, raw) = try evaluation.ocr(pairs)
                    print("OCR pages (tesseract eng): \(pairs.count)")
                    print(raw)
                    print(restored)
                }
            } catch let error as LanguageModelError {
                throw CommandFailure(error.description)
            }
        }
    }
}
