#!/usr/bin/env python3
"""Model 2 reference prototype (issue #15): pharmacodynamics with receptor reserve, tolerance
and dependence apart, dysphoria as its own channel, dopamine, respiration and withdrawal signs.

A design tool and, later, a peer for checking the Swift implementation (like the other scripts in
Benchmarks/peers). Never used by the product. The equations and every parameter are documented in
Sources/Pharmacology/Pharmacology.docc/Model2Design.md (section numbers below refer to it).

    python3 Benchmarks/peers/model2_reference.py            # behaviour table B1-B33 (about 1-2 min)
    python3 Benchmarks/peers/model2_reference.py --only B12 B9   # selected rows
    python3 Benchmarks/peers/model2_reference.py --csv out.csv   # also write the table as CSV

Units: time h, concentrations nM, doses mg, receptor amounts as fractions of the healthy control
total (1 per receptor type). Pharmacokinetics is model 1's, taken from `receptor-sim drugs NAME`
(simplified where noted: no metabolites except as stated; buprenorphine and naltrexone get the
slow phases model 2 adds, section 9).
"""
import argparse
import math
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp

LN2 = math.log(2.0)

# ----------------------------------------------------------------------------------------------
# Parameters (section 8 of Model2Design.md lists value, unit and source of each)
# ----------------------------------------------------------------------------------------------

RECEPTORS = ("mu", "delta", "kappa")

# Trafficking (model 1, Parameters.md), per receptor.
TRAFFIC = dict(
    turnover_half_life_h=48.0, internal_fraction=0.1, recycling_half_life_h=0.75,
    desensitization_rate_per_h=4.0, resensitization_half_life_h=0.12,
    arrestin_internalization_rate_per_h=1.0,
)
# Model 2 changes (section 5): post-endocytic sorting of agonist-internalized receptors and the
# chaperone protection of antagonist-bound receptors from constitutive endocytosis.
AGONIST_DEGRADED_FRACTION = dict(mu=0.15, delta=0.15, kappa=0.0)   # per cycle, model assumption
CHAPERONE_ENDOCYTOSIS_FACTOR = dict(mu=0.2, delta=0.6, kappa=1.0)  # chi_r, model assumption
CONSTITUTIVE = dict(mu=0.01, delta=0.01, kappa=0.01)              # c0 (model 1)

# Long-term uncoupling (receptor-level tolerance, section 4.1).
UNCOUPLING = dict(onset_half_life_h=26.0, recovery_half_life_h=96.0, gain=2.5,
                  arrestin_independent_share=0.5)
NMDA_SHARE = 0.5            # share of slow adaptation and uncoupling that needs NMDA activity

# Circuits (section 3): coupling kappa_c (transducer ratio of a full agonist on all baseline
# receptors) and transducer slope n_c.
CIRCUITS = dict(
    reward=dict(coupling=12.0, slope=1.0),
    lc=dict(coupling=12.0, slope=1.0),
    respiration=dict(coupling=2.0, slope=4.0),
    delta_reward=dict(coupling=3.0, slope=1.0),
    kappa=dict(coupling=4.0, slope=1.0),
)
DELTA_POTENTIATION = 0.5          # w_delta: E_delta multiplies mu stimulus by (1 + w E_delta)
DA_FLOOR = 0.35                   # dopamine release with no mu disinhibition, relative
KAPPA_DA_INHIBITION = 0.6         # w_kappa: terminal inhibition by kappa

# Dependence (section 4.2): two pools per circuit (lc, reward).
DEP = dict(fast_half_life_h=30.0, fast_gain=0.55, slow_half_life_h=168.0, slow_gain=0.45,
           softplus_width=0.002)

# Dysphoria (section 6).
DYS = dict(tonic=0.20, kappa_weight=0.6, relief=0.8, stress=0.5, pain=0.6, rejection=0.8,
           ketamine_relief=0.5)
LC_EXTRINSIC = dict(gain=1.0, half_life_h=12.0)
KETAMINE_PLASTICITY = dict(onset_rate_per_h=1.0, half_life_h=72.0)

