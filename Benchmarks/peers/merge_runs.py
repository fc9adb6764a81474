#!/usr/bin/env python3
"""Merges repeated runs of one benchmark CSV: per row, the smallest of the runs' medians.

On a shared machine a whole run can be slowed by other jobs (a preempted solve inflates the
median of the slower peers most); taking, for every row, the fastest of several runs' medians
treats every solver the same way and removes most of that. Work counters and errors must be
identical across runs (they are deterministic); a difference is reported on stderr.

Usage: merge_runs.py OUT.csv RUN1.csv RUN2.csv ...
"""
import csv
import math
import sys


def main():
    out, inputs = sys.argv[1], sys.argv[2:]
    if not inputs:
        sys.exit(__doc__)
    merged, order, header = {}, [], None
    for path in inputs:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames
            for row in reader:
                key = (row["problem"], row["method"], row["rtol"])
                if key not in merged:
                    merged[key] = dict(row)
                    order.append(key)
                    continue
                kept = merged[key]
                for column in ("steps", "rejected", "rhs_evals", "jac_evals", "max_rel_error"):
                    if kept[column] != row[column]:
                        print(f"merge_runs: {key} {column} differs between runs: "
                              f"{kept[column]} vs {row[column]}", file=sys.stderr)
                new, old = float(row["median_seconds"]), float(kept["median_seconds"])
                if not math.isnan(new) and (math.isnan(old) or new < old):
                    kept["median_seconds"] = row["median_seconds"]
    with open(out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for key in order:
            writer.writerow(merged[key])


if __name__ == "__main__":
    main()
