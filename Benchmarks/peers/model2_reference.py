#!/usr/bin/env python3
"""Model 2 reference prototype (issue #15): pharmacodynamics with receptor reserve, tolerance
and dependence apart, dysphoria as its own channel, dopamine, respiration and withdrawal signs.

A design tool and, later, a peer for checking the Swift implementation (like the other scripts in
Benchmarks/peers). Never used by the product. The equations and every parameter are documented in
Sources/Pharmacology/Pharmacology.docc/Model2Design.md (section numbers below refer to it).

    python3 Benchmarks/peers/model2_reference.py            # behaviour table B1-B33 (about 2.5 min)
    python3 Benchmarks/peers/model2_reference.py --only B12 B9   # selected rows
    python3 Benchmarks/peers/model2_reference.py --csv out.csv   # also write the table as CSV
    python3 Benchmarks/peers/model2_reference.py --cows-half-index 0.85   # the library's COWS mapping

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
CHAPERONE_ENDOCYTOSIS_FACTOR = dict(mu=0.4, delta=0.6, kappa=1.0)  # chi_r, model assumption
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
    respiration=dict(coupling=3.5, slope=4.0),
    delta_reward=dict(coupling=3.0, slope=1.0),
    kappa=dict(coupling=4.0, slope=1.0),
)
DELTA_POTENTIATION = 0.5          # w_delta: E_delta multiplies mu stimulus by (1 + w E_delta)
DA_FLOOR = 0.35                   # dopamine release with no mu disinhibition, relative
KAPPA_DA_INHIBITION = 0.6         # w_kappa: terminal inhibition by kappa

# Dependence (section 4.2): two pools per circuit (lc, reward).
DEP_AC_BYPASS = True
DEP = dict(fast_half_life_h=30.0, fast_gain=0.3, slow_half_life_h=168.0, slow_gain=0.15,
           softplus_width=0.002)

# Dysphoria (section 6).
DYS = dict(tonic=0.20, kappa_weight=0.6, relief=0.8, stress=0.1, pain=0.6, rejection=0.8,
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
# COWS = 48 (1 - exp(-ln2 WI / half_index)), section 7. 0.4 is the prototype's own calibration (B4's
# COWS 12 at 12-16 h); the Swift library's `cows.half_index` is 0.85, fitted to Tompkins 2009
# (DrugLibrary+Receptors.swift). The table's COWS figures are on 0.4; --cows-half-index 0.85 maps
# the same withdrawal index with the library's value.
COWS = dict(scale=48.0, half_index=0.4)

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
                   bind=dict(mu=(34.0, 40.0, 1.0, 0.4), delta=(400.0, 40.0, 1.0, 0.4))),
    # Model 2: SL buprenorphine gets a deep compartment (terminal t1/2 ~ 30 h, label 24-42 h)
    # and efficacy 0.30 (respiratory ceiling, Dahan 2005); see Model2Design.md section 9.
    buprenorphine=dict(M=467.6, V1=250.0, CL=60.0, Q=120.0, V2=300.0, Q3=20.0, V3=900.0, ke0=0.24, fu=0.04, kp=1.0,
                       routes=dict(sublingual=(0.29, 1.5), iv=None),
                       bind=dict(mu=(0.088, 11.7, 0.37, 0.0), delta=(1.15, 40.0, None, 0.0), kappa=(0.072, 40.0, None, 0.0))),
    naloxone=dict(M=327.3, V1=34.44, CL=230.4, Q=120.0, V2=152.3, ke0=6.39, fu=0.54, kp=1.0,
                  routes=dict(iv=None, im=(0.626, 18.6), intranasal=(0.256, 9.6)),
                  bind=dict(mu=(0.586, 243.0, None, 0.0), delta=(10.6, 243.0, None, 0.0), kappa=(4.8, 243.0, None, 0.0))),
    # Model 2: naltrexone gets a slow terminal phase (96 h, pharmacology.md section 3 / Lee 1988
    # blockade half-time 72-108 h) and 6beta-naltrexol is treated as peripheral (Yancey-Wrona 2011),
    # so it is omitted here.
    naltrexone=dict(M=341.4, V1=60.0, CL=210.0, Q=100.0, V2=164.0, Q3=1.2, V3=1200.0, ke0=1.0, fu=0.79, kp=1.0,
                    routes=dict(oral=(0.2, 2.0)),
                    bind=dict(mu=(0.2, 40.0, None, 0.0), delta=(15.8, 40.0, None, 0.0), kappa=(0.4, 40.0, None, 0.0))),
    nalfurafine=dict(M=476.6, V1=500.0, CL=25.0, ke0=2.8, fu=0.3, kp=1.0,
                     routes=dict(oral=(1.0, 2.7)),
                     bind=dict(kappa=(0.075, 40.0, 1.0, 0.5), mu=(5.0, 40.0, 0.3, 0.1), delta=(50.0, 40.0, 1.0, 0.1))),
    aticaprant=dict(M=418.5, V1=1330.0, CL=26.0, ke0=2.8, fu=0.41, kp=1.0,
                    routes=dict(oral=(1.0, 3.5)),
                    bind=dict(kappa=(0.81, 40.0, None, 0.0), mu=(24.0, 40.0, None, 0.0), delta=(155.0, 40.0, None, 0.0))),
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


_BASE = {}


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
        key = (phenotype, tuple(sorted(self.over.items())))
        if self.drugs:
            base = _BASE.get(key) or Model([], phenotype, over)
            _BASE[key] = base
            for r in RECEPTORS:
                self.k[r]["syn"] = base.k[r]["syn"]
            self.E0, self.da0, self.act0 = base.E0, base.da0, base.act0
            self.y0 = np.zeros(self.n)
            copy_state(base, base.y0, self, self.y0)
        else:
            self.y0 = self.steady_state()
            _BASE[key] = self

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

    def raw_stimulus(self, y, r, coupled=True):
        st = self.rec[r]
        s = CONSTITUTIVE[r] * y[st["F"]]
        for (_, _, _, _, eff, _, i) in st["ligands"]:
            if eff is not None:
                s += eff * y[i]
        return (1.0 - y[st["U"]]) * s if coupled else s

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
        # AC drive (section 4.2): Gi-AC coupling is not subject to the long-term uncoupling U,
        # which acts on the effector (GIRK/firing) pathway; model assumption DEP_AC_BYPASS.
        mu_ac = self.raw_stimulus(y, "mu", coupled=not DEP_AC_BYPASS)
        Elc_ac = self.transduce(self.p("lc.coupling", C["lc"]["coupling"]) * mu_ac, 1.0)
        Erw_ac = self.transduce(self.p("reward.coupling", C["reward"]["coupling"]) * mu_ac * (1 + DELTA_POTENTIATION * Ed), 1.0)
        return dict(reward=Erw, lc=Elc, resp=Ers, delta=Ed, kappa=Ek, mu_stim=mu, lc_ac=Elc_ac, reward_ac=Erw_ac)

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
            drive = self.softplus(sig[key + "_ac"] - E0[key + "_ac"], w) - self.softplus(0.0, w)
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
        o["dopamine_abs"] = da
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
    out_t, out_y, out_o = [], [], []
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
            # observables use the stimulus intensities of this segment (events are piecewise constant)
            o = m.observe(sol.y[:, j])
            if out_t and abs(sol.t[j] - out_t[-1]) < 1e-12:
                out_y[-1] = sol.y[:, j]; out_o[-1] = o
                continue
            out_t.append(sol.t[j]); out_y.append(sol.y[:, j]); out_o.append(o)
        y = sol.y[:, -1].copy()
    m.last_state = (out_t[-1], out_y[-1].copy())
    m.states = (np.array(out_t), np.array(out_y))
    obs = {}
    for o in out_o:
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


# ----------------------------------------------------------------------------------------------
# Behaviours B1-B33 (review table, /work/shared/reviews/model-review-2026-12.md section 2)
# ----------------------------------------------------------------------------------------------

DAY = 24.0
CHRONIC_DAYS = 28
LAST_MORPHINE = (CHRONIC_DAYS * 4 - 1) * 6.0     # 666 h


class Cache:
    def __init__(self):
        self.runs = {}

    def get(self, key, fn):
        if key not in self.runs:
            self.runs[key] = fn()
        return self.runs[key]


C = Cache()


def chronic_morphine():
    """Morphine 30 mg oral q6h for 28 days, then 21 days without (the shipped
    morphine-abrupt-stop set-up, extended)."""
    return run(["morphine"], q6h("morphine", "oral", 30, CHRONIC_DAYS), t_end=LAST_MORPHINE + 21 * DAY, dt=1.0)


def state_at(res, t):
    T, Y = res[2].states
    i = int(np.argmin(np.abs(T - t)))
    assert abs(T[i] - t) < 1e-6, (T[i], t)
    return (T[i], Y[i])


def branch(base, t, doses=(), events=(), infusions=(), t_end=None, dt=0.05, extra_drugs=(), over=None,
           base_drugs=("morphine",)):
    """Continue the morphine-dependent subject from time t with other drugs added (a new model
    with the extra drugs; states copied by name)."""
    T, O, m = base
    t0, y0 = state_at(base, t)
    drugs = list(base_drugs) + list(extra_drugs)
    m2 = Model(drugs, "control", over)
    y = m2.y0.copy()
    copy_state(m, y0, m2, y)
    return run(drugs, doses, events, infusions, t_end=t_end, dt=dt, model=m2, start=(t0, y))


def copy_state(m1, y1, m2, y2):
    names1 = state_names(m1)
    names2 = state_names(m2)
    pos1 = {n: i for i, n in enumerate(names1)}
    for j, n in enumerate(names2):
        if n in pos1:
            y2[j] = y1[pos1[n]]


def state_names(m):
    names = [None] * m.n
    for d, s in m.pk.items():
        for k, v in s.items():
            if k == "depots":
                for r, i in v.items():
                    names[i] = f"{d}.{r}_depot"
            else:
                names[v] = f"{d}.{k}"
    for q, i in m.pep.items():
        names[i] = q
    names[m.Xe] = "Xe"; names[m.Xd] = "Xd"; names[m.Kp] = "Kp"; names[m.G] = "G"
    for r, st in m.rec.items():
        for k in ("F", "Ds", "Ic", "Ia", "U"):
            names[st[k]] = f"{r}.{k}"
        for l in st["ligands"]:
            names[l[-1]] = f"{r}.B.{l[0]}"
    for c, (i, j) in m.A.items():
        names[i] = f"A.{c}.fast"; names[j] = f"A.{c}.slow"
    return names


def fmt(x, n=2):
    return f"{x:.{n}f}"


ROWS = []


def behaviour(code, text, expected, source, before):
    def deco(fn):
        ROWS.append((code, text, expected, source, before, fn))
        return fn
    return deco


def onset_peak_end(T, O, key, t_last, t_max):
    sel = (T >= t_last) & (T <= t_max)
    tt, vv = T[sel], O[key][sel]
    i = int(np.argmax(vv)); peak = vv[i]
    cw = O["cows"][sel]
    on = tt[np.argmax(cw >= cw[0] + 5.0)] - t_last if (cw >= cw[0] + 5.0).any() else float("nan")
    after = (tt > tt[i]) & (vv < 0.2 * peak)
    end = (tt[after][0] - t_last) if after.any() else float("nan")
    return on, tt[i] - t_last, peak, end


@behaviour("B1", "tolerance over days of chronic agonist", "rises within days; t1/2 of onset ~1 d; d7 > 0.3",
           "Ekblom 1993 (tolerance t1/2 26 +- 6 h); pharmacology.md 7.1", "0.16/0.35/0.43 at d1/d3/d7 (R)")
def b1():
    T, O, m = C.get("morphine", chronic_morphine)
    v = [at(t, O, T, "tolerance_index") for t in (DAY - 3, 3 * DAY - 3, 7 * DAY - 3)]
    ok = v[0] < v[1] < v[2] and v[2] > 0.3
    return f"{fmt(v[0])}/{fmt(v[1])}/{fmt(v[2])} at d1/d3/d7", ok


@behaviour("B2", "agonist-specific down-regulation", "morphine mu_total within +-20 %; fentanyl, methadone lower",
           "Whistler 1998; pharmacology.md 9 item 17", "morphine 0.898, methadone 0.685, fentanyl 0.490 (R)")
def b2():
    T, O, m = C.get("morphine", chronic_morphine)
    mo = at(LAST_MORPHINE, O, T, "mu_total_rel")
    Tf, Of, _ = C.get("fentanyl", chronic_fentanyl)
    fe = at(CHRONIC_DAYS * DAY, Of, Tf, "mu_total_rel")
    Tm, Om, _ = C.get("methadone", chronic_methadone)
    me = at(CHRONIC_DAYS * DAY - 24, Om, Tm, "mu_total_rel")
    ok = abs(mo - 1) <= 0.2 and fe < mo and me < mo
    return f"morphine {fmt(mo)}, methadone {fmt(me)}, fentanyl {fmt(fe)}", ok


@behaviour("B3", "chronic agonist: endorphin down, dynorphin up, dynorphin adds dysphoria in withdrawal",
           "endorphin -20..-40 %, dynorphin +30..100 %; dysphoria at the withdrawal peak higher with induction",
           "pharmacology.md 6 (Fang 1998; Koob) [M magnitudes]; seed 004", "endorphin -17.5 %, dynorphin +24.6 %, adds < 0.002 (P)")
def b3():
    T, O, m = C.get("morphine", chronic_morphine)
    e = at(LAST_MORPHINE, O, T, "endorphin_nM") / 0.1 - 1
    d = at(LAST_MORPHINE, O, T, "dynorphin_nM") / 0.05 - 1
    tp = LAST_MORPHINE + 24
    dys = at(tp, O, T, "dysphoria")
    dys0 = C.get("dys0", lambda: Model([]).observe(Model([]).y0)["dysphoria"])
    ok = -0.45 <= e <= -0.1 and 0.2 <= d <= 1.0 and dys > dys0 * 1.1
    return f"endorphin {e*100:+.0f} %, dynorphin {d*100:+.0f} %, dysphoria {fmt(dys,3)} at +24 h vs {fmt(dys0,3)} drug-free", ok


@behaviour("B4", "spontaneous morphine withdrawal", "onset (COWS +5 over the last-dose level) 6-12 h, peak 24-72 h, < 20 % of peak by day 5-10; COWS > 12 by 12-16 h",
           "pharmacology.md 9 item 14; docslib 'Opioid withdrawal'; EmergencyCareBC COWS summary (Wesson & Ling 2003 scale)",
           "onset +9 h, peak +24 h, 10 % at +124 h (R)")
def b4():
    T, O, m = C.get("morphine", chronic_morphine)
    on, pk, peak, end = onset_peak_end(T, O, "withdrawal_index", LAST_MORPHINE, LAST_MORPHINE + 21 * DAY)
    sel = (T >= LAST_MORPHINE)
    c12 = T[sel][np.argmax(O["cows"][sel] > 12)] - LAST_MORPHINE
    ok = 6 <= on <= 12 and 24 <= pk <= 72 and end <= 10 * DAY and 12 <= c12 <= 16
    return (f"COWS {O['cows'][sel][0]:.1f} at the last dose; onset +{on:.0f} h, peak +{pk:.0f} h (WI {fmt(peak,3)}, COWS {O['cows'][sel].max():.0f}), "
            f"< 20 % at +{end/24:.1f} d, COWS > 12 at +{c12:.0f} h"), ok


def chronic_methadone():
    return run(["methadone"], daily("methadone", "oral", 60, CHRONIC_DAYS), t_end=CHRONIC_DAYS * DAY + 21 * DAY, dt=1.0)


def chronic_fentanyl():
    return run(["fentanyl"], infusions=[(0, CHRONIC_DAYS * DAY, "fentanyl", 0.1)], t_end=CHRONIC_DAYS * DAY + 14 * DAY, dt=0.5)


@behaviour("B5", "methadone withdrawal later, longer, at least as severe", "peak 72-96 h; peak >= morphine's; lasts >= 10 d",
           "pharmacology.md 9 item 14 (Gossop & Strang 1991)", "peak +92 h, 0.28x morphine (P)")
def b5():
    T, O, m = C.get("methadone", chronic_methadone)
    last = (CHRONIC_DAYS - 1) * DAY
    on, pk, peak, end = onset_peak_end(T, O, "withdrawal_index", last, T[-1])
    Tm, Om, _ = C.get("morphine", chronic_morphine)
    _, _, mpeak, mend = onset_peak_end(Tm, Om, "withdrawal_index", LAST_MORPHINE, Tm[-1])
    ok = 60 <= pk <= 110 and peak >= 0.95 * mpeak and end >= 10 * DAY
    return f"onset +{on:.0f} h, peak +{pk:.0f} h, {peak/mpeak:.2f}x morphine, < 20 % at +{end/24:.1f} d", ok


@behaviour("B6", "a taper lowers the peak", "taper peak < abrupt peak", "MODEL.md 3", "0.086 vs 0.200 (R)")
def b6():
    base = C.get("morphine", chronic_morphine)
    t0 = LAST_MORPHINE + 6 - 10 * DAY
    doses = []
    for k, mg in enumerate((25, 20, 15, 10, 5)):
        doses += q6h("morphine", "oral", mg, 2, start=t0 + k * 2 * DAY)
    last = doses[-1][0]
    T, O, _ = branch(base, t0, doses, t_end=last + 10 * DAY, dt=1.0)
    _, pk, peak, _ = onset_peak_end(T, O, "withdrawal_index", last, T[-1])
    Tm, Om, _ = base
    _, _, mpeak, _ = onset_peak_end(Tm, Om, "withdrawal_index", LAST_MORPHINE, Tm[-1])
    return f"{fmt(peak,3)} vs {fmt(mpeak,3)} ({peak/mpeak:.2f}x)", peak < 0.8 * mpeak


@behaviour("B7", "naloxone in a dependent subject: withdrawal within minutes", "peak <= 60 min, rise >= 6 COWS (MCID), subsides over 30-90 min",
           "Dunn et al. 2023 Front Psychiatry 14:1141980 (0.4 mg IM in morphine-maintained); docslib", "0.391 at +9 min (R)")
def b7():
    base = C.get("morphine", chronic_morphine)
    t0 = LAST_MORPHINE + 3
    T, O, _ = branch(base, t0, [(t0, "naloxone", "im", 0.4)], t_end=t0 + 6, extra_drugs=["naloxone"])
    c0 = at(t0, O, T, "cows")
    tp, cp = argpeak(T, O, "cows", t0, t0 + 6)
    c3 = at(t0 + 3, O, T, "cows")
    T2, O2, _ = branch(base, t0, [(t0, "naloxone", "iv", 2.0)], t_end=t0 + 6, extra_drugs=["naloxone"])
    tp2, cp2 = argpeak(T2, O2, "cows", t0, t0 + 6)
    ok = (tp - t0) <= 1.0 and cp - c0 >= 6 and c3 < cp - 3
    c15 = at(t0 + 0.25, O2, T2, "cows")
    return (f"0.4 mg IM: COWS {c0:.0f} -> {cp:.0f} at +{(tp-t0)*60:.0f} min, {c3:.0f} at +3 h; "
            f"2 mg IV: {c15:.0f} at +15 min, peak {cp2:.0f} at +{(tp2-t0)*60:.0f} min"), ok


def naive_antagonist(drug, route, mg, hours=72.0, n=1):
    doses = [(i * 24.0 + 1.0, drug, route, mg) for i in range(n)]
    return run([drug], doses, t_end=hours, dt=0.25)


@behaviour("B8", "any antagonist in a drug-naive subject: no withdrawal", "withdrawal_signs = 0 and withdrawal_index = 0",
           "seed 003; MODEL.md 3", "WI 0.15-0.27, as large as abrupt morphine withdrawal (W)")
def b8():
    vals = []
    ok = True
    for drug, route, mg in (("naloxone", "iv", 2.0), ("naltrexone", "oral", 50.0), ("naltrexone", "oral", 4.5), ("aticaprant", "oral", 10.0)):
        T, O, _ = naive_antagonist(drug, route, mg)
        w = O["withdrawal_index"].max(); s = O["withdrawal_signs"].max()
        vals.append(f"{drug} {mg:g} mg {w:.1e}")
        c = O["cows"].max()
        vals[-1] += f" (COWS {c:.2f})"
        ok = ok and c < 0.5
    return "; ".join(vals), ok


def bup_on_morphine(t_after_last, mg=8.0, continue_morphine=False):
    base = C.get("morphine", chronic_morphine)
    t0 = LAST_MORPHINE + t_after_last
    doses = [(t0, "buprenorphine", "sublingual", mg)]
    if continue_morphine:
        doses += q6h("morphine", "oral", 30, 1, start=LAST_MORPHINE + 6)
    T, O, _ = branch(base, t0, doses, t_end=t0 + 8, extra_drugs=["buprenorphine"])
    Tc, Oc, _ = base
    return T, O, Tc, Oc, t0


@behaviour("B9", "buprenorphine on top of morphine 120 mg/day does not precipitate withdrawal",
           "COWS rise < 5 over the no-buprenorphine control within 4 h; milder than naloxone",
           "Schuh et al. 1996 J Pharmacol Exp Ther 278:836 (no precipitation at 120 mg/day); Thakrar et al. 2024 (rise >= 5 = precipitated)",
           "nothing within 90 min (W)")
def b9():
    res = []
    ok = True
    for mg, tl in ((8.0, 2.0), (16.0, 2.0)):
        T, O, Tc, Oc, t0 = bup_on_morphine(tl, mg)
        ex90 = at(t0 + 1.5, O, T, "cows") - at(t0 + 1.5, Oc, Tc, "cows")
        ex4 = max(at(t0 + h, O, T, "cows") - at(t0 + h, Oc, Tc, "cows") for h in np.arange(0.25, 4.01, 0.25))
        res.append(f"{mg:g} mg at +{tl:g} h: +{ex90:.1f} COWS at 90 min, max +{ex4:.1f} within 4 h")
        ok = ok and ex4 < 5
    return "; ".join(res), ok


@behaviour("B9b", "buprenorphine given once withdrawal has begun relieves it within 1-2 h",
           "COWS falls by >= 6 (MCID) within 2 h of 8 mg SL given at COWS >= 12", "MODEL.md 3; docslib; Dunn 2023 (MCID)", "not reported (relief only after a day)")
def b9b():
    base = C.get("morphine", chronic_morphine)
    T0, O0, _ = base
    sel = T0 >= LAST_MORPHINE
    t12 = float(T0[sel][np.argmax(O0["cows"][sel] > 12)])
    t0 = max(t12, LAST_MORPHINE + 12)
    T, O, _ = branch(base, t0, [(t0, "buprenorphine", "sublingual", 8.0)], t_end=t0 + 6, extra_drugs=["buprenorphine"])
    c0 = at(t0, O, T, "cows")
    c2 = at(t0 + 2, O, T, "cows")
    cc2 = at(t0 + 2, O0, T0, "cows")
    return f"given at +{t0-LAST_MORPHINE:.0f} h (COWS {c0:.0f}): {c2:.0f} at +2 h (no-bup control {cc2:.0f})", c0 - c2 >= 6


@behaviour("B9f", "buprenorphine in a highly tolerant subject (fentanyl 0.1 mg/h for 28 d, continuing) precipitates withdrawal",
           "COWS rise >= 6 over the continuing-fentanyl control within 90 min (ke0 0.24 /h) / with ke0 1.5 /h",
           "MODEL.md 2.5 (precipitation in a highly tolerant subject); Sporer 2004; Dunn 2023 (MCID)", "not tested")
def b9f():
    base = C.get("fentanyl", chronic_fentanyl)
    t0 = CHRONIC_DAYS * DAY - 24
    out = []
    ok = False
    Tc, Oc, _ = branch(base, t0, infusions=[(t0, t0 + 8, "fentanyl", 0.1)], t_end=t0 + 8, dt=0.05, base_drugs=["fentanyl"])
    for ke0 in (0.24, 1.5):
        old = DRUGS["buprenorphine"]["ke0"]
        DRUGS["buprenorphine"]["ke0"] = ke0
        try:
            T, O, _ = branch(base, t0, [(t0, "buprenorphine", "sublingual", 16.0)], infusions=[(t0, t0 + 8, "fentanyl", 0.1)],
                             t_end=t0 + 8, dt=0.05, extra_drugs=["buprenorphine"], base_drugs=["fentanyl"])
        finally:
            DRUGS["buprenorphine"]["ke0"] = old
        ex90 = at(t0 + 1.5, O, T, "cows") - at(t0 + 1.5, Oc, Tc, "cows")
        ex4 = max(at(t0 + h, O, T, "cows") - at(t0 + h, Oc, Tc, "cows") for h in np.arange(0.25, 6.01, 0.25))
        out.append(f"ke0 {ke0}: +{ex90:.1f} at 90 min, max +{ex4:.1f} within 6 h")
        if ke0 == 0.24:
            ok = ex90 >= 6
    occ = at(t0, Oc, Tc, "mu_occupancy_drug")
    return f"16 mg SL at fentanyl occupancy {occ:.2f}: " + "; ".join(out), ok


@behaviour("B9s", "sensitivity: B9/B9b with a faster buprenorphine brain entry (ke0 1.5 /h instead of 0.24)",
           "as B9 and B9b", "open question 2 of Model2Design.md", "-")
def b9s():
    old = DRUGS["buprenorphine"]["ke0"]
    DRUGS["buprenorphine"]["ke0"] = 1.5
    try:
        v1, _ = b9()
        v2, _ = b9b()
    finally:
        DRUGS["buprenorphine"]["ke0"] = old
    return f"{v1}; relief: {v2}", None


@behaviour("B10", "micro-induction avoids precipitation", "no COWS rise >= 6 over control while morphine continues",
           "Haemmig 2016 (pharmacology.md 2.5)", "<= 0.0055 while morphine continues (R/P)")
def b10():
    base = C.get("morphine", chronic_morphine)
    t0 = LAST_MORPHINE + 6 - 7 * DAY
    doses = q6h("morphine", "oral", 30, 7, start=t0)
    mg = 0.2
    for d in range(7):
        doses += [(t0 + d * DAY + 1, "buprenorphine", "sublingual", mg), (t0 + d * DAY + 13, "buprenorphine", "sublingual", mg)]
        mg *= 2
    T, O, _ = branch(base, t0, doses, t_end=t0 + 7 * DAY, dt=0.5, extra_drugs=["buprenorphine"])
    Tc, Oc, _ = base
    ex = max(at(t, O, T, "cows") - at(t, Oc, Tc, "cows") for t in np.arange(t0, t0 + 7 * DAY, 0.5))
    occ = at(t0 + 7 * DAY - 1, O, T, "mu_pet_occupancy")
    return f"max excess COWS {ex:.1f} over 7 days (bup 0.2 -> 12.8 mg bid); mu PET occupancy {occ:.2f} at the end", ex < 6


@behaviour("B11", "buprenorphine 16-24 mg/day suppresses withdrawal after a switch",
           "mean COWS on days 2-7 after the switch < 5 (below 'mild'); >= 50 % mu occupancy, trough >= 1 ng/mL",
           "Greenwald 2014 (pharmacology.md 2.4); EmergencyCareBC COWS bands", "AUC 39-47 % of the abrupt stop (W)")
def b11():
    base = C.get("morphine", chronic_morphine)
    T0, O0, _ = base
    sel = T0 >= LAST_MORPHINE
    t0 = max(float(T0[sel][np.argmax(O0["cows"][sel] > 12)]), LAST_MORPHINE + 12)
    doses = [(t0, "buprenorphine", "sublingual", 8.0), (t0 + 2, "buprenorphine", "sublingual", 8.0)]
    doses += daily("buprenorphine", "sublingual", 16.0, 7, start=t0 + 24)
    T, O, m = branch(base, t0, doses, t_end=t0 + 8 * DAY, dt=0.5, extra_drugs=["buprenorphine"])
    s = (T >= t0 + DAY) & (T <= t0 + 7 * DAY)
    mean = O["cows"][s].mean()
    s2 = (Tc := T0, 0)[0]
    sc = (T0 >= t0 + DAY) & (T0 <= t0 + 7 * DAY)
    meanc = O0["cows"][sc].mean()
    occ = window(T, O, "mu_pet_occupancy", t0 + 6 * DAY, t0 + 7 * DAY, np.min)
    return f"mean COWS d2-7 {mean:.1f} (abrupt stop {meanc:.1f}); trough mu PET occupancy {occ:.2f}", mean < 5


def bup_naive_iv(mg):
    return run(["buprenorphine"], [(0.0, "buprenorphine", "iv", mg)], t_end=24, dt=0.05)


@behaviour("B12", "buprenorphine naive: real agonist effect, respiratory ceiling; fentanyl reaches apnea",
           "0.3 mg IV ~ morphine 10 mg IV (ratio of peak reward response 0.5-1.5); ventilation plateau 50 +- 15 % for >= 3 ug/kg "
           "(0.21-0.6 mg/70 kg); fentanyl >= 2.9 ug/kg (0.2 mg) < 10 %",
           "Buprenex label / equianalgesic tables; Dahan 2005 (pharmacology.md 2.2, 9 item 5)", "+0.006 vs +0.263 (W)")
def b12():
    Tm, Om, _ = run(["morphine"], [(0.0, "morphine", "iv", 10.0)], t_end=12, dt=0.05)
    base = Model([]).observe(Model([]).y0)
    dm = Om["E_reward"].max() - base["E_reward"]
    Tb, Ob, _ = bup_naive_iv(0.3)
    db = Ob["E_reward"].max() - base["E_reward"]
    vents = []
    for mg in (0.05, 0.21, 0.6, 2.0):
        T, O, _ = bup_naive_iv(mg)
        vents.append(O["respiratory_drive"].min())
    Tf, Of, _ = run(["fentanyl"], [(0.0, "fentanyl", "iv", 0.2)], t_end=3, dt=0.01)
    vf = Of["respiratory_drive"].min()
    vm = Om["respiratory_drive"].min()
    ratio = db / dm
    ok = 0.5 <= ratio <= 1.5 and 0.35 <= vents[1] <= 0.65 and 0.35 <= vents[2] <= 0.65 and abs(vents[2] - vents[1]) < 0.15 and vf < 0.1
    return (f"reward dE bup 0.3 mg {fmt(db,3)} vs morphine 10 mg {fmt(dm,3)} ({ratio:.2f}x); ventilation min bup "
            f"0.05/0.21/0.6/2 mg {'/'.join(fmt(v) for v in vents)}; morphine 10 mg {fmt(vm)}; fentanyl 0.2 mg {fmt(vf)}"), ok


@behaviour("B13", "buprenorphine PET occupancy", "2/16/32 mg: 41 +- 15 %, 80 +- 10 %, 84-95 %",
           "Greenwald 2003 (pharmacology.md 2.4)", "0.28/0.77/0.87 (P)")
def b13():
    vals = []
    for mg in (2.0, 16.0, 32.0):
        T, O, _ = run(["buprenorphine"], daily("buprenorphine", "sublingual", mg, 14), t_end=13 * DAY + 4, dt=1.0)
        vals.append(at(13 * DAY + 4, O, T, "mu_pet_occupancy"))
    ok = 0.26 <= vals[0] <= 0.56 and 0.70 <= vals[1] <= 0.90 and 0.80 <= vals[2] <= 0.95
    return "/".join(fmt(v) for v in vals), ok


@behaviour("B14", "buprenorphine SL terminal half-life", "24-42 h", "label; Elkader 2005 (pharmacology.md 2.5)", "7.4 h (W)")
def b14():
    m = Model(["buprenorphine"])
    T, O, m = run(["buprenorphine"], [(0.0, "buprenorphine", "sublingual", 8.0)], t_end=120, dt=1.0, model=m)
    Ts, Y = m.states
    c = Y[:, m.pk["buprenorphine"]["central"]]
    i48, i96 = int(np.argmin(abs(Ts - 48))), int(np.argmin(abs(Ts - 96)))
    th = LN2 * 48 / math.log(c[i48] / c[i96])
    return f"apparent t1/2 48-96 h {th:.0f} h (prototype PK: deep compartment, section 9)", 24 <= th <= 42


@behaviour("B15", "naltrexone 50 mg: > 90 % mu blockade, lasting days", "PET >= 90 % at 8 h; blockade half-time 72-108 h; delta <= 30 %",
           "Rabiner 2011 via Troestheim 2022; Lee 1988; Weerts 2008 (review B15)", "0.92 at 8 h, 0.29 at 72 h (P)")
def b15():
    T, O, _ = run(["naltrexone"], [(0.0, "naltrexone", "oral", 50.0)], t_end=168, dt=0.5)
    v8 = at(8, O, T, "mu_pet_occupancy"); v72 = at(72, O, T, "mu_pet_occupancy"); d8 = at(8, O, T, "delta_pet_occupancy")
    half = T[np.argmax((T > 8) & (O["mu_pet_occupancy"] < 0.5 * v8))]
    ok = v8 >= 0.9 and 72 <= half <= 108 and d8 <= 0.3
    return f"mu {fmt(v8)} at 8 h, {fmt(v72)} at 72 h, half of the 8 h blockade at {half:.0f} h; delta {fmt(d8)}", ok


@behaviour("B16", "chronic antagonist up-regulates mu, delta less, kappa ~none",
           "7 d naltrexone: mu +30-90 %, delta < mu, kappa -10..+20 %", "Lesscher 2003; Yoburn; pharmacology.md 9 item 16", "mu +95 %, kappa +9 % only via factor 1.75 (P)")
def b16():
    T, O, _ = run(["naltrexone"], daily("naltrexone", "oral", 50.0, 7), t_end=7 * DAY, dt=1.0)
    mu = at(7 * DAY, O, T, "mu_total_rel") - 1; de = at(7 * DAY, O, T, "delta_total_rel") - 1; ka = at(7 * DAY, O, T, "kappa_total_rel") - 1
    ok = 0.3 <= mu <= 0.9 and de < mu and -0.1 <= ka <= 0.2
    return f"mu {mu*100:+.0f} %, delta {de*100:+.0f} %, kappa {ka*100:+.0f} % (no kappa factor)", ok


@behaviour("B17", "low-dose naltrexone: hours of blockade, then rebound", "mu blockade > 50 % at 1-2 h, < 25 % by 16 h; after 7 nights more receptors and higher trough reward",
           "MODEL.md 1/3; seed 001; Toljan & Vrooman 2018", "antagonist occupancy > 0.30 all day (W)")
def b17():
    doses = [(d * DAY + 22, "naltrexone", "oral", 4.5) for d in range(7)]
    T, O, _ = run(["naltrexone"], doses, t_end=7 * DAY + 20, dt=0.5)
    last = 6 * DAY + 22
    p = window(T, O, "mu_occupancy_drug", last, last + 3)
    tr = at(last + 16, O, T, "mu_occupancy_drug")
    mu = at(last + 14, O, T, "mu_total_rel"); da = at(last + 14, O, T, "dopamine_tone")
    ok = p > 0.5 and tr < 0.25 and mu > 1.0 and da > 1.0
    return f"peak {fmt(p)}, {fmt(tr)} at +16 h; at noon day 7 mu_total {fmt(mu)}, dopamine_tone {fmt(da)}", ok


@behaviour("B18", "kappa agonist lowers hedonic tone", "nalfurafine lowers hedonic tone, dose-dependently", "seeds 000, 004", "-7/-41/-71 % (R)")
def b18():
    vals = []
    for ug in (5, 50, 500):
        T, O, _ = run(["nalfurafine"], [(1.0, "nalfurafine", "oral", ug / 1000)], t_end=24, dt=0.25)
        vals.append(O["hedonic_tone"].min() / O["hedonic_tone"][0] - 1)
    return "/".join(f"{v*100:+.0f} %" for v in vals), vals[0] > vals[1] > vals[2] and vals[2] < -0.1


def stress_run(phen="control", aticaprant=False, kind="stress", inten=1.0):
    drugs = ["aticaprant"] if aticaprant else []
    doses = [(0.0, "aticaprant", "oral", 10.0)] if aticaprant else []
    T, O, _ = run(drugs, doses, events=[(24.0, 26.0, kind, inten)], t_end=36, dt=0.1, phenotype=phen)
    pre = at(23.9, O, T, "hedonic_tone")
    dpre = at(23.9, O, T, "dysphoria")
    return T, O, pre, window(T, O, "hedonic_tone", 24, 30, np.min) - pre, window(T, O, "dysphoria", 24, 30) - dpre


@behaviour("B19", "kappa antagonist blunts stress dysphoria", "stress hedonic dip with aticaprant < 0.5x without",
           "Bruchas 2010; seed 001", "dip -0.017 -> none; resting +16 % (R)")
def b19():
    _, _, pre0, d0, _ = stress_run()
    _, _, pre1, d1, _ = stress_run(aticaprant=True)
    base = Model([]).observe(Model([]).y0)["hedonic_tone"]
    return f"dip {d0:+.3f} vs {d1:+.3f} with aticaprant; resting {((pre1/base)-1)*100:+.0f} %", d1 > 0.5 * d0 or d1 > -1e-9 and d0 < 0


@behaviour("B20", "stress dysphoric, more so in the deficit phenotype", "hedonic dip in both, deeper in deficit",
           "MODEL.md 1 (Bandelow 2010); seed 000", "deficit: no dip, +18 % (W)")
def b20():
    _, _, _, hc, dc = stress_run()
    _, _, _, hd, dd = stress_run("deficit")
    return f"dysphoria rise control {dc:+.3f}, deficit {dd:+.3f}; hedonic dip {hc:+.3f} / {hd:+.3f}", hc < 0 and hd < 0 and dd > dc


@behaviour("B21", "pain is aversive (endorphin relief partial), more so in the deficit phenotype", "hedonic dip in both, deeper in deficit",
           "seed 000; MODEL.md 3", "pain raises hedonic +28 % / +59 % (W)")
def b21():
    _, _, _, hc, dc = stress_run(kind="pain")
    _, _, _, hd, dd = stress_run("deficit", kind="pain")
    return f"dysphoria rise control {dc:+.3f}, deficit {dd:+.3f}; hedonic dip {hc:+.3f} / {hd:+.3f}", hc < 0 and hd < 0 and dd > dc


@behaviour("B21b", "social rejection aversive, more so in deficit; social contact rewarding",
           "rejection dip deeper in deficit; social contact raises dopamine_tone", "seed 000 (core stimulus); MODEL.md 3", "no rejection event (M)")
def b21b():
    _, _, _, hc, dc = stress_run(kind="rejection")
    _, _, _, hd, dd = stress_run("deficit", kind="rejection")
    T, O, _ = run([], events=[(24.0, 26.0, "social", 1.0)], t_end=30, dt=0.1)
    up = window(T, O, "dopamine_tone", 24, 27) - 1
    return (f"rejection dysphoria rise control {dc:+.3f}, deficit {dd:+.3f} (hedonic {hc:+.3f} / {hd:+.3f}); "
            f"social contact dopamine {up*100:+.0f} %"), hc < 0 and dd > dc and up > 0


@behaviour("B22", "ketamine slows tolerance/dependence; mood effect outlasts plasma",
           "with ketamine: lower tolerance and precipitated withdrawal after 3 d morphine; dysphoria lower at 7 d after one 0.5 mg/kg infusion",
           "Trujillo & Akil 1991 Science 251:85; Talati 2019 (MADRS lower at 1 week)", "no NMDA link (P/M)")
def b22():
    res = {}
    for ket in (False, True):
        drugs = ["morphine", "naloxone"] + (["ketamine"] if ket else [])
        inf = [(0, 72, "morphine", 3.0)] + ([(0, 72, "ketamine", 10.0)] if ket else [])
        T, O, m = run(drugs, [(72.0, "naloxone", "iv", 2.0)], infusions=inf, t_end=74, dt=0.05)
        res[ket] = (at(71.9, O, T, "tolerance_index"), window(T, O, "cows", 72, 74))
    T, O, _ = run(["ketamine"], infusions=[(24.0, 24.0 + 40 / 60, "ketamine", 35.0 * 60 / 40)], t_end=24 + 8 * DAY, dt=0.5)
    d0 = at(23.5, O, T, "dysphoria"); d7 = at(24 + 7 * DAY, O, T, "dysphoria")
    ok = res[True][0] < res[False][0] and res[True][1] < res[False][1] and d7 < d0 * 0.97
    return (f"tolerance {fmt(res[False][0])} -> {fmt(res[True][0])}, precipitated COWS {res[False][1]:.0f} -> {res[True][1]:.0f}; "
            f"dysphoria day 7 after 35 mg IV {((d7/d0)-1)*100:+.1f} %"), ok


@behaviour("B23", "oxytocin as mu PAM", "acts at reachable levels, or documented as untestable", "seed 000; Meguro 2018 (uM)", "inert (M)")
def b23():
    return "not simulated: Model2Design.md section 6.3 documents the PAM as inert at physiological levels", None


@behaviour("B24", "delta potentiates mu", "morphine's peak dopamine lower without delta signalling", "seed 000; Spanagel 1992", "multiplier only (M)")
def b24():
    T, O, _ = run(["morphine"], [(0.0, "morphine", "iv", 10.0)], t_end=8, dt=0.1)
    T2, O2, _ = run(["morphine"], [(0.0, "morphine", "iv", 10.0)], t_end=8, dt=0.1, over={"delta_reward.coupling": 0.0})
    a, b = O["dopamine_abs"].max(), O2["dopamine_abs"].max()
    ra, rb = a / O["dopamine_abs"][0] - 1, b / O2["dopamine_abs"][0] - 1
    return (f"peak dopamine {a/O['dopamine_abs'][0]:.2f} of control baseline with delta, {b/O['dopamine_abs'][0]:.2f} with delta "
            f"signalling off (rise {ra*100:+.0f} % vs {rb*100:+.0f} % of each own baseline; no delta tool drug yet)"), a > b


@behaviour("B25", "kratom PK and partial agonism", "MG Cmax 81.9 nM, 7-OH 16.1 nM", "Tanna 2022", "PK inverted (P/W)")
def b25():
    return "PK only: not in the prototype (library fix, section 9)", None


@behaviour("B26", "deficit phenotype: measurable resting deficit, larger responses", "resting dopamine and hedonic lower; social-contact response > 1.3x control",
           "Bandelow 2010; Prossin 2010 (higher MOR BPND; larger sadness-induced release)", "-1.8 % mu, -4.6 % hedonic (P)")
def b26():
    c = Model([]); c.finalize_baseline(); oc = c.observe(c.y0)
    d = Model([], "deficit"); d.finalize_baseline(); od = d.observe(d.y0)
    resp = []
    for ph in ("control", "deficit"):
        T, O, _ = run([], events=[(24.0, 26.0, "social", 1.0)], t_end=30, dt=0.1, phenotype=ph)
        resp.append(window(T, O, "dopamine_tone", 24, 27) - at(23.9, O, T, "dopamine_tone"))
    r = resp[1] / resp[0]
    ok = od["dopamine_tone"] < 0.97 and od["hedonic_tone"] < oc["hedonic_tone"] * 0.95 and r > 1.3
    return (f"resting dopamine {od['dopamine_tone']:.3f}, hedonic {od['hedonic_tone']/oc['hedonic_tone']*100-100:+.1f} %, "
            f"mu_total {od['mu_total_rel']:.2f}; social-contact response {r:.2f}x control"), ok


@behaviour("B27", "exercise eases withdrawal", "withdrawal_index lower during sessions", "seed 003", "-0.04 for 1 h (R)")
def b27():
    base = C.get("morphine", chronic_morphine)
    t0 = LAST_MORPHINE + 20
    T, O, _ = branch(base, t0, events=[(t0 + 4, t0 + 5, "exercise", 1.0)], t_end=t0 + 8, dt=0.1)
    Tc, Oc, _ = base
    a, b = at(t0 + 5, O, T, "withdrawal_index"), at(t0 + 5, Oc, Tc, "withdrawal_index")
    return f"{fmt(a,3)} vs {fmt(b,3)} at the end of a 1 h session (+25 h)", a < b


@behaviour("B28", "irreversible antagonist removed only by turnover", "recovery with receptor turnover", "seed 003", "no library drug (M)")
def b28():
    return "engine feature kept from model 1; no library drug (not in the prototype)", None


@behaviour("B29", "cAMP superactivation; acute dependence after one dose", "naloxone 4 h after one morphine 10 mg IV gives signs > 0",
           "Compton 2004 (pharmacology.md 8); 9 item 19", "only a subtractive proxy (P)")
def b29():
    T, O, _ = run(["morphine", "naloxone"], [(0.0, "morphine", "iv", 10.0), (4.0, "naloxone", "iv", 2.0)], t_end=6, dt=0.02)
    s = window(T, O, "cows", 4, 6)
    return f"COWS {s:.1f} after naloxone (A_lc is the explicit counter-adaptation state)", s > 1


@behaviour("B30", "tolerance and dependence separable", "arrestin-free uncoupling off: tolerance ~0, dependence kept",
           "Bohn 2000 (beta-arrestin-2 KO); seed 003", "both from one state (M)")
def b30():
    res = []
    for over in ({}, {"uncoupling.gain": 0.0}):
        T, O, _ = run(["morphine", "naloxone"], q6h("morphine", "oral", 30, 7) + [(7 * DAY + 3, "naloxone", "iv", 2.0)],
                      t_end=7 * DAY + 5, dt=0.1, over=over)
        # tolerance read 9 h after the last dose, just before naloxone (morphine mostly cleared, so
        # the index is not dominated by receptors the drug itself holds)
        res.append((at(7 * DAY + 2.9, O, T, "tolerance_index"), window(T, O, "cows", 7 * DAY + 3, 7 * DAY + 5)))
    ok = res[1][0] < 0.05 and res[1][1] > 0.7 * res[0][1]
    return (f"normal: tolerance {fmt(res[0][0])}, precipitated COWS {res[0][1]:.0f}; no uncoupling: "
            f"tolerance {fmt(res[1][0])}, COWS {res[1][1]:.0f}"), ok


@behaviour("B31", "protracted abstinence", "slow component present 3 weeks after stopping (>= 10 % of its end-of-use level)",
           "SAMHSA Advisory 2010 (weeks to months); Ouellet & Pollack 1995 (18.5 d recovery)", "all back within 7-10 d (M)")
def b31():
    T, O, _ = C.get("morphine", chronic_morphine)
    a0 = at(LAST_MORPHINE, O, T, "A_slow_lc"); a21 = at(LAST_MORPHINE + 21 * DAY - 1, O, T, "A_slow_lc")
    w21 = at(LAST_MORPHINE + 21 * DAY - 1, O, T, "cows")
    return f"slow pool {fmt(a0,3)} -> {fmt(a21,3)} at +21 d ({a21/a0*100:.0f} %); COWS {w21:.1f}", a21 >= 0.1 * a0


def chronic_bup():
    return run(["buprenorphine"], daily("buprenorphine", "sublingual", 16.0, CHRONIC_DAYS), t_end=CHRONIC_DAYS * DAY + 14 * DAY, dt=1.0)


@behaviour("B32", "buprenorphine discontinuation milder and later", "peak later than morphine's (2-5 d), lower; no antagonist-like up-regulation",
           "pharmacology.md 8 [M]; review B32", "peak +66 h, 0.037; mu_total +33 % (P)")
def b32():
    T, O, _ = C.get("bup", chronic_bup)
    last = (CHRONIC_DAYS - 1) * DAY
    on, pk, peak, end = onset_peak_end(T, O, "withdrawal_index", last, T[-1])
    Tm, Om, _ = C.get("morphine", chronic_morphine)
    _, mpk, mpeak, _ = onset_peak_end(Tm, Om, "withdrawal_index", LAST_MORPHINE, Tm[-1])
    mu = at(last, O, T, "mu_total_rel"); ti = at(last, O, T, "tolerance_index")
    ok = pk > mpk and peak < mpeak and mu < 1.2
    return f"peak +{pk:.0f} h, {peak/mpeak:.2f}x morphine; mu_total {fmt(mu)}, tolerance_index {fmt(ti)} on maintenance", ok


@behaviour("B33", "fentanyl dependence at least as severe as morphine's", "peak withdrawal >= morphine's", "clinical (review B33)", "0.135 < 0.200 (W)")
def b33():
    T, O, _ = C.get("fentanyl", chronic_fentanyl)
    on, pk, peak, end = onset_peak_end(T, O, "withdrawal_index", CHRONIC_DAYS * DAY, T[-1])
    Tm, Om, _ = C.get("morphine", chronic_morphine)
    _, _, mpeak, _ = onset_peak_end(Tm, Om, "withdrawal_index", LAST_MORPHINE, Tm[-1])
    tol = at(CHRONIC_DAYS * DAY, O, T, "tolerance_index")
    return f"peak {fmt(peak,3)} at +{pk:.0f} h = {peak/mpeak:.2f}x morphine; tolerance {fmt(tol)}", peak >= 0.95 * mpeak


@behaviour("S1", "no drug: flat", "every state within 1e-9 relative over 48 h", "MODEL.md 3", "flat (R)")
def s1():
    worst = 0.0
    for ph in ("control", "deficit"):
        m = Model([], ph)
        d = m.rhs(0, m.y0)
        worst = max(worst, float(np.max(np.abs(d))))
    return f"max |f(y0)| {worst:.1e} /h", worst < 1e-8


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="+", action="extend",
                    help="rows to run (repeatable; default: all)")
    ap.add_argument("--csv")
    ap.add_argument("--cows-half-index", type=float, default=COWS["half_index"],
                    help="withdrawal index at COWS 24 (prototype 0.4; Swift library 0.85)")
    a = ap.parse_args()
    COWS["half_index"] = a.cows_half_index
    rows = [r for r in ROWS if not a.only or r[0] in a.only]
    out = []
    t_all = time.time()
    for code, text, exp, src, before, fn in rows:
        t0 = time.time()
        try:
            val, ok = fn()
        except Exception as e:  # keep the table going
            val, ok = f"error: {e}", False
        verdict = "n/a" if ok is None else ("meets" if ok else "misses")
        out.append((code, text, exp, src, before, val, verdict))
        print(f"| {code} | {text} | {exp} ({src}) | {before} | {val} | {verdict} |", flush=True)
        print(f"    [{time.time()-t0:.1f} s]", file=sys.stderr)
    n = sum(1 for r in out if r[-1] == "meets"); k = sum(1 for r in out if r[-1] != "n/a")
    print(f"\nmeets {n} of {k} simulated rows ({time.time()-t_all:.0f} s)")
    if a.csv:
        import csv
        with open(a.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["code", "behaviour", "expected", "source", "before", "model2_prototype", "verdict"])
            w.writerows(out)


if __name__ == "__main__":
    main()
