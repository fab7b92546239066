import DibaoPostgresLauncher
import Testing

/// What the launcher says when PostgreSQL is not installed: a command the reader can paste.
@Suite("Missing PostgreSQL binaries")
struct PostgresBinariesTests {
    @Test("As root the install command has no sudo (root may have none); otherwise it has")
    func installCommand() {
        let asRoot = PostgresBinaries.notFoundMessage(effectiveUserId: 0)
        #expect(asRoot.contains("Install them with:  apt-get update && apt-get install -y postgresql\n"))
        #expect(!asRoot.contains("sudo"))
        let asUser = PostgresBinaries.notFoundMessage(effectiveUserId: 1000)
        #expect(asUser.contains("Install them with:  sudo apt-get update && sudo apt-get install -y postgresql\n"))
        for message in [asRoot, asUser] {
            #expect(message.contains("./Deploy/bootstrap.sh") && message.contains("DIBAO_DATABASE_URL"))
        }
    }
}
