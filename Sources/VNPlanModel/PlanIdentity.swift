extension Plan {
    /// A stable id: issuer slug + number + date when the document names them (and OCR read
    /// them surely), else the source hash.
    public static func identifier(for document: DocumentInfo, sha256: String) -> String {
        guard let issuer = document.confident(.issuer), let number = document.confident(.number),
              let date = document.confident(.date),
              !issuer.slug.isEmpty, !number.slug.isEmpty
        else { return "sha256-" + sha256.prefix(16) }
        return [issuer.slug, number.slug, date].joined(separator: "-")
    }

    /// What the plans of several files of one document (a DOCX and its PDF, a scan) share:
    /// issuer, number and date as the id spells them. A document without its number or date
    /// (a draft, an unsigned decision) has only its issuer, type, date and title to go by,
    /// which versions of a draft share too, so its number of tasks joins them: a shortened
    /// or extended draft is another document. Nil when even those are missing.
    public var documentKey: String? {
        let key = Self.identifier(for: document, sha256: source.sha256)
        if !key.hasPrefix("sha256-") { return key }
        guard let issuer = document.confident(.issuer)?.slug, !issuer.isEmpty,
              let title = document.title?.slug, !title.isEmpty else { return nil }
        return [issuer, document.type?.slug ?? "", document.confident(.date) ?? "", title, "\(tasks.count)-tasks"]
            .joined(separator: "/")
    }

    /// Folder of the plan inside a repository: `plans/<issuer-slug>/<year>/`.
    public var repositoryFolder: String {
        let issuer = document.confident(.issuer).map(\.slug).flatMap { $0.isEmpty ? nil : $0 } ?? "unknown-issuer"
        let year = document.confident(.date).map { String($0.prefix(4)) } ?? "undated"
        return "plans/\(StoredName.shortened(issuer))/\(year)"
    }

    public var repositoryPath: String { "\(repositoryFolder)/\(StoredName.fileStem(ofID: id)).json" }
}

/// Names of folders and files in a repository, short enough for any file system (255 bytes a
/// name, with room for ".json" and the temporary name an atomic write adds). An issuer or a
/// number written at great length is cut and followed by a hash of the whole name: the same
/// plan always gets the same name, and two long names that share a beginning stay apart.
public enum StoredName {
    public static let longest = 150
    /// "-" and 8 lowercase hex digits: the mark that tells apart plans of one document stored
    /// from different files (see PlanStore).
    static let markLength = 9

    /// Ids and slugs are ASCII, so bytes and characters count alike.
    public static func shortened(_ name: String, to limit: Int = longest) -> String {
        guard name.utf8.count > limit else { return name }
        return String(decoding: name.utf8.prefix(limit - 17), as: UTF8.self) + "-" + hash(name)
    }

    /// The file name (without ".json") of the plan with this id. A disambiguation mark stays
    /// whole at the end, so that the names of one document's plans begin alike.
    public static func fileStem(ofID id: String) -> String {
        guard isMarked(id) else { return shortened(id) }
        return shortened(String(id.dropLast(markLength)), to: longest - markLength) + id.suffix(markLength)
    }

    static func isMarked(_ id: String) -> Bool {
        let mark = id.utf8.suffix(markLength)
        return mark.count == markLength && mark.first == UInt8(ascii: "-")
            && mark.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// FNV-1a, 64 bits, as 16 hex digits: stable across runs and machines, unlike Hasher.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
