/// What `GET /ready` checks: the database answers, the schema is current, projections run.
public struct ReadinessProbe: Sendable {
    /// One named check; `nil` means healthy, a string says what is wrong.
    public typealias Check = @Sendable () async -> String?

    public let checks: [(name: String, check: Check)]

    public init(checks: [(name: String, check: Check)]) { self.checks = checks }

    /// Runs every check; the service is ready when all pass.
    public func evaluate() async -> (ready: Bool, report: [String: String]) {
        var report: [String: String] = [:]
        for (name, check) in checks { report[name] = await check() ?? "ok" }
        return (report.values.allSatisfy { $0 == "ok" }, report)
    }
}
