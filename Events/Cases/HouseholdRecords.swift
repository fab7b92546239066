/// 家庭成员 one household member as declared on an application.
public struct HouseholdMemberRecord: Codable, Sendable, Hashable {
    /// 居民身份号码; the birth date is read from it.
    public var idNumber: ResidentIdNumber
    public var relation: MemberRelation
    /// 残疾人证 grade and type, if any.
    public var disability: DisabilityRecord?
    /// 重病 / 重特大疾病 patient.
    public var seriouslyIll: Bool
    /// 有劳动能力 able to work.
    public var ableToWork: Bool

    public init(idNumber: ResidentIdNumber, relation: MemberRelation, disability: DisabilityRecord? = nil, seriouslyIll: Bool = false, ableToWork: Bool = false) {
        self.idNumber = idNumber
        self.relation = relation
        self.disability = disability
        self.seriouslyIll = seriouslyIll
        self.ableToWork = ableToWork
    }
}

/// 残疾等级和类别: grade 1 (most severe) to 4.
public struct DisabilityRecord: Codable, Sendable, Hashable {
    public var grade: Int
    public var type: DisabilityType

    public init(grade: Int, type: DisabilityType) {
        self.grade = grade
        self.type = type
    }
}

/// 收入 one monthly income of the household, fen.
public struct IncomeRecord: Codable, Sendable, Hashable {
    public var kind: IncomeKind
    public var monthlyFen: Int64
    /// For maintenance: the obligor is 特困, 低保, unlifted 建档立卡 or low-income (R004-08).
    public var obligorReceivesAssistance: Bool?

    public init(kind: IncomeKind, monthlyFen: Int64, obligorReceivesAssistance: Bool? = nil) {
        self.kind = kind
        self.monthlyFen = monthlyFen
        self.obligorReceivesAssistance = obligorReceivesAssistance
    }
}

/// 刚性支出 / 就业成本 one monthly deduction, fen.
public struct DeductionRecord: Codable, Sendable, Hashable {
    public var kind: DeductionKind
    public var monthlyFen: Int64

    public init(kind: DeductionKind, monthlyFen: Int64) {
        self.kind = kind
        self.monthlyFen = monthlyFen
    }
}

/// 家庭财产 one asset, fen.
public struct AssetRecord: Codable, Sendable, Hashable {
    public var kind: AssetKind
    public var valueFen: Int64

    public init(kind: AssetKind, valueFen: Int64) {
        self.kind = kind
        self.valueFen = valueFen
    }
}

enum RecordChecks {
    static func nonNegative(_ value: Int64, _ field: String) throws(EventValidationError) {
        guard value >= 0 else { throw .invalid(field: field, reason: "must not be negative") }
    }

    static func incomes(_ incomes: [IncomeRecord], _ deductions: [DeductionRecord], prefix: String = "data") throws(EventValidationError) {
        for (index, income) in incomes.enumerated() {
            try nonNegative(income.monthlyFen, "\(prefix).incomes[\(index)].monthlyFen")
            if income.obligorReceivesAssistance != nil && income.kind != .maintenance {
                throw .invalid(field: "\(prefix).incomes[\(index)].obligorReceivesAssistance", reason: "only for maintenance income")
            }
        }
        for (index, deduction) in deductions.enumerated() { try nonNegative(deduction.monthlyFen, "\(prefix).deductions[\(index)].monthlyFen") }
    }

    static func text(_ value: String, _ field: String, max: Int = 2_000) throws(EventValidationError) {
        guard !value.isEmpty, value.count <= max else { throw .invalid(field: field, reason: "must be a non-empty text of at most \(max) characters") }
    }
}
