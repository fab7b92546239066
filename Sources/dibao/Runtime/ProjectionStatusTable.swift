import DibaoProjections
import Foundation

/// The text table `dibao projections status` prints.
enum ProjectionStatusTable {
    static func render(_ statuses: [ProjectionStatus]) -> String {
        var lines = ["projection                 gen  building  checkpoint            applied      lag events  lag s     last error"]
        for status in statuses {
            lines.append([
                status.name.padding(toLength: 26, withPad: " ", startingAt: 0),
                String(status.activeGeneration).padding(toLength: 4, withPad: " ", startingAt: 0),
                (status.buildingGeneration.map(String.init) ?? "-").padding(toLength: 9, withPad: " ", startingAt: 0),
                status.checkpoint.padding(toLength: 21, withPad: " ", startingAt: 0),
                String(status.eventsApplied).padding(toLength: 12, withPad: " ", startingAt: 0),
                String(status.lagEvents).padding(toLength: 11, withPad: " ", startingAt: 0),
                String(format: "%.1f", status.lagSeconds).padding(toLength: 9, withPad: " ", startingAt: 0),
                status.lastError ?? "-",
            ].joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }
}
