import Foundation
import Synchronization

/// Group commit for small appends on the pool. While an insert is in flight, the commands that
/// arrive wait; when it returns, the longest-waiting one carries itself and the others in one
/// statement and one transaction. An idle store adds no delay (a command finding no insert in
/// flight goes at once); a busy one pays one commit, one round trip and one executor start for
/// many commands. A second insert starts beside the first only when a crowd is waiting, so a
/// few writers get large groups and many writers still use more than one backend.
///
/// Each command keeps its own outcome: its rows are inserted only if its own first link holds.
/// When a group fails as a whole (a unique index hit by one of its commands, a lost connection,
/// a cancelled leader) nothing of it was written, and every command inserts again alone, in its
/// own task (docs/internals/appending.md, "Group commit").
final class InsertCombiner: Sendable {
    typealias Rows = [AppendStatements.EventRow]
    typealias Outcome = Result<Inserted, any Error>

    /// What one command's insert did: its first and last position, and its row count (0 when
    /// its first link did not hold, so nothing of it was written).
    struct Inserted: Sendable, Equatable {
        var first: Int64?
        var last: Int64?
        var count: Int64

        static let nothing = Inserted(first: nil, last: nil, count: 0)
    }

    /// A group's outcome for a command whose fate the group could not decide: insert alone.
    struct InsertAlone: Error {}

    private enum Turn: Sendable {
        /// Another command's insert carried this one; this is its outcome.
        case done(Outcome)
        /// A flush slot is this command's: insert it, with waiting companions.
        case lead
    }

    private struct Waiting {
        var rows: Rows
        var continuation: CheckedContinuation<Turn, Never>
    }

    private struct State: ~Copyable {
        var waiting: [Waiting] = []
        var flushing = 0
    }

    private let state = Mutex(State())
    /// Group commit on; off, every command is its own statement.
    let enabled: Bool
    /// Commands with this many events or more are not grouped: they are large enough to pay
    /// their own commit, and grouping them would put their server work on one backend.
    let soloEvents: Int
    /// Events one group carries at most.
    let groupEvents: Int
    /// Inserts in flight at once through the combiner.
    let flushesMax: Int
    /// Waiting commands that open a further insert beside the one in flight.
    let crowd: Int

    init(enabled: Bool = true, soloEvents: Int = 16, groupEvents: Int = 1_000, flushesMax: Int = 2, crowd: Int = 16) {
        precondition(soloEvents >= 1 && groupEvents >= soloEvents && flushesMax >= 1 && crowd >= 1)
        self.enabled = enabled
        self.soloEvents = soloEvents
        self.groupEvents = groupEvents
        self.flushesMax = flushesMax
        self.crowd = crowd
    }

    /// Inserts `rows` (one command's), alone or in a group. `alone` inserts one command in its
    /// own statement; `group` inserts several (at least two) in one and returns an outcome per
    /// command, in order, `InsertAlone` where the group could not decide.
    func insert(_ rows: Rows, alone: (Rows) async throws -> Inserted,
                group: ([Rows]) async -> [Outcome]) async throws -> Inserted {
        guard enabled, rows.count < soloEvents else { return try await alone(rows) }
        let turn: Turn = await withCheckedContinuation { continuation in
            let leads = state.withLock { state in
                if state.flushing == 0 || (state.flushing < flushesMax && state.waiting.count >= crowd) {
                    state.flushing += 1
                    return true
                }
                state.waiting.append(Waiting(rows: rows, continuation: continuation))
                return false
            }
            if leads { continuation.resume(returning: .lead) }
        }
        if case .done(let outcome) = turn {
            if case .failure(let error) = outcome, error is InsertAlone { return try await alone(rows) }
            return try outcome.get()
        }

        let companions = state.withLock { Self.companions(of: rows, groupEvents: groupEvents, from: &$0.waiting) }
        guard !companions.isEmpty else {
            defer { handOver() }
            return try await alone(rows)
        }
        let outcomes = await group([rows] + companions.map(\.rows))
        precondition(outcomes.count == companions.count + 1, "one outcome per command")
        // Companions first: they queue their next commands while this slot is still taken, so
        // the next group is larger.
        for (companion, outcome) in zip(companions, outcomes.dropFirst()) {
            companion.continuation.resume(returning: .done(outcome))
        }
        await Task.yield()
        handOver()
        if case .failure(let error) = outcomes[0], error is InsertAlone { return try await alone(rows) }
        return try outcomes[0].get()
    }

    /// Commands waiting for a flush slot (for tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Passes this flush slot to the longest-waiting command, or frees it.
    private func handOver() {
        let next: Waiting? = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.flushing -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
    }

    /// Waiting commands that may share a statement with `rows`, oldest first: one command per
    /// stream (a later one links to an earlier one, which the same statement cannot see) and
    /// per command id (a concurrent retry of the same command), within `groupEvents` events.
    private static func companions(of rows: Rows, groupEvents: Int, from waiting: inout [Waiting]) -> [Waiting] {
        var streams: Set<String> = [rows[0].streamId]
        var commands: Set<UUID> = [rows[0].commandId]
        var budget = groupEvents - rows.count
        var taken: [Waiting] = []
        var kept: [Waiting] = []
        for candidate in waiting {
            let first = candidate.rows[0]
            if candidate.rows.count <= budget, !streams.contains(first.streamId), !commands.contains(first.commandId) {
                streams.insert(first.streamId)
                commands.insert(first.commandId)
                budget -= candidate.rows.count
                taken.append(candidate)
            } else {
                kept.append(candidate)
            }
        }
        waiting = kept
        return taken
    }
}
