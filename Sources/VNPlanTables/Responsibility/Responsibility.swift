/// Splits a "Cơ quan, đơn vị thực hiện" cell into chủ trì (lead) and phối hợp (support).
///
/// A line says its role by a label ("Bộ phận chủ trì: X", "Cơ quan phối hợp: Y") or by a
/// closing role word after a plain list of units ("Công an phường chủ trì.", "Các cơ quan,
/// đơn vị có liên quan phối hợp."). Lines that say no role: the first is the lead when no
/// line named one, the others support it (the cell lists who does the work first).
public enum Responsibility {
    public enum Role: Sendable { case lead, support }

    /// The units of each role, and the lines each role was read from, as printed.
    public struct Split: Equatable, Sendable {
        public var lead: [String] = []
        public var support: [String] = []
        public var leadText: String?
        public var supportText: String?
    }

    public static func parse(_ text: String) -> Split {
        var lead: [String] = [], support: [String] = []
        var leadLines: [Substring] = [], supportLines: [Substring] = []
        var unmarked: [(line: Substring, units: [String])] = []
        for line in lines(of: text) {
            guard let (role, units) = marked(line) else {
                unmarked.append((line, UnitList.split(String(line))))
                continue
            }
            switch role {
            case .lead: lead += units; leadLines.append(line)
            case .support: support += units; supportLines.append(line)
            }
        }
        if lead.isEmpty, let first = unmarked.first {
            lead = first.units
            leadLines.append(first.line)
            unmarked.removeFirst()
        }
        support += unmarked.flatMap(\.units)
        supportLines += unmarked.map(\.line)
        return Split(lead: unique(lead), support: unique(support).filter { !lead.contains($0) },
                     leadText: printed(leadLines), supportText: printed(supportLines))
    }

    private static func printed(_ lines: [Substring]) -> String? {
        lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Lines and bullets. ";" may separate units inside one labelled line ("Bộ phận phối
    /// hợp: A; B"), so it does not end a line here; `UnitList` splits the units.
    private static func lines(of text: String) -> [Substring] {
        text.precomposedStringWithCanonicalMapping.split(whereSeparator: \.isNewline)
            .map(UnitList.tidy).filter { !$0.isEmpty }
    }

    /// The role a line names, and its units.
    static func marked(_ line: Substring) -> (Role, [String])? {
        if let label = line.firstMatch(of: ResponsibilityWords.labelled) {
            return (role(label.role), UnitList.split(String(label.units)))
        }
        if let closing = line.firstMatch(of: ResponsibilityWords.closingRole), isPlainUnitList(closing.units) {
            return (role(closing.role), UnitList.split(String(closing.units)))
        }
        return nil
    }

    private static func role(_ word: Substring) -> Role {
        word.lowercased() == ResponsibilityWords.lead ? .lead : .support
    }

    /// Units named before the role word, with nothing done in between: "Trung tâm … theo
    /// dõi, hướng dẫn, phối hợp trình …" is not a list of supporting units.
    private static func isPlainUnitList(_ text: Substring) -> Bool {
        UnitNames.startsUnit(text) && UnitNames.endOfName(in: text) == nil
    }

    private static func unique(_ units: [String]) -> [String] {
        var seen: [String] = []
        for unit in units where !seen.contains(unit) { seen.append(unit) }
        return seen
    }
}
