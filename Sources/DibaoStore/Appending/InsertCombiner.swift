import Foundation
import Synchronization

/// Group commit for small appends on the pool. While an insert is in flight, the commands that
/// arrive wait; when it returns, the longest-waiting one carries itself and the others in one
/// statement and one transaction. An idle store adds no delay (a command finding no insert in
/// flight goes at once); a busy one pays one commit, one round trip and one executor start for
/// many commands. A further insert starts beside those in flight only when a crowd is waiting
/// or they have stalled, and never with a stream or command id already in flight.
///
/// Each command keeps its own outcome: its rows are inserted only if its own first link holds.
/// When a group statement fails as a whole, every command of it inserts again alone, in its own
/// task, and meets its own outcome (docs/internals/appending.md, "Group commit").
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
        /// This command leads insert `flight`; it picks its companions when it runs.
        case lead(flight: UInt64)
    }

    private struct Waiting: Sendable {
        var rows: Rows
        var continuation: CheckedContinuation<Turn, Never>
    }

    /// An insert in flight: when it started, and the streams and commands it carries. A second
    /// insert never carries any of them, so two inserts in flight never meet on a unique key
    /// (no 23505 between groups, and no deadlock between two groups inserting keys in
    /// opposite orders).
    private struct Flight {
        var started: ContinuousClock.Instant
        var streams: Set<String>
        var commands: Set<UUID>
        var events: Int
    }

    private struct State: ~Copyable {
        var waiting: [Waiting] = []
        var flights: [UInt64: Flight] = [:]
        var nextFlight: UInt64 = 0

        func isBusy(_ rows: Rows) -> Bool {
            flights.values.contains { $0.streams.contains(rows[0].streamId) || $0.commands.contains(rows[0].commandId) }
        }
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
    let flightsMax: Int
    /// Waiting commands that open a further insert beside those in flight.
    let crowd: Int
    /// An insert in flight this long (waiting on a lock, say) no longer holds back an arriving
    /// command: it may open a further insert, up to `flightsMax`.
    let stallAfter: Duration

    init(enabled: Bool = true, soloEvents: Int = 16, groupEvents: Int = 1_000, flightsMax: Int = 4, crowd: Int = 16,
         stallAfter: Duration = .milliseconds(50)) {
        precondition(soloEvents >= 1 && groupEvents >= soloEvents && flightsMax >= 1 && crowd >= 1)
        self.enabled = enabled
        self.soloEvents = soloEvents
        self.groupEvents = groupEvents
        self.flightsMax = flightsMax
        self.crowd = crowd
        self.stallAfter = stallAfter
    }

    /// Inserts `rows` (one command's), alone or in a group. `alone` inserts one command in its
    /// own statement; `group` inserts several (at least two) in one and returns an outcome per
    /// command, in order, `InsertAlone` where the group could not decide.
    func insert(_ rows: Rows, alone: (Rows) async throws -> Inserted,
                group: ([Rows]) async -> [Outcome]) async throws -> Inserted {
        guard enabled, rows.count < soloEvents else { return try await alone(rows) }
        let turn: Turn = await withCheckedContinuation { continuation in
            let lead: Turn? = state.withLock { state in
                if mayLead(rows, state) { return takeOff(rows, &state) }
                state.waiting.append(Waiting(rows: rows, continuation: continuation))
                return nil
            }
            if let lead { continuation.resume(returning: lead) }
        }
        guard case .lead(let flight) = turn else {
            guard case .done(let outcome) = turn else { preconditionFailure("a turn is done or lead") }
            return try await Self.settle(outcome, of: rows, alone: alone)
        }
        // Picked now, not when the turn was handed over: what queued meanwhile joins too.
        let companions = state.withLock { board(flight, &$0) }
        guard !companions.isEmpty else {
            defer { land(flight) }
            return try await alone(rows)
        }
        let outcomes = await group([rows] + companions.map(\.rows))
        precondition(outcomes.count == companions.count + 1, "one outcome per command")
        // Companions first, and a yield: the writers just answered queue their next commands
        // before the next group is cut, so it is larger.
        for (companion, outcome) in zip(companions, outcomes.dropFirst()) {
            companion.continuation.resume(returning: .done(outcome))
        }
        await Task.yield()
        land(flight)
        return try await Self.settle(outcomes[0], of: rows, alone: alone)
    }

    /// A command's result from its group's outcome: inserted alone when the group could not decide.
    private static func settle(_ outcome: Outcome, of rows: Rows, alone: (Rows) async throws -> Inserted) async throws -> Inserted {
        if case .failure(let error) = outcome, error is InsertAlone { return try await alone(rows) }
        return try outcome.get()
    }

    /// Commands waiting for an insert (for tests).
    var waitingCount: Int { state.withLock { $0.waiting.count } }

    /// Whether an arriving command may start an insert now: none is in flight; or a crowd waits,
    /// or every insert in flight has stalled, and the command's stream and id are not in flight.
    private func mayLead(_ rows: Rows, _ state: borrowing State) -> Bool {
        if state.flights.isEmpty { return true }
        guard state.flights.count < flightsMax, !state.isBusy(rows) else { return false }
        if state.waiting.count >= crowd { return true }
        let now = ContinuousClock.now
        return state.flights.values.allSatisfy { now - $0.started >= stallAfter }
    }

    /// Registers a new insert led by `rows`.
    private func takeOff(_ rows: Rows, _ state: inout State) -> Turn {
        state.nextFlight += 1
        state.flights[state.nextFlight] = Flight(started: .now, streams: [rows[0].streamId], commands: [rows[0].commandId], events: rows.count)
        return .lead(flight: state.nextFlight)
    }

    /// Moves the waiting commands that may join insert `flight` into it.
    private func board(_ flight: UInt64, _ state: inout State) -> [Waiting] {
        guard var own = state.flights[flight] else { preconditionFailure("a leader's flight is registered") }
        let others = state.flights.filter { $0.key != flight }.values
        let companions = Self.companions(from: &state.waiting, budget: groupEvents - own.events,
                                         streams: own.streams.union(others.flatMap(\.streams)),
                                         commands: own.commands.union(others.flatMap(\.commands)))
        for companion in companions {
            own.streams.insert(companion.rows[0].streamId)
            own.commands.insert(companion.rows[0].commandId)
            own.events += companion.rows.count
        }
        state.flights[flight] = own
        return companions
    }

    /// Ends insert `flight` and passes the turn to the longest-waiting command that may lead
    /// (its stream and id not in another insert still in flight), if any.
    private func land(_ flight: UInt64) {
        let next: (Waiting, Turn)? = state.withLock { state in
            state.flights[flight] = nil
            guard let index = state.waiting.firstIndex(where: { !state.isBusy($0.rows) }) else { return nil }
            let leader = state.waiting.remove(at: index)
            return (leader, takeOff(leader.rows, &state))
        }
        if let (leader, turn) = next { leader.continuation.resume(returning: turn) }
    }

    /// Waiting commands that may join a statement, oldest first: none of a stream in `streams`
    /// (a later command links to an earlier one, which the same statement cannot see, and a
    /// stream in another insert in flight could meet it on a unique key), none of a command id
    /// in `commands` (a concurrent retry of the same command), within `budget` events.
    private static func companions(from waiting: inout [Waiting], budget: Int, streams: Set<String>, commands: Set<UUID>) -> [Waiting] {
        var streams = streams, commands = commands, budget = budget
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