# Peptides (model 1) and feedback.
PEPTIDES = dict(
    endorphin=dict(baseline=0.1, half_life_h=1.55, gains=dict(stress=0.5, exercise=1.5, social=0.6, pain=1.0, rejection=0.0),
                   bind=dict(mu=(1.5, 40.0, 1.0, 1.0), delta=(1.5, 40.0, 1.0, 1.0))),
    enkephalin=dict(baseline=0.3, half_life_h=0.03, gains=dict(stress=0.3, exercise=0.3, social=0.0, pain=0.5, rejection=0.0),
                    bind=dict(mu=(5.0, 40.0, 1.0, 1.0), delta=(1.0, 40.0, 1.0, 1.0))),
    dynorphin=dict(baseline=0.05, half_life_h=0.1, gains=dict(stress=2.0, exercise=0.0, social=0.0, pain=0.3, rejection=1.0),
                   bind=dict(kappa=(0.3, 40.0, 1.0, 1.0))),
)
FEEDBACK = dict(endorphin_suppression_gain=0.7, endorphin_suppression_half_life_h=48.0,
                dynorphin_induction_gain=0.8, dynorphin_induction_half_life_h=72.0,
                dynorphin_drive_from_dopamine=1.0, dynorphin_drive_from_adaptation=3.0, dynorphin_drive_from_stress=0.3)
DEFICIT = dict(release_factor=0.5, receptor_synthesis_factor=1.15)
COWS = dict(scale=48.0, half_index=0.25)   # COWS = 48 (1 - exp(-ln2 WI / half_index)), section 7

# Drugs: model 1 library values (receptor-sim drugs NAME), bindings (Ki nM, kon /nM/h, efficacy,
# arrestin bias); efficacy None = neutral antagonist. Model-2 changes are marked.
DRUGS = dict(
    morphine=dict(M=285.34, V1=276.0, CL=95.0, ke0=0.25, fu=0.62, kp=0.03,
                  routes=dict(oral=(0.24, 3.4), iv=None), metabolite=("m6g", 0.0755, 0.0755),
                  bind=dict(mu=(1.2, 40.0, 0.93, 0.1), delta=(250.0, 40.0, 0.9, 0.1), kappa=(80.0, 40.0, 0.5, 0.1))),
    # morphine-6-glucuronide (model 1): systemic formation fm of morphine clearance and first-pass
    # formation of the non-bioavailable oral fraction (molar).
    m6g=dict(M=461.5, V1=13.2, CL=9.4, ke0=0.108, fu=0.67, kp=0.0009, routes=dict(),
             bind=dict(mu=(0.6, 40.0, 0.78, 0.1))),
    fentanyl=dict(M=336.4, V1=25.1, CL=75.6, Q=136.0, V2=164.0, ke0=10.8, fu=0.16, kp=1.0,
                  routes=dict(iv=None),
                  bind=dict(mu=(0.351, 44.0, 1.0, 1.0), delta=(150.0, 40.0, 1.0, 1.0), kappa=(200.0, 40.0, 1.0, 1.0))),
    methadone=dict(M=309.4, V1=280.0, CL=7.8, ke0=0.5, fu=0.12, kp=1.0,
                   routes=dict(oral=(0.79, 0.6)),
                   bind=dict(mu=(120.0, 40.0, 1.0, 0.4), delta=(400.0, 40.0, 1.0, 0.4))),
    # Model 2: SL buprenorphine gets a deep compartment (terminal t1/2 ~ 30 h, label 24-42 h)
    # and efficacy 0.30 (respiratory ceiling, Dahan 2005); see Model2Design.md section 9.
    buprenorphine=dict(M=467.6, V1=250.0, CL=60.0, Q=120.0, V2=300.0, Q3=12.0, V3=1500.0, ke0=0.24, fu=0.04, kp=1.0,
                       routes=dict(sublingual=(0.29, 0.7), iv=None),
                       bind=dict(mu=(0.088, 11.7, 0.30, 0.0), delta=(1.15, 40.0, None, 0.0), kappa=(0.072, 40.0, None, 0.0))),
    naloxone=dict(M=327.3, V1=34.44, CL=230.4, Q=120.0, V2=152.3, ke0=6.39, fu=0.54, kp=1.0,
                  routes=dict(iv=None, im=(0.626, 18.6), intranasal=(0.256, 9.6)),
                  bind=dict(mu=(0.586, 243.0, None, 0.0), delta=(10.6, 243.0, None, 0.0), kappa=(4.8, 243.0, None, 0.0))),
    # Model 2: naltrexone gets a slow terminal phase (96 h, pharmacology.md section 3 / Lee 1988
    # blockade half-time 72-108 h) and 6beta-naltrexol is treated as peripheral (Yancey-Wrona 2011),
    # so it is omitted here.
    naltrexone=dict(M=341.4, V1=60.0, CL=210.0, Q=100.0, V2=164.0, Q3=1.2, V3=1200.0, ke0=1.0, fu=0.79, kp=1.0,
                    routes=dict(oral=(0.05, 2.0)),
                    bind=dict(mu=(0.2, 40.0, None, 0.0), delta=(15.8, 40.0, None, 0.0), kappa=(0.4, 40.0, None, 0.0))),
    nalfurafine=dict(M=476.6, V1=400.0, CL=20.0, ke0=2.0, fu=0.1, kp=1.0,
                     routes=dict(oral=(0.5, 2.0)),
                     bind=dict(kappa=(0.1, 40.0, 1.0, 1.0), mu=(3.0, 40.0, 0.5, 0.5))),
    aticaprant=dict(M=426.5, V1=500.0, CL=20.0, ke0=2.0, fu=0.05, kp=1.0,
                    routes=dict(oral=(0.6, 1.5)),
                    bind=dict(kappa=(0.8, 40.0, None, 0.0), mu=(10.0, 40.0, None, 0.0))),
    ketamine=dict(M=237.7, V1=252.0, CL=79.0, ke0=13.9, fu=0.7, kp=1.0,
                  routes=dict(iv=None, oral=(0.17, 6.3)),
                  bind=dict(), nmda_ki=500.0),
)
DYNORPHIN_NMDA_KI = 5000.0   # nM, model assumption (block at micromolar, seed 004; Model.md: inert)


