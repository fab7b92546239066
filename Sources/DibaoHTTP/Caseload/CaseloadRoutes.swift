import DibaoCaseService
import DibaoProjections
import Hummingbird

/// The caseload reports (在保对象统计) over HTTP, read from the `caseload` projection:
/// `GET /v1/caseload` (the rollup now or as of a date) and `GET /v1/reports/monthly`
/// (民政统计月报 figures). Every role may read, inside its jurisdiction; reads write nothing.
/// JSON by default, CSV with `Accept: text/csv` or `format=csv`.
public struct CaseloadRoutes: Sendable {
    public let caseload: CaseloadQuery
    public let monthly: MonthlyStatisticsQuery
    public let verifier: TokenVerifier

    public init(caseload: CaseloadQuery, monthly: MonthlyStatisticsQuery, verifier: TokenVerifier) {
        self.caseload = caseload
        self.monthly = monthly
        self.verifier = verifier
    }

    /// Every route this adds, as `METHOD /path` (the OpenAPI completeness test walks it).
    public static let routes = ["GET /v1/caseload", "GET /v1/reports/monthly"]

    public func add(to router: Router<DibaoRequestContext>) {
        let group = router.group("v1").add(middleware: APIErrorMiddleware<DibaoRequestContext>()).add(middleware: BearerAuthMiddleware(verifier: verifier))
        group.get("caseload") { request, context in
            let actor = try context.requireActor()
            let query = try ReportQuery(request, known: ["jurisdiction", "level", "asOf", "format"])
            let jurisdiction = try query.jurisdiction()
            let (level, asOf) = (try query.level(below: jurisdiction), try query.asOf())
            let format = ReportFormat.negotiate(try query.format(), accept: request.headers[.accept])
            try AccessPolicy.requireJurisdiction(actor, over: jurisdiction)
            let rows = if let asOf { try await caseload.asOf(asOf, jurisdiction, downTo: level) } else { try await caseload.current(jurisdiction, downTo: level) }
            return format.response(json: { CaseloadView.json(rows, jurisdiction: jurisdiction, level: level, asOf: asOf) },
                                   csv: { CaseloadCSV.rollup(rows) }, filename: CaseloadView.filename(jurisdiction, asOf: asOf))
        }
        group.get("reports/monthly") { request, context in
            let actor = try context.requireActor()
            let query = try ReportQuery(request, known: ["jurisdiction", "month", "format"])
            let (jurisdiction, month) = (try query.jurisdiction(), try query.month())
            let format = ReportFormat.negotiate(try query.format(), accept: request.headers[.accept])
            try AccessPolicy.requireJurisdiction(actor, over: jurisdiction)
            let statistics = try await monthly.statistics(jurisdiction, month: month)
            return format.response(json: { MonthlyStatisticsView.json(statistics) }, csv: { CaseloadCSV.monthly(statistics) },
                                   filename: MonthlyStatisticsView.filename(statistics))
        }
    }
}
