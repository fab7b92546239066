import DibaoStore
import PostgresNIO

/// What became of a page that was read before its transaction began.
enum PageOutcome: Equatable {
    /// Applied, and the checkpoint moved to its last event.
    case applied
    /// Someone else moved the checkpoint after the page was read: nothing was written; read
    /// again from here.
    case checkpointMoved(to: GlobalCheckpoint)
}

extension ProjectionEngine {
    /// Applies pages of at most `batchSizeMax` events until a page comes back short, reading each
    /// next page while the current one is applied (one page ahead, no more). Reports the events
    /// applied after every page.
    ///
    /// Reading ahead outside the apply transaction is safe because the order a reader follows,
    /// (transaction id, position) behind the snapshot horizon, never changes behind it: a page read
    /// after checkpoint C is exactly what a read inside the transaction would return from C. What
    /// the early read cannot know is whether C is still the checkpoint when its turn comes, so
    /// `applyPage` checks that under the row lock and refuses a page that no longer follows it.
    func catchUp(_ projection: any Projection, generation: Int, batchSizeMax: Int,
                 applied report: (Int) -> Void) async throws {
        var start = try await checkpoint(projection, generation: generation)
        var page = try await readPage(projection, after: start, limit: batchSizeMax)
        while true {
            let (isLast, end) = (page.isShort(limit: batchSizeMax), page.end)
            async let ahead = isLast ? GlobalPage(events: [], end: end) : readPage(projection, after: end, limit: batchSizeMax)
            switch try await applyPage(page, from: start, of: projection, generation: generation) {
            case .applied:
                report(page.events.count)
                if isLast { return }
                (start, page) = (end, try await ahead)
            case .checkpointMoved(let actual):
                // Another runner applied this page (or more); the read ahead is discarded.
                (start, page) = (actual, try await readPage(projection, after: actual, limit: batchSizeMax))
            }
        }
    }

    /// The next page after `checkpoint`, read outside any transaction, with the projection's columns.
    func readPage(_ projection: any Projection, after checkpoint: GlobalCheckpoint, limit: Int) async throws -> GlobalPage {
        try await store.readPage(after: checkpoint, category: projection.category, limit: limit, columns: projection.columns)
    }

    /// Applies a page read after `start`, with the checkpoint move, in one transaction, provided
    /// the generation's checkpoint (locked `FOR UPDATE`) is still `start`; otherwise writes nothing.
    func applyPage(_ page: GlobalPage, from start: GlobalCheckpoint, of projection: any Projection, generation: Int) async throws -> PageOutcome {
        do {
            return try await client.transaction(logger: logger) { connection in
                let checkpoint = try await lockCheckpoint(projection, generation: generation, on: connection)
                guard checkpoint == start else { return .checkpointMoved(to: checkpoint) }
                try await write(page, after: checkpoint, of: projection, generation: generation, on: connection)
                return .applied
            }
        } catch {
            await recordError(error, projection: projection, generation: generation)
            throw error
        }
    }
}
