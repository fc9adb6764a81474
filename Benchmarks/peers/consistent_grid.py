#!/usr/bin/env python3
"""Scores one model-2 variant (scenario `parameters` overrides) on the withdrawal criteria of
issue #15 (Model2Design.md section 12 item 1, "Grid of consistent variants").

For a variant: refits cows.half_index on tompkins-2009-naloxone-0p4mg-im-cows-peak (as the
2026-12-08 evaluation did, `receptor-sim fit ... -p cows.half_index`), runs the regimens of
`Model2Regimens` with the overrides and the refitted half-index, reads the criteria from the
CSVs, runs `receptor-sim validate` on a copy of Scenarios/validation with the same overrides
injected, prints one row and saves it as JSON. `--table` turns saved rows into a Markdown table.

Usage:
  consistent_grid.py --bin BIN --label NAME [--set KEY=VALUE ...] [--half-index H] [--work DIR]
  consistent_grid.py --table --work DIR [--reference NAME] [LABEL ...]
Python 3 standard library only; the product stays Swift.
"""
import argparse, csv, json, os, re, shutil, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VALIDATION = os.path.join(ROOT, "Scenarios", "validation")
FIT_STUDY = "tompkins-2009-naloxone-0p4mg-im-cows-peak"
DAY = 24.0
LAST_MORPHINE = 111 * 6.0        # Model2Regimens.lastMorphineDose (28 d of q6h)
LAST_DAILY = 27 * DAY            # Model2Regimens.lastDailyDose
FENTANYL_STOP = 28 * DAY
SUBJECT = '{ phenotype: "control", weight_kg: 70 }'


def scenario(params, name, duration_h, doses, interval_h):
    return ("{ parameters: %s,\n  name: %s, duration_h: %s, subject: %s,\n  doses: [ %s ],\n"
            "  output: { interval_h: %s } }\n") % (json.dumps(params), json.dumps(name), duration_h,
                                                  SUBJECT, ",\n    ".join(doses), interval_h)


def regimens(params):
    """The runs the criteria read: name -> (scenario text, reference time in h)."""
    morphine = '{ drug: "morphine", route: "oral", amount_mg: 30, start_h: 0, every_h: 6, count: %d }'
    taper_start = LAST_MORPHINE + 6 - 10 * DAY
    steps = [a for mg in (25, 20, 15, 10, 5) for a in [mg] * 8]
    taper_last = taper_start + (len(steps) - 1) * 6
    return {
        "morphine": (scenario(params, "morphine 28 d stop", LAST_MORPHINE + 21 * DAY, [morphine % 112], 0.5), LAST_MORPHINE),
        "methadone": (scenario(params, "methadone 28 d stop", LAST_DAILY + 21 * DAY,
                               ['{ drug: "methadone", route: "oral", amount_mg: 60, start_h: 0, every_h: 24, count: 28 }'], 0.5), LAST_DAILY),
        "fentanyl": (scenario(params, "fentanyl 28 d stop", FENTANYL_STOP + 14 * DAY,
                              ['{ drug: "fentanyl", route: "iv_infusion", rate_mg_per_h: 0.06, start_h: 0, duration_h: %s }' % FENTANYL_STOP], 0.5), FENTANYL_STOP),
        "buprenorphine": (scenario(params, "buprenorphine 16 mg 28 d stop", LAST_DAILY + 14 * DAY,
                                   ['{ drug: "buprenorphine", route: "sublingual", amount_mg: 16, start_h: 0, every_h: 24, count: 28 }'], 0.5), LAST_DAILY),
        "patch": (scenario(params, "fentanyl patch 25 ug/h x3", 300,
                           ['{ drug: "fentanyl", route: "transdermal", rate_ug_per_h: 25, wear_h: 72, start_h: 0, every_h: 72, count: 3 }'], 0.25), 216.0),
        "taper": (scenario(params, "morphine taper", taper_last + 10 * DAY,
                           [morphine % 72, '{ drug: "morphine", route: "oral", taper: { start_h: %s, every_h: 6, amounts_mg: %s } }' % (taper_start, steps)], 0.5), taper_last),
        "naloxone": (scenario(params, "naloxone 0.4 mg IM 3 h after the last morphine", LAST_MORPHINE + 9,
                              [morphine % 112, '{ drug: "naloxone", route: "im", amount_mg: 0.4, at_h: %s }' % (LAST_MORPHINE + 3)], 1.0 / 12), LAST_MORPHINE + 3),
        "compton2": (scenario(params, "morphine 10 mg IV, naloxone 10 mg IV at 2 h", 5,
                              ['{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 }', '{ drug: "naloxone", route: "iv_bolus", amount_mg: 10, at_h: 2 }'], 0.01), 2.0),
        "compton6": (scenario(params, "morphine 10 mg IV, naloxone 10 mg IV at 6 h", 9,
                              ['{ drug: "morphine", route: "iv_bolus", amount_mg: 10, at_h: 0 }', '{ drug: "naloxone", route: "iv_bolus", amount_mg: 10, at_h: 6 }'], 0.01), 6.0),
    }


