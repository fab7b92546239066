import PostgresNIO

extension PostgresClient {
    /// Runs `body` while the client runs (`run()` in a child task), then shuts the client down.
    /// `body` begins only once that task has started, so no connection is leased before `run()`:
    /// PostgresNIO would make such a lease wait, and log a warning for each.
    public func whileRunning<Result: Sendable>(_ body: @Sendable (PostgresClient) async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            let (started, starting) = AsyncStream<Never>.makeStream()
            group.addTask {
                starting.finish()
                await self.run()
                return nil
            }
            for await _ in started {}
            defer { group.cancelAll() }
            return try await body(self)
        }
    }
}
