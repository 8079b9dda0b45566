import Foundation
import Testing
import VNPlanModel
@testable import VNPlanLayout

@Test func debugStream() throws {
    struct Report: Decodable { var pages: [PageGeometry] }
    let data = try Data(contentsOf: URL(fileURLWithPath: "/tmp/nb.json"))
    let page = try JSONDecoder().decode(Report.self, from: data).pages[0]
    let scale = PageScale(words: page.words, unitsPerInch: 72)
    let lines = TextLine.lines(of: page.words)
    for (i, l) in lines.enumerated() where l.box.y > 550 && l.box.y < 600 { print(i, l.box.y, l.box.height, l.text) }
}
