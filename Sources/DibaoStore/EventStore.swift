import DibaoEvents
import Logging
import Metrics
import PostgresNIO

/// The append-only log in PostgreSQL (`dibao.events`). Appends are atomic per stream, checked
/// against an expected version and exactly idempotent per command id; global reads never skip
/// an event. The `PostgresClient` must be running (`client.run()`) before any call.
public final class EventStore: Sendable {
    public let client: PostgresClient
    public let catalogue: EventCatalogue
    let logger: Logger
    /// Wakes live subscribers after appends (coalesced NOTIFY) and relays NOTIFY from others.
    public let wakeUps: WakeUps
    /// Stream versions whose hash this process knows: appends at them skip a read.
    let streamHeads = StreamHeads()
    /// Whether commands recorded before migration 017 exist (appends then check them first).
    let legacyCommands = LegacyCommands()
    /// Group commit: concurrent appends on the pool share statements and transactions.
    let combiner: InsertCombiner

    let appendedEvents = Counter(label: "dibao_appended_events_total")
    let appends = Counter(label: "dibao_appends_total")
    let conflicts = Counter(label: "dibao_append_conflicts_total")
    let idempotentReplays = Counter(label: "dibao_append_idempotent_replays_total")
    let groupedCommands = Counter(label: "dibao_append_grouped_commands_total")
    let groupFallbacks = Counter(label: "dibao_append_group_fallbacks_total")

    /// `groupCommit`: whether concurrent appends may share a statement and a transaction
    /// (on by default; off, every append is its own transaction, as for `append(_:on:)`).
    public init(client: PostgresClient, catalogue: EventCatalogue, logger: Logger, groupCommit: Bool = true) {
        self.client = client
        self.combiner = InsertCombiner(enabled: groupCommit)
        self.catalogue = catalogue
        self.logger = logger
        self.wakeUps = WakeUps(client: client, logger: logger)
    }

    /// The version of the stream's last event, 0 if it has none.
    public func streamVersion(_ stream: StreamName) async throws -> Int64 {
        try await translatingErrors { try await streamVersion(stream, on: .pool(client)) }
    }

    /// The same, as seen on `target` (on a caller's connection: with its uncommitted events).
    func streamVersion(_ stream: StreamName, on target: AppendTarget) async throws -> Int64 {
        let rows = try await target.query(
            "SELECT coalesce(max(stream_version), 0) FROM dibao.events WHERE stream_id = \(stream.rawValue)", logger: logger)
        for try await version in rows.decode(Int64.self) { return version }
        return 0
    }

    /// Runs `body`, turning database failures into `StoreError.unavailable` (the one boundary
    /// where PostgreSQL errors are translated; their text goes to the log, not to callers).
    func translatingErrors<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as StoreError {
            throw error
        } catch let error as EventValidationError {
            throw StoreError.invalid(error)
        } catch let error as JSONParseError {
            throw StoreError.invalid(.invalid(field: error.path, reason: error.reason))
        } catch {
            logger.error("database operation failed", metadata: ["error": "\(String(reflecting: error))"])
            throw StoreError.unavailable(detail: Self.summary(of: error))
        }
    }

    static func summary(of error: any Error) -> String {
        if let error = error as? PSQLError {
            return "\(error.code)" + (error.sqlState.map { " (SQLSTATE \($0))" } ?? "")
        }
        return String(describing: type(of: error))
    }
}
