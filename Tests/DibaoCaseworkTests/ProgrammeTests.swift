import DibaoCasework
import Testing

@Suite("Programmes")
struct ProgrammeTests {
    @Test("Every programme has a stable wire name")
    func wireNames() {
        #expect(Programme.allCases.map(\.rawValue) == ["urban_dibao", "rural_dibao", "tekun_centralised", "tekun_dispersed", "temporary_assistance"])
    }
}
