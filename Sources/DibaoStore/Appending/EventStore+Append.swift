import Crypto
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
    public func append(_ request: AppendRequest) async throws -> AppendResult {
        try await translatingErrors {
            let prepared = try prepare(request)
            for attempt in 1... {
                do {
                    let result = try await execute(prepared)
                    record(result, events: request.events.count)
                    return result
                } catch let error as PSQLError where ["23505", "DBV01"].contains(error.sqlState) {
                    if let original = try await recordedResult(of: prepared) {
                        record(original, events: 0)
                        return original
                    }
                    if case .any = request.expectedVersion, attempt < 20 { continue }
                    conflicts.increment()
                    let actual = try await streamVersion(request.stream)
                    throw StoreError.wrongExpectedVersion(stream: request.stream.rawValue, expected: request.expectedVersion, actual: actual)
                } catch let error as PSQLError where error.sqlState == "DBC01" {
                    throw StoreError.commandIdReused(commandId: request.commandId)
                }
            }
            preconditionFailure("unreachable")
        }
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

    /// The validated request in the shape `dibao.append_events` takes.
    struct PreparedAppend: Sendable {
        var request: AppendRequest
        var requestHash: [UInt8]
        var eventIds: [UUID]
        var metadataText: String
        var dataTexts: [String]
        var contentHashes: [ByteBuffer]
    }

    func prepare(_ request: AppendRequest) throws(EventValidationError) -> PreparedAppend {
        guard !request.events.isEmpty else { throw .invalid(field: "events", reason: "an append needs at least one event") }
        guard request.events.count <= AppendRequest.eventsMax else {
            throw .invalid(field: "events", reason: "at most \(AppendRequest.eventsMax) events per append")
        }
        if case .exactly(let version) = request.expectedVersion, version < 1 {
            throw .invalid(field: "expected_version", reason: "must be at least 1 (use noStream for a new stream)")
        }
        _ = try EventMetadata(json: request.metadata.json)
        try EventCatalogue.validate(request.metadata)
        let metadata = request.metadata.json
        var eventIds: [UUID] = [], dataTexts: [String] = [], contentHashes: [ByteBuffer] = [], described: [JSONValue] = []
        for (index, event) in request.events.enumerated() {
            do { try catalogue.validate(event) } catch { throw Self.locate(error, at: index) }
            let eventId = request.eventId(at: index)
            eventIds.append(eventId)
            dataTexts.append(CanonicalJSON.string(event.data))
            contentHashes.append(ByteBuffer(bytes: HashChain.contentHash(
                streamId: request.stream.rawValue, eventId: eventId.uuidString, eventType: event.eventType,
                schemaVersion: event.schemaVersion, data: event.data, metadata: metadata, effectiveDate: event.effectiveDate)))
            described.append(.object([
                "event_type": .string(event.eventType), "schema_version": .integer(Int64(event.schemaVersion)),
                "data": event.data, "effective_date": .string(event.effectiveDate.description),
            ]))
        }
        let requestObject: JSONValue = .object([
            "stream_id": .string(request.stream.rawValue), "expected_version": .string(request.expectedVersion.description),
            "metadata": metadata, "events": .array(described),
        ])
        return PreparedAppend(request: request, requestHash: Array(SHA256.hash(data: CanonicalJSON.bytes(requestObject))),
                              eventIds: eventIds, metadataText: CanonicalJSON.string(metadata), dataTexts: dataTexts,
                              contentHashes: contentHashes)
    }

    private static func locate(_ error: EventValidationError, at index: Int) -> EventValidationError {
        switch error {
        case .invalid(let field, let reason): return .invalid(field: "events[\(index)].\(field)", reason: reason)
        case .payloadTooLarge(let field, let bytes, let bytesMax): return .payloadTooLarge(field: "events[\(index)].\(field)", bytes: bytes, bytesMax: bytesMax)
        case .unknownEventType: return error
        }
    }

    /// Appends inside a transaction the caller holds open on `connection`; the events become
    /// visible when the caller commits. No retry and no replay lookup happen here: a conflict
    /// or reused command id surfaces as the database error. For tests and tools that need to
    /// control commit timing; services use `append(_:)`.
    public func append(_ request: AppendRequest, on connection: PostgresConnection) async throws -> AppendResult {
        let prepared = try prepare(request)
        return try await execute(prepared) { try await connection.query($0, logger: logger) }
    }

    private func execute(_ prepared: PreparedAppend) async throws -> AppendResult {
        try await execute(prepared) { try await client.query($0, logger: logger) }
    }

    private func execute(_ prepared: PreparedAppend, _ run: (PostgresQuery) async throws -> PostgresRowSequence) async throws -> AppendResult {
        let request = prepared.request
        let count = request.events.count
        let types = request.events.map(\.eventType)
        let schemaVersions = request.events.map { Int32($0.schemaVersion) }
        let metadata = Array(repeating: prepared.metadataText, count: count)
        let dates = request.events.map(\.effectiveDate.description)
        let rows = try await run("""
            SELECT first_version, last_version, first_position, last_position, replayed FROM dibao.append_events(
              \(request.stream.rawValue), \(request.expectedVersion.sqlValue)::bigint, \(request.commandId), \(ByteBuffer(bytes: prepared.requestHash)),
              \(prepared.eventIds), \(types), \(schemaVersions), \(prepared.dataTexts)::text[]::jsonb[], \(metadata)::text[]::jsonb[],
              \(dates)::text[]::date[], \(prepared.contentHashes))
            """)
        for try await (firstVersion, lastVersion, firstPosition, lastPosition, replayed) in rows.decode((Int64, Int64, Int64, Int64, Bool).self) {
            return AppendResult(streamId: request.stream.rawValue, firstVersion: firstVersion, lastVersion: lastVersion,
                                firstPosition: firstPosition, lastPosition: lastPosition, replayed: replayed)
        }
        throw StoreError.unavailable(detail: "append_events returned no row")
    }

    /// The committed result of this command, if it was recorded (by a concurrent retry).
    private func recordedResult(of prepared: PreparedAppend) async throws -> AppendResult? {
        let rows = try await client.query("""
            SELECT request_hash, first_version, last_version, first_position, last_position
              FROM dibao.commands WHERE command_id = \(prepared.request.commandId)
            """, logger: logger)
        for try await (hash, firstVersion, lastVersion, firstPosition, lastPosition) in rows.decode((ByteBuffer, Int64, Int64, Int64, Int64).self) {
            guard Array(buffer: hash) == prepared.requestHash else { throw StoreError.commandIdReused(commandId: prepared.request.commandId) }
            return AppendResult(streamId: prepared.request.stream.rawValue, firstVersion: firstVersion, lastVersion: lastVersion,
                                firstPosition: firstPosition, lastPosition: lastPosition, replayed: true)
        }
        return nil
    }
}
