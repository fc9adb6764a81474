/// How one route delivers a drug: bioavailability, first-order absorption and lag.
///
/// For `ivBolus` and `ivInfusion` the dose enters the central compartment directly and
/// absorption rate and lag are ignored.
public struct RouteParameters: Sendable, Equatable {
    public var route: Route
    /// Fraction of the dose reaching the systemic circulation unchanged.
    public var bioavailability: Sourced
    /// First-order absorption rate constant ka, 1/h.
    public var absorptionRatePerHour: Sourced
    /// Delay between dose and start of absorption, h.
    public var lagHours: Sourced
    /// An optional second, slower absorption depot (for example buprenorphine retained in the
    /// oral mucosa after a sublingual dose): this fraction of each dose is absorbed with its own
    /// rate constant instead of `absorptionRatePerHour`. Bioavailability applies to both, and
    /// the lag too unless the slow depot states its own.
    public var slowDepot: SlowDepot?

    public init(route: Route, bioavailability: Sourced, absorptionRatePerHour: Sourced,
                lagHours: Sourced = Sourced(0, "model assumption: no absorption lag reported"),
                slowDepot: SlowDepot? = nil) {
        self.route = route
        self.bioavailability = bioavailability
        self.absorptionRatePerHour = absorptionRatePerHour
        self.lagHours = lagHours
        self.slowDepot = slowDepot
    }

    /// Intravenous routes: complete bioavailability, no absorption phase.
    public static func intravenous(_ route: Route) -> RouteParameters {
        RouteParameters(
            route: route, bioavailability: Sourced(1, "definition: intravenous dose is fully available"),
            absorptionRatePerHour: Sourced(0, "not used for intravenous routes"),
            lagHours: Sourced(0, "not used for intravenous routes"))
    }
}

/// The slow part of a two-depot absorption: a fraction of each dose absorbed at its own rate,
/// optionally after its own delay.
public struct SlowDepot: Sendable, Equatable {
    /// Fraction of the dose that enters the slow depot (the rest enters the fast depot).
    public var fraction: Sourced
    /// First-order absorption rate constant of the slow depot, 1/h.
    public var absorptionRatePerHour: Sourced
    /// Delay between dose and the start of this depot's release, h, in place of the route's lag
    /// (nil: the route's lag). A delayed-release share, such as the microspheres of an
    /// extended-release injection that release after an initial burst: a first-order depot
    /// releases fastest at once, so without it a second, later peak cannot be drawn.
    public var lagHours: Sourced?
    /// Zero-order release, h: the slow share enters its depot at a constant rate over this long
    /// from its lag instead of all at once (nil: all at once). Microspheres erode near zero-order.
    public var releaseDurationHours: Sourced?
    /// Share of a zero-order slow share added to its depot at its lag (at once, or over
    /// `bolusDurationHours`), the rest entering
    /// over `releaseDurationHours` (nil: none). A burst beside the erosion: a peak before a plateau.
    /// Read only with `releaseDurationHours` (the reader requires both).
    public var bolusFraction: Sourced?
    /// The bolus share enters at a constant rate over this long from the lag, h (nil: at once).
    /// Spread, its depot's output rises without a step. Read only with `bolusFraction`.
    public var bolusDurationHours: Sourced?

    public init(fraction: Sourced, absorptionRatePerHour: Sourced, lagHours: Sourced? = nil,
                releaseDurationHours: Sourced? = nil, bolusFraction: Sourced? = nil, bolusDurationHours: Sourced? = nil) {
        self.fraction = fraction
        self.absorptionRatePerHour = absorptionRatePerHour
        self.lagHours = lagHours
        self.releaseDurationHours = releaseDurationHours
        self.bolusFraction = bolusFraction
        self.bolusDurationHours = bolusDurationHours
    }
}

/// A peripheral distribution compartment.
public struct PeripheralCompartment: Sendable, Equatable {
    public var volumeLiters: Sourced
    public var intercompartmentalClearanceLitersPerHour: Sourced

