/// Where everything lives in the flat state vector of a compiled scenario.
///
/// Order: per PK species (drug or metabolite) central, optional peripheral, optional deep
/// peripheral, effect site, then one depot per extravascular route used (two when the route has
/// a slow depot: fast, then slow); peptides; the two peptide feedback states; per
/// receptor free F, desensitized D, constitutive endosome I^c, agonist endosome I^a and
/// uncoupled fraction U; one bound state per (receptor, ligand) pair, grouped by receptor;
/// then the counter-adaptation pools (LC fast, slow; reward fast, slow), the LC extrinsic
/// drive G and, only when an NMDA blocker is dosed, the ketamine plasticity K_p
/// (Model2Design.md §2).
package struct ModelLayout: Sendable, Equatable {
    struct Depot: Sendable, Equatable {
        var species: Int
        var route: Route
        var state: Int
        /// True for the slow depot of a two-depot route.
        var slow = false

        /// How a dose of the route (`parameters`) reaches this depot: after the route's lag (the
        /// slow depot's own where it states one) and with its share of the dose. Read from the
        /// library each time, not kept in the layout: a parameter vector that moves them reuses
        /// the layout (`CompiledModel.withParameterValues`).
        func arrival(_ parameters: RouteParameters?, routeLag: Double) -> (delayHours: Double, share: Double) {
            let slowDepot = parameters?.slowDepot, slowShare = slowDepot?.fraction.value ?? 0
            return slow ? (slowDepot?.lagHours?.value ?? routeLag, slowShare) : (routeLag, 1 - slowShare)
        }
    }
    struct Pair: Sendable, Equatable {
        var receptor: Int
        var ligand: Int
        var state: Int
    }

    /// Library ids of the PK species: dosed drugs in order of appearance, then metabolites.
    package internal(set) var speciesIDs: [String] = []
    var speciesCentral: [Int] = []
    var speciesPeripheral: [Int] = []
    var speciesDeepPeripheral: [Int] = []
    var speciesEffect: [Int] = []
    var depots: [Depot] = []
    package internal(set) var peptideIDs: [String] = []
    var peptideStates: [Int] = []
    var endorphinSuppressionState = 0
    var dynorphinInductionState = 0
    package internal(set) var receptorKinds: [ReceptorKind] = []
    var receptorFree: [Int] = []
    var receptorDesensitized: [Int] = []
    var receptorInternal: [Int] = []
    var receptorAgonistInternal: [Int] = []
    var receptorUncoupled: [Int] = []
    /// Ligand ids: peptides first, then species.
    package internal(set) var ligandIDs: [String] = []
    var pairs: [Pair] = []
    var lcFast = 0, lcSlow = 0, rewardFast = 0, rewardSlow = 0, lcExtrinsic = 0
    /// −1 when no NMDA blocker is dosed.
    var ketaminePlasticity = -1
    package internal(set) var stateNames: [String] = []

    var dimension: Int { stateNames.count }

    /// Index of a ligand id among `ligandIDs`.
    func ligandIndex(_ id: String) -> Int? { ligandIDs.firstIndex(of: id) }

    /// Builds the layout of `scenario` over `library`.
    /// - Throws: `ModelError.unknownDrug`, `.unsupportedRoute`, `.invalidValue` for a library
    ///   without the mu receptor.
    static func make(scenario: Scenario, library: DrugLibrary) throws -> ModelLayout {
        var layout = ModelLayout()
        // Species: dosed drugs, then metabolites (transitively).
        var species: [String] = []
        var routesBySpecies: [String: [Route]] = [:]
        for dose in scenario.doses {
            guard let drug = library.drug(dose.drug) else { throw ModelError.unknownDrug(dose.drug) }
            guard drug.supportedRoutes.contains(dose.route) else {
                throw ModelError.unsupportedRoute(drug: drug.id, route: dose.route, supported: drug.supportedRoutes)
            }
            if !species.contains(drug.id) { species.append(drug.id) }
            if !routesBySpecies[drug.id, default: []].contains(dose.route) {
                routesBySpecies[drug.id, default: []].append(dose.route)
            }
        }
        var k = 0
        while k < species.count {
            guard let drug = library.drug(species[k]) else { throw ModelError.unknownDrug(species[k]) }
            for m in drug.metabolites where !species.contains(m.metabolite) {
                guard library.drug(m.metabolite) != nil else { throw ModelError.unknownDrug(m.metabolite) }
                species.append(m.metabolite)
            }
            k += 1
        }
        func newState(_ name: String) -> Int {
            layout.stateNames.append(name)
            return layout.stateNames.count - 1
        }
        layout.speciesIDs = species
        for (s, id) in species.enumerated() {
            let drug = library.drug(id)!
            layout.speciesCentral.append(newState(id + ".central_nmol"))
            layout.speciesPeripheral.append(drug.peripheral != nil ? newState(id + ".peripheral_nmol") : -1)
            layout.speciesDeepPeripheral.append(drug.deepPeripheral != nil ? newState(id + ".deep_peripheral_nmol") : -1)
            layout.speciesEffect.append(newState(id + ".effect_site_nM"))
            for route in routesBySpecies[id, default: []] where route != .ivBolus && route != .ivInfusion {
                layout.depots.append(Depot(species: s, route: route, state: newState(id + "." + route.rawValue + "_depot_nmol")))
                if drug.parameters(of: route)?.slowDepot != nil {
                    layout.depots.append(Depot(species: s, route: route, state: newState(id + "." + route.rawValue + "_slow_depot_nmol"),
                                               slow: true))
                }
            }
        }
        for peptide in library.peptides {
            layout.peptideIDs.append(peptide.id)
            layout.peptideStates.append(newState(peptide.id + "_nM"))
        }
        layout.endorphinSuppressionState = newState("endorphin_suppression")
        layout.dynorphinInductionState = newState("dynorphin_induction")
        // Receptors: mu, delta, kappa always; nmda when a dosed species targets it.
        let speciesDrugs = species.compactMap { library.drug($0) }
        let usesNMDA = speciesDrugs.contains { d in d.bindings.contains { $0.receptor == .nmda } }
        for kind in ReceptorKind.allCases where kind != .nmda || usesNMDA {
            guard library.receptor(kind) != nil else { continue }
            layout.receptorKinds.append(kind)
            let p = kind.rawValue
            layout.receptorFree.append(newState(p + ".free"))
            layout.receptorDesensitized.append(newState(p + ".desensitized"))
            layout.receptorInternal.append(newState(p + ".internalized_constitutive"))
            layout.receptorAgonistInternal.append(newState(p + ".internalized_agonist"))
            layout.receptorUncoupled.append(newState(p + ".uncoupled"))
        }
        // The peptide feedback and the observables are defined on mu signalling.
        guard layout.receptorKinds.contains(.mu) else {
            throw ModelError.invalidValue(path: "library.receptors", reason: "needs the parameters of the mu receptor")
        }
        layout.ligandIDs = layout.peptideIDs + species
        let ligandBindings: [[ReceptorBinding]] = library.peptides.map(\.bindings) + speciesDrugs.map(\.bindings)
        for (r, kind) in layout.receptorKinds.enumerated() {
            for (l, bindings) in ligandBindings.enumerated() where bindings.contains(where: { $0.receptor == kind }) {
                let state = newState(kind.rawValue + ".bound_" + layout.ligandIDs[l])
                layout.pairs.append(Pair(receptor: r, ligand: l, state: state))
            }
        }
        layout.lcFast = newState("lc.adaptation_fast")
        layout.lcSlow = newState("lc.adaptation_slow")
        layout.rewardFast = newState("reward.adaptation_fast")
        layout.rewardSlow = newState("reward.adaptation_slow")
        layout.lcExtrinsic = newState("lc.extrinsic_drive")
        if layout.receptorKinds.contains(.nmda) { layout.ketaminePlasticity = newState("ketamine_plasticity") }
        return layout
    }
}
