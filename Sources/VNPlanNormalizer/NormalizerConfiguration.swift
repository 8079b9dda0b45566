/// How the normalizer treats text; read from the `normalizer` part of pipeline.json.
public struct NormalizerConfiguration: Sendable, Codable, Equatable {
    /// Where the tone mark goes in "oa", "oe", "uy": old style "hòa", new style "hoà", or as written.
    public enum ToneMarkStyle: String, Sendable, Codable, CaseIterable {
        case old, new, keep
    }

    public struct Restoration: Sendable, Codable, Equatable {
        /// Restore diacritics in text runs whose degradation score is at least this (0...1).
        public var threshold: Double

        public init(threshold: Double = 0.5) {
            self.threshold = threshold
        }
    }

    public var toneMarks: ToneMarkStyle
    public var restoration: Restoration

    public init(toneMarks: ToneMarkStyle = .old, restoration: Restoration = Restoration()) {
        self.toneMarks = toneMarks
        self.restoration = restoration
    }
}
