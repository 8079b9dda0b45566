import Foundation
import VNPlanModel

/// A JSON text read into a `JSONValue`, with where things are in it: the line of every member
/// and element by JSON path ("$.tasks[3].deadline.end"), so an issue can point at its line
/// (GitHub shows annotations inline only with one), or the line and column of the first
/// syntax error, which Foundation's decoder does not give.
///
/// One linear pass with an explicit stack: a file nested as deep as it likes cannot exhaust
/// the call stack. It is also the validator's fast way to a tree: `JSONValue`'s Codable
/// decoding tries each type in turn, and its failed attempts were 58% of validating a plan.
struct LocatedJSON {
    let value: JSONValue
    private let locations: [String: JSONLocation]

    /// - Parameter locating: record the line of every path (slower; for texts with issues).
    init(_ data: Data, locating: Bool = false) throws(JSONSyntaxError) {
        var scanner = Scanner(bytes: [UInt8](data), locating: locating)
        value = try scanner.scan()
        locations = scanner.locations
    }

    /// Where the value at `path` is (its key, for a member), or its nearest enclosing value the
    /// file has (a missing key points at the object that lacks it).
    func location(of path: String) -> JSONLocation? {
        var path = Substring(path)
        while !path.isEmpty {
            if let location = locations[String(path)] { return location }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return locations["$"]
    }

    /// An object or list being read.
    private struct Container {
        var path: String
        var isObject: Bool
        var members: [String: JSONValue] = [:]
        var items: [JSONValue] = []
        var key = ""

        var count: Int { isObject ? members.count : items.count }
        var value: JSONValue { isObject ? .object(members) : .array(items) }

        mutating func add(_ value: JSONValue) {
            if isObject { members[key] = value } else { items.append(value) }
        }
    }

    private enum Expectation {
        case value(path: String)
        case key
        case afterValue
    }

    private struct Scanner {
        let bytes: [UInt8]
        let locating: Bool
        var index = 0
        var line = 1
        var lineStart = 0
        var locations: [String: JSONLocation] = [:]

        init(bytes: [UInt8], locating: Bool) {
            self.bytes = bytes
            self.locating = locating
            // A byte order mark is not JSON, but editors on Windows write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        mutating func scan() throws(JSONSyntaxError) -> JSONValue {
            var stack: [Container] = []
            var expectation = Expectation.value(path: "$")
            var completed: JSONValue?
            while true {
                skipWhitespace()
                if let value = completed {
                    completed = nil
                    guard !stack.isEmpty else {
                        guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
                        return value
                    }
                    stack[stack.count - 1].add(value)
                    expectation = .afterValue
                }
                switch expectation {
                case .value(let path):
                    guard index < bytes.count else { throw error("the file ends where a value should be; it may be cut short") }
                    if locating, locations[path] == nil { locations[path] = here() }
                    switch bytes[index] {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        // Foundation's decoder stops at the same depth; a plan nests less than 10.
                        guard stack.count < 512 else { throw error("nested deeper than 512 levels; a plan is not") }
                        let isObject = bytes[index] == UInt8(ascii: "{")
                        index += 1
                        skipWhitespace()
                        if index < bytes.count, bytes[index] == UInt8(ascii: isObject ? "}" : "]") {
                            index += 1
                            completed = isObject ? .object([:]) : .array([])
                        } else {
                            stack.append(Container(path: path, isObject: isObject))
                            expectation = isObject ? .key : .value(path: locating ? path + "[0]" : "")
                        }
                    case UInt8(ascii: "\""): completed = .string(try string())
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): completed = try number()
                    case UInt8(ascii: "t"): completed = try literal("true", .bool(true))
                    case UInt8(ascii: "f"): completed = try literal("false", .bool(false))
                    case UInt8(ascii: "n"): completed = try literal("null", .null)
                    default: throw error("expected a value (a text in double quotes, a number, {…}, […], true, false or null)")
                    }
                case .key:
                    guard index < bytes.count else { throw error("the file ends inside an object; it may be cut short") }
                    guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                    let keyLocation = locating ? here() : JSONLocation(line: line, column: 0)
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw error("expected \":\" after the key \"\(key)\"")
                    }
                    index += 1
                    stack[stack.count - 1].key = key
                    let path = locating ? stack[stack.count - 1].path + "." + key : ""
                    if locating { locations[path] = keyLocation }
                    expectation = .value(path: path)
                case .afterValue:
                    let container = stack[stack.count - 1]
                    guard index < bytes.count else {
                        throw error("the file ends inside \(container.isObject ? "an object" : "a list"); it may be cut short")
                    }
                    let closing = UInt8(ascii: container.isObject ? "}" : "]")
                    if bytes[index] == closing {
                        index += 1
                        stack.removeLast()
                        completed = container.value
                    } else if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        expectation = container.isObject ? .key
                            : .value(path: locating ? "\(container.path)[\(container.count)]" : "")
                    } else {
                        throw error("expected \",\" or \"\(Character(UnicodeScalar(closing)))\"")
                    }
                }
            }
        }

        private mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\n"):
                    line += 1
                    lineStart = index + 1
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default: return
                }
                index += 1
            }
        }

        /// A string literal's text, its escapes decoded.
        private mutating func string() throws(JSONSyntaxError) -> String {
            index += 1
            var text: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    guard let decoded = String(validating: text, as: UTF8.self) else {
                        throw error("a text is not UTF-8; save the file as UTF-8")
                    }
                    return decoded
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "u"): text += String(try escapedScalar()).utf8
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                    case UInt8(ascii: "b"): text.append(0x08)
                    case UInt8(ascii: "f"): text.append(0x0C)
                    case UInt8(ascii: "n"): text.append(0x0A)
                    case UInt8(ascii: "r"): text.append(0x0D)
                    case UInt8(ascii: "t"): text.append(0x09)
                    default:
                        index -= 2
                        throw error("unknown escape in a text; write a backslash as \\\\")
                    }
                case 0..<0x20:
                    throw error(byte == UInt8(ascii: "\n") ? "a text is not closed before the end of the line"
                                                           : "a control character inside a text; escape it")
                default:
                    text.append(byte)
                    index += 1
                }
            }
            throw error("the file ends inside a text; it may be cut short")
        }

        /// The character of a \uXXXX escape (the "\u" read), joining a surrogate pair; a lone
        /// surrogate becomes U+FFFD.
        private mutating func escapedScalar() throws(JSONSyntaxError) -> Character {
            let high = try hexQuad()
            guard (0xD800..<0xDC00).contains(high) else {
                return Character(Unicode.Scalar(high) ?? "\u{FFFD}")
            }
            guard bytes[index...].starts(with: "\\u".utf8) else { return "\u{FFFD}" }
            index += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { return "\u{FFFD}" }
            return Character(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}")
        }

        private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
            let digits = bytes[index..<min(index + 4, bytes.count)]
            guard digits.count == 4, let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else {
                throw error("\\u must be followed by four hexadecimal digits")
            }
            index += 4
            return value
        }

        /// A number: an integer when it is whole and fits, else a Double.
        private mutating func number() throws(JSONSyntaxError) -> JSONValue {
            func digits() -> Int {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - start
            }
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let integerStart = index
            guard digits() > 0 else { throw error("a number needs digits") }
            if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
                index = integerStart
                throw error("a number cannot start with 0")
            }
            var isInteger = true
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                isInteger = false
                guard digits() > 0 else { throw error("a number needs digits after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                isInteger = false
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent") }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let integer = Int(text) { return .integer(integer) }
            // As JSONValue's Codable decoding does: a whole number written "1.5e3" is an integer.
            let number = Double(text) ?? .nan
            return Int(exactly: number).map(JSONValue.integer) ?? .number(number)
        }

        private mutating func literal(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
            guard bytes[index...].starts(with: word.utf8) else {
                throw error("expected a value (a text in double quotes, a number, {…}, […], true, false or null)")
            }
            index += word.utf8.count
            return value
        }

        /// The current place; the column counts characters, not bytes. Counted on from the
        /// place asked before on the same line, so a file on one line stays linear.
        private mutating func here() -> JSONLocation {
            let end = min(index, bytes.count)
            if counted.lineStart != lineStart || counted.index > end { counted = (lineStart, min(lineStart, end), 1) }
            counted.column = bytes[counted.index..<end].reduce(counted.column) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            counted.index = end
            return JSONLocation(line: line, column: counted.column)
        }
        private var counted: (lineStart: Int, index: Int, column: Int) = (0, 0, 1)

        private mutating func error(_ problem: String) -> JSONSyntaxError {
            let location = here()
            return JSONSyntaxError(line: location.line, column: location.column, problem: problem)
        }
    }
}

/// A place in a JSON text: line and column, both from 1; the column counts characters.
struct JSONLocation: Equatable {
    var line: Int
    var column: Int
}

/// The first place a JSON text breaks the grammar (RFC 8259).
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var problem: String

    var description: String { "line \(line), column \(column): \(problem)" }
}