def pk_rates(d):
    k10 = d["CL"] / d["V1"]
    k12 = d.get("Q", 0.0) / d["V1"]
    k21 = d.get("Q", 0.0) / d["V2"] if "V2" in d else 0.0
    k13 = d.get("Q3", 0.0) / d["V1"]
    k31 = d.get("Q3", 0.0) / d["V3"] if "V3" in d else 0.0
    return k10, k12, k21, k13, k31


class Model:
    """Compiled layout for one scenario: drugs present, phenotype, overrides."""

    def __init__(self, drugs, phenotype="control", over=None):
        self.over = over or {}
        self.drugs = list(drugs)
        for name in list(self.drugs):
            met = DRUGS[name].get("metabolite")
            if met and met[0] not in self.drugs:
                self.drugs.append(met[0])
        self.deficit = phenotype == "deficit"
        idx = 0
        self.pk = {}
        for name in self.drugs:
            d = DRUGS[name]
            s = dict(central=idx, depots={})
            idx += 1
            if "V2" in d:
                s["per"] = idx; idx += 1
            if "V3" in d:
                s["deep"] = idx; idx += 1
            s["eff"] = idx; idx += 1
            for route, spec in d["routes"].items():
                if spec is not None:
                    s["depots"][route] = idx; idx += 1
            self.pk[name] = s
        self.pep = {}
        for q in PEPTIDES:
            self.pep[q] = idx; idx += 1
        self.Xe = idx; idx += 1
        self.Xd = idx; idx += 1
        # ligands per receptor: (name, kind, Ki, kon, eff, bias)
        self.rec = {}
        for r in RECEPTORS:
            st = dict(F=idx, Ds=idx + 1, Ic=idx + 2, Ia=idx + 3, U=idx + 4)
            idx += 5
            ligs = []
            for q, p in PEPTIDES.items():
                if r in p["bind"]:
                    ligs.append((q, "pep") + p["bind"][r])
            for name in self.drugs:
                b = DRUGS[name]["bind"]
                if r in b:
                    ki, kon, eff, bias = b[r]
                    eff = self.over.get(f"{name}.{r}.efficacy", eff)
                    ligs.append((name, "drug", ki, kon, eff, bias))
            st["ligands"] = []
            for lig in ligs:
                st["ligands"].append(lig + (idx,))
                idx += 1
            self.rec[r] = st
        self.A = {}
        for c in ("lc", "reward"):
            self.A[c] = (idx, idx + 1); idx += 2
        self.Kp = idx; idx += 1
        self.G = idx; idx += 1
        self.n = idx
        self.stim = dict(stress=0.0, exercise=0.0, social=0.0, pain=0.0, rejection=0.0)
        self.infusion = {name: 0.0 for name in self.drugs}
        self._setup_traffic()
        self.E0 = None
        self.y0 = self.steady_state()

    def p(self, key, default):
        return self.over.get(key, default)

    def _setup_traffic(self):
        t = TRAFFIC
        self.k = {}
        for r in RECEPTORS:
            kturn = LN2 / t["turnover_half_life_h"]
            phi = t["internal_fraction"]
            krec = LN2 / t["recycling_half_life_h"]
            kdeg = kturn / phi
            kendo = phi / (1 - phi) * (krec + kdeg)
            fdeg = self.p(f"{r}.agonist_degraded_fraction", AGONIST_DEGRADED_FRACTION[r])
            # agonist endosome: recycle at krec, degrade so that fdeg of each cycle is lost
            kdeg_a = krec * fdeg / max(1e-12, 1 - fdeg) if fdeg < 1 else 50.0
            syn = kturn * (DEFICIT["receptor_synthesis_factor"] if self.deficit else 1.0)
            self.k[r] = dict(syn=syn, endo=kendo, rec=krec, deg=kdeg, deg_a=kdeg_a,
                             des=t["desensitization_rate_per_h"], rsn=LN2 / t["resensitization_half_life_h"],
                             arr=t["arrestin_internalization_rate_per_h"],
                             chi=self.p(f"{r}.chaperone_endocytosis_factor", CHAPERONE_ENDOCYTOSIS_FACTOR[r]))

    # --- algebraic parts -------------------------------------------------------------------
    def conc(self, y, name, kind):
        if kind == "pep":
            return y[self.pep[name]]
        d = DRUGS[name]
        return d["fu"] * d["kp"] * y[self.pk[name]["eff"]]

    def nmda_available(self, y):
        block = 0.0
        for name in self.drugs:
            ki = DRUGS[name].get("nmda_ki")
            if ki:
                c = self.conc(y, name, "drug")
                block += c / ki
        block += y[self.pep["dynorphin"]] / DYNORPHIN_NMDA_KI
        return 1.0 / (1.0 + block)   # unblocked fraction (competitive block, equilibrium)

    def raw_stimulus(self, y, r):
        st = self.rec[r]
        s = CONSTITUTIVE[r] * y[st["F"]]
        for (_, _, _, _, eff, _, i) in st["ligands"]:
            if eff is not None:
                s += eff * y[i]
        return (1.0 - y[st["U"]]) * s

    @staticmethod
    def transduce(S, n):
        if n == 1.0:
            return S / (1.0 + S)
        Sn = max(S, 0.0) ** n
        return Sn / (1.0 + Sn)

    def signals(self, y):
        """Circuit responses E_c (section 3)."""
        mu = self.raw_stimulus(y, "mu")
        de = self.raw_stimulus(y, "delta")
        ka = self.raw_stimulus(y, "kappa")
        C = CIRCUITS
        Ed = self.transduce(self.p("delta_reward.coupling", C["delta_reward"]["coupling"]) * de, 1.0)
        Ek = self.transduce(self.p("kappa.coupling", C["kappa"]["coupling"]) * ka, 1.0)
        Srw = self.p("reward.coupling", C["reward"]["coupling"]) * mu * (1 + DELTA_POTENTIATION * Ed)
        Erw = self.transduce(Srw, 1.0)
        Elc = self.transduce(self.p("lc.coupling", C["lc"]["coupling"]) * mu, 1.0)
        Ers = self.transduce(self.p("respiration.coupling", C["respiration"]["coupling"]) * mu,
                             self.p("respiration.slope", C["respiration"]["slope"]))
        return dict(reward=Erw, lc=Elc, resp=Ers, delta=Ed, kappa=Ek, mu_stim=mu)

    @staticmethod
    def softplus(x, w):
        z = x / w
        return w * (z if z > 30 else math.log1p(math.exp(z)))

    # --- right-hand side -------------------------------------------------------------------
    def rhs(self, t, y):
        dy = np.zeros(self.n)
        # PK
        for name in self.drugs:
            d = DRUGS[name]
            s = self.pk[name]
            k10, k12, k21, k13, k31 = pk_rates(d)
            ac = y[s["central"]]
            dc = self.infusion[name] - (k10 + k12 + k13) * ac
            if "per" in s:
                dc += k21 * y[s["per"]]
                dy[s["per"]] = k12 * ac - k21 * y[s["per"]]
            if "deep" in s:
                dc += k31 * y[s["deep"]]
                dy[s["deep"]] = k13 * ac - k31 * y[s["deep"]]
            met = d.get("metabolite")
            for route, di in s["depots"].items():
                F, ka = d["routes"][route]
                flux = ka * y[di]
                dy[di] = -flux
                dc += F * flux
                if met:
                    dy[self.pk[met[0]]["central"]] += met[2] * (1 - F) * flux
            if met:
                dy[self.pk[met[0]]["central"]] += met[1] * k10 * ac
            dy[s["central"]] += dc
            dy[s["eff"]] = d["ke0"] * (ac / d["V1"] - y[s["eff"]])
        sig = self.signals(y)
        E0 = self.E0 if self.E0 is not None else sig
        N = self.nmda_available(y)
        nmda_factor = (1 - NMDA_SHARE) + NMDA_SHARE * N
        # Dopamine for the dynorphin loop
        da = self.dopamine(y, sig)
        da0 = self.da0 if self.E0 is not None else da
        # Peptides
        for q, p in PEPTIDES.items():
            basal = 1.0
            if self.deficit and q in ("endorphin", "enkephalin"):
                basal = DEFICIT["release_factor"]
            drive = basal + sum(p["gains"][k] * self.stim[k] for k in p["gains"])
            fb = 1.0
            if q == "endorphin":
                fb = math.exp(-FEEDBACK["endorphin_suppression_gain"] * y[self.Xe])
            if q == "dynorphin":
                fb = math.exp(FEEDBACK["dynorphin_induction_gain"] * y[self.Xd])
            kcl = LN2 / p["half_life_h"]
            dy[self.pep[q]] = kcl * (p["baseline"] * drive * fb - y[self.pep[q]])
        kXe = LN2 / FEEDBACK["endorphin_suppression_half_life_h"]
        kXd = LN2 / FEEDBACK["dynorphin_induction_half_life_h"]
        dy[self.Xe] = kXe * ((sig["reward"] - E0["reward"]) / max(1e-9, 1 - E0["reward"]) - y[self.Xe])
        j_f, j_s = self.A["reward"]
        dy[self.Xd] = kXd * (FEEDBACK["dynorphin_drive_from_dopamine"] * self.softplus(da / da0 - 1, 0.01)
                             + FEEDBACK["dynorphin_drive_from_adaptation"] * (y[j_f] + y[j_s])
                             + FEEDBACK["dynorphin_drive_from_stress"] * self.stim["stress"] - y[self.Xd])
        # Receptors
        U = UNCOUPLING
        self._act = {}
        for r in RECEPTORS:
            st = self.rec[r]
            k = self.k[r]
            F, Ds, Ic, Ia, Uu = (y[st[x]] for x in ("F", "Ds", "Ic", "Ia", "U"))
            dF = k["syn"] - k["endo"] * F + k["rsn"] * Ds + k["rec"] * (Ic + Ia)
            dDs = -(k["rsn"] + k["arr"]) * Ds
            dIc = k["endo"] * F - (k["rec"] + k["deg"]) * Ic
            dIa = k["arr"] * Ds - (k["rec"] + k["deg_a"]) * Ia
            act = 0.0
            for (name, kind, ki, kon, eff, bias, i) in st["ligands"]:
                c = self.conc(y, name, kind)
                B = y[i]
                v = kon * c * F - kon * ki * B
                dF -= v
                dB = v
                if eff is None:   # antagonist: chaperone (less constitutive endocytosis)
                    out = k["chi"] * k["endo"] * B
                    dB -= out
                    dIc += out
                else:
                    des = k["des"] * bias * B
                    endo = k["endo"] * B
                    dB -= des + endo
                    dDs += des
                    dIc += endo
                    act += eff * (U["arrestin_independent_share"] + (1 - U["arrestin_independent_share"]) * bias) * B
                dy[i] = dB
            dy[st["F"]] = dF; dy[st["Ds"]] = dDs; dy[st["Ic"]] = dIc; dy[st["Ia"]] = dIa
            kon_u = LN2 / self.p("uncoupling.onset_half_life_h", U["onset_half_life_h"])
            koff_u = LN2 / self.p("uncoupling.recovery_half_life_h", U["recovery_half_life_h"])
            gain = self.p("uncoupling.gain", U["gain"])
            a0 = self.act0[r] if self.E0 is not None else act
            excess = self.softplus(act - a0, 0.002) - self.softplus(0.0, 0.002)
            dy[st["U"]] = kon_u * gain * excess * nmda_factor * (1 - Uu) - koff_u * Uu
            self._act[r] = act
        # Dependence pools
        w = DEP["softplus_width"]
        for c, key in (("lc", "lc"), ("reward", "reward")):
            i_f, i_s = self.A[c]
            drive = self.softplus(sig[key] - E0[key], w) - self.softplus(0.0, w)
            kf = LN2 / self.p("dep.fast_half_life_h", DEP["fast_half_life_h"])
            ks = LN2 / self.p("dep.slow_half_life_h", DEP["slow_half_life_h"])
            dy[i_f] = kf * (self.p("dep.fast_gain", DEP["fast_gain"]) * drive - y[i_f])
            dy[i_s] = ks * (self.p("dep.slow_gain", DEP["slow_gain"]) * drive * nmda_factor - y[i_s])
        # Extrinsic glutamatergic (PGi) drive of the LC that follows intrinsic signs (section 4.3)
        i_f, i_s = self.A["lc"]
        intrinsic = self.softplus(y[i_f] + y[i_s] - self.softplus(sig["lc"] - E0["lc"], w), w) - self.softplus(0.0, w) if self.E0 is not None else 0.0
        dy[self.G] = LN2 / self.p("lc.extrinsic_half_life_h", LC_EXTRINSIC["half_life_h"]) * (
            LC_EXTRINSIC["gain"] * intrinsic * nmda_factor - y[self.G])
        # Ketamine plasticity
        kp = KETAMINE_PLASTICITY
        dy[self.Kp] = kp["onset_rate_per_h"] * (1 - N) * (1 - y[self.Kp]) - LN2 / kp["half_life_h"] * y[self.Kp]
        return dy

    def dopamine(self, y, sig):
        i_f, i_s = self.A["reward"]
        u = max(0.0, sig["reward"] - (y[i_f] + y[i_s]))
        return (DA_FLOOR + (1 - DA_FLOOR) * u) * (1 - KAPPA_DA_INHIBITION * sig["kappa"])

    # --- steady state ----------------------------------------------------------------------
    def steady_state(self):
        y = np.zeros(self.n)
        for r in RECEPTORS:
            y[self.rec[r]["F"]] = 0.9
            y[self.rec[r]["Ic"]] = 0.1
        for q, p in PEPTIDES.items():
            y[self.pep[q]] = p["baseline"] * (DEFICIT["release_factor"] if self.deficit and q != "dynorphin" else 1.0)
        # pre-equilibrate with adaptation pinned at zero drive (E0 = current signals), then
        # set E0 from the control phenotype so the deficit phenotype is measured against control.
        self.E0 = None   # drives measured from the current signals: adaptation and feedback stay 0
        if self.deficit:
            ctrl = Model([], "control", self.over)
            for r in RECEPTORS:   # control synthesis, times the phenotype factor
                self.k[r]["syn"] = ctrl.k[r]["syn"] * DEFICIT["receptor_synthesis_factor"]
        for it in range(4 if not self.deficit else 1):
            sol = solve_ivp(self.rhs, (0, 3000.0), y, method="BDF", rtol=1e-10, atol=1e-13)
            y = sol.y[:, -1]
            if self.deficit:
                break
            for r in RECEPTORS:   # k_syn so that the control total is exactly 1 (model 1 rule)
                st = self.rec[r]
                tot = y[st["F"]] + y[st["Ds"]] + y[st["Ic"]] + y[st["Ia"]] + sum(y[l[-1]] for l in st["ligands"])
                self.k[r]["syn"] /= tot
        self.rhs(0, y)
        self.act0 = dict(self._act)
        if self.deficit:
            self.act0 = ctrl.act0
            self.E0 = ctrl.E0
            self.da0 = ctrl.da0
        else:
            self.E0 = self.signals(y)
            self.da0 = self.dopamine(y, self.E0)
        sol = solve_ivp(self.rhs, (0, 4000.0), y, method="BDF", rtol=1e-9, atol=1e-12)
        return sol.y[:, -1]

    # --- observables (section 7) ------------------------------------------------------------
    def observe(self, y):
        sig = self.signals(y)
        E0 = self.E0
        o = {}
        i_f, i_s = self.A["lc"]
        A_lc = y[i_f] + y[i_s]
        signs = max(0.0, A_lc - max(0.0, sig["lc"] - E0["lc"])) + max(0.0, y[self.G])
        j_f, j_s = self.A["reward"]
        A_rw = y[j_f] + y[j_s]
        signs_rw = max(0.0, A_rw - max(0.0, sig["reward"] - E0["reward"]))
        o["withdrawal_signs"] = signs
        o["A_slow_lc"] = y[i_s]
        da = self.dopamine(y, sig)
        o["dopamine_tone"] = da / self.da0
        o["respiratory_drive"] = (1 - sig["resp"]) / (1 - E0["resp"])
        # dysphoria
        u = max(0.0, sig["reward"] - A_rw)
        aversive = (DYS["tonic"] + DYS["kappa_weight"] * sig["kappa"] + DYS["stress"] * self.stim["stress"]
                    + DYS["pain"] * self.stim["pain"] + DYS["rejection"] * self.stim["rejection"])
        relief = DYS["relief"] * u
        dys = aversive * (1 - relief) * (1 - DYS["ketamine_relief"] * y[self.Kp])
        o["dysphoria"] = dys
        o["hedonic_tone"] = o["dopamine_tone"] - dys
        wi = signs + 0.5 * signs_rw
        o["withdrawal_index"] = wi
        o["cows"] = COWS["scale"] * (1 - math.exp(-LN2 * wi / COWS["half_index"]))
        # receptors
        for r in RECEPTORS:
            st = self.rec[r]
            surf = y[st["F"]] + y[st["Ds"]] + sum(y[l[-1]] for l in st["ligands"])
            drug = sum(y[l[-1]] for l in st["ligands"] if l[1] == "drug")
            o[f"{r}_surface_rel"] = surf
            o[f"{r}_total_rel"] = surf + y[st["Ic"]] + y[st["Ia"]]
            o[f"{r}_occupancy_drug"] = drug / surf
            S0 = self.S0[r] if hasattr(self, "S0") else surf
            o[f"{r}_pet_occupancy"] = 1 - (surf - drug) / S0
            o[f"{r}_uncoupled"] = y[st["U"]]
        # tolerance index: probe (morphine Ki, efficacy 0.93) at c = Ki on free receptors only
        Fm = y[self.rec["mu"]["F"]]
        Sp = CIRCUITS["reward"]["coupling"] * (1 - y[self.rec["mu"]["U"]]) * 0.93 * Fm * 0.5
        o["probe"] = Sp / (1 + Sp)
        o["tolerance_index"] = 1 - o["probe"] / self.probe0 if hasattr(self, "probe0") else 0.0
        o["E_reward"] = sig["reward"]; o["E_lc"] = sig["lc"]; o["E_kappa"] = sig["kappa"]
        o["nmda_available"] = self.nmda_available(y)
        o["ketamine_plasticity"] = y[self.Kp]
        o["dynorphin_nM"] = y[self.pep["dynorphin"]]
        o["endorphin_nM"] = y[self.pep["endorphin"]]
        o["A_lc"] = A_lc
        return o

    def finalize_baseline(self):
        ctrl = self if not self.deficit else Model([], "control", self.over)
        yb = ctrl.y0
        self.S0 = {}
        for r in RECEPTORS:
            st = ctrl.rec[r]
            # drug-free baseline surface density of THIS subject (PET baseline scan)
            st2 = self.rec[r]
            self.S0[r] = self.y0[st2["F"]] + self.y0[st2["Ds"]] + sum(self.y0[l[-1]] for l in st2["ligands"])
        Fm = yb[ctrl.rec["mu"]["F"]]
        Sp = CIRCUITS["reward"]["coupling"] * (1 - yb[ctrl.rec["mu"]["U"]]) * 0.93 * Fm * 0.5
        self.probe0 = Sp / (1 + Sp)


