import DibaoProjections

/// The `projections` check of `GET /ready`: the live runner is running and no projection's
/// active generation is failing (its last batch failed, what `dibao_projection_failing`
/// reports as 1). A projection never skips an event it cannot apply, so one that fails keeps
/// failing until its code is fixed: the service answers, but its read models fall behind.
public enum ProjectionReadiness {
    /// The longest part of one projection's last error that the check repeats.
    public static let errorSummaryLengthMax = 200

    /// nil when the projections run and none is failing; otherwise what is wrong, naming each
    /// failing projection with its last error. One query (`ProjectionEngine.failing()`).
    public static func check(_ engine: ProjectionEngine, running: Bool) async -> String? {
        guard running else { return "projections are not running" }
        do {
            return failing(try await engine.failing().map { ($0.projection, $0.lastError) })
        } catch {
            return "projection status unavailable: \(error)"
        }
    }

    /// nil when no projection has a last error, else `failing: <name> (<last error>); …`, each
    /// error on one line and cut to `errorSummaryLengthMax` characters.
    public static func failing(_ errors: [(projection: String, lastError: String?)]) -> String? {
        let failing = errors.compactMap { entry in entry.lastError.map { (entry.projection, $0) } }
        guard !failing.isEmpty else { return nil }
        return "failing: " + failing.map { name, error in "\(name) (\(summary(error)))" }.joined(separator: "; ")
    }

    static func summary(_ error: String) -> String {
        let line = error.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= errorSummaryLengthMax ? line : String(line.prefix(errorSummaryLengthMax)) + "…"
    }
}
