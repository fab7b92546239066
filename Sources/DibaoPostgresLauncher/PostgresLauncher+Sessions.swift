import Foundation

extension PostgresLauncher {
    /// What `stopUnlessInUse` did.
    public enum StopOutcome: Sendable, Equatable {
        /// The cluster was not running.
        case notRunning
        case stopped
        /// Other clients were connected, so the cluster was left running.
        case leftRunning(otherSessions: Int)
        /// The sessions could not be counted (the reason), so the cluster was stopped as if none were left.
        case stoppedUncounted(String)
    }

    /// Stops the cluster unless client sessions are still open on it. The process that started
    /// the cluster calls this when it ends, after closing its own connections: a `serve`
    /// started meanwhile (which found the cluster running and so will not stop it) keeps it.
    /// Sessions that are still closing (this process's own, a moment ago) get `settle` to go.
    public func stopUnlessInUse(settle: Duration = .seconds(5)) throws -> StopOutcome {
        let binaries = try PostgresBinaries.locate()
        let runner = try ProcessRunner.forPostgres()
        guard try isRunning(binaries: binaries, runner: runner) else { return .notRunning }
        let deadline = ContinuousClock.now + settle
        while true {
            let sessions: Int
            do {
                sessions = try clientSessions(binaries: binaries, runner: runner)
            } catch {
                try stop()
                return .stoppedUncounted("\(error)")
            }
            if sessions == 0 {
                try stop()
                return .stopped
            }
            if ContinuousClock.now >= deadline { return .leftRunning(otherSessions: sessions) }
            usleep(100_000)
        }
    }

    /// Client backends connected to the cluster, the asking one (psql's) left out.
    func clientSessions(binaries: PostgresBinaries, runner: ProcessRunner) throws -> Int {
        guard let psql = binaries.client("psql") else {
            throw LauncherError("psql was not found beside \(binaries.directory), on PATH or under /usr/lib/postgresql/*/bin")
        }
        let query = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
        // Bounded: a server that does not answer must not hold the exiting command.
        let output = try runner.run("/usr/bin/env", ["PGCONNECT_TIMEOUT=5", "PGOPTIONS=-c statement_timeout=5000",
                                                     psql, "-X", "-q", "-A", "-t", "-h", socketDirectory, "-p", String(port),
                                                     "-U", Self.superuser, "-d", "postgres", "-c", query], what: "counting client sessions")
        guard let count = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw LauncherError("counting client sessions failed: psql answered '\(output)'")
        }
        return count
    }
}
