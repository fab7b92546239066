/// Where an append landed. A replayed result is the original append's, returned to a retry.
public struct AppendResult: Sendable, Hashable {
    public var streamId: String
    public var firstVersion: Int64
    public var lastVersion: Int64
    public var firstPosition: Int64
    public var lastPosition: Int64
    /// True when this command had already been appended and nothing was written now.
    public var replayed: Bool

    public init(streamId: String, firstVersion: Int64, lastVersion: Int64, firstPosition: Int64, lastPosition: Int64, replayed: Bool) {
        self.streamId = streamId
        self.firstVersion = firstVersion
        self.lastVersion = lastVersion
        self.firstPosition = firstPosition
        self.lastPosition = lastPosition
        self.replayed = replayed
    }
}
