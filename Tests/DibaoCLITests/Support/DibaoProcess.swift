import DibaoStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `dibao` executable, run as a child process against a suite's database: what a
/// crash looks like to the store is a process that dies with its connections, so these tests
/// kill a real one.
struct DibaoProcess {
    let process: Process
    /// The child's DIBAO_HOME, a fresh directory; removed when `run`'s body ends.
    let home: URL
    /// Standard output and error, together. Output printed just before a SIGKILL may still
    /// sit in the child's buffer and be lost.
    let outputPath: String

    /// How a child ended.
    struct Ending: Equatable {
        let status: Int32
        let reason: Process.TerminationReason

        static let success = Ending(status: 0, reason: .exit)
        static func killed(by signal: Int32) -> Ending { Ending(status: signal, reason: .uncaughtSignal) }
    }

    /// Runs `body` with `dibao arguments…` started, DIBAO_DATABASE_URL naming `database` (the
    /// owner role, as an operator would set it; nil: unset, so the embedded cluster) and
    /// DIBAO_HOME `home`, or else a fresh directory. A child still running when `body` ends,
    /// returns or throws, is killed, and a fresh home removed (a given one is the caller's).
    static func run<Result>(_ arguments: [String], database: DatabaseConfiguration?, home: URL? = nil, environment extra: [String: String] = [:],
                            _ body: (DibaoProcess) async throws -> Result) async throws -> Result {
        let child = try start(arguments, database: database, home: home, environment: extra)
        defer {
            if child.process.isRunning { child.send(SIGKILL) }
            if home == nil { try? FileManager.default.removeItem(at: child.home) }
        }
        return try await body(child)
    }

    private static func start(_ arguments: [String], database: DatabaseConfiguration?, home given: URL?,
                              environment extra: [String: String]) throws -> DibaoProcess {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        let home = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("dibao-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["DIBAO_DATABASE_URL"] = database.map(url) ?? ""
        environment["DIBAO_HOME"] = home.path
        environment.merge(extra) { $1 }
        process.environment = environment

        let outputPath = home.appendingPathComponent("output-\(UUID().uuidString.prefix(8)).log").path
        do {
            FileManager.default.createFile(atPath: outputPath, contents: nil)
            let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
            defer { try? output.close() }
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            if given == nil { try? FileManager.default.removeItem(at: home) }
            throw error
        }
        return DibaoProcess(process: process, home: home, outputPath: outputPath)
    }

    /// `dibao` beside the test bundle: `swift build --build-tests` and `swift test` build every
    /// product into the same directory (`swift test --skip-build` does not, so build first).
    /// A missing binary is a failure, not a skip.
    static func executable() throws -> URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = testBundle.deletingLastPathComponent().appendingPathComponent("dibao")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw TestFailure("no dibao executable at \(candidate.path): build every product first (swift build --build-tests)")
        }
        return candidate
    }

    /// The URL an operator would export: `redactedURL` with the password put back, if any.
    static func url(_ database: DatabaseConfiguration) -> String {
        guard let password = database.password else { return database.redactedURL }
        // The user name before the first `@` is percent-encoded, so it holds no `@` itself.
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
        var url = database.redactedURL
        url.insert(contentsOf: ":\(encoded)", at: url.firstIndex(of: "@")!)
        return url
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` (SIGKILL: no handler, no drain, connections cut mid-transaction).
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the child to end, at most `limit` (then kills it and fails).
    func waitForExit(within limit: Duration) async throws -> Ending {
        try await waitUntil("dibao \((process.arguments ?? []).joined(separator: " ")) to end", within: limit) { !process.isRunning }
        return Ending(status: process.terminationStatus, reason: process.terminationReason)
    }

    /// Fails at once, with the child's output, if the child has ended.
    func expectRunning() throws {
        guard process.isRunning else {
            throw TestFailure("dibao \((process.arguments ?? []).joined(separator: " ")) ended early (status \(process.terminationStatus)); output:\n\(output)")
        }
    }
}

/// Polls `condition` every `interval` (5 ms by default) for at most `limit`.
func waitUntil(_ what: String, within limit: Duration = .seconds(60), every interval: Duration = .milliseconds(5),
               _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + limit
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw TestFailure("timed out after \(limit) waiting for \(what)") }
        try await Task.sleep(for: interval)
    }
}

/// A free TCP port, for a child `serve` (bound to port 0 on every address, then released:
/// another process could take it in between, which a test run does not).
func freePort() throws -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { throw TestFailure("socket() failed: errno \(errno)") }
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = INADDR_ANY
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0 }
    }
    guard bound else { throw TestFailure("could not bind a free port: errno \(errno)") }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A step of a CLI test that could not be carried out (a timeout, a missing binary).
struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
