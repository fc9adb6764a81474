import Foundation
import Testing
import TestSupport

/// µg and mg/kg doses and ng/mL columns end to end (issue 16).
@Suite struct DoseUnitCommandTests {
    /// Morphine 0.125 mg/kg IV in an 80 kg subject (10 mg): one compartment, V = 276 L x 80/70,
    /// CL = 95 L/h x (80/70)^0.75 (the model's weight scaling). C(t) in ng/mL = 10 mg / V x
    /// exp(-CL/V t) (mg/L = µg/mL; x 1000 for ng/mL), independent of the molar mass; the nM
    /// column is the same amount over 285.34 g/mol. Tolerance 1e-6 relative (solver rtol 1e-6)
    /// plus 1e-9 of C0; before the first solver step (t = 0) the values are exact.
    @Test func nanogramsPerMilliliterMatchTheOneCompartmentSolution() throws {
        let path = try writeTemporaryScenario("""
            { name: "ng", duration_h: 2, subject: { weight_kg: 80 },
              doses: [{ drug: "morphine", route: "iv_bolus", amount_mg_per_kg: 0.125, at_h: 0 }],
              output: { interval_h: 0.5, columns: ["morphine_plasma_ng_per_mL", "morphine_plasma_nM"] } }
            """)
        let result = try runReceptorSim(["run", path, "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.first == "time_h,morphine_plasma_ng_per_mL,morphine_plasma_nM")
        let volume = 276.0 * 80 / 70, clearance = 95 * pow(80.0 / 70, 0.75)
        let c0 = 10.0 / volume * 1000
        var rows = 0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",").compactMap { Double(String($0)) }
            try #require(fields.count == 3)
            let expected = c0 * exp(-clearance / volume * fields[0])
            #expect(isClose(fields[1], expected, relative: 1e-5, absolute: 1e-9 * c0), "t = \(fields[0]): \(fields[1]) vs \(expected)")
            #expect(isClose(fields[1], fields[2] * 285.34 / 1000, relative: 1e-12), "ng/mL = nM x 285.34 / 1000")
            rows += 1
        }
        #expect(rows == 5)
        #expect(isClose(Double(String(lines[1].split(separator: ",")[1]))!, c0, relative: 1e-12))
    }

    /// 100 µg and 0.1 mg of fentanyl are the same run, byte for byte.
    @Test func microgramDoseEqualsTheMilligramDose() throws {
        func run(_ amount: String) throws -> String {
            let path = try writeTemporaryScenario("""
                { name: "f", duration_h: 1, doses: [{ drug: "fentanyl", route: "iv_bolus", \(amount), at_h: 0 }],
                  output: { interval_h: 0.25, columns: ["fentanyl_plasma_ng_per_mL", "mu_occupancy_total"] } }
                """)
            let result = try runReceptorSim(["run", path, "-q"])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        let micrograms = try run("amount_ug: 100")
        #expect(micrograms == (try run("amount_mg: 0.1")))
        #expect(micrograms.split(whereSeparator: \.isNewline).count == 6)
    }

    /// `--vary doses[0].amount_ug`: the member values are µg of the same dose, so with linear
    /// plasma kinetics the peak in ng/mL doubles from 50 to 100 µg (fentanyl IV, 70 kg:
    /// 100 µg / 25.1 L = 3.98 ng/mL at the bolus). Tolerance 1e-6 relative.
    @Test func sweepVariesTheMicrogramAmount() throws {
        let path = try writeTemporaryScenario("""
            { name: "f", duration_h: 1, doses: [{ drug: "fentanyl", route: "iv_bolus", amount_ug: 100, at_h: 0 }] }
            """)
        let result = try runReceptorSim(["sweep", path, "--vary", "doses[0].amount_ug=50,100", "--columns", "fentanyl_plasma_ng_per_mL", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("0,") || $0.hasPrefix("1,") }
        try #require(rows.count == 2)
        let peaks = rows.map { Double(String($0.split(separator: ",", omittingEmptySubsequences: false)[4]))! }
        #expect(isClose(peaks[0], 50.0 / 25.1, relative: 1e-6))
        #expect(isClose(peaks[1], 100.0 / 25.1, relative: 1e-6))
    }
}

/// The plausibility warning on the command line: stderr and exit 0, or exit 2 with `--strict`.
@Suite struct PlausibleDoseCommandTests {
    @Test func warningOnStandardErrorAndStrictMakesItAnError() throws {
        let path = try writeTemporaryScenario("""
            { name: "slip", duration_h: 0.5, doses: [{ drug: "fentanyl", route: "iv_bolus", amount_mg: 100, at_h: 0 }],
              output: { columns: ["fentanyl_plasma_nM"] } }
            """)
        let warned = try runReceptorSim(["run", path, "-q"])
        #expect(warned.status == 0)
        #expect(warned.stderr.hasPrefix("\(path):1: warning: doses[0].amount_mg: fentanyl 100 mg by iv_bolus is above the largest commonly used single dose, 3.5 mg"))
        #expect(warned.stdout.hasPrefix("time_h,fentanyl_plasma_nM"))
        let strict = try runReceptorSim(["run", path, "-q", "--strict"])
        #expect(strict.status == 2)
        #expect(strict.stdout.isEmpty)
        #expect(strict.stderr.hasPrefix("\(path):1: error: doses[0].amount_mg: fentanyl 100 mg"))
        let check = try runReceptorSim(["check", "--strict", path])
        #expect(check.status == 2)
    }

    @Test func shippedScenariosRaiseNoWarning() throws {
        let result = try runReceptorSim(["check", "--strict"] + shippedScenarios.map(\.path))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }
}
