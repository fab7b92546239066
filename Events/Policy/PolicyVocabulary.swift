/// 重点保障对象 key groups that get the add-on (R002-03, R004-05).
public enum KeyGroup: String, Codable, Sendable, Hashable, CaseIterable {
    /// 老年人 elderly, from the policy's age.
    case elderly
    /// 未成年人 minors, under 18.
    case minor
    /// 重度残疾人 severely disabled (certificate grade 1 or 2).
    case severelyDisabled = "severely_disabled"
    /// 重病患者 seriously ill.
    case seriouslyIll = "seriously_ill"
}

/// 审核审批层级 the level that reviews or approves: township (乡镇/街道) or county (县级民政局).
public enum AdministrativeLevel: String, Codable, Sendable, Hashable, CaseIterable {
    case township, county
}

/// What must raise income above the standard for tapering (渐退期) to start.
public enum TaperingTrigger: String, Codable, Sendable, Hashable {
    /// 通过就业创业: employment or entrepreneurship only (000, 001, 004).
    case employment
    /// Any rise of per-capita income above the standard (003).
    case anyIncomeRise = "any_income_rise"
}

/// Direction of rounding to the unit.
public enum RoundingMode: String, Codable, Sendable, Hashable {
    case floor, halfUp = "half_up", ceiling
}

/// How a monthly amount is rounded (F-02): to fen (1), jiao (10) or yuan (100).
public struct AmountRounding: Codable, Sendable, Hashable {
    public var unitFen: Int64
    public var mode: RoundingMode

    public init(unitFen: Int64, mode: RoundingMode) {
        self.unitFen = unitFen
        self.mode = mode
    }
}

/// 单人户 single-person enrolment criteria (R001-01, R004-04, R000-04, R003-04).
public struct SinglePersonCriteria: Codable, Sendable, Hashable {
    /// Whether the jurisdiction enrols a member alone at all.
    public var enabled: Bool
    /// Disability of any type qualifies up to this grade (2: grades 1–2).
    public var anyDisabilityGradeMax: Int
    /// Intellectual or mental disability qualifies up to this grade (4 in 001, 3 in 004).
    public var intellectualOrMentalGradeMax: Int
    /// Whether 重病 / 重特大疾病 qualifies.
    public var seriousIllness: Bool

    public init(enabled: Bool, anyDisabilityGradeMax: Int, intellectualOrMentalGradeMax: Int, seriousIllness: Bool) {
        self.enabled = enabled
        self.anyDisabilityGradeMax = anyDisabilityGradeMax
        self.intellectualOrMentalGradeMax = intellectualOrMentalGradeMax
        self.seriousIllness = seriousIllness
    }
}

/// 分档 one tier of a tiered amount: households whose per-capita assessed income is below
/// `perCapitaIncomeBelowFen` get `perPersonFen` per member counted (the lowest matching tier).
public struct AmountTier: Codable, Sendable, Hashable {
    public var perCapitaIncomeBelowFen: Int64
    public var perPersonFen: Int64

    public init(perCapitaIncomeBelowFen: Int64, perPersonFen: Int64) {
        self.perCapitaIncomeBelowFen = perCapitaIncomeBelowFen
        self.perPersonFen = perPersonFen
    }
}
