/// The canonical plan. Field names are a contract that other tools read (DESIGN.md);
/// `schemas/plan.schema.json` describes exactly this shape.
public struct Plan: Sendable, Codable, Equatable {
    public static let schemaIdentifier = "vnplan/plan@1"

    public var schema: String
    public var id: String
    public var source: PlanSource
    public var document: DocumentInfo
    public var legalBasis: [LegalCitation]
    public var sections: [Section]
    public var tasks: [PlanTask]
    public var indicators: [Indicator]
    public var normalization: NormalizationSummary
    public var warnings: [String]
    /// The vnplan and pipeline configuration that made the plan; absent in plans made
    /// before vnplan recorded it.
    public var producer: Producer?

    public init(id: String, source: PlanSource, document: DocumentInfo = DocumentInfo(),
                legalBasis: [LegalCitation] = [], sections: [Section] = [], tasks: [PlanTask] = [],
                indicators: [Indicator] = [], normalization: NormalizationSummary = .init(),
                warnings: [String] = []) {
        self.schema = Plan.schemaIdentifier
        self.id = id
        self.source = source
        self.document = document
        self.legalBasis = legalBasis
        self.sections = sections
        self.tasks = tasks
        self.indicators = indicators
        self.normalization = normalization
        self.warnings = warnings
    }
}

/// What made a plan, so that `ingest --reconvert=outdated` can find the plans an older
/// vnplan or another configuration made.
public struct Producer: Sendable, Codable, Equatable {
    /// The vnplan version ("0.1.0").
    public var version: String
    /// SHA-256 (hex) of the conversion settings of pipeline.json.
    public var pipeline: String

    public init(version: String, pipeline: String) {
        self.version = version
        self.pipeline = pipeline
    }
}

public struct PlanSource: Sendable, Codable, Equatable {
    public var file: String
    public var sha256: String
    public var format: SourceFormat
    public var pages: Int?
    public var ocr: Bool

    public init(file: String, sha256: String, format: SourceFormat, pages: Int? = nil, ocr: Bool = false) {
        self.file = file
        self.sha256 = sha256
        self.format = format
        self.pages = pages
        self.ocr = ocr
    }
}

public struct DocumentInfo: Sendable, Codable, Equatable {
    /// The issuing body as the letterhead names it ("UBND phường Cẩm Thành" style is not
    /// invented: the letterhead's own words, lines joined by a space).
    public var issuer: String?
    /// "Kế hoạch", "Quyết định", …
    public var type: String?
    /// "169/KH-UBND"; null when the draft leaves it blank.
    public var number: String?
    /// YYYY-MM-DD; null when any part is blank.
    public var date: String?
    public var place: String?
    public var title: String?
    public var signer: Signer?
    /// The plan a decision adopts, when the document is a Quyết định ban hành Kế hoạch.
    public var adopts: AdoptedDocument?
    /// Fields OCR read below confidence: kept as read, but the plan is not named or filed by
    /// them (an OCR misreading never becomes a folder of the repository). Nil when none.
    public var unsure: [IdentityField]?

    /// The letterhead fields a plan is named and filed by.
    public enum IdentityField: String, Sendable, Codable, CaseIterable {
        case issuer, number, date
    }

    /// The field's value when it can name the plan: read, and not read unsurely.
    public func confident(_ field: IdentityField) -> String? {
        guard unsure?.contains(field) != true else { return nil }
        return switch field {
        case .issuer: issuer
        case .number: number
        case .date: date
        }
    }

    public init(issuer: String? = nil, type: String? = nil, number: String? = nil,
                date: String? = nil, place: String? = nil, title: String? = nil,
                signer: Signer? = nil, adopts: AdoptedDocument? = nil, unsure: [IdentityField]? = nil) {
        self.issuer = issuer
        self.type = type
        self.number = number
        self.date = date
        self.place = place
        self.title = title
        self.signer = signer
        self.adopts = adopts
        self.unsure = unsure
    }
}

public struct Signer: Sendable, Codable, Equatable {
    public var title: String?
    public var name: String?

    public init(title: String? = nil, name: String? = nil) {
        self.title = title
        self.name = name
    }
}

public struct AdoptedDocument: Sendable, Codable, Equatable {
    public var type: String
    public var number: String?
    public var date: String?
    public var title: String?

