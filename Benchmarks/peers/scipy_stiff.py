#!/usr/bin/env python3
"""SciPy solve_ivp (BDF, Radau, LSODA; analytic Jacobians) on the IVP Test Set problems ROBER,
HIRES, VDPOL and POLLU, printing the ReceptorSim benchmark CSV.

Problems, end times and reference solutions are those of the IVP Test Set (Mazzia & Magherini,
release 2.4) as quoted in shared/reference/solvers.md: the same as cvode_stiff.c and
`receptor-bench stiff`.

Columns: problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error
  median_seconds  median wall time of complete solve_ivp calls (default output: every step),
                  repeated until --min-seconds (default 1 s) are spent and at least 3 repeats,
                  at most 50 repeats, and a single repeat when one solve takes over 3 s.
  steps           accepted steps (len(sol.t) - 1)
  rejected        NA: solve_ivp does not report rejected steps
  rhs_evals       sol.nfev (BDF/Radau/LSODA count f calls made for the Jacobian too, if any)
  jac_evals       sol.njev
  max_rel_error   max_i |y_i - ref_i| / |ref_i| at tend over components with |ref_i| > atol
"""
import argparse
import statistics
import sys
import time

import numpy as np
import scipy
from scipy.integrate import solve_ivp

# ----------------------------------------------------------------- ROBER (solvers.md term order)


def rober_f(t, y):
    y1, y2, y3 = y
    return np.array([-0.04 * y1 + 1e4 * y2 * y3,
                     0.04 * y1 - 1e4 * y2 * y3 - 3e7 * y2 * y2,
                     3e7 * y2 * y2])


def rober_j(t, y):
    y1, y2, y3 = y
    return np.array([[-0.04, 1e4 * y3, 1e4 * y2],
                     [0.04, -1e4 * y3 - 6e7 * y2, -1e4 * y2],
                     [0.0, 6e7 * y2, 0.0]])

# ----------------------------------------------------------------- HIRES


def hires_f(t, y):
    y1, y2, y3, y4, y5, y6, y7, y8 = y
    f7 = 280.0 * y6 * y8 - 1.81 * y7
    return np.array([-1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007,
                     1.71 * y1 - 8.75 * y2,
                     -10.03 * y3 + 0.43 * y4 + 0.035 * y5,
                     8.32 * y2 + 1.71 * y3 - 1.12 * y4,
                     -1.745 * y5 + 0.43 * y6 + 0.43 * y7,
                     -280.0 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7,
                     f7,
                     -f7])


def hires_j(t, y):
    y6, y8 = y[5], y[7]
    J = np.zeros((8, 8))
    J[0, 0], J[0, 1], J[0, 2] = -1.71, 0.43, 8.32
    J[1, 0], J[1, 1] = 1.71, -8.75
    J[2, 2], J[2, 3], J[2, 4] = -10.03, 0.43, 0.035
    J[3, 1], J[3, 2], J[3, 3] = 8.32, 1.71, -1.12
    J[4, 4], J[4, 5], J[4, 6] = -1.745, 0.43, 0.43
    J[5, 3], J[5, 4], J[5, 5], J[5, 6], J[5, 7] = 0.69, 1.71, -0.43 - 280.0 * y8, 0.69, -280.0 * y6
    J[6, 5], J[6, 6], J[6, 7] = 280.0 * y8, -1.81, 280.0 * y6
    J[7, 5], J[7, 6], J[7, 7] = -280.0 * y8, 1.81, -280.0 * y6
    return J

# ----------------------------------------------------------------- VDPOL (eps = 1e-6)


VDPOL_EPS = 1e-6


def vdpol_f(t, y):
    y1, y2 = y
    return np.array([y2, ((1.0 - y1 * y1) * y2 - y1) / VDPOL_EPS])


def vdpol_j(t, y):
    y1, y2 = y
    return np.array([[0.0, 1.0],
                     [(-2.0 * y1 * y2 - 1.0) / VDPOL_EPS, (1.0 - y1 * y1) / VDPOL_EPS]])

# ----------------------------------------------------------------- POLLU


