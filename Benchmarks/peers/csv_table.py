#!/usr/bin/env python3
"""Markdown table of a benchmark CSV (run_peers.sh or receptor-bench stiff), adding the repeats
and LU factorisation counts from the same run's --verbose stderr log.

Usage: csv_table.py CSV [VERBOSE_STDERR_LOG]
"""
import csv
import math
import re
import sys

extra = {}
if len(sys.argv) > 2:
    for line in open(sys.argv[2]):
        m = re.match(r"(?:cvode_stiff|scipy_stiff|receptor-bench): (\w+) ([\w-]+) rtol (\S+): (\d+) repeats, (\d+) LU", line)
        if m:
            extra[(m[1], m[2], m[3])] = (m[4], m[5])
rows = list(csv.DictReader(open(sys.argv[1])))
problem_order = {"rober": 0, "hires": 1, "vdpol": 2, "pollu": 3}
method_order = {"rodas5p": 0, "rosenbrock23": 1, "tsit5": 2,
                "cvode": 3, "cvode-dq": 4, "scipy-lsoda": 5, "scipy-bdf": 6, "scipy-radau": 7}
rows.sort(key=lambda r: (problem_order.get(r["problem"], 9), method_order.get(r["method"], 9),
                         -float(r["rtol"])))
print("| problem | method | rtol | atol | median ms | repeats | steps | rejected | f evals | J evals "
      "| LU | max rel err |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for r in rows:
    repeats, lu = extra.get((r["problem"], r["method"], r["rtol"]), ("?", "?"))
    t, e = float(r["median_seconds"]), float(r["max_rel_error"])
    ms = "failed" if math.isnan(t) else f"{1e3 * t:.3f}"
    err = "-" if math.isnan(e) else f"{e:.2e}"
    print(f"| {r['problem']} | {r['method']} | {r['rtol']} | {r['atol']} | {ms} | {repeats} "
          f"| {r['steps']} | {r['rejected']} | {r['rhs_evals']} | {r['jac_evals']} | {lu} | {err} |")
