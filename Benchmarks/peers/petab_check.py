#!/usr/bin/env python3
"""Checks `receptor-sim export --format petab` with the petab linter and, when AMICI imports,
compares AMICI's objective with ReceptorSim's at the nominal (start) parameters.

Steps:
  1. receptor-sim export --format petab STUDY... -p ... -o DIR   (timed)
  2. petab.v1 lint of DIR/problem.yaml (must pass)
  3. receptor-sim fit STUDY... -p ... --evaluate-only             (timed: ReceptorSim's objective)
     ReceptorSim prints S_at = sum r^2 over the 'at' observations (r = (model - value)/sigma)
     and PEtab's negative log-likelihood S_at/2 + C, C = sum ln(sqrt(2 pi) sigma) (the constant
     term of the normal noise model; window statistics are not in the PEtab problem).
     It also prints the gradient of that nllh with respect to ln(value) of each parameter
     (forward sensitivities of the model for the 'at' observations; fit --gradient).
  4. AMICI (if `import amici` works): import the SBML, simulate every condition at the nominal
     parameters (timed: import apart from simulation), -llh compared with ReceptorSim's to
     1e-4 relative, and S_at = 2 (nllh - C) printed beside it. With --gradient (the default),
     the model is imported with sensitivity code and simulated with forward sensitivities
     (CVODES, sensitivity_order first, sensitivity_method forward; gradient w.r.t. the
     parameters on their PEtab scale, ln), each component compared with ReceptorSim's to 1e-4
     relative, and the simulation with sensitivities timed apart from the one without.
Exit status 0 when the lint passes and (if AMICI ran) the objectives and gradients agree.

  5. With --repeats N (N > 1), N alternated timing rounds after the checks: ReceptorSim's
     `fit --evaluate-only` with sensitivities and with central differences (wall and CPU of the
     whole process), AMICI's simulation without and with forward sensitivities; medians printed
     with the range and the load average before and after.

Usage: petab_check.py [--bin PATH] [--keep DIR] [--reuse-model] [--no-gradient] [--repeats N] [--study ID ...] [-p NAME ...]
Default: the three Greenwald 2003 buprenorphine PET studies with buprenorphine.clearance_l_per_h
and buprenorphine.mu.ki_nM.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

DEFAULT_STUDIES = [
    "greenwald-2003-buprenorphine-2mg-mu-pet",
    "greenwald-2003-buprenorphine-16mg-mu-pet",
    "greenwald-2003-buprenorphine-32mg-mu-pet",
]
DEFAULT_PARAMETERS = ["buprenorphine.clearance_l_per_h", "buprenorphine.mu.ki_nM"]


def run(command):
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    return done, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=".build/release/receptor-sim")
    parser.add_argument("--keep", help="write the PEtab problem here instead of a temporary folder")
    parser.add_argument("--study", action="append", help="a study id (repeat); default: three Greenwald 2003 studies")
    parser.add_argument("--parameter", "-p", action="append", help="NAME[=INITIAL][:LOWER:UPPER] (repeat)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="after the checks, time N alternated rounds (ReceptorSim fit with sensitivities, with "
                             "differences, AMICI without and with sensitivities) and print medians (default 1: no rounds)")
    parser.add_argument("--reuse-model", action="store_true",
                        help="import the AMICI model already compiled in the --keep folder's sibling (compile only if it "
                             "cannot be imported) instead of generating and compiling it again")
    parser.add_argument("--no-gradient", action="store_true",
                        help="compare the objective only (AMICI imported without sensitivity code)")
    args = parser.parse_args()
    studies = args.study or DEFAULT_STUDIES
    parameters = args.parameter or DEFAULT_PARAMETERS
    flags = [x for p in parameters for x in ("-p", p)]
    folder = args.keep or os.path.join(tempfile.mkdtemp(prefix="petab-check-"), "problem")

    done, export_s = run([args.bin, "export", "--format", "petab", *studies, *flags, "-o", folder])
    if done.returncode != 0:
        sys.exit(f"export failed ({done.returncode}): {done.stderr}")
    skipped = [line for line in done.stderr.splitlines() if line.startswith("warning: skipped")]
    print(f"export: {folder} in {export_s:.2f} s; {len(skipped)} window statistic(s) skipped")

    import petab.v1 as petab
    problem = petab.Problem.from_yaml(os.path.join(folder, "problem.yaml"))
    failed = petab.lint.lint_problem(problem)
    print("petab lint (petab %s): %s" % (petab.__version__ if hasattr(petab, "__version__") else "?",
                                         "FAILED" if failed else "passed"))
    if failed:
        sys.exit(1)

    done, fit_s = run([args.bin, "fit", *studies, *flags, "--evaluate-only"])
    if done.returncode != 0:
        sys.exit(f"fit --evaluate-only failed ({done.returncode}): {done.stderr}")
    s_at = float(re.search(r"S_at = (\S+)", done.stdout).group(1))
    nllh_rs = float(re.search(r"S_at/2 \+ C = (\S+), C = .* = (\S+)", done.stdout).group(1))
    constant = float(re.search(r"S_at/2 \+ C = (\S+), C = .* = (\S+)", done.stdout).group(2))
    print(f"ReceptorSim (fit --evaluate-only, all studies): S_at = {s_at:.10g}, nllh = {nllh_rs:.10g} "
          f"(C = {constant:.10g}) in {fit_s:.2f} s")
    names = [p.split("=")[0].split(":")[0] for p in parameters]
    gradient_rs = {}
    for line in done.stdout.splitlines():
        fields = line.strip().split("\t")
        if len(fields) == 3 and fields[0] in names:
            gradient_rs[fields[0]] = float(fields[2])
    print("ReceptorSim gradient of nllh w.r.t. ln(value): "
          + ", ".join(f"{name} {gradient_rs[name]:.10g}" for name in names))
    # The gradient alone: the same command with and without it differ by one sensitivity solve
    # per study; time the whole command again with central differences for comparison.
    _, fit_fd_s = run([args.bin, "fit", *studies, *flags, "--evaluate-only", "--gradient", "differences"])
    print(f"ReceptorSim fit --evaluate-only: {fit_s:.3f} s with sensitivities, {fit_fd_s:.3f} s with central differences")

    try:
        start = time.perf_counter()
        import amici
        try:  # AMICI >= 1.0
            from amici.importers.petab.v1 import import_petab_problem
            from amici.sim.sundials.petab.v1 import simulate_petab
        except ImportError as error:  # AMICI 0.x
            if "amici" not in str(error):
                raise
            from amici.petab.petab_import import import_petab_problem
            from amici.petab.simulations import simulate_petab
    except Exception as error:  # noqa: BLE001 - any import failure means "not available"
        print(f"AMICI: not available ({type(error).__name__}: {error}); only the lint was checked")
        return 0
    gradient = not args.no_gradient
    model_dir = os.path.join(os.path.dirname(folder), "amici_model_sensitivities" if gradient else "amici_model")
    import logging
    # With --no-gradient no sensitivity code: AMICI's symbolic event sensitivities for this
    # model (14 dose events) make code generation far slower (over 5 minutes on this machine).
    model = import_petab_problem(problem, model_dir, compile_=None if args.reuse_model else True, verbose=logging.WARNING,
                                 generate_sensitivity_code=gradient)
    import_s = time.perf_counter() - start
    logging.disable(logging.INFO)  # AMICI's parameter mapping logs every fixed parameter at DEBUG
    solver = model.create_solver() if hasattr(model, "create_solver") else model.getSolver()
    for setter, value in (("relative_tolerance", 1e-10), ("absolute_tolerance", 1e-14), ("max_steps", 10**6)):
        snake = getattr(solver, "set_" + setter, None)
        if snake is not None:
            snake(value)
        else:
            getattr(solver, "set" + "".join(part.title() for part in setter.split("_")))(value)
    start = time.perf_counter()
    result = simulate_petab(problem, amici_model=model, solver=solver, scaled_parameters=False, log_level=logging.WARNING)
    simulate_s = time.perf_counter() - start
    nllh_amici = -result["llh"]
    relative = abs(nllh_amici - nllh_rs) / abs(nllh_rs)
    print(f"AMICI {amici.__version__}: nllh = {nllh_amici:.10g} (S_at = {2 * (nllh_amici - constant):.10g}); "
          f"import+compile {import_s:.1f} s, simulation {simulate_s:.3f} s")
    print(f"relative difference of nllh: {relative:.2e} ({'within' if relative <= 1e-4 else 'OUTSIDE'} 1e-4)")
    ok = relative <= 1e-4
    if gradient:
        set_option(solver, "sensitivity_order", amici_enum(amici, "SensitivityOrder", "first"))
        set_option(solver, "sensitivity_method", amici_enum(amici, "SensitivityMethod", "forward"))
        start = time.perf_counter()
        result = simulate_petab(problem, amici_model=model, solver=solver, scaled_parameters=False,
                                scaled_gradients=True, log_level=logging.WARNING)
        sensitivity_s = time.perf_counter() - start
        sllh = result["sllh"]
        print(f"AMICI forward sensitivities: simulation with gradient {sensitivity_s:.3f} s "
              f"({sensitivity_s / simulate_s:.2f}x the simulation without)")
        parameter_ids = dict(zip(problem.parameter_df["parameterName"], problem.parameter_df.index))
        for name in names:
            amici_value = -sllh[parameter_ids[name]]
            difference = abs(amici_value - gradient_rs[name]) / max(abs(gradient_rs[name]), 1e-300)
            ok = ok and difference <= 1e-4
            print(f"  d nllh / d ln {name}: AMICI {amici_value:.10g}, ReceptorSim {gradient_rs[name]:.10g}, "
                  f"relative difference {difference:.2e} ({'within' if difference <= 1e-4 else 'OUTSIDE'} 1e-4)")
    if args.repeats > 1:
        timing_rounds(args.repeats, [args.bin, "fit", *studies, *flags, "--evaluate-only"], amici, problem, model,
                      solver, simulate_petab, gradient)
    return 0 if ok else 1


def timing_rounds(repeats, fit_command, amici, problem, model, solver, simulate_petab, gradient):
    """Medians of `repeats` alternated rounds, so that a change in the machine's load (other
    sessions' builds) falls on every contender alike: ReceptorSim's whole `fit --evaluate-only`
    process with sensitivities and with central differences (wall and CPU), AMICI's simulation of
    the conditions without and (with --gradient) with forward sensitivities (wall and CPU, in this process)."""
    import logging
    import resource
    import statistics
    timings = {}

    def record(label, seconds):
        timings.setdefault(label, []).append(seconds)

    def child_cpu():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    load_before = os.getloadavg()
    for _ in range(repeats):
        for label, extra in (("ReceptorSim fit --gradient sensitivities", []),
                             ("ReceptorSim fit --gradient differences", ["--gradient", "differences"])):
            cpu = child_cpu()
            _, seconds = run(fit_command + extra)
            record(label + " wall", seconds)
            record(label + " CPU", child_cpu() - cpu)
        for order in (["none", "first"] if gradient else ["none"]):
            set_option(solver, "sensitivity_order", amici_enum(amici, "SensitivityOrder", order))
            start, cpu = time.perf_counter(), time.process_time()
            simulate_petab(problem, amici_model=model, solver=solver, scaled_parameters=False,
                           scaled_gradients=order == "first", log_level=logging.WARNING)
            label = "AMICI simulation" + (" with forward sensitivities" if order == "first" else "")
            record(label + " wall", time.perf_counter() - start)
            record(label + " CPU", time.process_time() - cpu)
    load_after = os.getloadavg()
    print(f"timing: medians of {repeats} alternated rounds (min-max), load average (1, 5, 15 min) "
          f"{', '.join(f'{x:.1f}' for x in load_before)} before, {', '.join(f'{x:.1f}' for x in load_after)} after")
    for label, values in timings.items():
        print(f"  {label}: {statistics.median(values):.3f} s ({min(values):.3f}-{max(values):.3f})")


def set_option(solver, name, value):
    """Calls solver.set_<name> (AMICI >= 1.0) or solver.set<Name> (AMICI 0.x)."""
    snake = getattr(solver, "set_" + name, None)
    if snake is not None:
        snake(value)
    else:
        getattr(solver, "set" + "".join(part.title() for part in name.split("_")))(value)


def amici_enum(amici, enum, member):
    """amici.<enum>.<member> (AMICI >= 1.0) or amici.<enum>_<member> (AMICI 0.x)."""
    holder = getattr(amici, enum, None)
    if holder is not None and hasattr(holder, member):
        return getattr(holder, member)
    for module in (amici, getattr(amici, "sim", None)):
        if module is not None and hasattr(module, f"{enum}_{member}"):
            return getattr(module, f"{enum}_{member}")
    import amici.sim.sundials as sundials
    return getattr(getattr(sundials, enum), member)


if __name__ == "__main__":
    sys.exit(main())
