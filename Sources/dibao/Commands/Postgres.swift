import ArgumentParser
import DibaoPostgresLauncher
import Foundation

struct PostgresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "postgres", abstract: "Start or stop a private PostgreSQL cluster (the embedded default, or a test server).",
        subcommands: [Start.self, Stop.self])

    struct Options: ParsableArguments {
        @Option(help: "The cluster directory (default $DIBAO_HOME/pg).") var home: String?
        @Flag(help: "Favour speed over durability (fsync off): for throwaway test clusters only.") var fast = false

        func launcher() throws -> PostgresLauncher {
            // Absolute: the PostgreSQL tools run from /tmp, where a relative path means something else.
            let directory = try home.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
                ?? (Settings.fromEnvironment().home + "/pg")
            return PostgresLauncher(home: directory, settings: fast ? ["fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"] : [:])
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Initialise (first time) and start the cluster; print its URL.")
        @OptionGroup var options: Options
        func run() async throws {
            let launcher = try options.launcher()
            try launcher.start()
            launcher.forgetOwner()  // started by hand: stopped by hand, never taken over by a command
            print(launcher.url())
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the cluster.")
        @OptionGroup var options: Options
        func run() async throws { try options.launcher().stop() }
    }
}
