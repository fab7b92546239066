import Synchronization

/// What `GET /ready` checks: the database answers, the schema is current, projections run.
public struct ReadinessProbe: Sendable {
    /// One named check; `nil` means healthy, a string says what is wrong.
    public typealias Check = @Sendable () async -> String?

    public let checks: [(name: String, check: Check)]
    /// How long a check may take before it counts as failed. While the database is down, a
    /// query waits for a pool connection until the pool gives up (about a minute); a probe
    /// must answer long before a load balancer's own timeout.
    public let timeLimit: Duration

    public init(checks: [(name: String, check: Check)], timeLimit: Duration = .seconds(2)) {
        self.checks = checks
        self.timeLimit = timeLimit
    }

    /// Runs every check at once, each bounded by `timeLimit`; the service is ready when all pass.
    public func evaluate() async -> (ready: Bool, report: [String: String]) {
        let report = await withTaskGroup(of: (String, String).self) { group in
            for (name, check) in checks {
                group.addTask { (name, await Self.bounded(check, timeLimit: timeLimit)) }
            }
            var report: [String: String] = [:]
            for await (name, outcome) in group { report[name] = outcome }
            return report
        }
        return (report.values.allSatisfy { $0 == "ok" }, report)
    }

    /// The check's answer, or a failure once `timeLimit` has passed. A late check is cancelled
    /// and left to finish on its own: its answer is not awaited, because a pool waiting for a
    /// connection need not end at once on cancellation.
    static func bounded(_ check: @escaping Check, timeLimit: Duration) async -> String {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let running = Task { answer.give(await check() ?? "ok") }
            Task {
                try? await Task.sleep(for: timeLimit)
                if answer.give("no answer within \(timeLimit)") { running.cancel() }
            }
        }
    }
}

/// Resumes a continuation with the first answer given; later ones are dropped.
private final class FirstAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<String, Never>?>

    init(_ continuation: CheckedContinuation<String, Never>) { self.continuation = Mutex(continuation) }

    /// Gives an answer; true when it was the first.
    @discardableResult
    func give(_ answer: String) -> Bool {
        guard let continuation = continuation.withLock({ $0.take() }) else { return false }
        continuation.resume(returning: answer)
        return true
    }
}
