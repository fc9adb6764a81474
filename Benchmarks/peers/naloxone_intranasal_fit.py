#!/usr/bin/env python3
"""Refits the library's intranasal naloxone route (issue 16, 2026-12-07) and prints its figures.

The target is the plasma curve of the FDA model of NARCAN 4 mg (study SCR-011; pharmacology
reference section 1.2: F 0.256, depot -> transit (ktr 0.0105 /s) -> absorption (kin 0.002657 /s),
CL 2.33 L/min, V1 114.3 L, Q 8.47 L/min, V2 113.8 L). The model fitted is the library's: the FDA
three-compartment IV disposition of naloxone (CL 230.4 L/h, V1 34.44 L, Q2 235.8 L/h, V2 70.15 L,
Q3 55.2 L/h, V3 82.12 L) fed by two parallel first-order depots (F, fast rate, slow share, slow
rate). Least squares on absolute (default) or log residuals every 0.02 h over 0.02-6 h.
Prints the estimates, Tmax and Cmax (0-4 h), AUC 0-6 h and the 2-6 h half-life (the trapezoid-
weighted log-linear fit `validate` uses). Needs numpy and scipy.
Usage: naloxone_intranasal_fit.py [--log]
"""
import sys
import numpy as np
from scipy.linalg import expm
from scipy.optimize import least_squares

MOLAR_MASS = 327.3
DOSE_NMOL = 4e6 / MOLAR_MASS
IV = dict(CL=230.4, V1=34.44, Q2=235.8, V2=70.15, Q3=55.2, V3=82.12)


def half_life(t, c):
    w = np.zeros_like(t); dt = np.diff(t); w[:-1] += 0.5 * dt; w[1:] += 0.5 * dt
    y = np.log(c); sw, st, sy = w.sum(), (w * t).sum(), (w * y).sum()
    stt, sty = (w * t * t).sum(), (w * t * y).sum()
    return np.log(2) / -((sw * sty - st * sy) / (sw * stt - st * st))


def fda_curve(t):
    ktr, kin = 0.0105 * 3600, 0.002657 * 3600
    cl, v1, q, v2 = 2.33 * 60, 114.3, 8.47 * 60, 113.8
    a = np.zeros((4, 4)); a[0, 0] = -ktr; a[1, 0] = ktr; a[1, 1] = -kin; a[2, 1] = kin
    a[2, 2] = -(cl + q) / v1; a[3, 2] = q / v1; a[3, 3] = -q / v2; a[2, 3] = q / v2
    x0 = np.array([0.256 * DOSE_NMOL, 0, 0, 0])
    return np.array([(expm(a * s) @ x0)[2] / v1 for s in t])


def library_curve(p, t):
    f, ka, share, ka_slow = p
    out = np.zeros_like(t)
    for amount, rate in ((f * (1 - share) * DOSE_NMOL, ka), (f * share * DOSE_NMOL, ka_slow)):
        a = np.zeros((4, 4)); a[0, 0] = -rate; a[1, 0] = rate
        a[1, 1] = -(IV['CL'] + IV['Q2'] + IV['Q3']) / IV['V1']
        a[2, 1] = IV['Q2'] / IV['V1']; a[2, 2] = -IV['Q2'] / IV['V2']; a[1, 2] = IV['Q2'] / IV['V2']
        a[3, 1] = IV['Q3'] / IV['V1']; a[3, 3] = -IV['Q3'] / IV['V3']; a[1, 3] = IV['Q3'] / IV['V3']
        w, v = np.linalg.eig(a); coef = np.linalg.solve(v, np.array([amount, 0, 0, 0]))
        out += np.real((v[1, :] * coef)[None, :] * np.exp(np.outer(t, w))).sum(1) / IV['V1']
    return out


def describe(name, t, c):
    early = t <= 4; k = np.argmax(np.where(early, c, -1)); six = t <= 6; tail = (t >= 2) & (t <= 6)
    print(f"{name}: Tmax {t[k]:.2f} h, Cmax {c[k]:.2f} nM, AUC 0-6 h {np.trapezoid(c[six], t[six]):.2f} nM h, "
          f"2-6 h half-life {half_life(t[tail], c[tail]):.3f} h")


if __name__ == "__main__":
    log = "--log" in sys.argv
    t = np.round(np.arange(0, 8.0001, 0.01), 2)
    fit_t = np.round(np.arange(0.02, 6.0001, 0.02), 2)
    target = fda_curve(fit_t)
    residual = (lambda p: np.log(library_curve(p, fit_t)) - np.log(target)) if log else \
               (lambda p: library_curve(p, fit_t) - target)
    r = least_squares(residual, [0.4, 5, 0.5, 0.7], bounds=([0.05, 0.1, 0, 0.05], [1, 100, 1, 50]))
    f, ka, share, ka_slow = r.x
    print(f"{'log' if log else 'absolute'} residuals: F {f:.4f}, fast rate {ka:.4f} /h, "
          f"slow share {share:.4f}, slow rate {ka_slow:.4f} /h")
    describe("FDA NARCAN model", t, fda_curve(t))
    describe("library, fitted", t, library_curve(r.x, t))
    describe("library, one depot F 0.391 ka 1.40 /h", t, library_curve([0.391, 1.4, 0, 1], t))