# ----------------------------------------------------------------------------------------------
# Scenario runner
# ----------------------------------------------------------------------------------------------

def run(drugs, doses=(), events=(), infusions=(), t_end=48.0, phenotype="control", over=None,
        dt=0.25, model=None, start=None):
    """doses: (t, drug, route, mg); events: (t0, t1, kind, intensity); infusions: (t0, t1, drug, mg/h).
    Returns (times, dict of observable arrays, model)."""
    m = model or Model(drugs, phenotype, over)
    m.finalize_baseline()
    t_start, y = (0.0, m.y0.copy()) if start is None else (start[0], start[1].copy())
    bps = set([t_start, t_end])
    for (t, *_r) in doses:
        bps.add(t)
    for (t0, t1, *_r) in list(events) + list(infusions):
        bps.add(t0); bps.add(t1)
    bps = sorted(b for b in bps if t_start <= b <= t_end)
    grid = np.arange(t_start, t_end + 1e-9, dt)
    out_t, out_y = [], []
    for a, b in zip(bps[:-1], bps[1:]):
        # apply events at a
        for (t, drug, route, mg) in doses:
            if abs(t - a) < 1e-12:
                nmol = mg * 1e6 / DRUGS[drug]["M"]
                s = m.pk[drug]
                if route == "iv":
                    y[s["central"]] += nmol
                else:
                    y[s["depots"][route]] += nmol
        for k in m.stim:
            m.stim[k] = 0.0
        for (t0, t1, kind, inten) in events:
            if t0 <= a < t1:
                m.stim[kind] += inten
        for name in m.infusion:
            m.infusion[name] = 0.0
        for (t0, t1, drug, mgh) in infusions:
            if t0 <= a < t1:
                m.infusion[drug] += mgh * 1e6 / DRUGS[drug]["M"]
        te = grid[(grid >= a) & (grid <= b)]
        sol = solve_ivp(m.rhs, (a, b), y, method="BDF", t_eval=te, rtol=1e-6, atol=1e-10,
                        first_step=1e-4)
        if not sol.success:
            raise RuntimeError(sol.message)
        for j in range(sol.t.size):
            if out_t and abs(sol.t[j] - out_t[-1]) < 1e-12:
                out_y[-1] = sol.y[:, j]
                continue
            out_t.append(sol.t[j]); out_y.append(sol.y[:, j])
        y = sol.y[:, -1].copy()
    m.last_state = (out_t[-1], out_y[-1].copy())
    m.states = (np.array(out_t), np.array(out_y))
    obs = {}
    for yy in out_y:
        o = m.observe(yy)
        for k, v in o.items():
            obs.setdefault(k, []).append(v)
    return np.array(out_t), {k: np.array(v) for k, v in obs.items()}, m


def q6h(drug, route, mg, days, start=0.0, every=6.0):
    n = int(round(days * 24 / every))
    return [(start + i * every, drug, route, mg) for i in range(n)]


def daily(drug, route, mg, days, start=0.0):
    return q6h(drug, route, mg, days, start, 24.0)


def at(t, obs, times, key):
    return float(np.interp(t, times, obs[key]))


def window(times, obs, key, a, b, fn=np.max):
    sel = (times >= a - 1e-9) & (times <= b + 1e-9)
    return float(fn(obs[key][sel]))


def argpeak(times, obs, key, a, b):
    sel = (times >= a - 1e-9) & (times <= b + 1e-9)
    i = int(np.argmax(obs[key][sel]))
    return float(times[sel][i]), float(obs[key][sel][i])
