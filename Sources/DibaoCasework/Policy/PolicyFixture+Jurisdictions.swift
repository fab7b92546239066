import DibaoEvents

extension PolicyFixture {
    static var yunnanEvent: PolicyParametersSet {
        var values = PolicyParameterValues()
        illustrativeCommon(&values)
        values.urbanStandardFen = .illustrative(71_000)
        values.ruralStandardFen = .illustrative(50_000)
        values.taperingMonthsMinimum = .seed(6, "R000-06")
        values.taperingMonthsMaximum = .seed(12, "R000-06")
        values.taperingProgrammes = .seed(["rural_dibao"], "R000-06")
        values.taperingTrigger = .seed(.employment, "R000-06")
        values.rounding = .illustrative(AmountRounding(unitFen: 10, mode: .halfUp))
        // R000-04 enables 单人户 but gives no grades: the thresholds are illustrative.
        values.singlePersonCriteria = .illustrative(SinglePersonCriteria(enabled: true, anyDisabilityGradeMax: 2, intellectualOrMentalGradeMax: 2, seriousIllness: true))
        return PolicyParametersSet(jurisdictionCode: yunnan, effectiveFrom: month("2021-04"), announcedOn: date("2021-03-23"),
                                   document: "云南省民政厅 2021-03-23 (seed 000)", parameters: values)
    }

    static var mangshiEvent: PolicyParametersSet {
        var values = PolicyParameterValues()
        values.taperingMonthsMinimum = .seed(6, "R001-05")
        values.taperingMonthsMaximum = .seed(12, "R001-05")
        values.taperingProgrammes = .seed(["urban_dibao", "rural_dibao"], "R001-05")
        values.taperingTrigger = .seed(.employment, "R001-05")
        values.tekunMinorAgeLimitYears = .seed(18, "R001-03")
        values.singlePersonCriteria = .seed(SinglePersonCriteria(enabled: true, anyDisabilityGradeMax: 2, intellectualOrMentalGradeMax: 4, seriousIllness: true), "R001-01")
        // The document is undated: the effective month is illustrative; everything else is inherited from 530000.
        return PolicyParametersSet(jurisdictionCode: mangshi, effectiveFrom: month("2021-04"), announcedOn: date("2021-04-01"),
                                   document: "芒巩固振兴组办〔2021〕6号 (seed 001; dates ILLUSTRATIVE)", parameters: values)
    }

    static var jilinEvent: PolicyParametersSet {
        var values = PolicyParameterValues()
        illustrativeCommon(&values)
        values.urbanStandardFen = .illustrative(72_200)
        values.ruralStandardFen = .illustrative(54_200)
        values.addOnRateBasisPoints = .illustrative(500)
        values.addOnGroups = .seed([.seriouslyIll, .severelyDisabled, .elderly, .minor], "R002-03")
        values.elderlyAgeYears = .seed(70, "R002-03")
        values.approvalLevel = .seed(.township, "R002-06")
        values.taperingMonthsMinimum = .illustrative(6)
        values.taperingMonthsMaximum = .illustrative(12)
        values.taperingProgrammes = .illustrative(["urban_dibao", "rural_dibao"])
        values.taperingTrigger = .illustrative(.employment)
        values.rounding = .illustrative(AmountRounding(unitFen: 1, mode: .halfUp))
        values.appraisalRequired = .illustrative(false)
        values.singlePersonCriteria = .illustrative(SinglePersonCriteria(enabled: false, anyDisabilityGradeMax: 0, intellectualOrMentalGradeMax: 0, seriousIllness: false))
        return PolicyParametersSet(jurisdictionCode: jilin, effectiveFrom: month("2021-07"), announcedOn: date("2021-06-03"),
                                   document: "吉民发〔2021〕22号 (seed 002)", parameters: values)
    }

    static var jingyuanEvent: PolicyParametersSet {
        var values = PolicyParameterValues()
        illustrativeCommon(&values)
        values.urbanStandardFen = .illustrative(68_000)
        values.ruralStandardFen = .illustrative(52_000)
        values.taperingMonthsMinimum = .illustrative(6)
        values.taperingMonthsMaximum = .illustrative(12)
        values.taperingProgrammes = .seed(["urban_dibao", "rural_dibao"], "R003-06")
        values.taperingTrigger = .seed(.anyIncomeRise, "R003-06")
        values.rounding = .illustrative(AmountRounding(unitFen: 100, mode: .ceiling))
        // R003-04 enables 单人保; the thresholds are illustrative.
        values.singlePersonCriteria = .illustrative(SinglePersonCriteria(enabled: true, anyDisabilityGradeMax: 2, intellectualOrMentalGradeMax: 2, seriousIllness: true))
        values.amountTiers = .illustrative([
            AmountTier(perCapitaIncomeBelowFen: 15_000, perPersonFen: 45_000),
            AmountTier(perCapitaIncomeBelowFen: 30_000, perPersonFen: 30_000),
            AmountTier(perCapitaIncomeBelowFen: 52_000, perPersonFen: 15_000),
        ])
        return PolicyParametersSet(jurisdictionCode: jingyuan, effectiveFrom: month("2021-07"), announcedOn: date("2021-06-04"),
                                   document: "泾民发〔2021〕33号 (seed 003)", parameters: values)
    }

    static var jinzhongEvent: PolicyParametersSet {
        var values = PolicyParameterValues()
        illustrativeCommon(&values)
        values.urbanStandardFen = .illustrative(75_000)
        values.ruralStandardFen = .illustrative(58_000)
        values.tekunMultiplierBasisPoints = .seed(13_000, "R004-02")
        values.addOnRateBasisPoints = .seed(500, "R004-05")
        values.addOnGroups = .seed([.elderly, .minor, .severelyDisabled, .seriouslyIll], "R004-05")
        values.taperingMonthsMinimum = .seed(6, "R004-03")
        values.taperingMonthsMaximum = .seed(6, "R004-03")
        values.taperingProgrammes = .seed(["rural_dibao"], "R004-03")
        values.taperingTrigger = .seed(.employment, "R004-03")
        values.recheckMonthsStable = .seed(12, "R004-13")
        values.recheckMonthsUnstable = .seed(6, "R004-13")
        values.rounding = .illustrative(AmountRounding(unitFen: 100, mode: .halfUp))
        values.singlePersonCriteria = .seed(SinglePersonCriteria(enabled: true, anyDisabilityGradeMax: 2, intellectualOrMentalGradeMax: 3, seriousIllness: true), "R004-04")
        return PolicyParametersSet(jurisdictionCode: jinzhong, effectiveFrom: month("2021-10"), announcedOn: date("2021-09-09"),
                                   document: "市民发〔2021〕40号 (seed 004)", parameters: values)
    }
}
