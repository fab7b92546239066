import DibaoEvents

/// What a demo load did. A re-run of a loaded demo appends nothing: every command is
/// recognised by its deterministic id and counted as replayed.
public struct DemoReport: Sendable {
    /// A command the service refused or could not apply; the household's later steps are skipped.
    public struct Failure: Sendable, Hashable {
        public var caseId: String
        public var step: String
        public var reason: String
    }

    /// One month of the demo year, as it is loaded.
    public struct MonthProgress: Sendable {
        public var month: CalendarMonth
        public var commandsApplied = 0
        public var eventsAppended = 0
        public var commandsReplayed = 0
        public var failures = 0
    }

    public var households = 0
    public var householdsByScenario: [DemoScenario: Int] = [:]
    /// Jurisdictions whose policy fixture this run appended (empty when already present).
    public var policyAppended: [String] = []
    public var commandsApplied = 0
    public var eventsAppended = 0
    /// Commands found already applied (skipped, or replayed by the store).
    public var commandsReplayed = 0
    public var failures: [Failure] = []
    public var elapsedSeconds = 0.0

    /// Events appended per second of the whole run.
    public var eventsPerSecond: Double { elapsedSeconds > 0 ? Double(eventsAppended) / elapsedSeconds : 0 }

    /// True when this run wrote nothing (the demo county was already loaded).
    public var wroteNothing: Bool { eventsAppended == 0 && policyAppended.isEmpty }

    mutating func add(_ month: MonthProgress) {
        commandsApplied += month.commandsApplied
        eventsAppended += month.eventsAppended
        commandsReplayed += month.commandsReplayed
    }
}
