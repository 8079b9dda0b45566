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
    private let data: Data
    private let partName: String
    /// After a skip the reader already stands on the next node, which must not be read past.
    private var standsOnUnreadNode = false
    /// libxml2's own words for the first error, reported in ours instead of on stderr.
    private let firstError = ErrorMessage()

    private final class ErrorMessage {
        var text: String?
    }

    init(data: Data, partName: String) throws(XMLPartError) {
        self.data = data
        self.partName = partName
        // NONET: a document never makes the reader fetch anything; entities are not expanded.
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue)
        let created = data.withUnsafeBytes { buffer -> xmlTextReaderPtr? in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            return xmlReaderForMemory(base, Int32(buffer.count), partName, "UTF-8", options)
        }
        guard let created else { throw XMLPartError(part: partName, reason: "libxml2 could not start reading") }
        reader = created
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let message = error?.pointee.message else { return }
            let box = Unmanaged<ErrorMessage>.fromOpaque(context).takeUnretainedValue()
            if box.text == nil {
                box.text = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }, Unmanaged.passUnretained(firstError).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    /// The next event of interest, or nil at the end of the document.
    func next() throws(XMLPartError) -> Event? {
        while true {
            let status = standsOnUnreadNode ? 1 : xmlTextReaderRead(reader)
            standsOnUnreadNode = false
            if status == 0 { return nil }
            if status < 0 { throw syntaxError() }
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
        switch xmlTextReaderNext(reader) {
        case 1: standsOnUnreadNode = true
        case 0: break
        default: throw syntaxError()
        }
    }

    private func syntaxError() -> XMLPartError {
        let line = xmlTextReaderGetParserLineNumber(reader)
        let detail = firstError.text.map { ": \($0)" } ?? ""
        return XMLPartError(part: partName, reason: "syntax error near line \(line)\(detail)")
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
}
