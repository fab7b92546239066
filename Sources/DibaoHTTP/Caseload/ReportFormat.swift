import DibaoEvents
import Foundation
import Hummingbird

/// How a report is answered: canonical JSON, or CSV for spreadsheet software (UTF-8 with a
/// byte-order mark, as `CaseloadCSV` writes it) offered as a file download.
enum ReportFormat: String, Sendable {
    case json
    case csv

    /// `format=` wins; otherwise CSV when the `Accept` header names `text/csv` before any JSON
    /// type (and JSON when it names neither, or nothing).
    static func negotiate(_ explicit: ReportFormat?, accept: String?) -> ReportFormat {
        if let explicit { return explicit }
        guard let accept else { return .json }
        for range in accept.split(separator: ",") {
            let type = range.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if type == "text/csv" { return .csv }
            if type == "application/json" { return .json }
        }
        return .json
    }

    /// The response: `json` as is, or `csv` as an attachment named `filename`.
    func response(json: () -> JSONValue, csv: () -> String, filename: String) -> Response {
        switch self {
        case .json:
            return JSONResponse.make(json(), status: .ok)
        case .csv:
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(filename)\""],
                            body: .init(byteBuffer: ByteBuffer(string: csv())))
        }
    }
}
