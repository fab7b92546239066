import DibaoCasework
import DibaoEvents
import Testing

@Suite("Store validators name the malformed field")
struct ValidatorTests {
    /// The application sample's data with one change applied to its first member.
    func application(member change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        guard case .object(var data) = Fixtures.application().json, case .array(var members) = data["members"],
              case .object(var first) = members[0] else { return .null }
        change(&first)
        members[0] = .object(first)
        data["members"] = .array(members)
        return .object(data)
    }

    func refusal(_ data: JSONValue, type: String = "ApplicationSubmitted") -> String? {
        do {
            try LedgerCatalogue.make().validate(ProposedEvent(eventType: type, schemaVersion: 1, data: data, effectiveDate: Fixtures.date("2022-03-01")))
            return nil
        } catch { return error.field }
    }

    @Test("A disability grade outside 1…4 is refused at data.members[0].disability.grade")
    func disabilityGrade() {
        #expect(refusal(application { $0["disability"] = ["grade": 5, "type": "mental"] }) == "data.members[0].disability.grade")
    }

    @Test("An unknown relation is refused at data.members[0].relation")
    func relation() {
        #expect(refusal(application { $0["relation"] = "cousin" }) == "data.members[0].relation")
    }

    @Test("A missing flag is refused at data.members[0].seriouslyIll")
    func missing() {
        #expect(refusal(application { $0["seriouslyIll"] = nil }) == "data.members[0].seriouslyIll")
    }

    @Test("A county code where a village code is required is refused at data.villageCode")
    func villageCode() {
        guard case .object(var data) = Fixtures.application().json else { return }
        data["villageCode"] = "140702"
        #expect(refusal(.object(data)) == "data.villageCode")
        data["villageCode"] = "14070200100"
        #expect(refusal(.object(data)) == "data.villageCode")
    }

    @Test("A negative income is refused at data.incomes[0].monthlyFen; a float-free ledger keeps fen as integers")
    func negativeIncome() {
        guard case .object(var data) = Fixtures.application().json else { return }
        data["incomes"] = [["kind": "wages", "monthlyFen": -1]]
        #expect(refusal(.object(data)) == "data.incomes[0].monthlyFen")
    }

    @Test("Exactly one applicant: a household without one is refused at data.members")
    func oneApplicant() {
        #expect(refusal(application { $0["relation"] = "spouse" }) == "data.members")
    }

    @Test("Tapering data must be consistent: endMonth = startMonth + months − 1")
    func taperingConsistency() {
        let data: JSONValue = ["startMonth": "2022-10", "months": 6, "endMonth": "2023-04", "monthlyAmountFen": 1]
        #expect(refusal(data, type: "TaperingStarted") == "data.endMonth")
    }
}

@Suite("Casework stream names")
struct CaseworkStreamNameTests {
    @Test("case-<id>, policy-<jurisdiction code> and kin-<jurisdiction code> are valid stream names with the right category")
    func streamNames() throws {
        #expect(try StreamName(category: "case", id: "C-140702001001-2022-0001").category == "case")
        #expect(try StreamName(category: "policy", id: PolicyFixture.jinzhong.rawValue).rawValue == "policy-140700")
        #expect(try StreamName(category: "kin", id: "140700").category == "kin")
    }
}
