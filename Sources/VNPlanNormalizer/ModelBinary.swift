import Foundation

/// Why a model file could not be used.
public enum LanguageModelError: Error, Equatable, CustomStringConvertible {
    case missingResource(String)
    case unreadable(path: String, reason: String)
    case notAModel(path: String)
    case truncated(path: String, section: String)
    case damaged(path: String, section: String)
    case corpusMissing(path: String)
    case tooLargeVocabulary(Int)

    public var description: String {
        switch self {
        case .missingResource(let name):
            "the bundled language model \(name) is missing; rebuild it with `vnplan-dev lm train`"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        case .notAModel(let path):
            "\(path) is not a vnplan syllable model (bad magic); rebuild it with `vnplan-dev lm train`"
        case .truncated(let path, let section):
            "\(path) ends inside its \(section) section; the file is damaged, rebuild it with `vnplan-dev lm train`"
        case .damaged(let path, let section):
            "the \(section) of \(path) are out of order or name words the model does not have; the file is damaged, rebuild it with `vnplan-dev lm train`"
        case .corpusMissing(let path):
            "no training text at \(path); pass the corpus directory with --corpus (the folder holding legal-vn.txt and vntc-news.txt.gz)"
        case .tooLargeVocabulary(let count):
            "the vocabulary has \(count) entries but ids are 16-bit; raise the minimum count"
        }
    }
}

/// Little-endian binary output; arrays are written as raw columns so the file diffs and
/// compresses well and loads with one copy per column.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: Float) {
        append(value.bitPattern)
    }

    mutating func append<T: FixedWidthInteger>(column: [T]) {
        append(UInt32(column.count))
        for value in column { append(value) }
    }

    mutating func append(column: [Float]) {
        append(column: column.map(\.bitPattern))
    }

    mutating func append(strings: [String]) {
        let blob = Array(strings.joined(separator: "\n").utf8)
        append(UInt32(strings.count))
        append(column: blob)
    }
}

struct BinaryReader {
    private let bytes: [UInt8]
    private let path: String
    private var offset = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, section: String) throws(LanguageModelError) -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw .truncated(path: path, section: section) }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
            }
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func readFloat(section: String) throws(LanguageModelError) -> Float {
        Float(bitPattern: try read(UInt32.self, section: section))
    }

    mutating func readColumn<T: FixedWidthInteger>(_: T.Type, section: String) throws(LanguageModelError) -> [T] {
        let count = Int(try read(UInt32.self, section: section))
        let size = count * MemoryLayout<T>.size
        guard offset + size <= bytes.count else { throw .truncated(path: path, section: section) }
        let column = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + size]))
            }
            initialized = count
        }
        offset += size
        #if _endian(little)
        return column
        #else
        // Files are little-endian; on a big-endian host each value is swapped once here.
        return column.map { T(littleEndian: $0) }
        #endif
    }

    mutating func readFloatColumn(section: String) throws(LanguageModelError) -> [Float] {
        try readColumn(UInt32.self, section: section).map(Float.init(bitPattern:))
    }

    mutating func readStrings(section: String) throws(LanguageModelError) -> [String] {
        let count = Int(try read(UInt32.self, section: section))
        let blob = try readColumn(UInt8.self, section: section)
        guard count > 0 else { return [] }
        let strings = String(decoding: blob, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard strings.count == count else { throw .truncated(path: path, section: section) }
        return strings
    }
}