    public init(volumeLiters: Sourced, intercompartmentalClearanceLitersPerHour: Sourced) {
        self.volumeLiters = volumeLiters
        self.intercompartmentalClearanceLitersPerHour = intercompartmentalClearanceLitersPerHour
    }
}

/// An active metabolite formed from a drug (molar basis).
public struct MetaboliteFormation: Sendable, Equatable {
    /// Library id of the metabolite (itself a `Drug` entry).
    public var metabolite: String
    /// Fraction of the parent's systemic clearance that forms the metabolite.
    public var formationFraction: Sourced
    /// Fraction of the non-bioavailable part of an absorbed extravascular dose converted to the
    /// metabolite on first pass (enters the metabolite's central compartment).
    public var firstPassFraction: Sourced
    /// Formation through CYP2D6: both fractions are those of a normal metabolizer, scaled by
    /// the subject's phenotype; nil when the pathway does not depend on CYP2D6.
    public var cyp2d6: CYP2D6Dependence?

    public init(metabolite: String, formationFraction: Sourced, firstPassFraction: Sourced,
                cyp2d6: CYP2D6Dependence? = nil) {
        self.metabolite = metabolite
        self.formationFraction = formationFraction
        self.firstPassFraction = firstPassFraction
        self.cyp2d6 = cyp2d6
    }
}

/// How a CYP2D6-formed metabolite's formation scales with the metabolizer phenotype, relative
/// to a normal metabolizer (1). The same factor scales that pathway's share of the parent's
/// clearance and first pass (`ReceptorSystem.cyp2d6ClearanceScale`, `cyp2d6Bioavailability`):
/// small for codeine and hydrocodone, most of dextromethorphan's.
public struct CYP2D6Dependence: Sendable, Equatable {
    public var poor: Sourced
    public var intermediate: Sourced
    public var ultrarapid: Sourced

    public init(poor: Sourced, intermediate: Sourced, ultrarapid: Sourced) {
        self.poor = poor
        self.intermediate = intermediate
        self.ultrarapid = ultrarapid
    }

    /// The formation factor for `phenotype` (1 for a normal metabolizer).
    public func factor(_ phenotype: CYP2D6Phenotype) -> Double {
        switch phenotype {
        case .poor: return poor.value
        case .intermediate: return intermediate.value
        case .normal: return 1
        case .ultrarapid: return ultrarapid.value
        }
    }
}

/// A drug or metabolite: pharmacokinetics plus its receptor interactions.
///
/// The model is data: a new drug is a new value of this type in the library, never new code.
public struct Drug: Sendable, Equatable {
    /// Library id, lower case with underscores (`"morphine"`, `"naltrexol_6beta"`).
    public var id: String
    public var name: String
    public var molarMassGramsPerMole: Sourced
    /// Dosing routes; empty for a metabolite that is never dosed itself.
    public var routes: [RouteParameters]
    public var centralVolumeLiters: Sourced
    public var clearanceLitersPerHour: Sourced
    public var peripheral: PeripheralCompartment?
    /// A second, slowly equilibrating (deep) peripheral compartment, for drugs whose published
    /// disposition is three-compartment; nil for one- and two-compartment drugs.
    public var deepPeripheral: PeripheralCompartment?
    /// Effect-site (brain) equilibration rate constant ke0, 1/h.
    public var effectSiteRatePerHour: Sourced
    /// Fraction unbound in plasma.
    public var fractionUnbound: Sourced
    /// Unbound brain-to-plasma partition Kp,uu (1 = free drug equilibrates fully).
    public var brainPartition: Sourced
    public var bindings: [ReceptorBinding]
    public var modulations: [AllostericModulation]
    public var metabolites: [MetaboliteFormation]

