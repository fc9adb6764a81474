/// The signalling rules of model 2 (Model2Design.md §3, §4, §6), written once, generic over the
/// scalar: evaluated in `Double` by the right-hand side and the observables, in `Dual` seeded on
/// their few inputs for the Jacobian entries of the rule-driven states, and symbolically by the
/// SBML export. The mass-action part (PK, binding, trafficking) stays in `ReceptorSystem`.
///
/// Inputs are per-receptor aggregates the caller forms from the state (`Inputs`); the rules see
/// no state indices, so the same function serves every layout.
public struct SignallingRules: Sendable, Equatable {
    /// The values the rules read from the state. Q' is the coupled-capable efficacy-weighted
    /// amount c0 F + Σ ε β B without the uncoupling factor; the stimulus is (1 − U) Q'.
    public struct Inputs<T: ModelScalar> {
        public var muRaw: T, deltaRaw: T, kappaRaw: T
        public var muUncoupled: T, deltaUncoupled: T, kappaUncoupled: T
        /// Activation a_r = Σ ε (s_U + (1 − s_U) bias) B that drives uncoupling.
        public var muActivation: T, deltaActivation: T, kappaActivation: T
        /// Unblocked NMDA fraction N (1 without an NMDA blocker).
        public var nmdaAvailable: T
        /// A_LC = fast + slow pool, A_RW likewise.
        public var lcAdaptation: T, rewardAdaptation: T
        public var ketaminePlasticity: T

        @inlinable public init(muRaw: T, deltaRaw: T, kappaRaw: T, muUncoupled: T, deltaUncoupled: T,
                               kappaUncoupled: T, muActivation: T, deltaActivation: T, kappaActivation: T,
                               nmdaAvailable: T, lcAdaptation: T, rewardAdaptation: T, ketaminePlasticity: T) {
            self.muRaw = muRaw; self.deltaRaw = deltaRaw; self.kappaRaw = kappaRaw
            self.muUncoupled = muUncoupled; self.deltaUncoupled = deltaUncoupled; self.kappaUncoupled = kappaUncoupled
            self.muActivation = muActivation; self.deltaActivation = deltaActivation; self.kappaActivation = kappaActivation
            self.nmdaAvailable = nmdaAvailable
            self.lcAdaptation = lcAdaptation; self.rewardAdaptation = rewardAdaptation
            self.ketaminePlasticity = ketaminePlasticity
        }
    }

    /// The 13 inputs, numbered: their bits in `RuleMask` (which inputs each rule-driven row reads).
    public enum Seed {
        public static let muRaw = 0, deltaRaw = 1, kappaRaw = 2
        public static let muUncoupled = 3, deltaUncoupled = 4, kappaUncoupled = 5
        public static let muActivation = 6, deltaActivation = 7, kappaActivation = 8
        public static let nmdaAvailable = 9, lcAdaptation = 10, rewardAdaptation = 11, ketaminePlasticity = 12
        public static let count = 13

        /// The `Dual` gradient slot (0..<8) input `k` is seeded in. Inputs no rule-driven row
        /// reads together share a slot (a column colouring of the rule rows' sparsity, as in
        /// compressed Jacobian estimation): a row's slot then holds the derivative with respect
        /// to its one input of that slot, since the others do not reach it at all, so 13 inputs
        /// fit an 8-wide gradient with the same numbers as a 13-wide one. The activations and
        /// the ketamine plasticity share the mu stimulus's slot (they are read only by their
        /// own uncoupling row and by K_p's row, neither of which reads Q'_mu), the LC adaptation
        /// the delta stimulus's; `ruleSlotsAreAColouring` (tests) checks every `RuleMask` row.
        @inlinable @inline(__always) public static func slot(_ k: Int) -> Int {
            switch k {
            case muRaw, muActivation, deltaActivation, kappaActivation, ketaminePlasticity: return 0
            case muUncoupled: return 1
            case deltaRaw, lcAdaptation: return 2
            case deltaUncoupled: return 3
            case kappaRaw: return 4
            case kappaUncoupled: return 5
            case rewardAdaptation: return 6
            default: return 7   // nmdaAvailable
            }
        }
    }

    /// Circuit responses E_c (§3.2), the AC-path responses (§4.2) and the dopamine level (§6.1).
    public struct Circuits<T: ModelScalar> {
        public var reward: T, lc: T, kappa: T, delta: T
        public var rewardAC: T, lcAC: T
        /// Net mu disinhibition u = max(0, E_RW − A_RW).
        public var disinhibition: T
        /// DA = (d_0 + (1 − d_0) u)(1 − w_κ E_κ), absolute (not yet relative to control).
        public var dopamine: T

