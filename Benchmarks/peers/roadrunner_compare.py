#!/usr/bin/env python3
"""ReceptorSim against libRoadRunner on every shipped scenario (issue 7).

For each Scenarios/*.json: write a copy with tight solver tolerances, export it to SBML with
`receptor-sim export`, run it with `receptor-sim run` to CSV, load the SBML in libRoadRunner
(LLVM-compiled model, SUNDIALS CVODE), simulate on the CSV's output grid at the same tolerances,
and report the largest relative difference over all shared columns
(|a - b| / max(|b|, floor), floor 1e-9 by default) and the simulation time of each.

Times (fastest of --repeats, the one least disturbed by other load; ReceptorSim = the wall time
`run --summary` reports, inside the process, process start excluded):
  RS run s     ReceptorSim, all columns: compile (two steady-state solves) + solve +
               observables + CSV formatting and writing
  RS solve s   ReceptorSim, one column (--columns hedonic_tone): compile + solve, the part
               comparable to libRoadRunner's simulate()
  RR load s    libRoadRunner: RoadRunner(sbml) (parse + LLVM compile), reported apart
  RR sim s     libRoadRunner: simulate() on the same grid, all shared columns selected
The remaining columns time both at the scenarios' default tolerances (rtol 1e-6, atol 1e-9),
one run of each side in turn per round, medians of --repeats rounds, for each ReceptorSim method
of --speed-methods (default rodas5p,bdf); "err" is the largest difference from the tight
ReceptorSim run over all columns as a fraction of the column's range (how converged each
default-tolerance run is). --no-speed-tolerances skips them.

Needs libroadrunner from PyPI (pip install libroadrunner); python-libsbml (optional) adds
libsbml's full consistency check of each export (column "libsbml err/warn"; an error fails
the run). Used only here, never by the product.
Usage: python3 Benchmarks/peers/roadrunner_compare.py [--receptor-sim PATH] [--scenario NAME ...]
       [--repeats N] [--tight-method rodas5p|bdf] [--speed-methods rodas5p,bdf]
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenario_text import with_solver  # noqa: E402
import roadrunner

try:  # optional: python-libsbml, for the full consistency check (units included)
    import libsbml
except ImportError:
    libsbml = None

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def duration_hours(text):
    m = re.search(r"\bduration_h\s*:\s*([0-9.eE+-]+)", text)
    return float(m.group(1))


def run_receptor_sim(binary, scenario, csv_path, repeats, extra=()):
    """Runs `receptor-sim run` `repeats` times; returns (fastest summary wall s, accepted steps)."""
    walls, steps = [], 0
    for _ in range(repeats):
        done = subprocess.run([binary, "run", scenario, "-o", csv_path, "--summary", "--quiet", *extra],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"receptor-sim run {scenario} failed ({done.returncode}): {done.stderr.strip()}")
        m = re.search(r"wall time:\s*([0-9.eE+-]+)\s*s", done.stderr)
        walls.append(float(m.group(1)) if m else float("nan"))
        m = re.search(r"steps\s+(\d+)\s+accepted", done.stderr)
        steps = int(m.group(1)) if m else -1
    return min(walls), steps


def sbml_issues(path):
    """libsbml's consistency check (all categories, units included): 'errors/warnings'."""
    if libsbml is None:
        return "n/a"
    document = libsbml.readSBMLFromFile(path)
    document.checkConsistency()
    issues = [document.getError(i) for i in range(document.getNumErrors())]
    errors = [e for e in issues if e.getSeverity() >= libsbml.LIBSBML_SEV_ERROR]
    for e in issues[:5]:
        print(f"    {os.path.basename(path)}: {e.getSeverityAsString()}: {e.getMessage().strip()[:300]}", file=sys.stderr)
    return f"{len(errors)}/{len(issues) - len(errors)}"


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    data = np.array([[float(x) for x in r] for r in rows[1:]], dtype=float)
    return header, data


