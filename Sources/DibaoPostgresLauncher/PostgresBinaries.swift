import Foundation

/// Where `initdb` and `pg_ctl` are: on PATH, else the newest /usr/lib/postgresql/*/bin.
public struct PostgresBinaries: Sendable {
    public let directory: String

    public func path(_ name: String) -> String { directory + "/" + name }

    /// A client tool (`psql`): beside `initdb` if it is there, else in the first directory that
    /// has it, in the order `locate()` searches; nil when none has it.
    public func client(_ name: String) -> String? {
        ([directory] + Self.searchDirectories()).map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Where PostgreSQL's tools are looked for: the directories on PATH, then the newest
    /// /usr/lib/postgresql/*/bin first.
    static func searchDirectories() -> [String] {
        let pathDirectories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        return pathDirectories + versions.map { "\(root)/\($0)/bin" }
    }

    /// The binaries, or an error that says exactly how to install them.
    public static func locate() throws -> PostgresBinaries {
        let fileManager = FileManager.default
        for directory in searchDirectories()
        where fileManager.isExecutableFile(atPath: directory + "/initdb") && fileManager.isExecutableFile(atPath: directory + "/pg_ctl") {
            return PostgresBinaries(directory: directory)
        }
        throw LauncherError(notFoundMessage(effectiveUserId: geteuid()))
    }

    /// What to do when the binaries are missing. The install command has `sudo` only when the
    /// caller is not root: root may have no `sudo` at all (as `Deploy/bootstrap.sh` does).
    public static func notFoundMessage(effectiveUserId: uid_t) -> String {
        let asRoot = effectiveUserId == 0 ? "" : "sudo "
        return """
            No PostgreSQL server binaries (initdb, pg_ctl) were found on PATH or under /usr/lib/postgresql/*/bin.
            Install them with:  \(asRoot)apt-get update && \(asRoot)apt-get install -y postgresql
            (or run ./Deploy/bootstrap.sh), or set DIBAO_DATABASE_URL to use an existing server.
            """
    }
}

/// A launcher step that failed, with what to do about it.
public struct LauncherError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
