import DibaoProjections
import Logging

/// A projection's status for the reports' lag headers: at most `maxAge` old, and one refresh
/// at a time however many reports ask at once. Counting the backlog scans the log past the
/// projection's stored checkpoint, which an idle projection moves only now and then; a status
/// per report would repeat that scan for every request.
public actor CachedProjectionStatus {
    private let maxAge: Duration
    private let logger: Logger
    private let fetch: @Sendable () async throws -> ProjectionStatus?
    private var latest: (at: ContinuousClock.Instant, status: ProjectionStatus?)?
    private var refreshing: Task<ProjectionStatus?, any Error>?

    public init(maxAge: Duration = .seconds(1), logger: Logger, fetch: @escaping @Sendable () async throws -> ProjectionStatus?) {
        self.maxAge = maxAge
        self.logger = logger
        self.fetch = fetch
    }

    /// The status, or nil when it cannot be read (logged; the headers are then left out).
    public func status() async -> ProjectionStatus? {
        if let latest, ContinuousClock.now - latest.at < maxAge { return latest.status }
        let task = refreshing ?? Task { try await fetch() }
        refreshing = task
        let result = await task.result
        if refreshing == task {
            refreshing = nil
            switch result {
            case .success(let status): latest = (ContinuousClock.now, status)
            case .failure(let error): logger.warning("projection status for the report headers unavailable: \(error)")
            }
        }
        return try? result.get()
    }
}
