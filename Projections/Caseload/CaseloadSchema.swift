/// The tables of one generation of the caseload projection. Region codes are text so a
/// jurisdiction is a `LIKE 'prefix%'` range scan (`text_pattern_ops`); months are `YYYY-MM`.
enum CaseloadSchema {
    static func statements(_ names: ReadModelNames) -> [String] {
        let cases = names.table("cases"), history = names.table("history"), payments = names.table("temporary_payments")
        let suffix = "g\(names.generation)"
        return [
            // Current facts of a case: the fold of its stream, one row per case.
            """
            CREATE TABLE \(cases) (
                case_id                  text    PRIMARY KEY,
                village_code             text    NOT NULL,
                programme                text    NOT NULL,
                status                   text    NOT NULL,
                status_before_suspension text,
                households               integer NOT NULL DEFAULT 1,
                persons                  integer NOT NULL,
                monthly_amount_fen       bigint  NOT NULL,
                amount_event_id          text,
                submitted_on             date    NOT NULL,
                entry_month              text,
                exit_month               text,
                last_stream_version      bigint  NOT NULL)
            """,
            "CREATE INDEX caseload_cases_village_\(suffix) ON \(cases) (village_code text_pattern_ops)",
            // Effective-dated changes: NULL in a column means "this event did not change it".
            """
            CREATE TABLE \(history) (
                case_id            text    NOT NULL,
                stream_version     bigint  NOT NULL,
                event_id           text    NOT NULL,
                event_type         text    NOT NULL,
                village_code       text    NOT NULL,
                programme          text    NOT NULL,
                valid_from         date    NOT NULL,
                status             text,
                persons            integer,
                monthly_amount_fen bigint,
                PRIMARY KEY (case_id, stream_version))
            """,
            "CREATE INDEX caseload_history_village_\(suffix) ON \(history) (village_code text_pattern_ops, valid_from)",
            "CREATE INDEX caseload_history_event_\(suffix) ON \(history) (event_id)",
            // 临时救助 payments: emergency payments at the place of the emergency (R001-10), stages at the case's village.
            """
            CREATE TABLE \(payments) (
                event_id     text    PRIMARY KEY,
                case_id      text    NOT NULL,
                region_code  text    NOT NULL,
                kind         text    NOT NULL,
                paid_on      date    NOT NULL,
                amount_fen   bigint  NOT NULL,
                person_times integer NOT NULL)
            """,
            "CREATE INDEX caseload_payments_region_\(suffix) ON \(payments) (region_code text_pattern_ops, paid_on)",
        ]
    }
}
