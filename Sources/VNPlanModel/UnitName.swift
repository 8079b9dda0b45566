/// How a name in a lead or support list is counted: the plan keeps the document's wording,
/// and counts across plans group the wordings that name one kind of body.
public enum UnitName {
    /// What a name in a responsibility list stands for.
    public enum Kind: String, Sendable, CaseIterable {
        case unit
        /// A person named where plans usually name a body ("Đỗ Mạnh Cường").
        case person
    }

    /// The key that wordings of one unit share: no diacritics, case or punctuation, the
    /// abbreviations UBND, HĐND and MTTQ spelled out, and a trailing level word (xã, phường,
    /// thị trấn, huyện, quận, thị xã, tỉnh, thành phố) left off, so "Trung tâm Phục vụ hành
    /// chính công huyện" and "… phường" count as one. The level stays where only a council or
    /// a people's committee would remain ("UBND huyện" and "UBND xã" are the bodies a plan
    /// tells apart), and where it names a place ("UBND xã Hòa Bình" ends with the place).
    public static func canonicalKey(_ name: String) -> String {
        var words = foldedWords(name).flatMap { abbreviations[$0] ?? [$0] }
        if let level = levelSuffixes.first(where: { words.count > $0.count && words.suffix($0.count).elementsEqual($0) }) {
            let stem = Array(words.dropLast(level.count))
            if !bodiesNamedByLevel.contains(stem) { words = stem }
        }
        return words.joined(separator: " ")
    }

    public static func kind(of name: String) -> Kind {
        isPersonName(name) ? .person : .unit
    }

    /// A Vietnamese personal name: after an optional form of address, three to five
    /// capitalised words beginning with a family name, none of them an abbreviation.
    /// Two-word names are left as units: "Hà Nội" and "Lê Lợi" read as places more often.
    static func isPersonName(_ name: String) -> Bool {
        var words = name.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map(String.init)
        let folded = { (word: String) in word.foldingDiacritics.lowercased() }
        if words.count > 2, words.prefix(2).map(folded) == ["dong", "chi"] { words.removeFirst(2) }
        while let first = words.first, addresses.contains(folded(first)) { words.removeFirst() }
        guard (3...5).contains(words.count), let family = words.first, familyNames.contains(folded(family)),
              !places.contains(words.map(folded)),
              !words.dropFirst().contains(where: { bodyWords.contains(folded($0)) }) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.dropFirst().allSatisfy { $0.isLowercase }
        }
    }

    private static func foldedWords(_ name: String) -> [String] {
        name.foldingDiacritics.lowercased()
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
    }

    private static let abbreviations: [String: [String]] = [
        "ubnd": ["uy", "ban", "nhan", "dan"],
        "hdnd": ["hoi", "dong", "nhan", "dan"],
        "mttq": ["mat", "tran", "to", "quoc"],
    ]

    /// Longest first, so "thị xã" is left off whole rather than as "xã".
    private static let levelSuffixes: [[String]] = [
        ["thanh", "pho"], ["thi", "tran"], ["thi", "xa"], ["xa"], ["phuong"], ["huyen"], ["quan"], ["tinh"],
    ]

    private static let bodiesNamedByLevel: Set<[String]> = [
        ["uy", "ban", "nhan", "dan"], ["hoi", "dong", "nhan", "dan"], ["mat", "tran", "to", "quoc"],
        ["cong", "an"], ["quan", "su"], ["ban", "chi", "huy", "quan", "su"],
    ]

    private static let addresses: Set<String> = ["ong", "ba", "d/c", "anh", "chi"]

    /// Words of body names that no given name uses ("Đoàn Thanh Niên" is the youth union).
    private static let bodyWords: Set<String> = ["nien", "uy", "ban", "phong", "so", "cuc", "huyen", "xa", "phuong"]

    /// Places whose names are written as a person's.
    private static let places: Set<[String]> = [["ho", "chi", "minh"]]

    /// The family names borne by nearly every Vietnamese (folded).
    private static let familyNames: Set<String> = [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
        "ngo", "duong", "ly", "dao", "doan", "vuong", "trinh", "truong", "dinh", "lam", "mai", "to", "ha",
        "ta", "cao", "luong", "quach", "thai", "chu", "luu", "phung", "kieu", "trieu", "au", "dam", "lai",
        "la", "tu", "khuc", "mac", "tang", "than", "nong", "luc", "hua", "doan", "kim", "giang", "chau",
        "tieu", "bach", "quan", "nghiem", "trinh", "vien", "khong", "thach", "lo", "hau", "ninh", "vi",
        "diep", "ton", "man", "cu", "phi", "nhu", "be", "lu", "kha", "tat", "dong", "lac", "hong",
    ]
}
