import DibaoEvents
import DibaoProjections
import Hummingbird

/// The query string of a report route, read strictly: every parameter is checked against the
/// ones the route knows, and a malformed value is a 400 naming the parameter.
struct ReportQuery {
    private let parameters: [String: String]

    /// Refuses a parameter the route does not know, so a typo (`asof`) is not silently ignored.
    init(_ request: Request, known: Set<String>) throws {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard known.contains(name) else { throw APIError.invalid(field: name, reason: "unknown parameter; known: \(known.sorted().joined(separator: ", "))") }
            guard parameters.updateValue(String(value), forKey: name) == nil else { throw APIError.invalid(field: name, reason: "given more than once") }
        }
        self.parameters = parameters
    }

    /// `jurisdiction`: a region code of 6, 9 or 12 digits (required).
    func jurisdiction() throws -> RegionCode {
        guard let text = parameters["jurisdiction"] else { throw APIError.invalid(field: "jurisdiction", reason: "required: a region code of 6, 9 or 12 digits") }
        do { return try RegionCode(text) } catch { throw APIError.invalid(field: "jurisdiction", reason: "must be a region code of 6, 9 or 12 digits") }
    }

    /// `level`: the lowest level to roll up to, at or below the jurisdiction's own; `village` when absent.
    func level(below jurisdiction: RegionCode) throws -> RegionLevel {
        guard let text = parameters["level"] else { return .village }
        guard let level = RegionLevel.allCases.first(where: { $0.wireName == text }) else {
            throw APIError.invalid(field: "level", reason: "must be one of village, township, county, prefecture, province")
        }
        let own = RegionLevel(of: jurisdiction)
        guard level >= own else { throw APIError.invalid(field: "level", reason: "must be at or below the jurisdiction's own level (\(own.wireName))") }
        return level
    }

    /// `asOf`: a date `YYYY-MM-DD`, or nil for the current caseload.
    func asOf() throws -> BusinessDate? {
        guard let text = parameters["asOf"] else { return nil }
        do { return try BusinessDate(text, field: "asOf") } catch { throw APIError.invalid(field: "asOf", reason: "must be a date YYYY-MM-DD") }
    }

    /// `month`: a month `YYYY-MM` (required).
    func month() throws -> CalendarMonth {
        guard let text = parameters["month"] else { throw APIError.invalid(field: "month", reason: "required: a month YYYY-MM") }
        do { return try CalendarMonth(text) } catch { throw APIError.invalid(field: "month", reason: "must be a month YYYY-MM") }
    }

    /// `format`: `json` or `csv`; nil leaves the choice to the `Accept` header.
    func format() throws -> ReportFormat? {
        guard let text = parameters["format"] else { return nil }
        guard let format = ReportFormat(rawValue: text) else { throw APIError.invalid(field: "format", reason: "must be json or csv") }
        return format
    }
}
