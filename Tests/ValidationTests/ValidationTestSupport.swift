@testable import Validation

/// The header every valid test file starts with.
let validHeader = """
    # title: A test study
    # citation: Nobody 2026, nowhere
    # obtained: made up for a test
    # population: none
    # drug: morphine
    # evidence: plasma_pk
    # acceptance: test band

    """

let testColumns = ["morphine_plasma_nM", "mu_pet_occupancy", "withdrawal_index"]

/// Parses `text` as `test.csv` with the test columns, morphine and naloxone as drugs and a
/// 100 h run.
func parse(_ text: String) throws(ValidationError) -> ObservationFile {
    try ObservationFile.parse(text, file: "test.csv", columns: testColumns, drugIDs: ["morphine", "naloxone"], durationHours: 100)
}

/// The messages of the issues `text` produces, as `line: message`.
func issues(_ text: String) -> [String] {
    do {
        _ = try parse(text)
        return []
    } catch {
        guard case .invalidStudy(let issues) = error else { return ["\(error)"] }
        return issues.map { "\($0.line): \($0.message)" }
    }
}

