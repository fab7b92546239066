import DibaoCasework
import DibaoEvents
import Testing

@Suite("Policy parameters: effective-dated, inherited, sourced")
struct PolicyTests {
    @Test("R001-05 (001 Mangshi) overrides tapering programmes; standards are inherited from 530000 Yunnan")
    func mangshiInheritsFromYunnan() {
        // Given the fixture; when resolving a Mangshi village; then Mangshi's own values win and the rest comes from Yunnan.
        let policy = Fixtures.policy(Fixtures.region("533103001001"), "2022-01")
        #expect(policy.taperingProgrammes == [.urbanDibao, .ruralDibao])
        #expect(policy.sources["taperingProgrammes"] == "R001-05")
        #expect(policy.ruralStandardFen == 50_000)
        #expect(policy.sources["ruralStandardFen"] == "ILLUSTRATIVE")
        #expect(policy.singlePersonCriteria.intellectualOrMentalGradeMax == 4)
        let yunnan = Fixtures.policy(Fixtures.region("530102001001"), "2022-01")
        #expect(yunnan.taperingProgrammes == [.ruralDibao])
    }

    @Test("Codes are prefixes: 533103001001 has ancestry 530000 ⊃ 533100 ⊃ 533103 ⊃ 533103001")
    func ancestry() {
        #expect(Fixtures.region("533103001001").ancestry.map(\.rawValue) == ["530000", "533100", "533103", "533103001", "533103001001"])
        #expect(Fixtures.region("530000").contains(Fixtures.region("533103001001")))
        #expect(!Fixtures.region("533103").contains(Fixtures.region("533102001001")))
    }

    @Test("R-D05: a later event applies from its effective month only; a township override beats the county")
    func effectiveDating() throws {
        var book = PolicyFixture.book
        var raise = PolicyParameterValues()
        raise.ruralStandardFen = .illustrative(62_000)
        book.evolve(PolicyParametersSet(jurisdictionCode: PolicyFixture.jinzhong, effectiveFrom: Fixtures.month("2022-07"),
                                        announcedOn: Fixtures.date("2022-06-20"), document: "test", parameters: raise))
        var township = PolicyParameterValues()
        township.ruralStandardFen = .illustrative(63_000)
        book.evolve(PolicyParametersSet(jurisdictionCode: Fixtures.region("140702001"), effectiveFrom: Fixtures.month("2022-09"),
                                        announcedOn: Fixtures.date("2022-08-20"), document: "test", parameters: township))
        let village = Fixtures.region("140702001001")
        #expect(try book.parameters(for: village, month: Fixtures.month("2022-06")).ruralStandardFen == 58_000)
        #expect(try book.parameters(for: village, month: Fixtures.month("2022-07")).ruralStandardFen == 62_000)
        #expect(try book.parameters(for: village, month: Fixtures.month("2022-09")).ruralStandardFen == 63_000)
        #expect(try book.parameters(for: Fixtures.region("140702002001"), month: Fixtures.month("2022-09")).ruralStandardFen == 62_000)
    }

    @Test("A jurisdiction with no policy stream resolves to a named missing parameter")
    func missingParameter() {
        #expect(throws: PolicyResolutionError.self) { try PolicyFixture.book.parameters(for: Fixtures.region("110101001001"), month: Fixtures.month("2022-01")) }
        #expect(throws: PolicyResolutionError.self) { try PolicyFixture.book.parameters(for: Fixtures.region("140702001001"), month: Fixtures.month("2021-09")) }
    }

    @Test("Every fixture value names a seed rule or is labelled ILLUSTRATIVE; seed values cite their rule")
    func fixtureSources() {
        for event in PolicyFixture.events {
            let json = event.parameters
            let encoded = PolicyParametersSet(jurisdictionCode: event.jurisdictionCode, effectiveFrom: event.effectiveFrom, announcedOn: event.announcedOn,
                                              document: event.document, parameters: json).json
            for (_, value) in encoded["parameters"]?.objectValue ?? [:] {
                let source = value["source"]?.stringValue ?? ""
                #expect(source == "ILLUSTRATIVE" || source.hasPrefix("R00"), "\(event.jurisdictionCode): \(source)")
            }
        }
        let jinzhong = Fixtures.policy(PolicyFixture.jinzhong, "2022-01")
        #expect(jinzhong.taperingMonths == 6...6 && jinzhong.sources["taperingMonthsMaximum"] == "R004-03")
        #expect(jinzhong.sources["urbanStandardFen"] == "ILLUSTRATIVE")
        #expect(Fixtures.policy(PolicyFixture.jilin, "2022-01").sources["elderlyAgeYears"] == "R002-03")
        #expect(Fixtures.policy(PolicyFixture.jilin, "2022-01").approvalLevel == .township)
    }

    @Test("R004-02 (004 Jinzhong): the 特困 standard is at least 1.3 × the 低保 standard, checked as 10T ≥ 13D")
    func tekunMultiplier() {
        for code in [PolicyFixture.yunnan, PolicyFixture.mangshi, PolicyFixture.jilin, PolicyFixture.jingyuan, PolicyFixture.jinzhong] {
            let policy = Fixtures.policy(code, "2022-01")
            #expect(tekunStandardMeetsMinimum(tekunFen: policy.tekunStandardFen, dibaoFen: policy.urbanStandardFen))
            #expect(tekunStandardMeetsMinimum(tekunFen: policy.tekunStandardFen, dibaoFen: policy.ruralStandardFen))
        }
        var policy = Fixtures.policy(PolicyFixture.jinzhong, "2022-01")
        for standard: Int64 in [54_201, 54_203, 1, 72_233] {
            (policy.urbanStandardFen, policy.ruralStandardFen) = (standard, standard)
            #expect(tekunStandardMeetsMinimum(tekunFen: policy.tekunStandardFen, dibaoFen: standard))
            #expect(!tekunStandardMeetsMinimum(tekunFen: policy.tekunStandardFen - 1, dibaoFen: standard) || standard * 13 % 10 == 0)
        }
        #expect(!tekunStandardMeetsMinimum(tekunFen: 70_460, dibaoFen: 54_201))
    }

    @Test("R004-02: a policy event with a 特困 multiplier below 13000 is refused, naming the field")
    func multiplierValidation() {
        var values = PolicyParameterValues()
        values.tekunMultiplierBasisPoints = .illustrative(12_999)
        let event = PolicyParametersSet(jurisdictionCode: PolicyFixture.jinzhong, effectiveFrom: Fixtures.month("2022-01"),
                                        announcedOn: Fixtures.date("2022-01-01"), document: "test", parameters: values)
        #expect(throws: EventValidationError.invalid(field: "data.parameters.tekunMultiplierBasisPoints.value", reason: "must be at least 13000 (1.3 ×, R004-02)")) {
            try LedgerCatalogue.make().validate(event.proposed(effectiveDate: Fixtures.date("2022-01-01")))
        }
    }

    @Test("A policy value's source must be a rule id or ILLUSTRATIVE")
    func sourceValidation() throws {
        let data = try StrictJSONParser.parse(#"{"announcedOn":"2022-01-01","document":"x","effectiveFrom":"2022-01","jurisdictionCode":"140700","parameters":{"elderlyAgeYears":{"source":"made up","value":60}}}"#)
        #expect(throws: EventValidationError.self) { try PolicyParametersSet.decode(data) }
    }
}
