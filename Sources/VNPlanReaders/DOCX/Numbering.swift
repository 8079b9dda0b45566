/// Word's generated list numbers (numbering.xml): a table's number column is often auto-numbered, so
/// the "1.", "a)" a reader sees is not in the document's text at all.
struct NumberingDefinitions {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
    }

    /// abstractNumId → level index → level.
    fileprivate(set) var abstractLevels: [String: [Int: Level]] = [:]
    /// numId → (abstractNumId, level overrides of start).
    fileprivate(set) var instances: [String: (abstract: String, startOverrides: [Int: Int])] = [:]

    init() {}

    init(parsing parser: XMLPullParser) throws(XMLPartError) {
        var abstractID: String?
        var numID: String?
        var levelIndex = 0
        var level = Level()
        var overrideLevel = 0
        while let event = try parser.next() {
            switch event {
            case .start(let name, _):
                switch name {
                case "w:abstractNum": abstractID = parser.attribute("w:abstractNumId")
                case "w:num": numID = parser.attribute("w:numId")
                case "w:lvl" where numID == nil:
                    levelIndex = GridLimits.number(parser.attribute("w:ilvl"), clampedTo: GridLimits.listLevels) ?? 0
                    level = Level()
                case "w:start": level.start = GridLimits.number(parser.attribute("w:val"), clampedTo: GridLimits.listStart) ?? 1
                case "w:numFmt": level.format = parser.attribute("w:val") ?? "decimal"
                case "w:lvlText": level.text = parser.attribute("w:val") ?? ""
                case "w:abstractNumId":
                    if let numID, let value = parser.attribute("w:val") { instances[numID] = (value, [:]) }
                case "w:lvlOverride":
                    overrideLevel = GridLimits.number(parser.attribute("w:ilvl"), clampedTo: GridLimits.listLevels) ?? 0
                case "w:startOverride":
                    if let numID, let value = GridLimits.number(parser.attribute("w:val"), clampedTo: GridLimits.listStart) {
                        instances[numID]?.startOverrides[overrideLevel] = value
                    }
                default: break
                }
            case .end(let name):
                switch name {
                case "w:lvl" where numID == nil:
                    if let abstractID { abstractLevels[abstractID, default: [:]][levelIndex] = level }
                case "w:abstractNum": abstractID = nil
                case "w:num": numID = nil
                default: break
                }
            case .text: break
            }
        }
    }
}

/// Counts list items through the document, as Word does when it renders them.
struct ListCounter {
    private let definitions: NumberingDefinitions
    /// Counters per list (abstract numbering, or the instance when it restarts the count).
    private var counters: [String: [Int: Int]] = [:]

    init(definitions: NumberingDefinitions) {
        self.definitions = definitions
    }

    /// The label of the next item of list `numID` at `level`, e.g. "2.", "b)", "-".
    mutating func nextLabel(numID: String, level: Int) -> String? {
        guard numID != "0", let instance = definitions.instances[numID],
              let levels = definitions.abstractLevels[instance.abstract],
              let definition = levels[level] else { return nil }
        let key = instance.startOverrides.isEmpty ? instance.abstract : "num:\(numID)"
        var counts = counters[key] ?? [:]
        let start = instance.startOverrides[level] ?? definition.start
        counts[level] = (counts[level] ?? (start - 1)) + 1
        for deeper in counts.keys where deeper > level { counts[deeper] = nil }
        counters[key] = counts

        if definition.format == "bullet" { return bulletLabel(definition.text) }
        if definition.format == "none" { return nil }
        var label = definition.text
        for (index, levelDefinition) in levels.sorted(by: { $0.key < $1.key }) where index <= level {
            let value = counts[index] ?? levelDefinition.start
            label = label.replacingOccurrences(of: "%\(index + 1)",
                                               with: Self.format(value, as: levelDefinition.format))
        }
        return label.isEmpty ? nil : label
    }

    /// Bullets are drawn from symbol fonts (private-use code points); a dash stays a dash.
    private func bulletLabel(_ text: String) -> String {
        ["-", "–", "+", "*"].contains(text) ? text : "•"
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "lowerLetter": letters(value).lowercased()
        case "upperLetter": letters(value)
        case "lowerRoman": roman(value).lowercased()
        case "upperRoman": roman(value)
        case "decimalZero": value < 10 ? "0\(value)" : "\(value)"
        default: "\(value)"
        }
    }

    /// 1 → A, 26 → Z, 27 → AA (Word repeats the letter); past ZZZ, whose list is no plan's,
    /// the number itself, so a label's length never follows a number in the file.
    private static func letters(_ value: Int) -> String {
        guard value > 0, value <= 26 * 3 else { return "\(value)" }
        let letter = Character(UnicodeScalar(UInt8(65 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return "\(value)" }
        let symbols: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                                        (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                                        (5, "V"), (4, "IV"), (1, "I")]
        var remainder = value
        var result = ""
        for (amount, symbol) in symbols {
            while remainder >= amount { result += symbol; remainder -= amount }
        }
        return result
    }
}

/// Paragraph styles that carry list numbering (numbered headings), resolved through `basedOn`.
struct StyleNumbering {
    private var numbering: [String: (numID: String?, level: Int?)] = [:]
    private var basedOn: [String: String] = [:]

    init() {}

    init(parsing parser: XMLPullParser) throws(XMLPartError) {
        var styleID: String?
        while let event = try parser.next() {
            guard case .start(let name, _) = event else {
                if case .end("w:style") = event { styleID = nil }
                continue
            }
            switch name {
            case "w:style":
                styleID = parser.attribute("w:type") == "paragraph" ? parser.attribute("w:styleId") : nil
            case "w:basedOn": if let styleID { basedOn[styleID] = parser.attribute("w:val") }
            case "w:numId": if let styleID { numbering[styleID, default: (nil, nil)].numID = parser.attribute("w:val") }
            case "w:ilvl":
                if let styleID {
                    numbering[styleID, default: (nil, nil)].level = GridLimits.number(parser.attribute("w:val"), clampedTo: GridLimits.listLevels)
                }
            default: break
            }
        }
    }

    /// The list a paragraph of this style belongs to, if its style (or a parent) numbers it.
    func numbering(ofStyle style: String) -> (numID: String, level: Int)? {
        var current: String? = style
        var visited = Set<String>()
        while let id = current, visited.insert(id).inserted {
            if let entry = numbering[id], let numID = entry.numID { return (numID, entry.level ?? 0) }
            current = basedOn[id]
        }
        return nil
    }
}
