/// Free text written into events — reasons, explanations — stays in the log for good, and
/// every role that may read a case reads it. It must not carry a resident ID number (R-D04:
/// never shown whole) or a bank account number. A run of 15 or more digits counts as one (an
/// 18-character ID number may end in `X`): commands refuse such text, and views mask any that
/// an older event holds.
public enum FreeText {
    /// Fewest digits in a run taken for an ID or account number: old 15-digit ID numbers,
    /// 18-character ones, bank cards of 16 to 19 digits. Telephone numbers (11) stay readable.
    public static let numberDigitsMin = 15

    /// True when `text` holds a run of `numberDigitsMin` or more digits.
    public static func containsLongNumber(_ text: String) -> Bool { !numberRuns(in: Array(text)).isEmpty }

    /// `text` with each long number masked as ID numbers are: the first 6 and last 4 characters
    /// kept, the rest `*` (`533103********123X`).
    public static func masked(_ text: String) -> String {
        var characters = Array(text)
        for run in numberRuns(in: characters) {
            for index in (run.lowerBound + 6)..<(run.upperBound - 4) { characters[index] = "*" }
        }
        return String(characters)
    }

    /// The runs of at least `numberDigitsMin` ASCII digits, each with an `X`/`x` right after it.
    static func numberRuns(in characters: [Character]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else { index += 1; continue }
            let start = index
            while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
            let digits = index - start
            if index < characters.count, characters[index] == "X" || characters[index] == "x" { index += 1 }
            if digits >= numberDigitsMin { runs.append(start..<index) }
        }
        return runs
    }
}
