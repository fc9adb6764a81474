import Foundation
import Testing
@testable import Pharmacology
import TestSupport

/// Norbuprenorphine, buprenorphine's active metabolite (issue 16), against Kuhlman et al. 1996
/// (J Anal Toxicol 20:369, SL 4 mg): mean peak plasma below 1 ng/mL and a terminal half-life
/// longer than the parent's; and, as a P-glycoprotein substrate, little central action: its mu
/// occupancy on 16 mg SL daily stays below 0.02 (the brain partition is an assumption, so this
/// checks the consequence, not independent evidence).
@Suite
struct NorbuprenorphineTests {
    @Test func sublingualFourMilligramsGivesASmallLongLivedMetabolite() throws {
        let columns = ["norbuprenorphine_plasma_ng_per_mL", "buprenorphine_plasma_ng_per_mL"]
        let rec = try simulate(Scenario(name: "bup 4 mg", durationHours: 144, doses: [
            dose("buprenorphine", .sublingual, .single(atHours: 0, amountMilligrams: 4)),
        ]), columns: columns, intervalHours: 0.25)
        let peak = rec.maximum(columns[0], from: 0, to: 144).value
        #expect(peak > 0 && peak < 1, "norbuprenorphine peak \(peak) ng/mL")
        let metabolite = fittedHalfLife(rec, columns[0], from: 48, to: 144)
        let parent = fittedHalfLife(rec, columns[1], from: 48, to: 144)
        #expect(metabolite > parent, "terminal t½ norbuprenorphine \(metabolite) h, buprenorphine \(parent) h")
    }

    @Test func littleCentralActionAtMaintenanceDoses() throws {
        let rec = try simulate(Scenario(name: "bup 16 mg daily", durationHours: 336, doses: [
            dose("buprenorphine", .sublingual, .repeated(startHours: 0, everyHours: 24, count: 14, amountMilligrams: 16)),
        ]), columns: ["mu_occupancy_norbuprenorphine"], intervalHours: 1)
        #expect(rec.maximum("mu_occupancy_norbuprenorphine", from: 0, to: 336).value < 0.02)
    }
}
