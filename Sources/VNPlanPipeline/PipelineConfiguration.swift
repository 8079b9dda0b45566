import Foundation
import VNPlanModel
import VNPlanNormalizer
import VNPlanReaders

/// The stages that run for each input format and their settings: pipeline.json.
public struct PipelineConfiguration: Sendable, Codable, Equatable {
    /// A stage after reading. Reading always runs; the rest run when listed, in pipeline order.
    public enum Stage: String, Sendable, Codable, CaseIterable {
        /// Unicode NFC, tone-mark placement, legacy encodings, line joining.
        case normalize
        /// Diacritic and OCR restoration with the language model, where text is degraded.
        case restore
        /// Table reconstruction and plan extraction.
        case tables
    }

    public struct FormatSettings: Sendable, Codable, Equatable {
        public var stages: [Stage]
    }

    public struct OCRSettings: Sendable, Codable, Equatable {
        /// Tesseract language codes, in order of preference ("vie", "eng").
        public var languages: [String]
        /// Resolution pages are rendered at before OCR.
        public var dpi: Int
    }

    public struct OutputSettings: Sendable, Codable, Equatable {
        /// Keep each original under `sources/<sha256>.<ext>` in the repository.
        public var keepSources: Bool
    }

    /// Limits of each document's worker process in `vnplan ingest`.
    public struct BatchSettings: Sendable, Codable, Equatable {
        /// A document still converting after this long is stopped and reported as timed out.
        public var timeLimitSeconds: Int
        /// The address space a worker may use; a document that needs more is reported as
        /// out of memory.
        public var memoryLimitMB: Int

        static let timeLimits = 1...86_400
        static let memoryLimits = 256...1_048_576
    }

    public var formats: [String: FormatSettings]
    public var ocr: OCRSettings
    public var normalizer: NormalizerConfiguration
    public var output: OutputSettings
    public var batch: BatchSettings

    /// SHA-256 (hex) of the settings that decide what a plan holds: formats, OCR and the
    /// normalizer. Batch limits and output choices leave plans as they are, so changing them
    /// does not make every plan outdated.
    public var conversionFingerprint: String {
        struct ConversionSettings: Encodable {
            var formats: [String: FormatSettings]
            var ocr: OCRSettings
            var normalizer: NormalizerConfiguration
        }
        let settings = ConversionSettings(formats: formats, ocr: ocr, normalizer: normalizer)
        // Encoding plain strings, numbers and lists cannot fail.
        let json = (try? CanonicalJSON.encode(settings)) ?? Data()
        return InputFile(name: "pipeline.json", data: json).sha256
    }

    /// What the pipeline writes into each plan it makes.
    public var producer: Producer {
        Producer(version: VNPlanVersion.current, pipeline: conversionFingerprint)
    }

    /// The stages for a format; a format the configuration does not list is not read at all.
    public func stages(for format: SourceFormat) -> [Stage]? {
        formats[format.rawValue]?.stages
    }

    /// The default pipeline: the repository's pipeline.json, shipped with the program.
    public static func loadDefault() throws(ConfigurationError) -> PipelineConfiguration {
        guard let url = Bundle.module.url(forResource: "pipeline", withExtension: "json") else {
            throw ConfigurationError(file: "pipeline.json", problem: "the default pipeline is missing from the installation")
        }
        return try load(from: url)
    }

    public static func load(from url: URL) throws(ConfigurationError) -> PipelineConfiguration {
        let data: Data
        do { data = try Data(contentsOf: url) }
        catch { throw ConfigurationError(file: url.path, problem: "cannot be read (\(error.localizedDescription))") }
        return try load(from: data, name: url.path)
    }

    public static func load(from data: Data, name: String) throws(ConfigurationError) -> PipelineConfiguration {
        let configuration: PipelineConfiguration
        do { configuration = try StrictJSON.decode(PipelineConfiguration.self, from: data) }
        catch let error as UnknownKey { throw ConfigurationError(file: name, problem: error.description) }
        catch let error as DecodingError {
            throw ConfigurationError(file: name, problem: describe(error))
        } catch { throw ConfigurationError(file: name, problem: "\(error)") }
        try configuration.check(name: name)
        return configuration
    }

    private func check(name: String) throws(ConfigurationError) {
        for key in formats.keys.sorted() where SourceFormat(rawValue: key) == nil {
            throw ConfigurationError(file: name, problem: "unknown format \"formats.\(key)\" (known: "
                + SourceFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        for (format, settings) in formats where Set(settings.stages).count != settings.stages.count {
            throw ConfigurationError(file: name, problem: "\"formats.\(format).stages\" lists a stage twice")
        }
        guard (72...1200).contains(ocr.dpi) else {
            throw ConfigurationError(file: name, problem: "\"ocr.dpi\" is \(ocr.dpi); use a value from 72 to 1200")
        }
        guard !ocr.languages.isEmpty, ocr.languages.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0 == "_" } }) else {
            throw ConfigurationError(file: name, problem: "\"ocr.languages\" must list tesseract language codes such as \"vie\"")
        }
        guard (0...1).contains(normalizer.restoration.threshold) else {
            throw ConfigurationError(file: name,
                problem: "\"normalizer.restoration.threshold\" is \(normalizer.restoration.threshold); use a value from 0 to 1")
        }
        guard BatchSettings.timeLimits.contains(batch.timeLimitSeconds) else {
            throw ConfigurationError(file: name, problem: "\"batch.timeLimitSeconds\" is \(batch.timeLimitSeconds); use a value from "
                + "\(BatchSettings.timeLimits.lowerBound) to \(BatchSettings.timeLimits.upperBound)")
        }
        guard BatchSettings.memoryLimits.contains(batch.memoryLimitMB) else {
            throw ConfigurationError(file: name, problem: "\"batch.memoryLimitMB\" is \(batch.memoryLimitMB); use a value from "
                + "\(BatchSettings.memoryLimits.lowerBound) to \(BatchSettings.memoryLimits.upperBound)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let path = StrictJSON.path(of: error)
        switch error {
        case .keyNotFound: return "missing key \"\(path)\""
        case .typeMismatch(let type, _): return "\"\(path)\" should be \(describe(type))"
        case .valueNotFound(let type, _): return "\"\(path)\" should be \(describe(type)), not null"
        case .dataCorrupted(let context):
            return path.isEmpty ? "not valid JSON (\(context.debugDescription))"
                : "bad value for \"\(path)\" (\(context.debugDescription))"
        @unknown default: return "\(error)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        case is String.Type: "a string"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}

public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String
    public var description: String { "\(file): \(problem)" }
}
