import DibaoEvents
import Foundation
import PostgresNIO

extension EventStore {
    /// Appends the request's events to its stream, atomically.
    ///
    /// - A command id seen before with the same content returns the original result
    ///   (`replayed == true`) and writes nothing, also under concurrent retries.
    /// - The same command id with other content throws `.commandIdReused`.
    /// - A version mismatch throws `.wrongExpectedVersion` naming stream, expected and actual.
    /// - Unknown types, malformed data and oversized payloads throw `.invalid` naming the field.
    ///
    /// One INSERT, prepared once per connection, carries the complete rows; PostgreSQL's unique
    /// indexes on (stream, version) and on a command's first event decide every conflict
    /// (docs/internals/appending.md).
    public func append(_ request: AppendRequest) async throws -> AppendResult {
        try await translatingErrors {
            let prepared = try prepare(request)
            if try await legacyCommands.exist({ try await legacyCommandsRecorded() }),
               let original = try await recordedResult(of: prepared, on: .pool(client)) {
                record(original, events: 0)
                return original
            }
            for attempt in 1... {
                do {
                    let result = try await execute(prepared, on: .pool(client))
                    record(result, events: request.events.count)
                    return result
                } catch let refusal as AppendRefusal {
                    if let original = try await recordedResult(of: prepared, on: .pool(client)) {
                        record(original, events: 0)
                        return original
                    }
                    if case .any = request.expectedVersion, attempt < 20, case .versionTaken = refusal {
                        // Writers racing for one stream's head: spread their next attempts.
                        try await Task.sleep(for: .microseconds(Int.random(in: 0...(200 * attempt))))
                        continue
                    }
                    conflicts.increment()
                    let actual = try await streamVersion(request.stream)
                    throw StoreError.wrongExpectedVersion(stream: request.stream.rawValue, expected: request.expectedVersion, actual: actual)
                }
            }
            preconditionFailure("unreachable")
        }
    }

    /// Appends inside a transaction the caller holds open on `connection`; the events become
    /// visible when the caller commits. For tests and tools that need to control commit timing;
    /// services use `append(_:)`. The rules are the same: a command recorded with the same
    /// content is a replay and writes nothing, one with other content is `.commandIdReused`, a
    /// version mismatch is `.wrongExpectedVersion`. No retry happens here; after a unique index
    /// refused the rows (a concurrent writer) the caller's transaction is failed and must be
    /// rolled back, whatever the answer.
    public func append(_ request: AppendRequest, on connection: PostgresConnection) async throws -> AppendResult {
        let prepared = try prepare(request)
        if let original = try await recordedResult(of: prepared, on: .connection(connection)) { return original }
        do {
            return try await execute(prepared, on: .connection(connection))
        } catch let refusal as AppendRefusal {
            // After a missing head the transaction is intact: count its own events too.
            let intact = if case .headMissing = refusal { true } else { false }
            if !intact, let original = try await recordedResult(of: prepared, on: .pool(client)) { return original }
            let actual = try await streamVersion(request.stream, on: intact ? .connection(connection) : .pool(client))
            throw StoreError.wrongExpectedVersion(stream: request.stream.rawValue, expected: request.expectedVersion, actual: actual)
        }
    }

    private func legacyCommandsRecorded() async throws -> Bool {
        let rows = try await client.query("SELECT EXISTS (SELECT 1 FROM dibao.commands)", logger: logger)
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }

    private func record(_ result: AppendResult, events: Int) {
        if result.replayed {
            idempotentReplays.increment()
        } else {
            appends.increment()
            appendedEvents.increment(by: Int64(events))
            wakeUps.signalAppended()
        }
    }

    /// Finds the head the request expects, links its events to it and inserts them.
    private func execute(_ prepared: PreparedAppend, on target: AppendTarget, trustingCache: Bool = true) async throws -> AppendResult {
        let request = prepared.request
        guard let head = try await head(for: request, on: target, trustingCache: trustingCache) else { throw AppendRefusal.headMissing }
        let rows = prepared.rows(after: head)
        let inserted = try await insert(rows, on: target)
        guard inserted.count > 0 else {
            // The database holds no such head. A remembered one is forgotten and the head read
            // once more from the database; a head just read from it is a conflict.
            streamHeads.forget(request.stream.rawValue)
            guard trustingCache else { throw AppendRefusal.headMissing }
            return try await execute(prepared, on: target, trustingCache: false)
        }
        guard let first = inserted.first, let last = inserted.last, inserted.count == rows.count else {
            throw StoreError.unavailable(detail: "the insert reported \(inserted.count) rows for \(rows.count) events")
        }
        if target.commitsEachStatement {
            streamHeads.remember(request.stream.rawValue, StreamHead(version: rows[rows.count - 1].version, hash: rows[rows.count - 1].hash))
        }
        return AppendResult(streamId: request.stream.rawValue, firstVersion: rows[0].version, lastVersion: rows[rows.count - 1].version,
                            firstPosition: first, lastPosition: last, replayed: false)
    }

    /// Inserts one command's rows: on the pool through group commit (`InsertCombiner`), on a
    /// caller's connection alone.
    private func insert(_ rows: [AppendStatements.EventRow], on target: AppendTarget) async throws -> InsertCombiner.Inserted {
        guard case .pool(let client) = target else { return try await insertAlone(rows, on: target) }
        return try await combiner.insert(rows, alone: { try await insertAlone($0, on: target) },
                                         group: { await insertGroup($0, on: client) })
    }

