import DibaoEvents

/// The parameters of the five seed jurisdictions as `PolicyParametersSet` events. A value a
/// seed gives names its rule (`R004-03`); every other value is `ILLUSTRATIVE` — the seeds give
/// no standards in money, no time limits, no caps — and is never to be presented as the
/// jurisdiction's policy. Standards are near the national averages of Q1 2022 (722 yuan urban,
/// 542 rural per person per month, DOMAIN.md).
public enum PolicyFixture {
    /// 云南省 Yunnan province (seed 000).
    public static let yunnan = try! RegionCode("530000")
    /// 芒市 Mangshi, Dehong, Yunnan (seed 001); inherits from Yunnan.
    public static let mangshi = try! RegionCode("533103")
    /// 吉林省 Jilin province (seed 002).
    public static let jilin = try! RegionCode("220000")
    /// 泾源县 Jingyuan county, Ningxia (seed 003).
    public static let jingyuan = try! RegionCode("640424")
    /// 晋中市 Jinzhong, Shanxi (seed 004).
    public static let jinzhong = try! RegionCode("140700")

    /// Every fixture event, in stream order.
    public static var events: [PolicyParametersSet] { [yunnanEvent, mangshiEvent, jilinEvent, jingyuanEvent, jinzhongEvent] }

    /// The fixture folded.
    public static var book: PolicyBook { PolicyBook(events) }

    static func month(_ text: String) -> CalendarMonth { try! CalendarMonth(text) }
    static func date(_ text: String) -> BusinessDate { try! BusinessDate(text) }

    /// Values most jurisdictions share and no seed gives.
    static func illustrativeCommon(_ values: inout PolicyParameterValues) {
        values.tekunMultiplierBasisPoints = .illustrative(13_000)
        values.tekunMinorAgeLimitYears = .illustrative(18)
        values.elderlyAgeYears = .illustrative(60)
        values.recheckMonthsStable = .illustrative(12)
        values.recheckMonthsUnstable = .illustrative(6)
        values.approvalLevel = .illustrative(.county)
        values.decisionTimeLimitWorkingDays = .illustrative(30)
        values.emergencyCapFen = .illustrative(100_000)
        values.explanationDueDays = .illustrative(10)
        values.appraisalRequired = .illustrative(true)
        values.amountTiers = .illustrative([])
        values.addOnRateBasisPoints = .illustrative(0)
        values.addOnGroups = .illustrative([])
    }
}
