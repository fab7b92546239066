import ArgumentParser

@main
struct Dibao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dibao",
        abstract: "Dibao Ledger: an event-sourced ledger for social-assistance casework.",
        discussion: """
            Environment: DIBAO_DATABASE_URL (postgres://owner@host:port/db; unset = embedded cluster under $DIBAO_HOME/pg),
            DIBAO_APP_PASSWORD (password of dibao_app on an external server), DIBAO_HTTP_PORT (8080), DIBAO_HOME (./.dibao),
            DIBAO_TOKEN_SECRET (token signing key; unset = $DIBAO_HOME/token-secret).
            """,
        subcommands: [Serve.self, Demo.self, Migrate.self, ProjectionsCommand.self, PolicyCommand.self, TokensCommand.self, Bench.self, PostgresCommand.self]
    )
}