    public init(type: String, number: String? = nil, date: String? = nil, title: String? = nil) {
        self.type = type
        self.number = number
        self.date = date
        self.title = title
    }
}

/// One "Căn cứ …" or "Thực hiện …" citation.
public struct LegalCitation: Sendable, Codable, Equatable {
    public var type: String?
    public var number: String?
    public var date: String?
    public var issuer: String?
    public var text: String

    public init(type: String? = nil, number: String? = nil, date: String? = nil,
                issuer: String? = nil, text: String) {
        self.type = type
        self.number = number
        self.date = date
        self.issuer = issuer
        self.text = text
    }
}

public struct Section: Sendable, Codable, Equatable {
    /// Unique, dot-separated: "II", "II.3".
    public var path: String
    public var number: String
    public var title: String

    public init(path: String, number: String, title: String) {
        self.path = path
        self.number = number
        self.title = title
    }
}

public struct PlanTask: Sendable, Codable, Equatable {
    /// Unique within the plan: "II.3", "II.3.b".
    public var path: String
    /// Path of the enclosing section, if any.
    public var section: String?
    public var number: String?
    public var objective: String?
    /// The measurable targets the objective states ("đạt tối thiểu 98%"), when it states any.
    public var targets: [Target]?
    public var task: String?
    public var activity: String?
    public var outputs: [String]
    /// Units that lead (chủ trì).
    public var lead: [String]
    /// Units that support (phối hợp).
    public var support: [String]
    /// The wording `lead` was read from, as printed: the lead column's cell, or the lead
    /// part of a "Cơ quan thực hiện" cell with what it says the units do ("… tham mưu thực
    /// hiện khi cơ quan cấp trên yêu cầu").
    public var leadText: String?
    /// The wording `support` was read from, as printed.
    public var supportText: String?
    public var deadline: Deadline?
    public var funding: String?
    public var note: String?
    public var source: RowSource
    /// 0...1, two decimals: how sure the pipeline is of this row.
    public var confidence: Double

    public init(path: String, section: String? = nil, number: String? = nil,
                objective: String? = nil, targets: [Target]? = nil, task: String? = nil, activity: String? = nil,
                outputs: [String] = [], lead: [String] = [], support: [String] = [],
                leadText: String? = nil, supportText: String? = nil,
                deadline: Deadline? = nil, funding: String? = nil, note: String? = nil,
                source: RowSource, confidence: Double = 1) {
        self.path = path
        self.section = section
        self.number = number
        self.objective = objective
        self.targets = targets
        self.task = task
        self.activity = activity
        self.outputs = outputs
        self.lead = lead
        self.support = support
        self.leadText = leadText
        self.supportText = supportText
        self.deadline = deadline
        self.funding = funding
        self.note = note
        self.source = source
        self.confidence = confidence
    }
}

/// Where a task row sits in the source: page (when known), table and row (1-based), and,
/// from a PDF or a scan, the box its row covers on the page and the boxes of the cells each
/// field was read from.
public struct RowSource: Sendable, Codable, Equatable {
    public var page: Int?
    public var table: Int
    public var row: Int
    /// The row's cells together, on `page`.
    public var box: PageBox?
    /// The box of the cell each field was read from, by the field's name in the plan
    /// ("activity", "lead", "deadline" …); a cell merged over several rows gives its whole box.
    public var cells: [String: PageBox]?

    public init(page: Int? = nil, table: Int, row: Int, box: PageBox? = nil, cells: [String: PageBox]? = nil) {
        self.page = page
        self.table = table
        self.row = row
        self.box = box
        self.cells = cells
    }
}

/// A rectangle on a page, from its top left corner, in the unit the page was read in.
public struct PageBox: Sendable, Codable, Equatable {
    public enum Unit: String, Sendable, Codable {
        /// PDF points (1/72 inch) of the page as its text layer gives it.
        case pt
        /// Pixels of a scanned page as OCR read it: turned upright, straightened and scaled.
        case px
    }

    public var x: Double, y: Double, width: Double, height: Double
    public var unit: Unit