    public init(
        id: String, name: String, molarMassGramsPerMole: Sourced, routes: [RouteParameters],
        centralVolumeLiters: Sourced, clearanceLitersPerHour: Sourced,
        peripheral: PeripheralCompartment? = nil, deepPeripheral: PeripheralCompartment? = nil,
        effectSiteRatePerHour: Sourced,
        fractionUnbound: Sourced,
        brainPartition: Sourced = Sourced(1, "model assumption: free drug crosses the blood-brain barrier freely"),
        bindings: [ReceptorBinding], modulations: [AllostericModulation] = [],
        metabolites: [MetaboliteFormation] = []
    ) {
        self.id = id
        self.name = name
        self.molarMassGramsPerMole = molarMassGramsPerMole
        self.routes = routes
        self.centralVolumeLiters = centralVolumeLiters
        self.clearanceLitersPerHour = clearanceLitersPerHour
        self.peripheral = peripheral
        self.deepPeripheral = deepPeripheral
        self.effectSiteRatePerHour = effectSiteRatePerHour
        self.fractionUnbound = fractionUnbound
        self.brainPartition = brainPartition
        self.bindings = bindings
        self.modulations = modulations
        self.metabolites = metabolites
    }

    /// The routes by which this drug can be given.
    public var supportedRoutes: [Route] { routes.map(\.route) }
    /// The parameters of `route`, nil when the drug is not given that way.
    package func parameters(of route: Route) -> RouteParameters? { routes.first { $0.route == route } }

    /// Central elimination half-life ln 2 · V1 / CL, h: the half-life of elimination from the
    /// central compartment alone. It is the terminal half-life only for a one-compartment drug;
    /// see `terminalHalfLifeHours` for the half-life of the slowest disposition phase.
    public var eliminationHalfLifeHours: Double {
        EliminationHalfLife.hours(centralVolumeLiters: centralVolumeLiters.value,
                                  clearanceLitersPerHour: clearanceLitersPerHour.value)
    }

    /// Terminal (disposition) half-life ln 2 / λz, h, for a 70 kg subject: λz is the slowest
    /// eigenvalue of the linear system of the central and peripheral compartments with
    /// elimination (absorption and metabolite formation excluded, so a flip-flop absorption or
    /// a slow depot can make the observed terminal phase after extravascular dosing longer).
    /// - Complexity: O(1) (a cubic at most, solved by bisection on its bracketing interval).
    public var terminalHalfLifeHours: Double {
        let v1 = centralVolumeLiters.value, k10 = clearanceLitersPerHour.value / v1
        var rates: [(k1p: Double, kp1: Double)] = []
        for p in [peripheral, deepPeripheral].compactMap({ $0 }) {
            let q = p.intercompartmentalClearanceLitersPerHour.value
            rates.append((q / v1, q / p.volumeLiters.value))
        }
        // Eigenvalues λ of the mammillary system solve
        // f(λ) = (k10 − λ) + Σ k1p (1 − kp1 / (kp1 − λ)) = 0; the slowest lies in (0, min kp1).
        func f(_ lambda: Double) -> Double {
            var value = k10 - lambda
            for r in rates { value += r.k1p * (1 - r.kp1 / (r.kp1 - lambda)) }
            return value
        }
        guard k10 > 0 else { return .infinity }
        if rates.isEmpty { return 0.6931471805599453 / k10 }
        // f(0) = k10 > 0, f decreases on (0, min kp1) towards −∞, and f(k10) ≤ 0: bisection on
        // (0, min(k10, min kp1)) finds the unique root there, the slowest eigenvalue.
        var low = 0.0
        var high = min(k10, rates.map(\.kp1).min()!) * (1 - 1e-12)
        if f(high) > 0 { return 0.6931471805599453 / high }
        for _ in 0..<200 {
            let mid = 0.5 * (low + high)
            if f(mid) > 0 { low = mid } else { high = mid }
        }
        return 0.6931471805599453 / (0.5 * (low + high))
    }
}
