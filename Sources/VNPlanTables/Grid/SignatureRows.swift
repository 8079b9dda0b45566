import VNPlanModel

/// The signature block ("TM. ỦY BAN NHÂN DÂN", "Nơi nhận:") set on under a table without a
/// break, as a page without rulings shows it: the Layout stage reads it as the table's last
/// rows. Those rows are cut off into a table of their own, so that the task table ends above
/// them and the signature is read as a signature.
enum SignatureRows {
    static func separated(_ document: SourceDocument) -> SourceDocument {
        var blocks: [Block] = []
        for block in document.blocks {
            guard case .table(let table) = block, let cut = firstSignatureRow(of: table), cut > 0 else {
                blocks.append(block)
                continue
            }
            var above = table
            above.rows = Array(table.rows[..<cut])
            // A cell merged down from above ends where the table now ends.
            for row in above.rows.indices {
                for cell in above.rows[row].cells.indices {
                    above.rows[row].cells[cell].rowSpan = min(above.rows[row].cells[cell].rowSpan, cut - row)
                }
            }
            var below = table
            below.rows = Array(table.rows[cut...])
            blocks += [.table(above), .table(below)]
        }
        var separated = document
        separated.blocks = blocks
        return separated
    }

    /// Whether the table is a signature block: it opens with one, so it goes on no table above.
    static func opensWithSignature(_ table: Table) -> Bool {
        firstSignatureRow(of: table) == 0
    }

    /// The first row whose every cell opens with a signature line.
    private static func firstSignatureRow(of table: Table) -> Int? {
        table.rows.firstIndex { row in
            let texts = row.cells.map { CellText.clean($0.text) }.filter { !$0.isEmpty }
            return !texts.isEmpty && texts.allSatisfy(isSignatureLine)
        }
    }

    private static func isSignatureLine(_ cell: String) -> Bool {
        let firstLine = String(cell.prefix { $0 != "\n" })
        return DocumentWords.isSignatureTitle(firstLine) || HeaderText.fold(firstLine).hasPrefix(DocumentWords.recipients)
    }
}