    /// Rounded to a tenth of the unit: finer than a stroke, and the same bytes on every run.
    public init(x: Double, y: Double, width: Double, height: Double, unit: Unit) {
        func tenth(_ value: Double) -> Double { (value * 10).rounded() / 10 }
        self.x = tenth(x); self.y = tenth(y); self.width = tenth(width); self.height = tenth(height)
        self.unit = unit
    }

    /// The same rectangle, without its unit.
    public var boundingBox: BoundingBox { BoundingBox(x: x, y: y, width: width, height: height) }

    public func union(_ other: PageBox) -> PageBox {
        let left = min(x, other.x), top = min(y, other.y)
        return PageBox(x: left, y: top, width: max(x + width, other.x + other.width) - left,
                       height: max(y + height, other.y + other.height) - top, unit: unit)
    }
}

public struct Deadline: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A single day: "Ngày 15/8/2025".
        case date
        /// Not later than: "Trước 30/01/2026", "Chậm nhất ngày …".
        case by
        /// Within a span: "Quý IV năm 2025", "Tháng 10 năm 2025", "Năm 2024".
        case period
        /// Repeats: "Thường xuyên", "Hàng quý", "Định kỳ 06 tháng/01 lần".
        case recurring
        /// Depends on something else: "Theo Kế hoạch", "Khi có yêu cầu".
        case conditional
        case unknown
    }

    /// The cell's wording, kept whole.
    public var text: String
    public var kind: Kind
    /// YYYY-MM-DD.
    public var start: String?
    /// YYYY-MM-DD.
    public var end: String?
    /// ISO 8601 duration of a recurrence: P1W, P1M, P3M, P6M, P1Y.
    public var every: String?
    /// Each dated step when one cell holds several.
    public var milestones: [Deadline]

    public init(text: String, kind: Kind, start: String? = nil, end: String? = nil,
                every: String? = nil, milestones: [Deadline] = []) {
        self.text = text
        self.kind = kind
        self.start = start
        self.end = end
        self.every = every
        self.milestones = milestones
    }
}

public struct Indicator: Sendable, Codable, Equatable {
    public var path: String
    public var number: String?
    public var name: String
    public var unit: String?
    public var target: Target?
    public var lead: [String]
    public var support: [String]
    /// Units that evaluate (chủ trì đánh giá).
    public var evaluator: [String]
    /// The wordings `lead`, `support` and `evaluator` were read from, as printed.
    public var leadText: String?
    public var supportText: String?
    public var evaluatorText: String?
    /// Where its row is, as for a task.
    public var source: RowSource?

    public init(path: String, number: String? = nil, name: String, unit: String? = nil,
                target: Target? = nil, lead: [String] = [], support: [String] = [],
                evaluator: [String] = [], leadText: String? = nil, supportText: String? = nil,
                evaluatorText: String? = nil, source: RowSource? = nil) {
        self.path = path
        self.number = number
        self.name = name
        self.unit = unit
        self.target = target
        self.lead = lead
        self.support = support
        self.evaluator = evaluator
        self.leadText = leadText
        self.supportText = supportText
        self.evaluatorText = evaluatorText
        self.source = source
    }
}

/// A measurable target: "Tối thiểu 80" → comparator `min`, value 80.
public struct Target: Sendable, Codable, Equatable {
    public enum Comparator: String, Sendable, Codable, CaseIterable {
        case min, max, eq, approx
    }

    public var text: String
    public var comparator: Comparator?
    public var value: Double?
    public var unit: String?

    public init(text: String, comparator: Comparator? = nil, value: Double? = nil, unit: String? = nil) {
        self.text = text
        self.comparator = comparator
        self.value = value
        self.unit = unit
    }
}

/// What the normalizer changed, in counts.
public struct NormalizationSummary: Sendable, Codable, Equatable {
    /// Tokens whose diacritics or OCR errors were restored by the language model.
    public var restoredTokens: Int
    /// Tokens changed in any way (Unicode form, tone placement, legacy encoding, restoration).
    public var changedTokens: Int
    /// Legacy 8-bit encoding the text was converted from ("TCVN3", "VNI"), if any.
    public var legacyEncoding: String?

    public init(restoredTokens: Int = 0, changedTokens: Int = 0, legacyEncoding: String? = nil) {
        self.restoredTokens = restoredTokens
        self.changedTokens = changedTokens
        self.legacyEncoding = legacyEncoding
    }
}
