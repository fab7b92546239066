import Foundation

/// A private PostgreSQL cluster under one directory (`$DIBAO_HOME/pg`), reached only through a
/// unix socket inside it: the embedded default of `dibao serve` and the server of a test run.
///
/// `initdb` refuses to run as root, so when the caller is root the cluster runs as the
/// unprivileged `postgres` user (created by Debian's package) or, failing that, a `dibao`
/// system user this launcher creates; a non-root caller runs it as itself.
public struct PostgresLauncher: Sendable {
    /// The cluster's directory; `data/` and `run/` (the socket) live inside.
    public let home: String
    public let port: Int
    /// Extra `-c name=value` server settings (the test cluster turns fsync off).
    public let settings: [String: String]

    public var dataDirectory: String { home + "/data" }
    public var socketDirectory: String { home + "/run" }
    public var logFile: String { home + "/postgres.log" }
    /// The superuser initdb creates.
    public static let superuser = "postgres"

    public init(home: String, port: Int = 5432, settings: [String: String] = [:]) {
        self.home = home
        self.port = port
        self.settings = settings
    }

    /// Initialises the cluster the first time, then starts it unless it is running already.
    public func start() throws {
        let binaries = try PostgresBinaries.locate()
        let runner = try ProcessRunner.forPostgres()
        try requireReachable(by: runner)
        try runner.prepareDirectory(home)
        try runner.prepareDirectory(socketDirectory)
        if !FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") {
            try runner.run(binaries.path("initdb"), ["-D", dataDirectory, "-U", Self.superuser, "--auth=trust", "-E", "UTF8", "--locale=C"],
                           what: "initdb")
        }
        if try isRunning(binaries: binaries, runner: runner) { return }
        var options = ["-k", socketDirectory, "-c", "listen_addresses=", "-p", String(port)]
        for (name, value) in settings.sorted(by: { $0.key < $1.key }) { options += ["-c", "\(name)=\(value)"] }
        try runner.run(binaries.path("pg_ctl"), ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options.joined(separator: " "), "start"],
                       what: "pg_ctl start (log: \(logFile))")
    }

    /// Stops the cluster after in-flight transactions end (fast shutdown).
    public func stop() throws {
        let binaries = try PostgresBinaries.locate()
        let runner = try ProcessRunner.forPostgres()
        guard try isRunning(binaries: binaries, runner: runner) else { forgetOwner(); return }
        try runner.run(binaries.path("pg_ctl"), ["-D", dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], what: "pg_ctl stop")
        forgetOwner()
    }

    /// Whether the cluster is initialised and its postmaster answers.
    public var isRunning: Bool {
        guard let binaries = try? PostgresBinaries.locate(), let runner = try? ProcessRunner.forPostgres() else { return false }
        return (try? isRunning(binaries: binaries, runner: runner)) ?? false
    }

    func isRunning(binaries: PostgresBinaries, runner: ProcessRunner) throws -> Bool {
        guard FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION") else { return false }
        return (try? runner.run(binaries.path("pg_ctl"), ["-D", dataDirectory, "status"], what: "pg_ctl status")) != nil
    }

    /// The URL of the cluster for a role and database.
    public func url(user: String = PostgresLauncher.superuser, database: String = "postgres") -> String {
        "postgres://\(user)@localhost:\(port)/\(database)?host=\(socketDirectory)"
    }
}