def load(path):
    rows = list(csv.DictReader(open(path)))
    return [(float(r["time_h"]), float(r["cows_equivalent"]), float(r["withdrawal_index"])) for r in rows]


def course(rows, stop, until):
    """B4's reading: onset = COWS 5 over the last-dose level; peak of withdrawal_index; < 20 %."""
    at_stop = [c for t, c, w in rows if t <= stop][-1]
    on_drug = max(c for t, c, w in rows if stop - 7 * DAY <= t <= stop)
    after = [r for r in rows if stop < r[0] <= until]
    peak = max(after, key=lambda r: r[2])
    onset = next((t - stop for t, c, w in after if c >= at_stop + 5), None)
    above = [t - stop for t, c, w in after if w > 0.2 * peak[2]]
    return {"on_drug_cows": on_drug, "onset_h": onset, "peak_h": peak[0] - stop, "peak_wi": peak[2],
            "peak_cows": max(c for t, c, w in after), "below20_d": (above[-1] / DAY) if above else None}


def run(binary, work, name, text):
    path = os.path.join(work, name + ".json5")
    out = os.path.join(work, name + ".csv")
    open(path, "w").write(text)
    p = subprocess.run([binary, "run", path, "-o", out, "--columns", "cows_equivalent,withdrawal_index", "--quiet"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("%s: %s" % (path, p.stderr.strip()))
    return load(out)


def inject(src_dir, dst_dir, params, only=None):
    """Copies validation studies, adding `parameters:` to each scenario's top-level object."""
    os.makedirs(dst_dir, exist_ok=True)
    for f in sorted(os.listdir(src_dir)):
        if only and not f.startswith(only):
            continue
        if f.endswith(".csv"):
            shutil.copy(os.path.join(src_dir, f), dst_dir)
        elif f.endswith(".json"):
            lines = open(os.path.join(src_dir, f)).read().split("\n")
            i = next(k for k, l in enumerate(lines) if l.startswith("{"))
            if "parameters" in lines[i]:
                raise SystemExit("%s already has parameters; merge by hand" % f)
            lines[i] = "{ parameters: %s," % json.dumps(params) + lines[i][1:]
            open(os.path.join(dst_dir, f), "w").write("\n".join(lines))


def fit_half_index(binary, work, params):
    d = os.path.join(work, "fit")
    shutil.rmtree(d, ignore_errors=True)
    inject(VALIDATION, d, params, only=FIT_STUDY)
    out = os.path.join(work, "fit.json5")
    subprocess.run([binary, "fit", FIT_STUDY, "-p", "cows.half_index", "--dir", d, "-o", out, "--quiet"],
                   check=True, capture_output=True)
    text = open(out).read()
    value = float(re.search(r'"cows\.half_index":\s*([0-9.eE+-]+)', text).group(1))
    se = float(re.search(r"SE\(ln\) ([0-9.]+)", text).group(1))
    return value, se


def validate(binary, work, params):
    d = os.path.join(work, "validation")
    shutil.rmtree(d, ignore_errors=True)
    inject(VALIDATION, d, params)
    p = subprocess.run([binary, "validate", "--dir", d, "-q"], capture_output=True, text=True)
    open(os.path.join(work, "validate.txt"), "w").write(p.stdout)
    rows, totals = {}, None
    for line in p.stdout.splitlines():
        m = re.match(r"(\S+)\s+(\S+)\s+(\S+)\s+model (\S+)\s+data .*band (\[.*?\])\s+(.+)$", line)
        if m:
            rows["%s %s %s" % m.group(1, 2, 3)] = {"model": m.group(4), "band": m.group(5), "verdict": m.group(6)}
        t = re.match(r"(\d+) of (\d+) comparisons met \((\d+) studies of (\d+)\); held-back studies: (\d+) of (\d+)", line)
        if t:
            totals = [int(x) for x in t.groups()]
    if totals is None:
        raise SystemExit("validate printed no totals:\n" + p.stdout[-2000:] + p.stderr[-2000:])
    return rows, totals


def score(binary, work, label, params, half_index):
    os.makedirs(work, exist_ok=True)
    result = {"label": label, "overrides": dict(params)}
    if half_index is None:
        half_index, se = fit_half_index(binary, work, params)
        result["half_index_se_ln"] = se
    result["half_index"] = half_index
    full = dict(params, **{"cows.half_index": half_index})
    runs = regimens(full)
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {k: pool.submit(run, binary, work, k, text) for k, (text, _) in runs.items()}
        traces = {k: f.result() for k, f in futures.items()}
    for k in ("morphine", "methadone", "fentanyl", "buprenorphine"):
        result[k] = course(traces[k], runs[k][1], runs[k][1] + 21 * DAY)
    patch = traces["patch"]
    result["patch"] = {"at_144": [c for t, c, w in patch if t <= 144][-1], "at_removal": [c for t, c, w in patch if t <= 216][-1],
                       "peak_after": max(c for t, c, w in patch if t > 216)}
    result["taper_ratio"] = course(traces["taper"], runs["taper"][1], runs["taper"][1] + 10 * DAY)["peak_wi"] / \
        max(w for t, c, w in traces["morphine"] if LAST_MORPHINE < t <= LAST_MORPHINE + 21 * DAY)
    n, t0 = traces["naloxone"], LAST_MORPHINE + 3
    before = [c for t, c, w in n if t <= t0][-1]
    peak = max((r for r in n if t0 <= r[0] <= t0 + 6), key=lambda r: r[1])
    result["b7"] = {"before": before, "within_60min": max(c for t, c, w in n if t0 <= t <= t0 + 1),
                    "peak_min": (peak[0] - t0) * 60, "at_3h": [c for t, c, w in n if t <= t0 + 3][-1], "peak": peak[1]}
    for arm in (2, 6):
        peak = max((r for r in traces["compton%d" % arm] if arm <= r[0] <= arm + 3), key=lambda r: r[1])
        result.setdefault("b29", {})[str(arm)] = peak[1]
        result["b29"]["%d_peak_min" % arm] = (peak[0] - arm) * 60
    rows, totals = validate(binary, work, full)
    result["validate"] = {"totals": totals, "rows": rows}
    json.dump(result, open(os.path.join(work, label + ".json"), "w"), indent=1)
    return result


def criteria(r):
    """(column, value text, met?) for one scored variant; bands as in Model2Design section 11.
    A cell of several parts marks each part; the column is met when every part is."""
    mo, me, fe, bu = r["morphine"], r["methadone"], r["fentanyl"], r["buprenorphine"]
    ratio = lambda c: c["peak_wi"] / mo["peak_wi"]

    def parts(*items):
        text = ", ".join("%s %s" % ("never" if v is None else ("%.*f" % (d, v)), "✓" if ok else "✗") for v, d, ok in items)
        return text, all(ok for _, _, ok in items)

    within = lambda v, lo, hi: v is not None and lo <= v <= hi
    rows = r["validate"]["rows"]
    schuh = rows.get("schuh-1996-naloxone-0p3mg-ascending-morphine cows_equivalent max@267-271h", {})
    fudala = rows.get("fudala-1990-buprenorphine-abrupt-withdrawal withdrawal_index time_of_max@840-1248h", {})
    t = r["validate"]["totals"]
    b7 = r["b7"]
    cells = [
        ("on-drug COWS mor/met/fen ≤ 3", parts(*[(c["on_drug_cows"], 2, c["on_drug_cows"] <= 3) for c in (mo, me, fe)])),
        ("patch COWS at removal ≤ 1", parts((r["patch"]["at_removal"], 2, r["patch"]["at_removal"] <= 1))),
        ("B4 onset h, peak h, < 20 % d", parts((mo["onset_h"], 1, within(mo["onset_h"], 6, 12)), (mo["peak_h"], 1, within(mo["peak_h"], 24, 72)),
                                              (mo["below20_d"], 1, within(mo["below20_d"], 5, 10)))),
        ("B5 onset h, peak h, > 7 d, × mor", parts((me["onset_h"], 1, within(me["onset_h"], 24, 72) and me["onset_h"] > (mo["onset_h"] or 0)),
                                                  (me["peak_h"], 1, within(me["peak_h"], 72, 168)), (me["below20_d"], 1, (me["below20_d"] or 0) > 7),
                                                  (ratio(me), 2, within(ratio(me), 0.5, 1.1)))),
        ("B32 16 mg peak h, × mor", parts((bu["peak_h"], 1, within(bu["peak_h"], 48, 120) and bu["peak_h"] > mo["peak_h"]), (ratio(bu), 2, ratio(bu) < 1))),
        ("B32 Fudala 8 mg t_max h", parts((float(fudala.get("model", "nan")) - 840, 1, fudala.get("verdict") == "met"))),
        ("B33 fen × mor ≥ 0.95 (weak)", parts((ratio(fe), 2, ratio(fe) >= 0.95))),
        ("B6 taper × abrupt < 0.8", parts((r["taper_ratio"], 2, r["taper_ratio"] < 0.8))),
        ("B7 COWS +60 min, rise", parts((b7["within_60min"], 1, b7["peak_min"] <= 60 and b7["at_3h"] < b7["peak"] - 3),
                                        (b7["within_60min"] - b7["before"], 1, b7["within_60min"] - b7["before"] >= 6))),
        ("B29 COWS 2 h, 6 h > 1; peaks ≤ 15 min", parts((r["b29"]["2"], 2, r["b29"]["2"] > 1), (r["b29"]["6"], 2, r["b29"]["6"] > 1),
                                                       (max(r["b29"]["2_peak_min"], r["b29"]["6_peak_min"]), 0,
                                                        0 < min(r["b29"]["2_peak_min"], r["b29"]["6_peak_min"]) and max(r["b29"]["2_peak_min"], r["b29"]["6_peak_min"]) <= 15))),
        ("Schuh 15 mg/d ≤ 6.3", parts((float(schuh.get("model", "nan")), 2, schuh.get("verdict") == "met"))),
    ]
    head = [("cows.half_index (SE ln)", "%.3f%s" % (r["half_index"], " (%.3f)" % r["half_index_se_ln"] if "half_index_se_ln" in r else ""), None)]
    tail = [("validate met, held back", "%d/%d, %d/%d" % (t[0], t[1], t[4], t[5]), None)]
    return head + [(c, v, ok) for c, (v, ok) in cells] + tail


def table(work, labels, reference):
    results = [json.load(open(os.path.join(work, l + ".json"))) for l in labels]
    ref = json.load(open(os.path.join(work, reference + ".json"))) if reference else None
    head = [c for c, _, _ in criteria(results[0])]
    print("| variant | " + " | ".join(head) + " | met (sourced, of 10) | verdict changes vs %s (known gaps moving in or out of band not listed) |" % (reference or "-"))
    print("|" + "---|" * (len(head) + 3))
    for r in results:
        cells = criteria(r)
        text = [v for _, v, ok in cells]
        met = sum(1 for c, _, ok in cells if ok and "weak" not in c)
        changes = []
        if ref:
            plain = lambda v: (v or "absent").replace(" (now in band)", "")
            for key, row in r["validate"]["rows"].items():
                old = ref["validate"]["rows"].get(key, {}).get("verdict")
                if plain(old) != plain(row["verdict"]):
                    changes.append("%s %s: %s → %s (%s)" % (key.split(" ")[0], key.split(" ")[2], plain(old), plain(row["verdict"]), row["model"]))
        print("| %s | %s | %d | %s |" % (r["label"], " | ".join(text), met, "; ".join(changes) or "none"))


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "receptor-sim"))
    a.add_argument("--work", default="/tmp/consistent-grid")
    a.add_argument("--label")
    a.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    a.add_argument("--half-index", type=float, help="use this cows.half_index instead of refitting")
    a.add_argument("--table", action="store_true")
    a.add_argument("--reference")
    a.add_argument("labels", nargs="*")
    o = a.parse_args()
    if o.table:
        table(o.work, o.labels, o.reference)
        return
    if not o.label:
        a.error("--label is required")
    params = {k: float(v) for k, v in (s.split("=", 1) for s in o.set)}
    r = score(o.bin, os.path.join(o.work, o.label), o.label, params, o.half_index)
    shutil.copy(os.path.join(o.work, o.label, o.label + ".json"), os.path.join(o.work, o.label + ".json"))
    print("\t".join([r["label"]] + ["%s %s%s" % (c, v, "" if ok is None else (" met" if ok else " MISSED")) for c, v, ok in criteria(r)]))


if __name__ == "__main__":
    main()
