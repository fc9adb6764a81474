import BuiltInLibrary
import Pharmacology
import Testing
@testable import ScenarioFiles

/// A route's slow depot: its lag, zero-order release, bolus share and that share's spread.
extension DrugDefinitionTests {
    /// An `im` route with the slow-depot keys `extra` beside its first-order share.
    static func imRoutes(_ extra: String) -> String {
        "routes: { im: { bioavailability: 1, absorption_rate_per_h: 20, \(extra) } },"
    }

    /// A slow depot may state its own lag (`slow_lag_h`, a delayed-release share): read with its
    /// source, range-checked as a delay, and only with the slow depot it delays.
    @Test func slowDepotLagIsReadCheckedAndNeedsItsDepot() throws {
        let text = Self.definition(replacing: "routes", with: Self.imRoutes("slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_lag_h: { value: 30, source: \"label\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.lagHours == Sourced(30, "label"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_lag_h: -1"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_lag_h: must be a finite number >= 0 (a delay), found -1",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_lag_h: 30"))) == [
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_depot_fraction'",
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_absorption_rate_per_h'",
        ])
    }

    /// A slow depot may release zero-order (`slow_release_duration_h`): read with its source,
    /// range-checked as a positive duration, and only with the slow depot it spreads.
    @Test func slowReleaseDurationIsReadCheckedAndNeedsItsDepot() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: { value: 300, source: \"label\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.releaseDurationHours == Sourced(300, "label"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: 0"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_release_duration_h: must be a finite number > 0 (a zero-order release needs a duration), found 0",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes("slow_release_duration_h: 300"))) == [
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_depot_fraction'",
            "lib.json5:6: error: drugs[0].routes.im: missing required key 'slow_absorption_rate_per_h'",
        ])
    }

    /// A zero-order release may keep a share to add at once (`slow_bolus_fraction`): read with its
    /// source and written back, range-checked as a fraction, and only beside the duration it splits.
    @Test func slowBolusFractionIsReadCheckedAndNeedsAZeroOrderRelease() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow
            + "slow_release_duration_h: 300, slow_bolus_fraction: { value: 0.6, source: \"label's shape\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.bolusFraction == Sourced(0.6, "label's shape"))
        #expect(DrugDefinitionWriter.libraryText([drug]).contains("slow_bolus_fraction: { value: 0.6, source: \"label's shape\" },"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_release_duration_h: 300, slow_bolus_fraction: 1.5"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_fraction: must be a finite number >= 0 and <= 1 (the share of the slow depot's input given as a bolus), found 1.5",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_fraction: 0.6"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_fraction: a bolus share splits a zero-order release: give slow_release_duration_h too",
        ])
    }

    /// A bolus share may be spread over its own duration (`slow_bolus_duration_h`): read with its
    /// source and written back, range-checked as a positive duration, and only beside the share.
    @Test func slowBolusDurationIsReadCheckedAndNeedsABolusShare() throws {
        let slow = "slow_depot_fraction: 0.9, slow_absorption_rate_per_h: 0.01, slow_release_duration_h: 300, "
        let text = Self.definition(replacing: "routes", with: Self.imRoutes(slow
            + "slow_bolus_fraction: 0.55, slow_bolus_duration_h: { value: 30, source: \"no step\" }"))
        let drug = try #require(try DrugLibraryFile.decode(text, file: "lib.json5", vocabulary: Self.builtInVocabulary).first)
        #expect(drug.routes[0].slowDepot?.bolusDurationHours == Sourced(30, "no step"))
        #expect(DrugDefinitionWriter.libraryText([drug]).contains("slow_bolus_duration_h: { value: 30, source: \"no step\" },"))
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_fraction: 0.55, slow_bolus_duration_h: -1"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_duration_h: must be a finite number > 0 (a spread bolus share needs a duration), found -1",
        ])
        #expect(Self.errors(Self.definition(replacing: "routes", with: Self.imRoutes(slow + "slow_bolus_duration_h: 30"))) == [
            "lib.json5:6: error: drugs[0].routes.im.slow_bolus_duration_h: a bolus duration spreads a bolus share: give slow_bolus_fraction too",
        ])
    }
}
