import CXlsxWriter
import Foundation
import VNPlanModel

/// Tables as an Excel workbook (libxlsxwriter), one sheet each, as an analyst opens them:
/// the header frozen and filtered, dates as dates, long texts wrapped, lists joined with "; "
/// as in the CSV export.
public enum SpreadsheetWriter {
    public struct Sheet: Sendable {
        public var name: String
        public var columns: [String]
        public var rows: [[JSONValue]]

        public init(name: String, columns: [String], rows: [[JSONValue]]) {
            self.name = name
            self.columns = columns
            self.rows = rows
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The workbook's bytes. Its creation time is fixed (the first day of 2000), so that the
    /// same plans give the same file.
    public static func workbook(_ sheets: [Sheet]) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vnplan-xlsx-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        catch { throw Failure(description: "no temporary folder for the workbook (\(error.localizedDescription))") }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.xlsx")
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
        let written: lxw_error = folder.path.withCString { temporary in
            options.tmpdir = UnsafeMutablePointer(mutating: temporary)
            guard let workbook = workbook_new_opt(file.path, &options) else { return LXW_ERROR_MEMORY_MALLOC_FAILED }
            var properties = lxw_doc_properties()
            properties.created = 946_684_800
            workbook_set_properties(workbook, &properties)
            let formats = Formats(workbook)
            for sheet in sheets { write(sheet, into: workbook, formats: formats) }
            return workbook_close(workbook)
        }
        guard written == LXW_NO_ERROR else {
            throw Failure(description: "the workbook could not be written (\(String(cString: lxw_strerror(written))))")
        }
        do { return try Data(contentsOf: file) }
        catch { throw Failure(description: "the workbook could not be read back (\(error.localizedDescription))") }
    }

    /// Excel's limits: a sheet holds 1,048,576 rows (the header one of them); a cell 32,767
    /// characters.
    static let rowLimit = 1_048_575
    static let cellLimit = 32_767

    private struct Formats {
        let header, date, wrapped: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            format_set_bg_color(header, 0xE8ECF1)
            format_set_text_wrap(header)
            date = workbook_add_format(workbook)
            format_set_num_format(date, "yyyy-mm-dd")
            format_set_align(date, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            wrapped = workbook_add_format(workbook)
            format_set_text_wrap(wrapped)
            format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
    }

    private static func write(_ sheet: Sheet, into workbook: UnsafeMutablePointer<lxw_workbook>, formats: Formats) {
        guard let worksheet = workbook_add_worksheet(workbook, String(sheet.name.prefix(31))) else { return }
        let rows = sheet.rows.prefix(rowLimit)
        let dateColumns = Set(sheet.columns.indices.filter { column in
            rows.contains { $0.indices.contains(column) && calendarDate($0[column]) != nil }
                && rows.allSatisfy { !$0.indices.contains(column) || $0[column] == .null || calendarDate($0[column]) != nil }
        })
        for (column, name) in sheet.columns.enumerated() {
            let width = dateColumns.contains(column) ? 11 : min(60, max(8, widest(column, of: rows, name: name)))
            worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), Double(width), nil)
            worksheet_write_string(worksheet, 0, lxw_col_t(column), name, formats.header)
        }
        // Constant memory: rows are written in order, each once.
        for (index, values) in rows.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, value) in values.prefix(sheet.columns.count).enumerated() {
                let place = lxw_col_t(column)
                if dateColumns.contains(column), let date = calendarDate(value) {
                    var time = lxw_datetime(year: Int32(date.year), month: Int32(date.month), day: Int32(date.day), hour: 0, min: 0, sec: 0)
                    worksheet_write_datetime(worksheet, row, place, &time, formats.date)
                    continue
                }
                switch value {
                case .null, .object: continue
                // A number beyond a double's exact integers (a time in nanoseconds) stays exact as text.
                case .integer(let number) where number.magnitude <= 1 << 53:
                    worksheet_write_number(worksheet, row, place, Double(number), nil)
                case .number(let number) where number.isFinite: worksheet_write_number(worksheet, row, place, number, nil)
                case .bool(let flag): worksheet_write_number(worksheet, row, place, flag ? 1 : 0, nil)
                default:
                    let text = String(value.flatText.prefix(cellLimit))
                    worksheet_write_string(worksheet, row, place, text, text.count > 40 || text.contains("\n") ? formats.wrapped : nil)
                }
            }
        }
        worksheet_freeze_panes(worksheet, 1, 0)
        if !sheet.columns.isEmpty {
            worksheet_autofilter(worksheet, 0, 0, lxw_row_t(rows.count), lxw_col_t(sheet.columns.count - 1))
        }
    }

    private static func calendarDate(_ value: JSONValue) -> (year: Int, month: Int, day: Int)? {
        guard case .string(let text) = value, text.utf8.count == 10, let date = CalendarDate(iso: text) else { return nil }
        return (date.year, date.month, date.day)
    }

    /// Characters of the longest line among the column's first rows, for its width.
    private static func widest(_ column: Int, of rows: ArraySlice<[JSONValue]>, name: String) -> Int {
        rows.prefix(200).reduce(name.count + 2) { widest, row in
            guard row.indices.contains(column) else { return widest }
            return max(widest, row[column].flatText.split(separator: "\n").map(\.count).max() ?? 0)
        }
    }
}
