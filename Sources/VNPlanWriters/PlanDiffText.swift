import Foundation
import VNPlanModel

/// A `PlanDiff` for a person (text, Markdown) or a program (JSON).
public enum PlanDiffText {
    public enum Format: String, Sendable, CaseIterable { case text, md, json }

    public static func render(_ diff: PlanDiff, old: String, new: String, as format: Format) -> String {
        switch format {
        case .text: text(diff, old: old, new: new)
        case .md: markdown(diff, old: old, new: new)
        case .json: json(diff, old: old, new: new)
        }
    }

    /// The comparisons of several plans one after the other; JSON gives one array of them.
    public static func render(_ diffs: [(diff: PlanDiff, old: String, new: String)], as format: Format) -> String {
        let parts = diffs.map { render($0.diff, old: $0.old, new: $0.new, as: format) }
        switch format {
        case .json: return "[\n" + parts.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: ",\n") + "\n]\n"
        case .md: return parts.joined(separator: "\n")
        case .text: return parts.joined()
        }
    }

    private static func summary(_ diff: PlanDiff) -> String {
        "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.unchanged) unchanged"
    }

    private static func label(_ task: PlanTask) -> String {
        "\(task.path) \(oneLine(task.activity ?? task.task ?? ""))"
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " / ")
    }

    private static func text(_ diff: PlanDiff, old: String, new: String) -> String {
        var out = ["--- \(old)", "+++ \(new)", "tasks: \(summary(diff))"]
        for change in diff.document { out.append("~ document.\(change.field): \(show(change.old)) → \(show(change.new))") }
        out += diff.removed.map { "- \(label($0))" }
        out += diff.added.map { "+ \(label($0))" }
        for task in diff.changed {
            out.append("~ \(task.oldPath == task.path ? task.path : "\(task.oldPath) → \(task.path)")")
            out += task.changes.map { "    \($0.field): \(show($0.old)) → \(show($0.new))" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func show(_ value: String?) -> String {
        value.map { "\"\(oneLine($0))\"" } ?? "(none)"
    }

    private static func markdown(_ diff: PlanDiff, old: String, new: String) -> String {
        func cell(_ value: String?) -> String {
            (value ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = ["# `\(old)` → `\(new)`", "", "Tasks: \(summary(diff)).", ""]
        if !diff.document.isEmpty {
            out += ["## Document", "", "| field | old | new |", "|---|---|---|"]
            out += diff.document.map { "| \($0.field) | \(cell($0.old)) | \(cell($0.new)) |" }
            out.append("")
        }
        if !diff.removed.isEmpty { out += ["## Removed", ""] + diff.removed.map { "- \(cell(label($0)))" } + [""] }
        if !diff.added.isEmpty { out += ["## Added", ""] + diff.added.map { "- \(cell(label($0)))" } + [""] }
        if !diff.changed.isEmpty {
            out += ["## Changed", "", "| task | field | old | new |", "|---|---|---|---|"]
            for task in diff.changed {
                out += task.changes.map { "| \(task.path) | \($0.field) | \(cell($0.old)) | \(cell($0.new)) |" }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    private static func json(_ diff: PlanDiff, old: String, new: String) -> String {
        struct Report: Encodable {
            var old: String, new: String, equal: Bool, unchanged: Int
            var document: [PlanDiff.Change]
            var added: [String], removed: [String]
            var changed: [PlanDiff.ChangedTask]
        }
        let report = Report(old: old, new: new, equal: diff.isEmpty, unchanged: diff.unchanged, document: diff.document,
                            added: diff.added.map(\.path), removed: diff.removed.map(\.path), changed: diff.changed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
