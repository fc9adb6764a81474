#!/usr/bin/env python3
"""Joins receptor-bench and peer CSVs (same columns) into one side-by-side Markdown table.

For each problem and rtol:
  best ReceptorSim method: the fastest ReceptorSim row at that rtol whose max_rel_error is at
    most CVODE's at the same rtol (the target is "faster at equal or smaller error"); if none
    is that accurate, the fastest row, marked with '*'.
  same-rtol ratio: peer median time / ReceptorSim median time at the same rtol (> 1 means
    ReceptorSim is faster); both errors are printed beside it.
  matched-accuracy ratio: the cheapest peer run over the whole rtol sweep whose error is at
    most ReceptorSim's, divided by ReceptorSim's time ('>' marks a lower bound: no peer run in
    the sweep was that accurate, so the ratio uses the peer's most accurate run).
Usage: compare_table.py RECEPTORSIM_CSV PEERS_CSV [--peer cvode] [--peer scipy-bdf]
"""
import argparse
import csv
import math
import sys


def load(path):
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rows.append(row)
    return rows


def number(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return math.nan
    return value


def ok(row):
    return math.isfinite(number(row["median_seconds"])) and math.isfinite(number(row["max_rel_error"]))


def ms(row):
    return f"{1e3 * number(row['median_seconds']):.3f}" if row and ok(row) else "failed"


def err(row):
    return f"{number(row['max_rel_error']):.1e}" if row and ok(row) else "-"


def ratio(peer_seconds, ours_seconds, bound=""):
    if not (math.isfinite(peer_seconds) and math.isfinite(ours_seconds)) or ours_seconds <= 0:
        return "-"
    return f"{bound}{peer_seconds / ours_seconds:.2f}x"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ours")
    parser.add_argument("peers")
    parser.add_argument("--peer", action="append", dest="peer_methods")
    args = parser.parse_args()
    peer_methods = args.peer_methods or ["cvode", "scipy-bdf"]
    ours = load(args.ours)
    peers = load(args.peers)
    rtol_order = sorted({r["rtol"] for r in ours + peers}, key=lambda x: -float(x))
    problems = []
    for r in ours + peers:
        if r["problem"] not in problems:
            problems.append(r["problem"])

    header = ["problem", "rtol", "ReceptorSim method", "RS ms", "RS err"]
    for peer in peer_methods:
        header += [f"{peer} ms", f"{peer} err", f"{peer}/RS same rtol",
                   f"{peer}/RS matched accuracy"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for problem in problems:
        for rtol in rtol_order:
            mine = [r for r in ours if r["problem"] == problem and r["rtol"] == rtol]
            if not mine:
                continue
            peer_rows = {p: next((r for r in peers if r["problem"] == problem and r["rtol"] == rtol
                                  and r["method"] == p), None) for p in peer_methods}
            good = [r for r in mine if ok(r)]
            best, marker = None, ""
            if good:
                anchor = peer_rows.get(peer_methods[0])
                anchor_err = number(anchor["max_rel_error"]) if anchor and ok(anchor) else math.inf
                accurate = [r for r in good if number(r["max_rel_error"]) <= anchor_err]
                pool = accurate or good
                marker = "" if accurate else "*"
                best = min(pool, key=lambda r: number(r["median_seconds"]))
            line = [problem, rtol, (best["method"] + marker) if best else "all failed",
                    ms(best), err(best)]
            for peer in peer_methods:
                row = peer_rows[peer]
                same = "-"
                matched = "-"
                if best and row and ok(row):
                    same = ratio(number(row["median_seconds"]), number(best["median_seconds"]))
                if best:
                    sweep = [r for r in peers if r["problem"] == problem and r["method"] == peer
                             and ok(r)]
                    target = number(best["max_rel_error"])
                    reaching = [r for r in sweep if number(r["max_rel_error"]) <= target]
                    if reaching:
                        cheapest = min(reaching, key=lambda r: number(r["median_seconds"]))
                        matched = ratio(number(cheapest["median_seconds"]),
                                        number(best["median_seconds"])) + f" (@{cheapest['rtol']})"
                    elif sweep:
                        closest = min(sweep, key=lambda r: number(r["max_rel_error"]))
                        matched = ratio(number(closest["median_seconds"]),
                                        number(best["median_seconds"]), ">") + f" (@{closest['rtol']})"
                line += [ms(row), err(row), same, matched]
            print("| " + " | ".join(line) + " |")
    print()
    print("RS = ReceptorSim. ms = median wall time of complete solves. err = max_i |y_i - ref_i|/|ref_i| "
          "at tend over |ref_i| > atol. Ratios > 1: ReceptorSim faster. '*': no ReceptorSim method "
          f"reached {peer_methods[0]}'s error at that rtol. '@rtol': the peer run used for the "
          "matched-accuracy ratio; '>': lower bound (no peer run in the sweep was as accurate).")


if __name__ == "__main__":
    sys.exit(main())
