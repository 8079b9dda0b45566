import Foundation
import VNPlanModel

/// A plan as one self-contained HTML page (inline style and pictures, nothing fetched) that
/// prints on A4 landscape: letterhead fields, warnings, legal basis, each section as a heading
/// over the table of its tasks, indicators. Given the pictures of the tasks' rows cut from
/// their pages, each task shows its row under it, so a reviewer checks it in one glance.
public enum PlanHTML {
    /// - Parameter rowPictures: PNG bytes of each task's row as its page shows it, by task path.
    public static func render(_ plan: Plan, rowPictures: [String: Data] = [:]) -> String {
        let document = plan.document
        var body: [String] = []
        body.append("<header>")
        if let issuer = document.issuer { body.append("<p class=\"issuer\">\(html(issuer))</p>") }
        let heading = PlanWording.heading(of: document)
        if !heading.isEmpty { body.append("<p class=\"kind\">\(html(heading))</p>") }
        body.append("<h1>\(html(document.title ?? plan.id))</h1>")
        var facts: [String] = []
        if let line = PlanWording.dateLine(of: document) { facts.append(fact("Ngày", line)) }
        if let signer = document.signer {
            facts.append(fact("Người ký", [signer.title, signer.name].compactMap { $0 }.joined(separator: " ")))
        }
        let pages = plan.source.pages.map { ", \($0) trang" } ?? ""
        facts.append(fact("Nguồn", "\(plan.source.file) (\(plan.source.format.rawValue)\(pages)\(plan.source.ocr ? ", OCR" : ""))"))
        facts.append(fact("Nhiệm vụ", "\(plan.tasks.count)"))
        body.append("<dl>\(facts.joined())</dl>")
        body.append("</header>")
        if !plan.warnings.isEmpty {
            body.append("<section class=\"warnings\"><h2>Cảnh báo (\(plan.warnings.count))</h2><ul>"
                        + plan.warnings.map { "<li>\(html($0))</li>" }.joined() + "</ul></section>")
        }
        if !plan.legalBasis.isEmpty {
            body.append("<section><h2>Căn cứ</h2><ul class=\"basis\">"
                        + plan.legalBasis.map { "<li>\(html($0.text))</li>" }.joined() + "</ul></section>")
        }
        for part in PlanOutline(plan).parts {
            if let section = part.section {
                let level = min(part.depth + 1, 6)
                body.append("<h\(level) id=\"s-\(anchor(section.path))\">\(html(PlanWording.heading(of: section)))</h\(level)>")
            }
            if !part.tasks.isEmpty { body.append(taskTable(part.tasks, rowPictures: rowPictures)) }
        }
        if !plan.indicators.isEmpty { body.append(indicatorTable(plan.indicators)) }
        return page(title: document.title ?? plan.id, style: style, body: body)
    }