        @inlinable public init(reward: T, lc: T, kappa: T, delta: T, rewardAC: T, lcAC: T, disinhibition: T, dopamine: T) {
            self.reward = reward; self.lc = lc; self.kappa = kappa; self.delta = delta
            self.rewardAC = rewardAC; self.lcAC = lcAC; self.disinhibition = disinhibition; self.dopamine = dopamine
        }
    }

    /// Time derivatives and relaxation targets of the rule-driven states.
    public struct Drives<T: ModelScalar> {
        /// dU_r/dt (uncoupling onset and recovery).
        public var muUncoupling: T, deltaUncoupling: T, kappaUncoupling: T
        /// Targets of the pools: dA/dt = k (target − A).
        public var lcFastTarget: T, lcSlowTarget: T, rewardFastTarget: T, rewardSlowTarget: T
        /// Target of the LC extrinsic drive G.
        public var extrinsicTarget: T
        /// dK_p/dt.
        public var ketaminePlasticity: T
        /// Targets of the peptide feedback states X_e and X_d.
        public var endorphinSuppressionTarget: T, dynorphinInductionTarget: T

        @inlinable public init(muUncoupling: T, deltaUncoupling: T, kappaUncoupling: T, lcFastTarget: T, lcSlowTarget: T,
                               rewardFastTarget: T, rewardSlowTarget: T, extrinsicTarget: T, ketaminePlasticity: T,
                               endorphinSuppressionTarget: T, dynorphinInductionTarget: T) {
            self.muUncoupling = muUncoupling; self.deltaUncoupling = deltaUncoupling; self.kappaUncoupling = kappaUncoupling
            self.lcFastTarget = lcFastTarget; self.lcSlowTarget = lcSlowTarget
            self.rewardFastTarget = rewardFastTarget; self.rewardSlowTarget = rewardSlowTarget
            self.extrinsicTarget = extrinsicTarget; self.ketaminePlasticity = ketaminePlasticity
            self.endorphinSuppressionTarget = endorphinSuppressionTarget
            self.dynorphinInductionTarget = dynorphinInductionTarget
        }
    }

    // Constants (Model2Design.md §8; `Physiology` holds them with their sources).
    public var rewardCoupling: Double, lcCoupling: Double, deltaCoupling: Double, kappaCoupling: Double
    public var respirationCoupling: Double, respirationSlope: Double
    public var rewardACCoupling: Double, lcACCoupling: Double
    public var acOpposition: Double
    public var toneLossShare: Double, toneLossHalfAdaptation: Double
    public var deltaPotentiation: Double
    public var uncouplingOnsetRate: Double, uncouplingRecoveryRate: Double, uncouplingGain: Double
    public var fastGain: Double, slowGain: Double
    public var smoothingWidth: Double, uncouplingSmoothingWidth: Double, extrinsicSmoothingWidth: Double
    public var nmdaShare: Double
    public var extrinsicGain: Double
    public var ketamineOnsetRate: Double, ketamineDecayRate: Double
    public var dopamineFloor: Double, dopamineKappaInhibition: Double
    public var dynorphinDriveFromDopamine: Double, dynorphinDriveFromAdaptation: Double, dynorphinDriveFromStress: Double
    public var dysphoriaTonic: Double, dysphoriaKappaWeight: Double, dysphoriaStressWeight: Double
    public var dysphoriaPainWeight: Double, dysphoriaRejectionWeight: Double
    public var dysphoriaMuRelief: Double, dysphoriaKetamineRelief: Double

    // Set points: the drug-free **control** steady state (§1, §6.5), filled by `CompiledModel`.
    public var rewardSetPoint = 0.0, lcSetPoint = 0.0, rewardACSetPoint = 0.0, lcACSetPoint = 0.0
    public var dopamineSetPoint = 1.0
    public var muActivationSetPoint = 0.0, deltaActivationSetPoint = 0.0, kappaActivationSetPoint = 0.0
    /// False while the control steady state is found: every rule-driven state then relaxes to 0.
    public var enabled = true

    /// S / (1 + S).
    @inlinable @inline(__always) static func hyperbolic<T: ModelScalar>(_ s: T) -> T { s / (1.0 + s) }

