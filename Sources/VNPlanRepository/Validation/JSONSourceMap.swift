import Foundation
import VNPlanModel

/// Where things are in a JSON text: the line of every member and element by JSON path
/// ("$.tasks[3].deadline.end"), so an issue can point at its line (GitHub shows annotations
/// inline only with one), or the line and column of the first syntax error, which Foundation's
/// decoder does not give.
///
/// One linear pass with an explicit stack: a file nested as deep as it likes cannot exhaust
/// the call stack.
struct JSONSourceMap {
    private(set) var lines: [String: Int] = [:]

    /// The line of the value at `path`, or of its nearest enclosing value the file has (a
    /// missing key points at the object that lacks it).
    func line(of path: String) -> Int? {
        var path = Substring(path)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return lines["$"]
    }

    init(_ data: Data) throws(JSONSyntaxError) {
        var scanner = Scanner(bytes: [UInt8](data))
        lines = try scanner.scan()
    }

    private struct Container {
        var path: String
        var isObject: Bool
        var count = 0
    }

    private enum Expectation {
        case value(path: String)
        case key
        case afterValue
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0
        var lines: [String: Int] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A byte order mark is not JSON, but editors on Windows write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        mutating func scan() throws(JSONSyntaxError) -> [String: Int] {
            var stack: [Container] = []
            var expectation = Expectation.value(path: "$")
            while true {
                skipWhitespace()
                switch expectation {
                case .value(let path):
                    guard index < bytes.count else { throw error("the file ends where a value should be; it may be cut short") }
                    if lines[path] == nil { lines[path] = line }
                    switch bytes[index] {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        // Foundation's decoder stops at the same depth; a plan nests less than 10.
                        guard stack.count < 512 else { throw error("nested deeper than 512 levels; a plan is not") }
                        let isObject = bytes[index] == UInt8(ascii: "{")
                        index += 1
                        skipWhitespace()
                        if index < bytes.count, bytes[index] == UInt8(ascii: isObject ? "}" : "]") {
                            index += 1
                            expectation = .afterValue
                        } else {
                            stack.append(Container(path: path, isObject: isObject))
                            expectation = isObject ? .key : .value(path: path + "[0]")
                        }
                        continue
                    case UInt8(ascii: "\""): _ = try string()
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
                    case UInt8(ascii: "t"): try literal("true")
                    case UInt8(ascii: "f"): try literal("false")
                    case UInt8(ascii: "n"): try literal("null")
                    default: throw error("expected a value (a text in double quotes, a number, {…}, […], true, false or null)")
                    }
                    expectation = .afterValue
                case .key:
                    guard index < bytes.count else { throw error("the file ends inside an object; it may be cut short") }
                    guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                    let keyLine = line
                    let key = try string()
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw error("expected \":\" after the key \"\(key)\"")
                    }
                    index += 1
                    let path = (stack.last?.path ?? "$") + "." + key
                    lines[path] = keyLine
                    expectation = .value(path: path)
                case .afterValue:
                    guard var container = stack.popLast() else {
                        guard index == bytes.count else { throw error("unexpected text after the end of the JSON value") }
                        return lines
                    }
                    let closing = UInt8(ascii: container.isObject ? "}" : "]")
                    guard index < bytes.count else {
                        throw error("the file ends inside \(container.isObject ? "an object" : "a list"); it may be cut short")
                    }
                    if bytes[index] == closing {
                        index += 1
                        expectation = .afterValue
                    } else if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        container.count += 1
                        expectation = container.isObject ? .key : .value(path: "\(container.path)[\(container.count)]")
                        stack.append(container)
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

        /// A string literal; returns its text (decoded when it holds escapes).
        private mutating func string() throws(JSONSyntaxError) -> String {
            let start = index
            index += 1
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    let literal = bytes[start..<index]
                    if !escaped { return String(decoding: literal.dropFirst().dropLast(), as: UTF8.self) }
                    return (try? JSONDecoder().decode(String.self, from: Data(literal))) ?? ""
                case UInt8(ascii: "\\"):
                    escaped = true
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "u"):
                        let digits = bytes[(index + 1)..<min(index + 5, bytes.count)]
                        guard digits.count == 4, digits.allSatisfy(Self.isHexDigit) else {
                            throw error("\\u must be followed by four hexadecimal digits")
                        }
                        index += 5
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    default: throw error("unknown escape in a text; write a backslash as \\\\")
                    }
                case 0..<0x20:
                    throw error(byte == UInt8(ascii: "\n") ? "a text is not closed before the end of the line"
                                                           : "a control character inside a text; escape it")
                default:
                    index += 1
                }
            }
            throw error("the file ends inside a text; it may be cut short")
        }

        private mutating func number() throws(JSONSyntaxError) {
            func digits() -> Int {
                let start = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - start
            }
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            let integerStart = index
            guard digits() > 0 else { throw error("a number needs digits") }
            if bytes[integerStart] == UInt8(ascii: "0"), index - integerStart > 1 {
                index = integerStart
                throw error("a number cannot start with 0")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw error("a number needs digits after the decimal point") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw error("a number needs digits in its exponent") }
            }
        }

        private mutating func literal(_ word: String) throws(JSONSyntaxError) {
            guard bytes[index...].starts(with: word.utf8) else {
                throw error("expected a value (a text in double quotes, a number, {…}, […], true, false or null)")
            }
            index += word.utf8.count
        }

        private static func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        /// The error at the current place; the column counts characters, not bytes.
        private func error(_ problem: String) -> JSONSyntaxError {
            let end = min(index, bytes.count)
            let column = bytes[min(lineStart, end)..<end].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            return JSONSyntaxError(line: line, column: column, problem: problem)
        }
    }
}

/// The first place a JSON text breaks the grammar (RFC 8259).
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var problem: String

    var description: String { "line \(line), column \(column): \(problem)" }
}
