import DibaoProjections
import DibaoStore
import DibaoTestSupport
import Logging

/// Runs `body` with a store whose log holds `CaseloadScenario` and a caseload projection caught
/// up in batches of `batch` events (small batches split cases and their corrections apart).
func withCaseloadScenario<Result: Sendable>(
    _ database: TestDatabase, batch: Int = 4,
    _ body: @Sendable (EventStore, ProjectionEngine) async throws -> Result
) async throws -> Result {
    try await withStore(database) { store in
        let engine = ProjectionEngine(store: store, projections: [Caseload()], logger: TestLogging.logger)
        try await engine.register()
        try await CaseloadScenario.seed(store)
        try await RebuildTests.catchUp(engine, Caseload(), batch: batch)
        return try await body(store, engine)
    }
}

extension CaseloadRollupRow {
    /// `level region programme status households persons amount`, for readable expectations.
    var line: String {
        "\(level.wireName) \(regionCode) \(programme.rawValue) \(status.rawValue) \(figures.households) \(figures.persons) \(figures.monthlyAmountFen)"
    }
}