    /// E_c, the AC-path responses and dopamine (§3.2, §4.2, §6.1).
    @inlinable @inline(__always) public func circuits<T: ModelScalar>(_ x: Inputs<T>) -> Circuits<T> {
        let muQ = (1.0 - x.muUncoupled) * x.muRaw
        let delta = Self.hyperbolic(deltaCoupling * ((1.0 - x.deltaUncoupled) * x.deltaRaw))
        let kappa = Self.hyperbolic(kappaCoupling * ((1.0 - x.kappaUncoupled) * x.kappaRaw))
        let potentiation = 1.0 + deltaPotentiation * delta
        let reward = Self.hyperbolic(rewardCoupling * muQ * potentiation)
        let lc = Self.hyperbolic(lcCoupling * muQ)
        let rewardAC = Self.hyperbolic(rewardACCoupling * x.muRaw * potentiation)
        let lcAC = Self.hyperbolic(lcACCoupling * x.muRaw)
        let u = T.positivePart(reward - x.rewardAdaptation)
        let dopamine = (dopamineFloor + (1 - dopamineFloor) * u) * (1.0 - dopamineKappaInhibition * kappa)
        return Circuits(reward: reward, lc: lc, kappa: kappa, delta: delta, rewardAC: rewardAC, lcAC: lcAC,
                        disinhibition: u, dopamine: dopamine)
    }

    /// Whether `circuits` reads the same constants in `other` (then it returns the same values).
    @inlinable public func sameCircuitConstants(_ other: SignallingRules) -> Bool {
        rewardCoupling == other.rewardCoupling && lcCoupling == other.lcCoupling && deltaCoupling == other.deltaCoupling
            && kappaCoupling == other.kappaCoupling && rewardACCoupling == other.rewardACCoupling
            && lcACCoupling == other.lcACCoupling && deltaPotentiation == other.deltaPotentiation
            && dopamineFloor == other.dopamineFloor && dopamineKappaInhibition == other.dopamineKappaInhibition
    }

    /// Respiratory response E_R = (κ_R Q_mu)^n / (1 + (κ_R Q_mu)^n) (§3.2): the circuit without reserve.
    @inlinable @inline(__always) public func respiration<T: ModelScalar>(_ x: Inputs<T>) -> T {
        let sn = T.power(respirationCoupling * ((1.0 - x.muUncoupled) * x.muRaw), respirationSlope)
        return sn / (1.0 + sn)
    }

    /// φ_N = (1 − s_N) + s_N N (§4.4).
    @inlinable @inline(__always) func nmdaFactor<T: ModelScalar>(_ n: T) -> T { (1 - nmdaShare) + nmdaShare * n }

    /// dU/dt = k_on g_U σ(a − a_0) φ_N (1 − U) − k_off U (§4.1), σ of width `uncouplingSmoothingWidth`.
    @inlinable @inline(__always) func uncoupling<T: ModelScalar>(_ a: T, _ a0: Double, _ u: T, phi: T, on: Double) -> T {
        on * uncouplingOnsetRate * uncouplingGain * T.smoothMax(a - a0, width: uncouplingSmoothingWidth) * phi * (1.0 - u)
            - uncouplingRecoveryRate * u
    }

    /// The drives of the rule-driven states (§4.1–§4.4, §6.4); `stress` is the current intensity.
    @inlinable @inline(__always) public func drives<T: ModelScalar>(_ x: Inputs<T>, circuits c: Circuits<T>, stress: T) -> Drives<T> {
        let w = smoothingWidth
        let on = enabled ? 1.0 : 0.0
        let phi = nmdaFactor(x.nmdaAvailable)
        let lcDrive = T.smoothMax(c.lcAC - lcACSetPoint, width: w)
        let rewardDrive = T.smoothMax(c.rewardAC - rewardACSetPoint, width: w)
        let opposing = lcOpposition(x.lcAdaptation, circuits: c) { T.smoothMax($0, width: w) }
        let rewardHeadroom = 1 - rewardSetPoint
        return Drives(
            muUncoupling: uncoupling(x.muActivation, muActivationSetPoint, x.muUncoupled, phi: phi, on: on),
            deltaUncoupling: uncoupling(x.deltaActivation, deltaActivationSetPoint, x.deltaUncoupled, phi: phi, on: on),
            kappaUncoupling: uncoupling(x.kappaActivation, kappaActivationSetPoint, x.kappaUncoupled, phi: phi, on: on),
            lcFastTarget: on * fastGain * lcDrive,
            lcSlowTarget: on * slowGain * lcDrive * phi,
            rewardFastTarget: on * fastGain * rewardDrive,
            rewardSlowTarget: on * slowGain * rewardDrive * phi,
            // ρ, not σ: A_LC − O_LC crosses 0 twice in every dose interval of a dependent subject,
            // and σ's kink there caused nearly all of the stiff solver's step rejections.
            extrinsicTarget: on * extrinsicGain * T.smoothRamp(x.lcAdaptation - opposing, width: extrinsicSmoothingWidth) * phi,
            ketaminePlasticity: on * ketamineOnsetRate * (1.0 - x.nmdaAvailable) * (1.0 - x.ketaminePlasticity)
                - ketamineDecayRate * x.ketaminePlasticity,
            endorphinSuppressionTarget: on * (c.reward - rewardSetPoint) / rewardHeadroom,
            dynorphinInductionTarget: on * (dynorphinDriveFromDopamine * T.smoothMax(c.dopamine / dopamineSetPoint - 1.0, width: 0.01)
                + dynorphinDriveFromAdaptation * x.rewardAdaptation + dynorphinDriveFromStress * stress))
    }

