import CLibXML2
import Foundation

/// A streaming XML reader over libxml2's xmlTextReader: the document is never built as a
/// tree, so memory stays flat however large the part is.
///
/// The libxml2 handle lives and dies with this object; use it inside one function.
final class XMLPullParser {
    enum Event {
        case start(name: String, isEmpty: Bool)
        case end(name: String)
        case text(String)
    }

    private let reader: xmlTextReaderPtr
    private let source: Source
    private let partName: String
    /// After a skip the reader already stands on the next node, which must not be read past.
    private var standsOnUnreadNode = false

    /// What libxml2 reads from, and what went wrong on the way: the archive's error, or
    /// libxml2's own words for the first error, reported in ours instead of on stderr.
    private final class Source {
        let stream: ZipEntryStream
        var archiveError: ZipError?
        var message: String?

        init(_ stream: ZipEntryStream) { self.stream = stream }
    }

    /// Reads the part as `stream` inflates it, so a large part is never held whole.
    init(stream: ZipEntryStream, partName: String) throws(XMLPartError) {
        source = Source(stream)
        self.partName = partName
        // NONET: a document never makes the reader fetch anything; entities are not expanded.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)
        let context = Unmanaged.passUnretained(source).toOpaque()
        let created = Self.recordingErrors(in: source) { xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
            do throws(ZipError) {
                return Int32(try source.stream.read(into: UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                                    capacity: Int(length)))
            } catch {
                source.archiveError = source.archiveError ?? error
                return -1
            }
        }, nil, context, partName, "UTF-8", options) }
        guard let created else { throw XMLPartError(part: partName, reason: "libxml2 could not start reading") }
        reader = created
        xmlTextReaderSetStructuredErrorHandler(reader, Self.recordError, context)
    }

    /// libxml2 reports some errors (a wrong encoding: "input conversion failed") through the
    /// thread's handler rather than the reader's, which would print them on stderr: while
    /// libxml2 works for this parser, both come to `source`.
    private static func recordingErrors<T>(in source: Source, _ work: () -> T) -> T {
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(source).toOpaque(), recordError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return work()
    }

    private static let recordError: xmlStructuredErrorFunc = { context, error in
        guard let context, let message = error?.pointee.message else { return }
        let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
        if source.message == nil {
            // libxml2 puts details on a second line ("Bytes: 0x82 …"): one line for ours.
            source.message = String(cString: message).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        }
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next event of interest, or nil at the end of the document.
    func next() throws(XMLPartError) -> Event? {
        while true {
            let status = standsOnUnreadNode ? 1 : Self.recordingErrors(in: source) { xmlTextReaderRead(reader) }
            standsOnUnreadNode = false
            // An inflate error may end the input as if it were the part's end: the part was cut, not read.
            if status < 0 || source.archiveError != nil { throw syntaxError() }
            if status == 0 { return nil }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                return .start(name: localName, isEmpty: xmlTextReaderIsEmptyElement(reader) == 1)
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: localName)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue),
                 Int32(XML_READER_TYPE_CDATA.rawValue):
                guard let value = xmlTextReaderConstValue(reader) else { continue }
                return .text(String(cString: value))
            default:
                continue
            }
        }
    }

    /// The current element's attribute by qualified name ("w:val"), if present.
    func attribute(_ qualifiedName: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, qualifiedName) else { return nil }
        defer { vnplan_xmlFree(value) }
        return String(cString: value)
    }

    /// Skips the rest of the current element, children included.
    func skipElement() throws(XMLPartError) {
        switch Self.recordingErrors(in: source, { xmlTextReaderNext(reader) }) {
        case 1: standsOnUnreadNode = true
        case 0: break
        default: throw syntaxError()
        }
    }

    private func syntaxError() -> XMLPartError {
        let line = xmlTextReaderGetParserLineNumber(reader)
        let detail = source.message.map { ": \($0)" } ?? ""
        return XMLPartError(part: partName, reason: "syntax error near line \(line)\(detail)",
                            archiveError: source.archiveError)
    }

    /// Qualified name ("w:p"): prefixes are fixed by convention in OOXML parts.
    private var localName: String {
        guard let name = xmlTextReaderConstName(reader) else { return "" }
        return String(cString: name)
    }
}

struct XMLPartError: Error {
    var part: String
    var reason: String
    /// The part could not be inflated: the archive, not the XML, is what is wrong.
    var archiveError: ZipError?
}
