import DibaoCasework
import DibaoEvents
import Foundation
import Testing

@Suite("Event catalogue: golden samples, reference doc, validators")
struct EventCatalogueTests {
    static var samplesDirectory: URL { Bundle.module.resourceURL!.appendingPathComponent("Samples") }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func sample(_ type: any LedgerEventData.Type) throws -> [UInt8] {
        Array(try Data(contentsOf: samplesDirectory.appendingPathComponent("\(type.eventType).json")))
    }

    static func roundTrip<Event: LedgerEventData>(_ type: Event.Type, _ bytes: [UInt8]) throws -> [UInt8] {
        CanonicalJSON.bytes(try Event.decode(try StrictJSONParser.parse(bytes)).json)
    }

    @Test("Golden: every type's sample decodes and re-encodes to the identical canonical bytes", arguments: CaseworkEventTypes.eventTypeNames)
    func sampleRoundTrips(eventType: String) throws {
        let type = try #require(CaseworkEventTypes.all.first { $0.eventType == eventType })
        let bytes = try Self.sample(type)
        #expect(try Self.roundTrip(type, bytes) == bytes, "\(eventType)")
        let proposed = ProposedEvent(eventType: eventType, schemaVersion: type.schemaVersion, data: try StrictJSONParser.parse(bytes),
                                     effectiveDate: try BusinessDate("2022-03-01"))
        try LedgerCatalogue.make().validate(proposed)
    }

    @Test("There is exactly one sample per type and no stray sample")
    func oneSamplePerType() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.samplesDirectory.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files == CaseworkEventTypes.eventTypeNames.map { "\($0).json" }.sorted())
    }

    @Test("docs/reference/events.md lists every event type")
    func referenceDocComplete() throws {
        let text = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("docs/reference/events.md"), encoding: .utf8)
        for type in CaseworkEventTypes.all {
            #expect(text.contains("## \(type.eventType)"), "missing \(type.eventType)")
        }
    }

    @Test("LedgerCatalogue registers every casework type at schema version 1")
    func registered() {
        let catalogue = LedgerCatalogue.make()
        for type in CaseworkEventTypes.all { #expect(catalogue.contains(type.eventType, schemaVersion: 1)) }
    }

    @Test("CaseEvent decodes every case-stream type by name; non-case types are refused")
    func caseEventDecoding() throws {
        let bytes = try Self.sample(CaseApproved.self)
        let event = try CaseEvent(eventType: "CaseApproved", data: try StrictJSONParser.parse(bytes))
        #expect(event.eventType == "CaseApproved")
        #expect(throws: EventValidationError.self) { try CaseEvent(eventType: "PolicyParametersSet", data: .object([:])) }
    }

    @Test("Programme wire names in the events equal Programme.allCases")
    func programmeNames() {
        #expect(Set(Programme.allCases.map(\.rawValue)) == CaseProgrammeNames.all)
    }

    @Test("Validators refuse unknown members, explicit nulls and missing fields, naming the field")
    func strictness() throws {
        let approved = try StrictJSONParser.parse(Self.sample(CaseApproved.self))
        guard case .object(var members) = approved else { Issue.record("shape"); return }
        members["extra"] = 1
        #expect(throws: EventValidationError.invalid(field: "data.extra", reason: "unknown member, explicit null or non-canonical value")) { try CaseApproved.decode(.object(members)) }
        members["extra"] = nil
        members["monthlyAmountFen"] = nil
        #expect(throws: EventValidationError.invalid(field: "data.monthlyAmountFen", reason: "required")) { try CaseApproved.decode(.object(members)) }
        members["monthlyAmountFen"] = "12"
        #expect((try? CaseApproved.decode(.object(members))) == nil)
        let corrected = try StrictJSONParser.parse(Self.sample(EventCorrected.self))
        guard case .object(var fields) = corrected else { return }
        fields["correctedMonthlyFen"] = .null
        #expect(throws: EventValidationError.self) { try EventCorrected.decode(.object(fields)) }
    }

    @Test("Every rejection has a distinct stable code")
    func rejectionCodes() {
        let samples: [CaseRejection] = [.caseAlreadyOpened, .approverMustDifferFromReviewer, .taperingExceedsPolicyMaximum(months: 13),
                                        .staffIsDeclaredKin(staffId: "x"), .stagesExceedApprovedTotal(approvedFen: 1, requestedTotalFen: 2)]
        #expect(Set(samples.map(\.code)).count == samples.count)
        #expect(CaseRejection.taperingExceedsPolicyMaximum(months: 13).code == "tapering_exceeds_policy_maximum")
    }
}
