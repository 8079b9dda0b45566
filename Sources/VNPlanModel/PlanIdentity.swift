extension Plan {
    /// A stable id: issuer slug + number + date when the document names them, else the source hash.
    public static func identifier(for document: DocumentInfo, sha256: String) -> String {
        guard let issuer = document.issuer, let number = document.number, let date = document.date,
              !issuer.slug.isEmpty, !number.slug.isEmpty
        else { return "sha256-" + sha256.prefix(16) }
        return [issuer.slug, number.slug, date].joined(separator: "-")
    }

    /// Folder of the plan inside a repository: `plans/<issuer-slug>/<year>/`.
    public var repositoryFolder: String {
        let issuer = document.issuer.map(\.slug).flatMap { $0.isEmpty ? nil : $0 } ?? "unknown-issuer"
        let year = document.date.map { String($0.prefix(4)) } ?? "undated"
        return "plans/\(issuer)/\(year)"
    }

    public var repositoryPath: String { "\(repositoryFolder)/\(id).json" }
}