    /// What opposes the LC adaptation A in the signs (§4.3): the circuit output's inhibition
    /// above control, less (share `toneLossShare`) its loss below control scaled by
    /// A⁺/(A⁺ + a½), so a tolerant or blocked endogenous tone adds to the signs only in a
    /// dependent subject (B8, B27); or (share `acOpposition`) the AC-path inhibition (§4.2).
    /// `rectify` is max(0, ·): σ in the drives, the hard max in the observables.
    @inlinable @inline(__always) public func lcOpposition<T: ModelScalar>(
        _ adaptation: T, circuits c: Circuits<T>, rectify: (T) -> T) -> T {
        let a = T.positivePart(adaptation)
        let dependence = a / (a + toneLossHalfAdaptation)
        let output = rectify(c.lc - lcSetPoint) - toneLossShare * dependence * rectify(lcSetPoint - c.lc)
        return (1 - acOpposition) * output + acOpposition * rectify(c.lcAC - lcACSetPoint)
    }

    /// Dysphoria (§6.2): aversive drive (tonic, kappa, stress, pain, rejection) times the mu
    /// relief and the ketamine relief.
    @inlinable public func dysphoria<T: ModelScalar>(_ x: Inputs<T>, circuits c: Circuits<T>,
                                                     stress: T, pain: T, rejection: T) -> T {
        let aversive = dysphoriaTonic + dysphoriaKappaWeight * c.kappa
            + (dysphoriaStressWeight * stress + dysphoriaPainWeight * pain + dysphoriaRejectionWeight * rejection)
        return aversive * (1.0 - dysphoriaMuRelief * c.disinhibition) * (1.0 - dysphoriaKetamineRelief * x.ketaminePlasticity)
    }

    /// The constants of `physiology` (set points zero until `CompiledModel` fills them).
    init(physiology p: Physiology) {
        let ln2 = 0.6931471805599453
        rewardCoupling = p.rewardCoupling.value
        lcCoupling = p.lcCoupling.value
        deltaCoupling = p.deltaRewardCoupling.value
        kappaCoupling = p.kappaCoupling.value
        respirationCoupling = p.respirationCoupling.value
        respirationSlope = p.respirationSlope.value
        rewardACCoupling = p.rewardACCoupling.value
        lcACCoupling = p.lcACCoupling.value
        acOpposition = p.acOpposition.value
        toneLossShare = p.toneLossShare.value
        toneLossHalfAdaptation = p.toneLossHalfAdaptation.value
        deltaPotentiation = p.deltaPotentiation.value
        uncouplingOnsetRate = ln2 / p.uncouplingOnsetHalfLifeHours.value
        uncouplingRecoveryRate = ln2 / p.uncouplingRecoveryHalfLifeHours.value
        uncouplingGain = p.uncouplingGain.value
        fastGain = p.dependenceFastGain.value
        slowGain = p.dependenceSlowGain.value
        smoothingWidth = p.smoothingWidth.value
        uncouplingSmoothingWidth = p.uncouplingSmoothingWidth.value
        extrinsicSmoothingWidth = p.lcExtrinsicSmoothingWidth.value
        nmdaShare = p.nmdaShare.value
        extrinsicGain = p.lcExtrinsicGain.value
        ketamineOnsetRate = p.ketaminePlasticityOnsetRatePerHour.value
        ketamineDecayRate = ln2 / p.ketaminePlasticityHalfLifeHours.value
        dopamineFloor = p.dopamineFloor.value
        dopamineKappaInhibition = p.dopamineKappaInhibition.value
        dynorphinDriveFromDopamine = p.dynorphinDriveFromDopamine.value
        dynorphinDriveFromAdaptation = p.dynorphinDriveFromAdaptation.value
        dynorphinDriveFromStress = p.dynorphinDriveFromStress.value
        dysphoriaTonic = p.dysphoriaTonic.value
        dysphoriaKappaWeight = p.dysphoriaKappaWeight.value
        dysphoriaStressWeight = p.dysphoriaStressWeight.value
        dysphoriaPainWeight = p.dysphoriaPainWeight.value
        dysphoriaRejectionWeight = p.dysphoriaRejectionWeight.value
        dysphoriaMuRelief = p.dysphoriaMuRelief.value
        dysphoriaKetamineRelief = p.dysphoriaKetamineRelief.value
    }
}
