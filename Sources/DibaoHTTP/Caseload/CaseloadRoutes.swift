import DibaoCaseService
import DibaoProjections
import Foundation
import Hummingbird

/// The caseload reports (在保对象统计) over HTTP, read from the `caseload` projection:
/// `GET /v1/caseload` (the rollup now or as of a date) and `GET /v1/reports/monthly`
/// (民政统计月报 figures). Every role may read, inside its jurisdiction; reads write nothing.
/// JSON by default, CSV with `Accept: text/csv` or `format=csv`. Every answer says how far the
/// projection is behind the log, in the `Dibao-Projection-Lag-Events` and
/// `Dibao-Projection-Lag-Seconds` headers: a command answered a moment ago may not be counted yet.
public struct CaseloadRoutes: Sendable {
    public let caseload: CaseloadQuery
    public let monthly: MonthlyStatisticsQuery
    public let verifier: TokenVerifier
    /// The `caseload` projection's status when the report is read; nil leaves the headers out.
    public let freshness: @Sendable () async -> ProjectionStatus?

    public init(caseload: CaseloadQuery, monthly: MonthlyStatisticsQuery, verifier: TokenVerifier,
                freshness: @escaping @Sendable () async -> ProjectionStatus? = { nil }) {
        self.caseload = caseload
        self.monthly = monthly
        self.verifier = verifier
        self.freshness = freshness
    }

    static let lagEventsHeader = HTTPFields.Element.Name("Dibao-Projection-Lag-Events")!
    static let lagSecondsHeader = HTTPFields.Element.Name("Dibao-Projection-Lag-Seconds")!

    /// `response` with the lag headers, from the status read just before the report.
    static func stamped(_ response: Response, _ status: ProjectionStatus?) -> Response {
        guard let status else { return response }
        var response = response
        response.headers[lagEventsHeader] = String(status.lagEvents)
        response.headers[lagSecondsHeader] = String(format: "%.1f", status.lagSeconds)
        return response
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
            let status = await freshness()
            let rows = if let asOf { try await caseload.asOf(asOf, jurisdiction, downTo: level) } else { try await caseload.current(jurisdiction, downTo: level) }
            return Self.stamped(format.response(json: { CaseloadView.json(rows, jurisdiction: jurisdiction, level: level, asOf: asOf) },
                                               csv: { CaseloadCSV.rollup(rows) }, filename: CaseloadView.filename(jurisdiction, asOf: asOf)), status)
        }
        group.get("reports/monthly") { request, context in
            let actor = try context.requireActor()
            let query = try ReportQuery(request, known: ["jurisdiction", "month", "format"])
            let (jurisdiction, month) = (try query.jurisdiction(), try query.month())
            let format = ReportFormat.negotiate(try query.format(), accept: request.headers[.accept])
            try AccessPolicy.requireJurisdiction(actor, over: jurisdiction)
            let status = await freshness()
            let statistics = try await monthly.statistics(jurisdiction, month: month)
            return Self.stamped(format.response(json: { MonthlyStatisticsView.json(statistics) }, csv: { CaseloadCSV.monthly(statistics) },
                                                filename: MonthlyStatisticsView.filename(statistics)), status)
        }
    }
}
