import DibaoEvents
import DibaoStore
import DibaoTestSupport
import Foundation

/// Builds and appends realistic case streams for the caseload tests (Jinzhong 榆次区 140702 and
/// 榆社县 140721, and one Yunnan village that no Shanxi query may see).
enum CaseloadFixtures {
    static func date(_ text: String) -> BusinessDate { try! BusinessDate(text) }
    static func month(_ text: String) -> CalendarMonth { try! CalendarMonth(text) }
    static func region(_ text: String) -> RegionCode { try! RegionCode(text) }

    /// A valid resident ID number (check character computed) for a birth date and sequence.
    static func idNumber(_ birth: String, _ sequence: Int) -> ResidentIdNumber {
        let body = "140702" + birth + String(format: "%03d", sequence)
        let check = Character(Unicode.Scalar(ResidentIdNumber.checkCharacter(body.utf8.map { Int($0) - 48 })))
        return try! ResidentIdNumber(body + String(check))
    }

    /// A household of `size` members; with `single`, only the applicant is counted (单人户).
    static func application(_ caseId: String, _ programme: String, village: String, size: Int, on day: String, single: Bool = false) -> ApplicationSubmitted {
        let members = (0..<size).map { index in
            HouseholdMemberRecord(idNumber: idNumber(index == 0 ? "19700101" : "20050101", 100 + index), relation: index == 0 ? .applicant : .child)
        }
        return ApplicationSubmitted(caseId: caseId, programme: programme, villageCode: region(village), submittedOn: date(day), members: members,
                                    incomes: [IncomeRecord(kind: .wages, monthlyFen: 20_000)], applicantDeclaresStaffKinship: false,
                                    singlePersonMemberIdNumber: single ? members[0].idNumber : nil)
    }

    static func approved(_ amountFen: Int64, from firstMonth: String, on day: String) -> CaseApproved {
        CaseApproved(approverId: "S-APPROVE", approvedOn: date(day), level: .county, monthlyAmountFen: amountFen, firstBenefitMonth: month(firstMonth))
    }

    static func exited(from effectiveMonth: String, on day: String) -> CaseExited {
        CaseExited(decidedBy: "S-APPROVE", decidedOn: date(day), effectiveMonth: month(effectiveMonth), reason: .movedAway)
    }

    /// Appends events to `case-<caseId>` in one command, each effective on `effectiveDate`.
    @discardableResult
    static func append(_ store: EventStore, _ caseId: String, _ events: [any LedgerEventData], on effectiveDate: String) async throws -> AppendResult {
        let stream = try StreamName(category: "case", id: caseId)
        return try await Fixtures.append(store, stream, events.map { $0.proposed(effectiveDate: date(effectiveDate)) })
    }

    /// The recorded id of the first event of `type` in the case's stream.
    static func eventId(_ store: EventStore, _ caseId: String, _ type: String) async throws -> UUID {
        let events = try await store.readStream(try StreamName(category: "case", id: caseId))
        return events.first { $0.eventType == type }!.eventId
    }
}
