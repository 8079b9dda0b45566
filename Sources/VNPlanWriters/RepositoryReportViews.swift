import VNPlanModel

extension RepositoryReport {
    /// Markdown with pandoc pipe tables; the timeline as deadlines counted by quarter.
    public var markdown: String {
        var out = ["# " + PlanMarkdown.escaped(title)]
        for block in blocks {
            out.append("")
            switch block {
            case .heading(let text): out.append("## " + PlanMarkdown.escaped(text))
            case .paragraph(let text): out.append(PlanMarkdown.escaped(text))
            case .table(let header, let rows, let numeric): out += Self.pipeTable(header, rows, numeric: numeric)
            case .timeline(let timeline):
                let table = timeline.quarterTable
                out.append("Số thời hạn theo quý:")
                out.append("")
                out += Self.pipeTable(table.header, table.rows, numeric: Set(1..<table.header.count))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func pipeTable(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> [String] {
        ["| " + header.map(PlanMarkdown.cell).joined(separator: " | ") + " |",
         "|" + header.indices.map { numeric.contains($0) ? "---:" : "---" }.joined(separator: "|") + "|"]
            + rows.map { "| " + $0.map(PlanMarkdown.cell).joined(separator: " | ") + " |" }
    }

    /// One self-contained page (inline style and SVG, no script) that prints on A4 landscape.
    public var html: String {
        var body = ["<header><h1>\(PlanHTML.html(title))</h1></header>"]
        for block in blocks {
            switch block {
            case .heading(let text): body.append("<h2>\(PlanHTML.html(text))</h2>")
            case .paragraph(let text): body.append("<p>\(PlanHTML.html(text))</p>")
            case .table(let header, let rows, let numeric):
                let head = header.enumerated().map { index, name in
                    "<th\(numeric.contains(index) ? " class=\"n\"" : "")>\(PlanHTML.html(name))</th>"
                }.joined()
                let lines = rows.map { row in
                    "<tr>" + row.enumerated().map { index, value in
                        "<td\(numeric.contains(index) ? " class=\"n\"" : "")>"
                            + PlanHTML.html(value).replacingOccurrences(of: "\n", with: "<br>") + "</td>"
                    }.joined() + "</tr>"
                }
                body.append("<table><thead><tr>\(head)</tr></thead><tbody>\n\(lines.joined(separator: "\n"))\n</tbody></table>")
            case .timeline(let timeline):
                body.append("<figure>\(timeline.svg)</figure>")
            }
        }
        return PlanHTML.page(title: title, style: PlanHTML.style + """

            td.n, th.n { text-align: right; white-space: nowrap; } td:first-child { white-space: nowrap; }
            figure { margin: .5em 0 1em; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
            """, body: body)
    }
}
