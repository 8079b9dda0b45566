import Foundation

/// A key in a JSON document that its type does not know, with its path ("normalizer.toneMark").
public struct UnknownKey: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var description: String { "unknown key \"\(path)\"" }
}

/// Decodes JSON into a type and refuses keys the type does not have, so a typo in a
/// configuration or a plan is an error rather than a setting silently ignored.
public enum StrictJSON {
    public static func decode<T: Codable>(_ type: T.Type, from data: Data) throws -> T {
        let value = try JSONDecoder().decode(T.self, from: data)
        let original = try JSONDecoder().decode(JSONValue.self, from: data)
        let known = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
        if let path = firstUnknownKey(in: original, knownKeys: known, path: "") {
            throw UnknownKey(path: path)
        }
        return value
    }

    /// Compares the document with the re-encoded value: a key the value did not write back
    /// (and that is not a null the value omits) is unknown.
    private static func firstUnknownKey(in original: JSONValue, knownKeys known: JSONValue,
                                        path: String) -> String? {
        switch (original, known) {
        case (.object(let members), .object(let knownMembers)):
            for key in members.keys.sorted() {
                let childPath = path.isEmpty ? key : "\(path).\(key)"
                guard let knownChild = knownMembers[key] else {
                    if members[key] == .null { continue }
                    return childPath
                }
                if let found = firstUnknownKey(in: members[key]!, knownKeys: knownChild, path: childPath) {
                    return found
                }
            }
        case (.array(let items), .array(let knownItems)):
            for (index, pair) in zip(items, knownItems).enumerated() {
                if let found = firstUnknownKey(in: pair.0, knownKeys: pair.1, path: "\(path)[\(index)]") {
                    return found
                }
            }
        default: break
        }
        return nil
    }

    /// "normalizer.toneMarks" from a DecodingError's coding path.
    public static func path(of error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        case .keyNotFound(let key, let c):
            return (c.codingPath + [key]).map(\.pathComponent).joined(separator: ".")
        @unknown default: return ""
        }
        return context.codingPath.map(\.pathComponent).joined(separator: ".")
    }
}

private extension CodingKey {
    var pathComponent: String { intValue.map { "[\($0)]" } ?? stringValue }
}
