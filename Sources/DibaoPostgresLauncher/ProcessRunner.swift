import Foundation

/// Runs PostgreSQL's tools as an unprivileged user: itself when not root, else through
/// `runuser -u <user> --`.
struct ProcessRunner: Sendable {
    /// nil: run as the current user.
    let user: String?

    static func forPostgres() throws -> ProcessRunner {
        guard geteuid() == 0 else { return ProcessRunner(user: nil) }
        for candidate in ["postgres", "dibao"] where getpwnam(candidate) != nil { return ProcessRunner(user: candidate) }
        let runner = ProcessRunner(user: nil)
        try runner.run("/usr/sbin/useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "dibao"],
                       what: "creating the unprivileged 'dibao' user to run PostgreSQL")
        return ProcessRunner(user: "dibao")
    }

    /// Creates `path` (and parents) and hands it to the PostgreSQL user, mode 0700.
    func prepareDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if let user, let entry = getpwnam(user) {
            guard chown(path, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
                throw LauncherError("cannot hand \(path) to user \(user): \(String(cString: strerror(errno)))")
            }
        }
        chmod(path, 0o700)
    }

    /// The first directory on the way to `path` (from the top, `path` included) that this
    /// runner's user cannot enter, or nil when it can enter `path`. The user itself tries (`cd`),
    /// so its groups and any ACLs count exactly as they will for `initdb`.
    func firstDirectoryItCannotEnter(_ path: String) -> String? {
        guard !canEnter(path) else { return nil }
        var prefix = ""
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if !canEnter(prefix) { return prefix }
        }
        return path
    }

    func canEnter(_ directory: String) -> Bool {
        (try? run("/bin/sh", ["-c", "cd \"$1\"", "sh", directory], what: "entering \(directory)")) != nil
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which Swift's Glibc
    /// module does not import: found at run time, nil where the C library lacks it.
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Runs the tool; throws with its output when it exits non-zero.
    ///
    /// Spawns with `posix_spawn` and waits with `waitpid`, output to a temporary file: Foundation's
    /// `Process.waitUntilExit` was seen to hang for ever here after the child had exited (when
    /// called from a Swift-concurrency thread), and a pipe would be held open by a daemon.
    @discardableResult
    func run(_ executable: String, _ arguments: [String], what: String) throws -> String {
        // `cd /tmp` first: initdb fails when it cannot read the caller's working directory.
        let command = ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh", executable] + arguments
        let argv = (user.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? []) + command
        let outputPath = "/tmp/dibao-launcher-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of ours: the tools (and the server `pg_ctl` leaves running) must not keep
        // this process's sockets open, or a connection it closes stays open for the server.
        _ = Self.closeFrom.map { $0(&actions, 3) }
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw LauncherError("\(what) failed: cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw LauncherError("\(what) failed: waitpid: \(String(cString: strerror(errno)))") }
        }
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        let exitCode = (status >> 8) & 0xFF
        guard exited, exitCode == 0 else {
            let how = exited ? "exit \(exitCode)" : "signal \(status & 0x7F)"
            throw LauncherError("\(what) failed (\(how)): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return text
    }
}
