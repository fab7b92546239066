import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` inside BEGIN … COMMIT on one leased connection, rolling back and rethrowing
    /// the original error if `body` throws (PostgresNIO's own helper wraps errors).
    /// `snapshot`: one `REPEATABLE READ READ ONLY` snapshot for every statement of `body`, for
    /// reports that read several times and must add up.
    public func transaction<Result: Sendable>(
        logger: Logger, snapshot: Bool = false,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.query(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}

extension PSQLError {
    /// The SQLSTATE the server reported, if this came from the server.
    public var sqlState: String? { serverInfo?[.sqlState] }
    /// The constraint named by a constraint violation.
    public var constraintName: String? { serverInfo?[.constraintName] }
    /// The server's message.
    public var serverMessage: String? { serverInfo?[.message] }
}
