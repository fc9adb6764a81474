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

    public init(route: Route, bioavailability: Sourced, absorptionRatePerHour: Sourced,
                lagHours: Sourced = Sourced(0, "model assumption: no absorption lag reported")) {
        self.route = route
        self.bioavailability = bioavailability
        self.absorptionRatePerHour = absorptionRatePerHour
        self.lagHours = lagHours
    }

    /// Intravenous routes: complete bioavailability, no absorption phase.
    public static func intravenous(_ route: Route) -> RouteParameters {
        RouteParameters(
            route: route, bioavailability: Sourced(1, "definition: intravenous dose is fully available"),
            absorptionRatePerHour: Sourced(0, "not used for intravenous routes"),
            lagHours: Sourced(0, "not used for intravenous routes"))
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

    public init(metabolite: String, formationFraction: Sourced, firstPassFraction: Sourced) {
        self.metabolite = metabolite
        self.formationFraction = formationFraction
        self.firstPassFraction = firstPassFraction
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
        peripheral: PeripheralCompartment? = nil, effectSiteRatePerHour: Sourced,
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
        self.effectSiteRatePerHour = effectSiteRatePerHour
        self.fractionUnbound = fractionUnbound
        self.brainPartition = brainPartition
        self.bindings = bindings
        self.modulations = modulations
        self.metabolites = metabolites
    }

    /// The routes by which this drug can be given.
    public var supportedRoutes: [Route] { routes.map(\.route) }

    /// Elimination half-life ln 2 · V1 / CL of the central compartment, h (the terminal
    /// half-life for a one-compartment drug).
    public var eliminationHalfLifeHours: Double {
        0.6931471805599453 * centralVolumeLiters.value / clearanceLitersPerHour.value
    }
}
