import DibaoCaseService
import Testing

@Suite("Casework stream names")
struct CaseStreamsTests {
    @Test("case-, policy- and kin- streams carry their category")
    func categories() throws {
        #expect(try CaseStreams.caseStream("533103001001-2024-0001").category == "case")
        #expect(try CaseStreams.policyStream("533103").rawValue == "policy-533103")
        #expect(try CaseStreams.kinStream("533103").category == "kin")
    }
}
