import DibaoStore
import Logging
import PostgresNIO

/// A read model kept from the log. The engine hands it batches of events in global order,
/// inside the transaction that also moves its checkpoint; it must not commit or open
/// transactions itself, and must produce the same rows whether it sees the events in one
/// batch or many (rebuilds use other batch sizes than live runs).
public protocol Projection: Sendable {
    /// Stable name, lower-case `[a-z0-9_]` (the registry key and the prefix of its views).
    var name: String { get }
    /// The stream category it reads, or nil for the whole log.
    var category: String? { get }
    /// The logical tables it keeps; each is exposed as the view `dibao.<name>_<table>`.
    var tables: [String] { get }
    /// The event columns `apply` reads, beyond the checkpoint pair every read carries. Fewer
    /// columns make rebuilds cheaper; reading a field outside them traps (`RecordedEvent`).
    /// Defaults to `.all`.
    var columns: EventColumns { get }
    /// Creates the physical tables of one generation (`names.table(_:)`).
    func createTables(_ names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws
    /// Applies events, in order, to one generation's tables.
    func apply(_ events: [RecordedEvent], to names: ReadModelNames, on connection: PostgresConnection, logger: Logger) async throws
}

extension Projection {
    /// Every column: a projection that declares nothing sees whole events, as before columns
    /// could be declared.
    public var columns: EventColumns { .all }
}

/// The physical names of one generation of a projection's tables, and its public views.
public struct ReadModelNames: Sendable, Hashable {
    public let projection: String
    public let generation: Int

    public init(projection: String, generation: Int) {
        precondition(projection.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" } && !projection.isEmpty, "projection names are [a-z0-9_]")
        self.projection = projection
        self.generation = generation
    }

    /// `dibao.proj_<name>_g<generation>_<table>`: where a generation's rows live.
    public func table(_ table: String) -> String { "dibao.proj_\(projection)_g\(generation)_\(table)" }

    /// `dibao.<name>_<table>`: what queries read; points at the active generation.
    public func view(_ table: String) -> String { "dibao.\(projection)_\(table)" }
}