def configure(rr, tolerance_scales, columns, rtol, atol):
    """CVODE (stiff BDF) at rtol and, per state, ReceptorSim's absolute tolerance.

    ReceptorSim's absolute tolerance for a state is the scenario's atol times the state's
    natural scale (CompiledModel.stateScales: the largest dose in nmol for compartments and
    depots, the baseline for peptides, 1 for receptor fractions), and for depots at least rtol
    times their largest dose (CompiledModel.absoluteTolerances), which the export records in a
    receptorsim:state annotation (absoluteToleranceScale, relativeToleranceFloorScale). libRoadRunner 2.x would otherwise scale each state's absolute
    tolerance by its initial value when that is below 1 (getAbsoluteToleranceVector() shows
    1.7e-25 for a state starting at 1.7e-16 with atol 1e-9): the drug-free steady state has
    feedback and adaptation states at round-off level, so CVODE would chase round-off (48,874
    steps for the flat 7-day baseline at rtol 1e-6, "too much accuracy requested" at 1e-10).
    """
    rr.setIntegrator("cvode")
    integrator = rr.getIntegrator()
    integrator.setValue("relative_tolerance", rtol)
    integrator.setValue("absolute_tolerance", atol)
    integrator.setValue("stiff", True)
    integrator.setValue("maximum_num_steps", 1_000_000)
    integrator.setValue("variable_step_size", False)
    for sid, (scale, floor) in tolerance_scales.items():
        integrator.setIndividualTolerance(sid, max(atol * scale, rtol * floor))
    rr.timeCourseSelections = ["time"] + columns


def tolerance_scales(sbml_text):
    """State id -> (absoluteToleranceScale, relativeToleranceFloorScale) from the
    receptorsim:state annotations ((1, 0) if absent)."""
    scales = {}
    pattern = re.compile(r'<(?:parameter|species) id="([^"]+)"[^>]*constant="false">\s*<annotation>\s*'
                         r'<receptorsim:state ([^>]*)/>')
    for sid, attributes in pattern.findall(sbml_text):
        scale = re.search(r'absoluteToleranceScale="([^"]+)"', attributes)
        floor = re.search(r'relativeToleranceFloorScale="([^"]+)"', attributes)
        scales[sid] = (float(scale.group(1)) if scale else 1.0, float(floor.group(1)) if floor else 0.0)
    for sid in re.findall(r'<rateRule variable="([^"]+)"', sbml_text) + re.findall(r'<species id="([^"]+)"', sbml_text):
        scales.setdefault(sid, (1.0, 0.0))
    return scales


def simulate_once(rr, scales, columns, times, rtol, atol):
    """One timed simulate() on a loaded model from its initial state; returns (s, result)."""
    rr.resetToOrigin()
    configure(rr, scales, columns, rtol, atol)
    start = time.perf_counter()
    result = rr.simulate(float(times[0]), float(times[-1]), len(times))
    return time.perf_counter() - start, result


def run_roadrunner(sbml_path, columns, times, rtol, atol, repeats):
    """Loads and simulates on `times`; returns (load s, fastest simulate s, result array)."""
    scales = tolerance_scales(open(sbml_path).read())
    start = time.perf_counter()
    rr = roadrunner.RoadRunner(sbml_path)
    load = time.perf_counter() - start
    sims = []
    result = None
    for _ in range(repeats):
        seconds, result = simulate_once(rr, scales, columns, times, rtol, atol)
        sims.append(seconds)
    return load, min(sims), np.array(result)


def range_error(header, ours, their_header, theirs, columns):
    """Largest error over `columns` of a run (`theirs`, columns named by `their_header`) against
    the tight ReceptorSim run, as a fraction of each column's range there (floored at 1e-6 of
    its largest magnitude, and 1e-12): how far a default-tolerance run is from the converged
    curves."""
    worst = 0.0
    for name in columns:
        b = ours[:, header.index(name)]
        scale = max(float(b.max() - b.min()), 1e-6 * float(np.abs(b).max()), 1e-12)
        worst = max(worst, float(np.max(np.abs(theirs[:, their_header.index(name)] - b))) / scale)
    return worst