k1, k2, k3, k4, k5, k6, k7 = .35, .266e2, .123e5, .86e-3, .82e-3, .15e5, .13e-3
k8, k9, k10, k11, k12, k13, k14 = .24e5, .165e5, .9e4, .22e-1, .12e5, .188e1, .163e5
k15, k16, k17, k18, k19, k20, k21 = .48e7, .35e-3, .175e-1, .1e9, .444e12, .124e4, .21e1
k22, k23, k24, k25 = .578e1, .474e-1, .178e4, .312e1


def pollu_f(t, y):
    (y1, y2, y3, y4, y5, y6, y7, y8, y9, y10,
     y11, y12, y13, y14, y15, y16, y17, y18, y19, y20) = y
    r1, r2, r3, r4, r5 = k1 * y1, k2 * y2 * y4, k3 * y5 * y2, k4 * y7, k5 * y7
    r6, r7, r8, r9, r10 = k6 * y7 * y6, k7 * y9, k8 * y9 * y6, k9 * y11 * y2, k10 * y11 * y1
    r11, r12, r13, r14, r15 = k11 * y13, k12 * y10 * y2, k13 * y14, k14 * y1 * y6, k15 * y3
    r16, r17, r18, r19, r20 = k16 * y4, k17 * y4, k18 * y16, k19 * y16, k20 * y17 * y6
    r21, r22, r23, r24, r25 = k21 * y19, k22 * y19, k23 * y1 * y4, k24 * y19 * y1, k25 * y20
    return np.array([
        -r1 - r10 - r14 - r23 - r24 + r2 + r3 + r9 + r11 + r12 + r22 + r25,
        -r2 - r3 - r9 - r12 + r1 + r21,
        -r15 + r1 + r17 + r19 + r22,
        -r2 - r16 - r17 - r23 + r15,
        -r3 + 2.0 * r4 + r6 + r7 + r13 + r20,
        -r6 - r8 - r14 - r20 + r3 + 2.0 * r18,
        -r4 - r5 - r6 + r13,
        r4 + r5 + r6 + r7,
        -r7 - r8,
        -r12 + r7 + r9,
        -r9 - r10 + r8 + r11,
        r9,
        -r11 + r10,
        -r13 + r12,
        r14,
        -r18 - r19 + r16,
        -r20,
        r20,
        -r21 - r22 - r24 + r23 + r25,
        -r25 + r24])


