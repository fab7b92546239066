/// What `dibao demo` loads: how many households, from which seed, with how many in flight.
public struct DemoConfiguration: Sendable {
    /// The seed of the published demo county.
    public static let defaultSeed: UInt64 = 140_702
    /// Households of the default demo.
    public static let defaultHouseholds = 2_400

    public var households: Int
    public var seed: UInt64
    /// Households worked on at once (each sequentially); modest: the target machine has 2 cores.
    public var parallelHouseholds: Int

    public init(households: Int = defaultHouseholds, seed: UInt64 = defaultSeed, parallelHouseholds: Int = 4) {
        precondition(households >= 0 && parallelHouseholds >= 1)
        self.households = households
        self.seed = seed
        self.parallelHouseholds = parallelHouseholds
    }
}
