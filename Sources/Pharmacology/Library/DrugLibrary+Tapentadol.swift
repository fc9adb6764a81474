// Tapentadol: a mu agonist that also inhibits noradrenaline reuptake (the second action is not
// modelled: its whole analgesia is put on mu through the brain partition).

extension DrugLibrary {
    static let tapentadol = Drug(
        id: "tapentadol", name: "tapentadol",
        molarMassGramsPerMole: .assumption(221.3, "C14H23NO base, computed from formula; doses are read as base"),
        routes: [
            RouteParameters(route: .oral, bioavailability: Sourced(0.32, "[M] absolute oral bioavailability about 32 % (extensive first pass; Nucynta label §12.3, recalled)"),
                            absorptionRatePerHour: Sourced(2.2, "[C] Tmax 1.25 h after immediate-release tablets (Nucynta label §12.3 [M])")),
            .intravenous(.ivBolus), .intravenous(.ivInfusion),
        ],
        centralVolumeLiters: Sourced(540, "[M] volume of distribution 540 ± 98 L after IV (Nucynta label §12.3, recalled); one compartment"),
        clearanceLitersPerHour: Sourced(91.8, "[M] total clearance 1530 ± 177 mL/min after IV (Nucynta label §12.3, recalled); t½ 4.1 h (label about 4 h)"),
        effectSiteRatePerHour: .assumption(1.5, "brain entry fast (analgesia within about 30 min of an oral dose)"),
        fractionUnbound: Sourced(0.8, "[M] plasma protein binding about 20 % (Nucynta label)"),
        brainPartition: Sourced(0.53, "[C] same fu·Kp/Ki × plasma AUC as oxycodone (Kp 0.23, Ki 25.87 nM, fu 0.55, F 0.87, CL 48 L/h) at the oral equianalgesic ratio tapentadol 100 mg : oxycodone 15 mg [M]; includes the noradrenergic share of analgesia"),
        bindings: [
            agonist(.mu, ki: Sourced(160, "[M] human MOR Ki 0.16 µM (Tzschentke et al. 2007 J Pharmacol Exp Ther 323:265, recalled)"),
                    efficacy: .assumption(0.8, "agonist, about 88 % of morphine's maximal GTPγS response (Tzschentke 2007 [M])"), bias: lowBias),
            agonist(.delta, ki: Sourced(970, "[M] rat delta Ki 0.97 µM (Tzschentke 2007, recalled)"), efficacy: .assumption(0.5, "weak"), bias: lowBias),
            agonist(.kappa, ki: Sourced(910, "[M] rat kappa Ki 0.91 µM (Tzschentke 2007, recalled)"), efficacy: .assumption(0.5, "weak"), bias: lowBias),
        ])
}