def pollu_j(t, y):
    """d f_i / d y_j summed over the 25 reactions (exact; 82 structural nonzeros)."""
    (y1, y2, y3, y4, y5, y6, y7, y8, y9, y10,
     y11, y12, y13, y14, y15, y16, y17, y18, y19, y20) = y
    J = np.zeros((20, 20))
    J[0,0] = -k1 - k10*y11 - k14*y6 - k23*y4 - k24*y19
    J[0,1] = k2*y4 + k3*y5 + k9*y11 + k12*y10
    J[0,3] = k2*y2 - k23*y1
    J[0,4] = k3*y2
    J[0,5] = -k14*y1
    J[0,9] = k12*y2
    J[0,10] = k9*y2 - k10*y1
    J[0,12] = k11
    J[0,18] = k22 - k24*y1
    J[0,19] = k25
    J[1,0] = k1
    J[1,1] = -k2*y4 - k3*y5 - k9*y11 - k12*y10
    J[1,3] = -k2*y2
    J[1,4] = -k3*y2
    J[1,9] = -k12*y2
    J[1,10] = -k9*y2
    J[1,18] = k21
    J[2,0] = k1
    J[2,2] = -k15
    J[2,3] = k17
    J[2,15] = k19
    J[2,18] = k22
    J[3,0] = -k23*y4
    J[3,1] = -k2*y4
    J[3,2] = k15
    J[3,3] = -k2*y2 - k16 - k17 - k23*y1
    J[4,1] = -k3*y5
    J[4,4] = -k3*y2
    J[4,5] = k6*y7 + k20*y17
    J[4,6] = 2.0*k4 + k6*y6
    J[4,8] = k7
    J[4,13] = k13
    J[4,16] = k20*y6
    J[5,0] = -k14*y6
    J[5,1] = k3*y5
    J[5,4] = k3*y2
    J[5,5] = -k6*y7 - k8*y9 - k14*y1 - k20*y17
    J[5,6] = -k6*y6
    J[5,8] = -k8*y6
    J[5,15] = 2.0*k18
    J[5,16] = -k20*y6
    J[6,5] = -k6*y7
    J[6,6] = -k4 - k5 - k6*y6
    J[6,13] = k13
    J[7,5] = k6*y7
    J[7,6] = k4 + k5 + k6*y6
    J[7,8] = k7
    J[8,5] = -k8*y9
    J[8,8] = -k7 - k8*y6
    J[9,1] = k9*y11 - k12*y10
    J[9,8] = k7
    J[9,9] = -k12*y2
    J[9,10] = k9*y2
    J[10,0] = -k10*y11
    J[10,1] = -k9*y11
    J[10,5] = k8*y9
    J[10,8] = k8*y6
    J[10,10] = -k9*y2 - k10*y1
    J[10,12] = k11
    J[11,1] = k9*y11
    J[11,10] = k9*y2
    J[12,0] = k10*y11
    J[12,10] = k10*y1
    J[12,12] = -k11
    J[13,1] = k12*y10
    J[13,9] = k12*y2
    J[13,13] = -k13
    J[14,0] = k14*y6
    J[14,5] = k14*y1
    J[15,3] = k16
    J[15,15] = -k18 - k19
    J[16,5] = -k20*y17
    J[16,16] = -k20*y6
    J[17,5] = k20*y17
    J[17,16] = k20*y6
    J[18,0] = k23*y4 - k24*y19
    J[18,3] = k23*y1
    J[18,18] = -k21 - k22 - k24*y1
    J[18,19] = k25
    J[19,0] = k24*y19
    J[19,18] = k24*y1
    J[19,19] = -k25
    return J

# ----------------------------------------------------------------- problem table


PROBLEMS = {
    "rober": dict(f=rober_f, jac=rober_j, tend=1e11, y0=[1.0, 0.0, 0.0],
                  ref=[0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050e+00]),
    "hires": dict(f=hires_f, jac=hires_j, tend=321.8122,
                  y0=[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0057],
                  ref=[0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4,
                       0.1175651343283149e-2, 0.2386356198831331e-2, 0.6238968252742796e-2,
                       0.2849998395185769e-2, 0.2850001604814231e-2]),
    "vdpol": dict(f=vdpol_f, jac=vdpol_j, tend=2.0, y0=[2.0, 0.0],
                  ref=[0.1706167732170483e+01, -0.8928097010247975e+00]),
    "pollu": dict(f=pollu_f, jac=pollu_j, tend=60.0,
                  y0=[0, 0.2, 0, 0.04, 0, 0, 0.1, 0.3, 0.01, 0,
                      0, 0, 0, 0, 0, 0, 0.007, 0, 0, 0],
                  ref=[0.5646255480022769e-01, 0.1342484130422339e+00, 0.4139734331099427e-08,
                       0.5523140207484359e-02, 0.2018977262302196e-06, 0.1464541863493966e-06,
                       0.7784249118997964e-01, 0.3245075353396018e+00, 0.7494013383880406e-02,
                       0.1622293157301561e-07, 0.1135863833257075e-07, 0.2230505975721359e-02,
                       0.2087162882798630e-03, 0.1396921016840158e-04, 0.8964884856898295e-02,
                       0.4352846369330103e-17, 0.6899219696263405e-02, 0.1007803037365946e-03,
                       0.1772146513969984e-05, 0.5682943292316392e-04]),
}
METHODS = {"scipy-bdf": "BDF", "scipy-radau": "Radau", "scipy-lsoda": "LSODA"}
RTOLS = [1e-4, 1e-6, 1e-8, 1e-10]
HEADER = "problem,method,rtol,atol,median_seconds,steps,rejected,rhs_evals,jac_evals,max_rel_error"