    /// A whole page in Vietnamese: its title, its inline style and its body's parts.
    static func page(title: String, style: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="vnplan">
        <title>\(html(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static func taskTable(_ tasks: [PlanTask], rowPictures: [String: Data]) -> String {
        var rows: [String] = []
        for task in tasks {
            let uncertain = task.confidence < PlanWording.uncertain
            let work = PlanWording.work(of: task).map { "<p><b>\($0.label):</b> \(lines($0.text))</p>" }.joined()
            let outputs = task.outputs.isEmpty ? "" : "<ul>" + task.outputs.map { "<li>\(html($0))</li>" }.joined() + "</ul>"
            let note = [task.funding.map { "<p><b>Kinh phí:</b> \(lines($0))</p>" }, task.note.map { "<p>\(lines($0))</p>" }]
                .compactMap { $0 }.joined()
            let page = task.source.page.map { "<span class=\"page\">tr. \($0)</span>" } ?? ""
            let flag = uncertain ? "<span class=\"flag\" title=\"độ tin cậy\">⚠ \(task.confidence)</span>" : ""
            rows.append("""
                <tr id="t-\(anchor(task.path))" class="task\(uncertain ? " uncertain" : "")"><td class="path">\(html(task.path))\(page)\(flag)</td>\
                <td class="work">\(work)</td><td>\(outputs)</td>\
                <td>\(lines(PlanWording.units(task.lead, wording: task.leadText)))</td>\
                <td>\(lines(PlanWording.units(task.support, wording: task.supportText)))</td>\
                <td>\(lines(PlanWording.deadline(task.deadline)))</td><td>\(note)</td></tr>
                """)
            if let picture = rowPictures[task.path] {
                rows.append("<tr class=\"crop\"><td colspan=\"7\"><img alt=\"hàng của nhiệm vụ \(html(task.path)) trên trang\" "
                            + "src=\"data:image/png;base64,\(picture.base64EncodedString())\"></td></tr>")
            }
        }
        return """
            <table class="tasks"><thead><tr><th>Số</th><th>Nội dung</th><th>Sản phẩm</th><th>Chủ trì</th>\
            <th>Phối hợp</th><th>Thời hạn</th><th>Ghi chú</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            """
    }

    private static func indicatorTable(_ indicators: [Indicator]) -> String {
        let rows = indicators.map { indicator in
            "<tr><td class=\"path\">\(html(indicator.path))</td><td>\(lines(indicator.name))</td>"
                + "<td>\(html(indicator.unit ?? ""))</td><td>\(lines(PlanWording.target(indicator.target)))</td>"
                + "<td>\(lines(PlanWording.units(indicator.lead, wording: indicator.leadText)))</td>"
                + "<td>\(lines(PlanWording.units(indicator.support, wording: indicator.supportText)))</td></tr>"
        }
        return """
            <h2>Chỉ tiêu</h2>
            <table class="indicators"><thead><tr><th>Số</th><th>Chỉ tiêu</th><th>Đơn vị tính</th><th>Chỉ tiêu đặt ra</th>\
            <th>Chủ trì</th><th>Phối hợp</th></tr></thead><tbody>
            \(rows.joined(separator: "\n"))
            </tbody></table>
            """
    }

    private static func fact(_ label: String, _ value: String) -> String {
        "<div><dt>\(html(label))</dt><dd>\(html(value))</dd></div>"
    }

    /// The text with its line breaks kept.
    private static func lines(_ text: String) -> String {
        html(text).replacingOccurrences(of: "\n", with: "<br>")
    }

    /// An id for a path: "I.1.a" → "I-1-a".
    private static func anchor(_ path: String) -> String {
        String(path.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static let style = """
        @page { size: A4 landscape; margin: 12mm; }
        body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 11pt; color: #111; margin: 1.5em auto; max-width: 1200px; padding: 0 1em; }
        header { border-bottom: 2px solid #333; margin-bottom: 1em; }
        .issuer { font-weight: bold; text-transform: uppercase; margin: 0; }
        .kind { margin: .2em 0; }
        h1 { font-size: 1.5em; margin: .3em 0; }
        h2 { font-size: 1.2em; margin: 1.2em 0 .4em; break-after: avoid; }
        h3, h4, h5, h6 { font-size: 1.05em; margin: 1em 0 .3em; break-after: avoid; }
        dl { display: flex; flex-wrap: wrap; gap: .3em 2em; margin: .5em 0 1em; }
        dl div { display: flex; gap: .4em; }
        dt { font-weight: bold; } dt::after { content: ":"; } dd { margin: 0; }
        .warnings { background: #fff6db; border-left: 4px solid #d9a400; padding: .2em 1em; }
        table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
        th, td { border: 1px solid #999; padding: .3em .4em; vertical-align: top; text-align: left; }
        thead th { background: #e8ecf1; }
        thead { display: table-header-group; }
        tr.task { break-inside: avoid; }
        td p { margin: 0 0 .3em; } td ul { margin: 0; padding-left: 1.1em; }
        td.path { white-space: nowrap; font-weight: bold; }
        .page { display: block; font-weight: normal; color: #555; font-size: .85em; }
        .flag { display: block; color: #a33; font-size: .85em; }
        tr.uncertain td { background: #fdf0f0; }
        tr.crop td { background: #f7f7f7; padding: .2em; }
        tr.crop img { max-width: 100%; display: block; margin: 0 auto; }
        @media print { body { max-width: none; margin: 0; padding: 0; font-size: 10pt; } tr.crop { break-inside: avoid; } }
        """
}
