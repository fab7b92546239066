import DibaoCasework
import DibaoEvents
import Testing

@Suite("R-D04 resident ID numbers (GB 11643, ISO 7064 MOD 11-2)")
struct ResidentIdNumberTests {
    @Test("R-D04: valid numbers, with a digit or X as check character, are accepted and masked")
    func valid() throws {
        let withX = try ResidentIdNumber("11010519491231002X")
        #expect(withX.birthDate == Fixtures.date("1949-12-31"))
        #expect(withX.description == "110105********002X")
        #expect(try ResidentIdNumber("440524198001010013").birthDate == Fixtures.date("1980-01-01"))
    }

    @Test("R-D04: wrong check character, length, non-digits, lower-case x and impossible birth dates are refused")
    func invalid() {
        for text in ["110105194912310021", "11010519491231002", "1101051949123100X2", "11010519491231002x", "110105194913310023"] {
            #expect(throws: EventValidationError.self, "\(text)") { try ResidentIdNumber(text) }
        }
    }

    @Test("R-D04: the store refuses an application whose second member's ID is wrong, naming data.members[1].idNumber")
    func validatorNamesField() throws {
        var data = Fixtures.application().json
        guard case .object(var members) = data, case .array(var list) = members["members"], case .object(var second) = list[1] else { Issue.record("shape"); return }
        second["idNumber"] = "140702197906112220"
        list[1] = .object(second)
        members["members"] = .array(list)
        data = .object(members)
        let event = ProposedEvent(eventType: "ApplicationSubmitted", schemaVersion: 1, data: data, effectiveDate: Fixtures.date("2022-03-01"))
        #expect(throws: EventValidationError.invalid(field: "data.members[1].idNumber", reason: "check character does not match (ISO 7064 MOD 11-2)")) {
            try LedgerCatalogue.make().validate(event)
        }
    }
}