def max_rel_error(y, ref, atol):
    errors = [abs(yi - ri) / abs(ri) for yi, ri in zip(y, ref) if abs(ri) > atol]
    return max(errors) if errors else 0.0


def check_jacobian(name, p):
    """Complex-step derivatives (exact to rounding for these polynomial right-hand sides)
    against the analytic Jacobian, at y0 and at the reference state."""
    worst = 0.0
    for y in (np.array(p["y0"], float), np.array(p["ref"], float)):
        J = p["jac"](0.0, y)
        for j in range(len(y)):
            yc = y.astype(complex)
            yc[j] += 1e-30j
            col = np.imag(p["f"](0.0, yc)) / 1e-30
            scale = np.maximum(np.abs(J[:, j]), np.abs(col)) + 1e-300
            worst = max(worst, (np.abs(col - J[:, j]) / scale).max())
    return worst


def run(name, method, rtol, min_seconds, verbose):
    p = PROBLEMS[name]
    atol = 1e-3 * rtol
    y0 = np.array(p["y0"], dtype=float)
    times = []
    spent = 0.0
    while True:
        start = time.perf_counter()
        sol = solve_ivp(p["f"], (0.0, p["tend"]), y0, method=METHODS[method],
                        rtol=rtol, atol=atol, jac=p["jac"])
        elapsed = time.perf_counter() - start
        times.append(elapsed)
        spent += elapsed
        if not sol.success or elapsed > 3.0:
            break
        if (spent >= min_seconds and len(times) >= 3) or len(times) >= 50:
            break
    if not sol.success or sol.t[-1] != p["tend"]:
        print(f"scipy_stiff: {name} {method} rtol {rtol:.0e}: {sol.message}", file=sys.stderr)
        median, error = "nan", "nan"
    else:
        median = f"{statistics.median(times):.6e}"
        error = f"{max_rel_error(sol.y[:, -1], p['ref'], atol):.3e}"
    print(f"{name},{method},{rtol:.0e},{atol:.0e},{median},{len(sol.t) - 1},NA,"
          f"{sol.nfev},{sol.njev},{error}", flush=True)
    if verbose:
        print(f"scipy_stiff: {name} {method} rtol {rtol:.0e}: {len(times)} repeats, "
              f"{sol.nlu} LU factorisations", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problem", choices=sorted(PROBLEMS))
    parser.add_argument("--method", choices=sorted(METHODS))
    parser.add_argument("--rtol", type=float)
    parser.add_argument("--min-seconds", type=float, default=1.0)
    parser.add_argument("--skip-tight-pure-python", action="store_true",
                        help="skip rtol 1e-10 for the pure-Python BDF and Radau (slowest rows)")
    parser.add_argument("--no-header", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--check-jacobians", action="store_true",
                        help="compare each analytic Jacobian with central differences and exit")
    args = parser.parse_args()
    if args.rtol is not None and not args.rtol > 0:
        parser.error("--rtol must be positive")
    if args.check_jacobians:
        for name, p in PROBLEMS.items():
            print(f"{name}: max relative Jacobian entry difference {check_jacobian(name, p):.2e}")
        return
    if args.verbose:
        print(f"scipy_stiff: scipy {scipy.__version__}, numpy {np.__version__}, "
              f"python {sys.version.split()[0]}", file=sys.stderr)
    if not args.no_header:
        print(HEADER, flush=True)
    problems = [args.problem] if args.problem else list(PROBLEMS)
    methods = [args.method] if args.method else list(METHODS)
    rtols = [args.rtol] if args.rtol else RTOLS
    for name in problems:
        for method in methods:
            for rtol in rtols:
                if (args.skip_tight_pure_python and rtol < 1e-9
                        and method in ("scipy-bdf", "scipy-radau")):
                    print(f"scipy_stiff: skipping {name} {method} rtol {rtol:.0e} "
                          "(--skip-tight-pure-python)", file=sys.stderr)
                    continue
                run(name, method, rtol, args.min_seconds, args.verbose)


if __name__ == "__main__":
    main()