    /// One command's rows in one statement. A unique index refusing them is `.versionTaken`.
    private func insertAlone(_ rows: [AppendStatements.EventRow], on target: AppendTarget) async throws -> InsertCombiner.Inserted {
        do {
            if rows.count == 1 {
                let positions = try await target.execute(AppendStatements.InsertOne(row: rows[0]), logger: logger)
                return positions.first.map { .init(first: $0, last: $0, count: 1) } ?? .nothing
            }
            guard let (first, last, count) = try await target.execute(AppendStatements.InsertMany(rows: rows), logger: logger).first else {
                throw StoreError.unavailable(detail: "the insert reported nothing")
            }
            return .init(first: first, last: last, count: count)
        } catch let error as PSQLError where error.sqlState == "23505" {
            throw AppendRefusal.versionTaken
        }
    }

    /// Several commands' rows in one statement on the pool, one outcome per command in order.
    /// A command whose first link did not hold inserted nothing (count 0). If the statement
    /// fails as a whole, each command is told to insert alone, so one command's conflict never
    /// becomes another's error. Failure usually means nothing was written (a unique index hit by
    /// one command); after a connection lost behind a commit, each command's own insert finds
    /// its recorded first event and answers as a replay.
    private func insertGroup(_ batch: [[AppendStatements.EventRow]], on client: PostgresClient) async -> [InsertCombiner.Outcome] {
        do {
            // An unstructured task: the leading caller's cancellation must not reach a statement
            // that carries other callers' commands (PostgresNIO stops reading on cancellation,
            // while the server may still commit).
            let logger = logger
            let inserted = try await Task {
                try await Self.executeGroup(batch, on: AppendTarget.pool(client), logger: logger)
            }.value
            groupedCommands.increment(by: Int64(inserted.count))
            return batch.map { .success(inserted[$0[0].commandId] ?? .nothing) }
        } catch {
            groupFallbacks.increment()
            let conflict = (error as? PSQLError)?.sqlState == "23505"
            logger.log(level: conflict ? .debug : .warning, "a grouped insert failed; its commands insert alone",
                       metadata: ["commands": "\(batch.count)", "error": "\(Self.summary(of: error))"])
            return batch.map { _ in .failure(InsertCombiner.InsertAlone()) }
        }
    }

    /// What each command of `batch` inserted, by command id (absent: its first link did not
    /// hold). Groups of single events, the common case, take the leaner statement.
    static func executeGroup(_ batch: [[AppendStatements.EventRow]], on target: AppendTarget,
                             logger: Logger) async throws -> [UUID: InsertCombiner.Inserted] {
        if batch.allSatisfy({ $0.count == 1 }) {
            let inserted = try await target.execute(AppendStatements.InsertSingles(rows: batch.map { $0[0] }), logger: logger)
            return Dictionary(uniqueKeysWithValues: inserted.map { ($0.0, InsertCombiner.Inserted(first: $0.1, last: $0.1, count: 1)) })
        }
        let inserted = try await target.execute(AppendStatements.InsertCommands(commands: batch), logger: logger)
        return Dictionary(uniqueKeysWithValues: inserted.map { ($0.0, InsertCombiner.Inserted(first: $0.1, last: $0.2, count: $0.3)) })
    }

    /// The event the new ones follow: none for a new stream; the remembered or stored event at
    /// the expected version; or the stream's last event for `.any`. Nil when the expected
    /// version does not exist (the stream is shorter): a conflict.
    private func head(for request: AppendRequest, on target: AppendTarget, trustingCache: Bool) async throws -> StreamHead? {
        let stream = request.stream.rawValue
        switch request.expectedVersion {
        case .noStream:
            return .empty
        case .exactly(let version):
            if trustingCache, let hash = streamHeads.hash(of: stream, at: version) { return StreamHead(version: version, hash: hash) }
            let rows = try await target.query("""
                SELECT hash FROM dibao.events WHERE stream_id = \(stream) AND stream_version = \(version)
                """, logger: logger)
            for try await hash in rows.decode(ByteBuffer.self) {
                let head = StreamHead(version: version, hash: Array(buffer: hash))
                if target.commitsEachStatement { streamHeads.remember(stream, head) }
                return head
            }
            return nil
        case .any:
            let rows = try await target.query("""
                SELECT stream_version, hash FROM dibao.events WHERE stream_id = \(stream) ORDER BY stream_version DESC LIMIT 1
                """, logger: logger)
            for try await (version, hash) in rows.decode((Int64, ByteBuffer).self) {
                return StreamHead(version: version, hash: Array(buffer: hash))
            }
            return .empty
        }
    }
}

/// Why an insert did not happen; resolved by `append` into a replay, a retry or a conflict.
enum AppendRefusal: Error {
    /// The expected version is not the stream's (it does not exist yet).
    case headMissing
    /// A unique index refused the rows: the version is taken, or the command is recorded.
    case versionTaken
}

/// Where an append runs: the pool (a connection per statement) or the caller's connection.
enum AppendTarget {
    case pool(PostgresClient)
    case connection(PostgresConnection)

    /// Whether what a statement wrote or read is committed once it returns. Only then may a
    /// head enter `StreamHeads`: the caller of `append(_:on:)` may still roll back, and a
    /// remembered head that never committed would let a later append skip a version.
    var commitsEachStatement: Bool {
        if case .pool = self { return true }
        return false
    }

    func query(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        switch self {
        case .pool(let client): return try await client.query(query, logger: logger)
        case .connection(let connection): return try await connection.query(query, logger: logger)
        }
    }

    func execute<Statement: PostgresPreparedStatement>(_ statement: Statement, logger: Logger) async throws -> [Statement.Row] {
        var rows: [Statement.Row] = []
        switch self {
        case .pool(let client):
            for try await row in try await client.execute(statement, logger: logger) { rows.append(row) }
        case .connection(let connection):
            for try await row in try await connection.execute(statement, logger: logger) { rows.append(row) }
        }
        return rows
    }
}
