import Testing

extension Tag {
    /// Needs the test run's PostgreSQL server.
    @Tag public static var postgres: Self
}