def compare(header, ours, theirs, columns, floor):
    """Largest relative difference per column: |a - b| / max(|b|, floor), b = ReceptorSim."""
    worst = {}
    for j, name in enumerate(columns):
        a = theirs[:, j + 1]
        b = ours[:, header.index(name)]
        rel = np.abs(a - b) / np.maximum(np.abs(b), floor)
        k = int(np.argmax(rel))
        worst[name] = (float(rel[k]), float(ours[k, 0]), float(b[k]), float(a[k]))
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--receptor-sim", default=os.path.join(ROOT, ".build/release/receptor-sim"))
    # "extend": each --scenario adds to the list (argparse's default "store" kept only the last).
    parser.add_argument("--scenario", nargs="+", action="extend",
                        help="scenario names in Scenarios/ or paths to .json files, repeatable (default: all in Scenarios/)")
    parser.add_argument("--rtol", type=float, default=1e-10)
    parser.add_argument("--atol", type=float, default=1e-14)
    parser.add_argument("--floor", type=float, default=1e-9)
    parser.add_argument("--target", type=float, default=1e-4)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-speed-tolerances", action="store_true",
                        help="skip the timing at the default tolerances (rtol 1e-6, atol 1e-9)")
    parser.add_argument("--tight-method", default="rodas5p",
                        help="ReceptorSim method of the tight-tolerance agreement run")
    parser.add_argument("--speed-methods", default="rodas5p,bdf",
                        help="ReceptorSim methods timed at the default tolerances (comma-separated)")
    parser.add_argument("--keep", help="keep SBML, CSV and scenario copies in this directory")
    parser.add_argument("--verbose", action="store_true", help="the five worst columns per scenario")
    args = parser.parse_args()
    # SUNDIALS prints its CVODE notes ("t + h = t on the next step" at event times, harmless)
    # to the C stdout: send that to stderr and keep stdout for the table.
    sys.stdout.flush()
    table = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    # Keep libRoadRunner's own log to errors. (CVODE's "t + h = t on the next step" notes at
    # event times still reach stderr through SUNDIALS' handler; they are harmless.)
    roadrunner.Logger.setLevel(roadrunner.Logger.LOG_ERROR)

    names = args.scenario or sorted(f[:-5] for f in os.listdir(os.path.join(ROOT, "Scenarios")) if f.endswith(".json"))
    work = args.keep or tempfile.mkdtemp(prefix="rr_compare_")
    os.makedirs(work, exist_ok=True)
    print(f"libroadrunner {roadrunner.__version__}; ReceptorSim {args.tight_method} and CVODE at rtol {args.rtol:g}, atol {args.atol:g}; relative difference "
          f"|a-b|/max(|b|,{args.floor:g}); target {args.target:g}; fastest of {args.repeats}", file=sys.stderr)
    header_line = ("| scenario | days | libsbml err/warn | rows | shared cols | max rel diff | worst column (t h) | agree "
                   "| RS steps | RS run s | RS solve s | RR load s | RR sim s | RR sim / RS solve |")
    speed_methods = [m for m in args.speed_methods.split(",") if m]
    if not args.no_speed_tolerances:
        header_line += " RR sim s @1e-6 | RR err @1e-6 |"
        for method in speed_methods:
            header_line += f" {method} steps | {method} solve s | {method} err | RR sim / {method} solve |"
    print(header_line, file=table)
    print("|" + "---|" * (header_line.count("|") - 1), file=table)
    failures = 0
    for name in names:
        path = name if name.endswith(".json") else os.path.join(ROOT, "Scenarios", name + ".json")
        source = open(path).read()
        name = os.path.basename(path)[:-5]
        days = duration_hours(source) / 24
        tight = os.path.join(work, name + ".tight.json")
        with open(tight, "w") as f:
            f.write(with_solver(source, args.tight_method, args.rtol, args.atol))
        sbml = os.path.join(work, name + ".xml")
        out = os.path.join(work, name + ".csv")
        subprocess.run([args.receptor_sim, "export", tight, "--format", "sbml", "-o", sbml], check=True)
        issues = sbml_issues(sbml)
        if issues not in ("n/a",) and not issues.startswith("0/"):
            failures += 1
        rs_wall, rs_steps = run_receptor_sim(args.receptor_sim, tight, out, args.repeats)
        header, ours = read_csv(out)
        # The solve without the observables and CSV formatting of every column: one column.
        one = os.path.join(work, name + ".one.csv")
        rs_solve, _ = run_receptor_sim(args.receptor_sim, tight, one, args.repeats, ("--columns", "hedonic_tone"))
        rr_probe = roadrunner.RoadRunner(sbml)
        sbml_ids = set(rr_probe.model.getGlobalParameterIds())
        columns = [c for c in header[1:] if c in sbml_ids]
        load, rr_sim, theirs = run_roadrunner(sbml, columns, ours[:, 0], args.rtol, args.atol, args.repeats)
        if theirs.shape[0] != ours.shape[0] or np.max(np.abs(theirs[:, 0] - ours[:, 0])) > 1e-9:
            raise RuntimeError(f"{name}: output grids differ")
        worst = compare(header, ours, theirs, columns, args.floor)
        column, (rel, t, b, a) = max(worst.items(), key=lambda kv: kv[1][0])
        agree = rel <= args.target
        failures += 0 if agree else 1
        row = (f"| {name} | {days:g} | {issues} | {len(ours)} | {len(columns)}/{len(header) - 1} | {rel:.2e} | "
               f"{column} ({t:g}) | {'yes' if agree else 'NO'} | {rs_steps} | {rs_wall:.3f} | {rs_solve:.3f} | "
               f"{load:.2f} | {rr_sim:.3f} | {rr_sim / rs_solve:.2f} |")
        if not args.no_speed_tolerances:
            # Alternated, one run of each side per round, so both meet the same speed modes of
            # a shared machine (which switches between modes about 1.7x apart); the model is
            # loaded once and warmed by one untimed simulate(). Medians of --repeats rounds.
            rr = roadrunner.RoadRunner(sbml)
            scales = tolerance_scales(open(sbml).read())
            _, rr_result = simulate_once(rr, scales, columns, ours[:, 0], 1e-6, 1e-9)
            rr_error = range_error(header, ours, ["time"] + columns, np.array(rr_result), columns)
            loose = {}
            for method in speed_methods:
                path = os.path.join(work, f"{name}.{method}.json")
                with open(path, "w") as f:
                    f.write(with_solver(source, method, 1e-6, 1e-9))
                full = os.path.join(work, f"{name}.{method}.csv")
                run_receptor_sim(args.receptor_sim, path, full, 1)
                mine_header, mine = read_csv(full)
                loose[method] = (path, range_error(header, ours, mine_header, mine, header[1:]), [])
            rr_runs = []
            steps = {}
            for _ in range(args.repeats):
                for method in speed_methods:
                    path, _, runs = loose[method]
                    wall, steps[method] = run_receptor_sim(
                        args.receptor_sim, path, os.path.join(work, name + ".one-loose.csv"), 1, ("--columns", "hedonic_tone"))
                    runs.append(wall)
                rr_runs.append(simulate_once(rr, scales, columns, ours[:, 0], 1e-6, 1e-9)[0])
            rr_loose = statistics.median(rr_runs)
            row += f" {rr_loose:.3f} | {rr_error:.1e} |"
            for method in speed_methods:
                _, error, runs = loose[method]
                rs_loose = statistics.median(runs)
                row += f" {steps[method]} | {rs_loose:.3f} | {error:.1e} | {rr_loose / rs_loose:.2f} |"
        print(row, file=table, flush=True)
        if args.verbose:
            for c, (r, tt, bb, aa) in sorted(worst.items(), key=lambda kv: -kv[1][0])[:5]:
                print(f"    {c}: rel {r:.2e} at t = {tt:g} h: ReceptorSim {bb!r}, libRoadRunner {aa!r}", file=sys.stderr)
    print(f"{len(names) - failures}/{len(names)} scenarios agree within {args.target:g}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
