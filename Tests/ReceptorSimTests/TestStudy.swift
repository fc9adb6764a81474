/// The small invented study the `fit`, `fit --evaluate-only` and `export --format petab`
/// command tests write to a temporary folder: one scenario and the observation-file header.
enum TestStudy {
    /// Morphine 10 mg IV at 0 h, 6 h at a 0.5 h interval.
    static let morphineIV = """
        // A test study: morphine 10 mg IV at 0 h.
        { name: "morphine IV", duration_h: 6,
          doses: [ { drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 } ],
          output: { interval_h: 0.5 } }
        """

    /// The header lines of an observation file for `drug`, ending in the column line.
    static func header(title: String, drug: String = "morphine", heldBack: Bool = false) -> String {
        """
        # title: \(title)
        # citation: none
        # obtained: invented for a test
        # population: none
        # drug: \(drug)
        # evidence: plasma_pk
        # acceptance: test band
        """ + (heldBack ? "\n# held_back: true" : "") + """

        observable,statistic,time_h,end_h,value,sd,n,lower,upper

        """
    }
}
