import Testing
import VNPlanModel
@testable import VNPlanLayout

@Suite struct LatticeTests {
    @Test func placeholder() { #expect(true) }
}
