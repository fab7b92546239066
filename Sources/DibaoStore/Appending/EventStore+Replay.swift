import DibaoEvents
import Foundation
import PostgresNIO

extension EventStore {
    /// The original result of this request's command, if the command is recorded: its events
    /// are found through the command's first event (or, for commands written before migration
    /// 017, through `dibao.commands`) and compared with the request through the hash chain, so
    /// "same content" is exact without storing the request. Throws `.commandIdReused` when
    /// the recorded command differs: another stream, other events, other metadata, or a
    /// result the request's expected version rules out.
    func recordedResult(of prepared: PreparedAppend, on target: AppendTarget) async throws -> AppendResult? {
        let request = prepared.request
        guard let (stream, firstVersion) = try await recordedStart(of: request.commandId, on: target) else { return nil }
        guard stream == request.stream.rawValue, request.expectedVersion.admits(firstVersion: firstVersion) else {
            throw StoreError.commandIdReused(commandId: request.commandId)
        }
        let count = Int64(request.events.count)
        let rows = try await target.query("""
            SELECT stream_version, global_position, command_id, hash, previous_hash FROM dibao.events
             WHERE stream_id = \(stream) AND stream_version BETWEEN \(firstVersion) AND \(firstVersion + count)
             ORDER BY stream_version
            """, logger: logger)
        var positions: [Int64] = []
        for try await (version, position, commandId, hash, previousHash) in rows.decode((Int64, Int64, UUID, ByteBuffer, ByteBuffer).self) {
            guard commandId == request.commandId else { break }
            let index = Int(version - firstVersion)
            guard index < request.events.count,
                  HashChain.link(previous: Array(buffer: previousHash), streamVersion: version, contentHash: prepared.contentHashes[index])
                    == Array(buffer: hash)
            else { throw StoreError.commandIdReused(commandId: request.commandId) }
            positions.append(position)
        }
        guard positions.count == request.events.count, let first = positions.min(), let last = positions.max() else {
            throw StoreError.commandIdReused(commandId: request.commandId)
        }
        return AppendResult(streamId: stream, firstVersion: firstVersion, lastVersion: firstVersion + count - 1,
                            firstPosition: first, lastPosition: last, replayed: true)
    }

    /// Where a recorded command begins: (stream, version of its first event).
    private func recordedStart(of commandId: UUID, on target: AppendTarget) async throws -> (String, Int64)? {
        let rows = try await target.query("""
            SELECT stream_id, stream_version FROM dibao.events WHERE command_id = \(commandId) AND command_index = 0
            UNION ALL
            SELECT stream_id, first_version FROM dibao.commands WHERE command_id = \(commandId)
             LIMIT 1
            """, logger: logger)
        for try await start in rows.decode((String, Int64).self) { return start }
        return nil
    }
}

extension ExpectedVersion {
    /// Whether an append with this expectation could have started at `firstVersion`.
    func admits(firstVersion: Int64) -> Bool {
        switch self {
        case .any: return true
        case .noStream: return firstVersion == 1
        case .exactly(let version): return firstVersion == version + 1
        }
    }
}
