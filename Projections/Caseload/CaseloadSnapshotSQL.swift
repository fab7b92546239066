import DibaoCasework
import DibaoEvents

/// SQL for "the cases of a jurisdiction as of a date", shared by the as-of and monthly queries.
/// Only validated values are spliced in (a `RegionCode` is digits, a `BusinessDate` prints as
/// `YYYY-MM-DD`), so the text needs no parameters and the pieces compose.
enum CaseloadSnapshotSQL {
    /// `LIKE` pattern of a jurisdiction (R-D11: a code prefix, `530000` → `53%`).
    static func pattern(_ jurisdiction: RegionCode) -> String { "'\(jurisdiction.jurisdictionPrefix)%'" }

    /// Columns `case_id, village_code, programme, status, persons, monthly_amount_fen` of every
    /// case of the jurisdiction whose status as of `date` is in `statuses`: for each of status,
    /// persons and amount, the change with the latest `valid_from ≤ date` (ties: the later event).
    static func cases(asOf date: BusinessDate, in jurisdiction: RegionCode, statuses: [CaseStatus]) -> String {
        let latest = { (column: String) in
            """
            SELECT DISTINCT ON (case_id) case_id, village_code, programme, \(column) FROM h WHERE \(column) IS NOT NULL
             ORDER BY case_id, valid_from DESC, stream_version DESC
            """
        }
        return """
            WITH h AS (SELECT * FROM dibao.caseload_history WHERE village_code LIKE \(pattern(jurisdiction)) AND valid_from <= '\(date)'::date),
                 s AS (\(latest("status"))),
                 n AS (\(latest("persons"))),
                 a AS (\(latest("monthly_amount_fen")))
            SELECT s.case_id, s.village_code, s.programme, s.status, n.persons, coalesce(a.monthly_amount_fen, 0) AS monthly_amount_fen
              FROM s JOIN n USING (case_id) LEFT JOIN a USING (case_id)
             WHERE s.status IN (\(statuses.map { "'\($0.rawValue)'" }.joined(separator: ", "))) AND s.programme IN (\(CaseloadBuckets.programmeList))
            """
    }

    /// The same columns for the current facts (`caseload_cases`).
    static func currentCases(in jurisdiction: RegionCode) -> String {
        """
        SELECT case_id, village_code, programme, status, persons, monthly_amount_fen FROM dibao.caseload_cases
         WHERE village_code LIKE \(pattern(jurisdiction)) AND status IN (\(CaseloadBuckets.statusList))
           AND programme IN (\(CaseloadBuckets.programmeList))
        """
    }
}

