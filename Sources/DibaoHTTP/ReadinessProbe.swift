import Foundation
import Synchronization

/// What `GET /ready` checks: the database answers, the schema is current, projections run.
public struct ReadinessProbe: Sendable {
    /// One named check; `nil` means healthy, a string says what is wrong.
    public typealias Check = @Sendable () async -> String?

    public let checks: [(name: String, check: Check)]
    /// How long a probe waits for a check before counting it as failed. While the database is
    /// down, a query waits for a pool connection until the pool gives up (about a minute); a
    /// probe must answer long before a load balancer's own timeout.
    public let timeLimit: Duration
    private let running = RunningChecks()

    public init(checks: [(name: String, check: Check)], timeLimit: Duration = .seconds(2)) {
        self.checks = checks
        self.timeLimit = timeLimit
    }

    /// Runs every check at once, each bounded by `timeLimit`; the service is ready when all pass.
    public func evaluate() async -> (ready: Bool, report: [String: String]) {
        let report = await withTaskGroup(of: (String, String).self) { group in
            for (name, check) in checks {
                group.addTask { (name, await bounded(name, check)) }
            }
            var report: [String: String] = [:]
            for await (name, outcome) in group { report[name] = outcome }
            return report
        }
        return (report.values.allSatisfy { $0 == "ok" }, report)
    }

    /// The check's answer, or a failure once `timeLimit` has passed. A check still running from
    /// an earlier probe is awaited, not started again: a query already sent cannot be called
    /// back, so a probe every second against a hung server would otherwise take one pool
    /// connection per probe; this way each check holds at most one.
    func bounded(_ name: String, _ check: @escaping Check) async -> String {
        let task = running.task(named: name) { await check() ?? "ok" }
        return await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            Task { answer.give(await task.value) }
            Task {
                try? await Task.sleep(for: timeLimit)
                answer.give("no answer within \(timeLimit)")
            }
        }
    }
}

/// The check tasks in flight, by name: each removes itself when it ends.
private final class RunningChecks: Sendable {
    private let tasks = Mutex<[String: (id: UUID, task: Task<String, Never>)]>([:])

    /// The task running `name`, or a new one running `body`.
    func task(named name: String, _ body: @escaping @Sendable () async -> String) -> Task<String, Never> {
        tasks.withLock { tasks in
            if let running = tasks[name] { return running.task }
            let id = UUID()
            // The task removes itself under the same lock, so never before it is stored here.
            let task = Task { [self] in
                let outcome = await body()
                self.tasks.withLock { if $0[name]?.id == id { $0[name] = nil } }
                return outcome
            }
            tasks[name] = (id, task)
            return task
        }
    }
}

/// Resumes a continuation with the first answer given; later ones are dropped.
private final class FirstAnswer: Sendable {
    private let continuation: Mutex<CheckedContinuation<String, Never>?>

    init(_ continuation: CheckedContinuation<String, Never>) { self.continuation = Mutex(continuation) }

    func give(_ answer: String) {
        continuation.withLock { $0.take() }?.resume(returning: answer)
    }
}
