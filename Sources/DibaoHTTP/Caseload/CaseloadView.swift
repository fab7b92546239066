import DibaoEvents
import DibaoProjections

/// The caseload rollup as `GET /v1/caseload` shows it in JSON: the question asked, then one
/// object per region, programme and status, in `CaseloadQuery`'s order.
enum CaseloadView {
    static func json(_ rows: [CaseloadRollupRow], jurisdiction: RegionCode, level: RegionLevel, asOf: BusinessDate?) -> JSONValue {
        [
            "jurisdiction": .string(jurisdiction.rawValue),
            "level": .string(level.wireName),
            "asOf": asOf.map { .string($0.description) } ?? .null,
            "rows": .array(rows.map(row)),
        ]
    }

    static func row(_ row: CaseloadRollupRow) -> JSONValue {
        [
            "regionCode": .string(row.regionCode),
            "level": .string(row.level.wireName),
            "programme": .string(row.programme.rawValue),
            "status": .string(row.status.rawValue),
            "households": .integer(row.figures.households),
            "persons": .integer(row.figures.persons),
            "monthlyAmountFen": .integer(row.figures.monthlyAmountFen),
        ]
    }

    /// `caseload-140702-current.csv`, `caseload-140702-2022-04-30.csv`.
    static func filename(_ jurisdiction: RegionCode, asOf: BusinessDate?) -> String {
        "caseload-\(jurisdiction.rawValue)-\(asOf?.description ?? "current").csv"
    }
}
