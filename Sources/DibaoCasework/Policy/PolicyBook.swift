import DibaoEvents

/// Why parameters could not be resolved: a configuration gap, not a business outcome.
public enum PolicyResolutionError: Error, Sendable, Equatable {
    /// No jurisdiction in the code's ancestry sets the parameter by that month.
    case parameterMissing(name: String, jurisdiction: RegionCode, month: CalendarMonth)
}

/// The `policy-<code>` streams folded: resolves the parameters in force for a jurisdiction
/// and month. A code inherits from its ancestors (530000 ⊃ 533100 ⊃ 533103 ⊃ 533103001 ⊃
/// 533103001001); at each level the events effective by the month apply in effective-month
/// order (stream order on ties), each overriding only the values it carries.
public struct PolicyBook: Sendable {
    public private(set) var events: [PolicyParametersSet]

    public init(_ events: [PolicyParametersSet] = []) {
        self.events = events
    }

    /// Folds one more policy event.
    public mutating func evolve(_ event: PolicyParametersSet) {
        events.append(event)
    }

    /// The merged raw values for `code` at `month`.
    public func values(for code: RegionCode, month: CalendarMonth) -> PolicyParameterValues {
        var merged = PolicyParameterValues()
        for level in code.ancestry {
            let applicable = events.enumerated()
                .filter { $0.element.jurisdictionCode == level && $0.element.effectiveFrom <= month }
                .sorted { ($0.element.effectiveFrom, $0.offset) < ($1.element.effectiveFrom, $1.offset) }
            for entry in applicable { merged = merged.overlaid(by: entry.element.parameters) }
        }
        return merged
    }

    /// The parameters in force for `code` at `month`.
    public func parameters(for code: RegionCode, month: CalendarMonth) throws(PolicyResolutionError) -> PolicyParameters {
        let values = values(for: code, month: month)
        var sources: [String: String] = [:]
        func required<Value>(_ name: String, _ sourced: Sourced<Value>?) throws(PolicyResolutionError) -> Value {
            guard let sourced else { throw .parameterMissing(name: name, jurisdiction: code, month: month) }
            sources[name] = sourced.source
            return sourced.value
        }
        let programmes = try required("taperingProgrammes", values.taperingProgrammes)
        let minimum = try required("taperingMonthsMinimum", values.taperingMonthsMinimum)
        let maximum = try required("taperingMonthsMaximum", values.taperingMonthsMaximum)
        return PolicyParameters(
            jurisdictionCode: code, month: month,
            urbanStandardFen: try required("urbanStandardFen", values.urbanStandardFen),
            ruralStandardFen: try required("ruralStandardFen", values.ruralStandardFen),
            tekunMultiplierBasisPoints: try required("tekunMultiplierBasisPoints", values.tekunMultiplierBasisPoints),
            addOnRateBasisPoints: try required("addOnRateBasisPoints", values.addOnRateBasisPoints),
            addOnGroups: Set(try required("addOnGroups", values.addOnGroups)),
            elderlyAgeYears: try required("elderlyAgeYears", values.elderlyAgeYears),
            tekunMinorAgeLimitYears: try required("tekunMinorAgeLimitYears", values.tekunMinorAgeLimitYears),
            taperingMonths: minimum...max(minimum, maximum),
            taperingProgrammes: Set(programmes.compactMap(Programme.init(rawValue:))),
            taperingTrigger: try required("taperingTrigger", values.taperingTrigger),
            recheckMonthsStable: try required("recheckMonthsStable", values.recheckMonthsStable),
            recheckMonthsUnstable: try required("recheckMonthsUnstable", values.recheckMonthsUnstable),
            approvalLevel: try required("approvalLevel", values.approvalLevel),
            decisionTimeLimitWorkingDays: try required("decisionTimeLimitWorkingDays", values.decisionTimeLimitWorkingDays),
            emergencyCapFen: try required("emergencyCapFen", values.emergencyCapFen),
            explanationDueDays: try required("explanationDueDays", values.explanationDueDays),
            rounding: try required("rounding", values.rounding),
            appraisalRequired: try required("appraisalRequired", values.appraisalRequired),
            singlePersonCriteria: try required("singlePersonCriteria", values.singlePersonCriteria),
            amountTiers: try required("amountTiers", values.amountTiers),
            sources: sources
        )
    }
}

extension PolicyParameterValues {
    /// `self` with every value `newer` carries replaced.
    public func overlaid(by newer: PolicyParameterValues) -> PolicyParameterValues {
        var result = self
        result.urbanStandardFen = newer.urbanStandardFen ?? urbanStandardFen
        result.ruralStandardFen = newer.ruralStandardFen ?? ruralStandardFen
        result.tekunMultiplierBasisPoints = newer.tekunMultiplierBasisPoints ?? tekunMultiplierBasisPoints
        result.addOnRateBasisPoints = newer.addOnRateBasisPoints ?? addOnRateBasisPoints
        result.addOnGroups = newer.addOnGroups ?? addOnGroups
        result.elderlyAgeYears = newer.elderlyAgeYears ?? elderlyAgeYears
        result.tekunMinorAgeLimitYears = newer.tekunMinorAgeLimitYears ?? tekunMinorAgeLimitYears
        result.taperingMonthsMinimum = newer.taperingMonthsMinimum ?? taperingMonthsMinimum
        result.taperingMonthsMaximum = newer.taperingMonthsMaximum ?? taperingMonthsMaximum
        result.taperingProgrammes = newer.taperingProgrammes ?? taperingProgrammes
        result.taperingTrigger = newer.taperingTrigger ?? taperingTrigger
        result.recheckMonthsStable = newer.recheckMonthsStable ?? recheckMonthsStable
        result.recheckMonthsUnstable = newer.recheckMonthsUnstable ?? recheckMonthsUnstable
        result.approvalLevel = newer.approvalLevel ?? approvalLevel
        result.decisionTimeLimitWorkingDays = newer.decisionTimeLimitWorkingDays ?? decisionTimeLimitWorkingDays
        result.emergencyCapFen = newer.emergencyCapFen ?? emergencyCapFen
        result.explanationDueDays = newer.explanationDueDays ?? explanationDueDays
        result.rounding = newer.rounding ?? rounding
        result.appraisalRequired = newer.appraisalRequired ?? appraisalRequired
        result.singlePersonCriteria = newer.singlePersonCriteria ?? singlePersonCriteria
        result.amountTiers = newer.amountTiers ?? amountTiers
        return result
    }
}
