/// What the names of Vietnamese administrative units look like, for telling where one unit
/// ends and the next begins in a list.
///
/// A unit name starts with a word naming a kind of body ("Phòng", "Sở", "Trung tâm", "UBND",
/// "Các …"). Commas and "và" also occur *inside* names ("Phòng Kinh tế, Hạ tầng và Đô thị",
/// "Sở Giáo dục và Đào tạo"), so a list is only cut where the next piece starts a new name.
enum UnitNames {
    /// Words that begin a unit's name, as written (capitalised) in the middle of a list.
    /// Two-word heads come before their one-word prefixes so the longest one is seen.
    static let heads: [String] = [
        "Trung tâm", "Văn phòng", "Ủy ban", "Uỷ ban", "Công an", "Bộ phận", "Chi cục", "Tổng cục",
        "Hội đồng", "Mặt trận", "Kho bạc", "Ngân hàng", "Bưu điện", "Thanh tra", "Tòa án", "Toà án",
        "Viện kiểm sát", "Chi nhánh", "Điện lực", "Viễn thông", "Công ty", "Bảo hiểm", "Cơ quan",
        "Đơn vị", "Công chức", "Cán bộ", "Thủ trưởng", "Lãnh đạo", "Chủ tịch", "Phó Chủ tịch",
        "Giám đốc", "Người đứng đầu", "Đảng ủy", "Đảng uỷ", "Huyện ủy", "Thị ủy", "Tỉnh ủy",
        "Thành ủy", "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn", "Đoàn Thanh niên", "Liên đoàn",
        "Ban Chỉ huy", "Quân sự", "Phòng", "Sở", "Ban", "Bộ", "Cục", "Vụ", "Viện", "Trường", "Hội",
        "Đoàn", "Đài", "Báo", "Tổ", "Đội", "Trạm", "Chi bộ", "Trưởng", "Các", "các", "Thuế",
        "Thường trực", "Hạt", "Nhà", "Bệnh viện",
    ]

    /// Words that end a unit's name and start what it does: "Trung tâm … tham mưu thực
    /// hiện khi cơ quan cấp trên yêu cầu".
    static let actions: [String] = [
        "tham mưu", "theo dõi", "thực hiện", "hướng dẫn", "tổng hợp", "chủ trì", "phối hợp",
        "được giao", "được cử", "xử lý", "tiếp nhận", "kiểm tra", "đăng tải", "báo cáo",
        "có trách nhiệm", "triển khai", "thúc đẩy", "lập danh sách", "đôn đốc", "gửi", "cập nhật",
        "chịu trách nhiệm", "phụ trách", "quản lý", "rà soát", "trình", "chuẩn bị", "tuyên truyền",
    ]

    static let fixedNames = ["bộ phận tiếp nhận và trả kết quả", "bộ phận tiếp nhận và trả kết quả giải quyết"]
        .sorted { $0.count > $1.count }

    /// Whether `piece` starts a unit's name: a head word, or an abbreviation ("UBND",
    /// "TTPVHCC", "VH-XH") as the first word.
    static func startsUnit(_ piece: Substring) -> Bool {
        let trimmed = piece.drop { $0 == " " }
        for head in heads where trimmed.hasPrefix(head) {
            let rest = trimmed.dropFirst(head.count)
            if rest.isEmpty || rest.first == " " || rest.first == "," { return true }
        }
        return isAbbreviation(trimmed.prefix { $0 != " " && $0 != "," })
    }

    /// "UBND", "HĐND&UBND", "VH-XH", "TTPVHCC": capitals (and the signs that join them).
    static func isAbbreviation(_ word: Substring) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
            && word.allSatisfy { $0.isLetter || $0.isNumber || "-&/.".contains($0) }
    }

    /// The actions by their first word, so that each word of a name is looked up once
    /// rather than compared with every action.
    private static let actionsByFirstWord: [Substring: [String]] =
        Dictionary(grouping: actions) { $0.prefix { $0 != " " } }

    /// Where the unit's name ends in "Trung tâm … tham mưu thực hiện …": the first action
    /// word outside parentheses, if the text starts like a unit. `nil` when nothing ends it.
    static func endOfName(in text: Substring) -> String.Index? {
        guard startsUnit(text) else { return nil }
        var depth = 0
        // Names that hold an action word: the one-stop desk "receives and returns".
        let fixed = fixedNames.first { text.lowercased().hasPrefix($0) }
        var index = text.index(text.startIndex, offsetBy: fixed?.count ?? 0)
        while index < text.endIndex {
            let character = text[index]
            if character == "(" { depth += 1 }
            if character == ")" { depth = max(0, depth - 1) }
            if depth == 0, character == " ", index > text.startIndex {
                let rest = text[text.index(after: index)...]
                let word = rest.prefix { $0 != " " && $0 != "," && $0 != ";" && $0 != "." }
                if let candidates = actionsByFirstWord[word],
                   candidates.contains(where: { startsWithWord(rest, $0) }) { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `text` begins with `word` as a whole word.
    static func startsWithWord(_ text: Substring, _ word: String) -> Bool {
        // Case matters: an action is written in lowercase, a name's words capitalised
        // ("Ban Quản lý dự án" is a name, "… quản lý" an action).
        // No `text.count`: it walks the whole text, and this runs at every space of it.
        guard text.prefix(word.count) == word else { return false }
        let next = text.dropFirst(word.count).first
        return next == nil || !(next!.isLetter || next!.isNumber)
    }
}
