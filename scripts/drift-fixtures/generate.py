"""Expected values for the drift engine's tests, computed by scipy and Evidently themselves.

Run by hand (never in CI; CI only compares with the JSON this writes):

    python3 -m venv .cache/drift-venv
    .cache/drift-venv/bin/pip install -r scripts/drift-fixtures/requirements.txt
    npm pack vega-datasets@3.2.1 --pack-destination /tmp && tar xzf /tmp/vega-datasets-3.2.1.tgz -C /tmp
    .cache/drift-venv/bin/python scripts/drift-fixtures/generate.py /tmp/package/data/flights-3m.parquet

Writes electron/host/capabilities/drift/fixtures/*.json. Non-finite numbers are written as
{"$num": "NaN" | "Infinity" | "-Infinity"} because JSON has no literal for them. Large samples are
stored as (value, count) pairs: every test here depends only on the multiset of values, so the
arrays rebuilt from the counts give identical results.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import scipy
import scipy.special as sc
import scipy.stats as st
from scipy.spatial import distance

import evidently
from evidently.legacy.calculations.stattests import (
    chi_stat_test,
    jensenshannon_stat_test,
    ks_stat_test,
    psi_stat_test,
    wasserstein_stat_test,
    z_stat_test,
)
from evidently.legacy.calculations.stattests.registry import get_stattest
from evidently.legacy.core import ColumnType

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "electron/host/capabilities/drift/fixtures"
TESTS = {
    "ks": ks_stat_test,
    "wasserstein": wasserstein_stat_test,
    "chisquare": chi_stat_test,
    "z": z_stat_test,
    "jensenshannon": jensenshannon_stat_test,
    "psi": psi_stat_test,
}
NAMES = {v.name: k for k, v in TESTS.items()}


def enc(x):
    """A JSON-safe scalar."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return {"$num": "NaN"}
        if math.isinf(x):
            return {"$num": "Infinity" if x > 0 else "-Infinity"}
        return x
    return str(x)


def counts(values):
    """(values, counts) of a sample, sorted by value."""
    v, c = np.unique(np.asarray(values), return_counts=True)
    return {"values": [enc(x) for x in v], "counts": [int(x) for x in c]}


def versions():
    return {"scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__,
            "evidently": evidently.__version__}


def write(name, cases):
    OUT.mkdir(parents=True, exist_ok=True)
    doc = {"generatedBy": "scripts/drift-fixtures/generate.py", "versions": versions(), "cases": cases}
    (OUT / f"{name}.json").write_text(json.dumps(doc, allow_nan=False, separators=(",", ":")) + "\n")
    print(f"{name}: {len(cases)} cases")


def sample(values, compact):
    return counts(values) if compact else [enc(x) for x in values]


# ---------------------------------------------------------------- special functions, by branch
def special_functions():
    cases = {"kstwo_sf": [], "chi2_sf": [], "ndtr": [], "erfc": [], "smirnov": []}
    ns = [1, 2, 3, 5, 10, 25, 50, 100, 139, 140, 141, 300, 1000, 5000, 20000, 100000, 100001, 400000]
    for n in ns:
        # d chosen around every cut-off of _kolmogn: t = n·d vs 0.5, 1, n-1; n·d² vs 0.754693,
        # 2.2, 4, 18, 370; n·d^1.5 vs 1.4; d vs 0.5.
        ds = {0.0, 1.0, 0.5, 0.75, 0.3 / n, 0.7 / n, 1.0 / n, 1.5 / n, 1 - 1.5 / n}
        for c in [0.2, 0.5, 0.754693, 1.0, 2.0, 2.2, 3.0, 4.0, 6.0, 18.0, 30.0, 370.0]:
            ds.add(math.sqrt(c / n))
        ds.add((1.4 / n) ** (2 / 3))
        ds.add((1.2 / n) ** (2 / 3))
        for d in sorted(ds):
            if 0 <= d <= 1:
                cases["kstwo_sf"].append({"n": n, "d": d, "sf": enc(st.kstwo.sf(d, n))})
    for n in [1, 2, 5, 30, 140, 1000, 100000]:
        for d in [0.01, 0.05, 0.1, 0.3, 0.5, 0.7, 0.95]:
            cases["smirnov"].append({"n": n, "d": d, "sf": enc(sc.smirnov(n, d))})
    for df in [1, 2, 3, 4, 5, 7, 10, 19, 20, 41, 60, 99, 200]:
        for x in [0.0, 1e-6, 0.01, 0.5, 1.0, 2.0, df * 0.5, df * 0.9, float(df), df * 1.1, df * 2.0,
                  df + 10.0, df * 5.0 + 30, 500.0, 1500.0]:
            cases["chi2_sf"].append({"df": df, "x": x, "sf": enc(st.chi2.sf(x, df))})
    for z in np.concatenate([np.linspace(-40, 40, 161), [0.1, 0.46875 * math.sqrt(2), 0.7, 5.3, 8.2, 37.5]]):
        z = float(z)
        cases["ndtr"].append({"z": z, "cdf": enc(st.norm.cdf(z)), "twoSided": enc(2 * (1 - st.norm.cdf(abs(z))))})
    for x in np.concatenate([np.linspace(-6, 27, 133), [0.46875, 0.4, 0.5, 3.99, 4.0, 4.01, 26.0]]):
        x = float(x)
        cases["erfc"].append({"x": x, "erfc": enc(sc.erfc(x)), "erf": enc(sc.erf(x))})
    return cases


# ---------------------------------------------------------------- ks_2samp
def ks_cases():
    rng = np.random.default_rng(20261126)
    cases = []

    def add(name, a, b, compact=False):
        r = st.ks_2samp(a, b)
        cases.append({"name": name, "reference": sample(a, compact), "current": sample(b, compact),
                      "statistic": enc(r.statistic), "pValue": enc(r.pvalue),
                      "method": "exact" if max(len(a), len(b)) <= 10000 else "asymp"})

    add("tiny 5 vs 7", rng.normal(size=5).round(4), rng.normal(0.5, size=7).round(4))
    add("tiny equal sizes 8 vs 8", rng.normal(size=8).round(4), rng.normal(1, size=8).round(4))
    add("one vs three", [0.5], [0.1, 0.7, 0.9])
    add("identical samples (h = 0)", [1.0, 2.0, 3.0], [1.0, 2.0, 3.0])
    add("separated 10 vs 12", np.arange(10.0), np.arange(12.0) + 100)
    add("ties 20 vs 30", rng.integers(0, 4, 20).astype(float), rng.integers(1, 5, 30).astype(float))
    add("ties equal sizes 40 vs 40", rng.integers(0, 6, 40).astype(float), rng.integers(0, 6, 40).astype(float))
    add("gcd > 1, 60 vs 90", rng.normal(size=60).round(3), rng.normal(0.3, size=90).round(3))
    add("800 vs 1000", rng.normal(size=800).round(3), rng.normal(0.1, 1.1, size=1000).round(3))
    add("500 vs 500 same distribution", rng.normal(size=500).round(3), rng.normal(size=500).round(3))
    add("10000 vs 7000 (exact at MAX_AUTO_N)", rng.normal(size=10000).round(2), rng.normal(0.02, size=7000).round(2), True)
    add("10001 vs 50 (asymp, n <= 140)", rng.normal(size=10001).round(2), rng.normal(0.3, size=50).round(2), True)
    add("10001 vs 120 (asymp, Pomeranz)", rng.normal(size=10001).round(2), rng.normal(0.25, size=120).round(2), True)
    add("12000 vs 9000 small shift", rng.normal(size=12000).round(2), rng.normal(0.01, size=9000).round(2), True)
    add("20000 vs 15000 large shift", rng.normal(size=20000).round(2), rng.normal(0.2, size=15000).round(2), True)
    add("200000 vs 150000 no shift", rng.normal(size=200000).round(2), rng.normal(size=150000).round(2), True)
    add("30000 vs 30000 ties", rng.integers(0, 50, 30000).astype(float), rng.integers(0, 51, 30000).astype(float), True)
    return cases


# ---------------------------------------------------------------- Evidently tests on columns
def evidently_column(name, ref, cur, kind, tests=None, compact=False, integer_dtype=False):
    """Raw inputs (with missing values) and Evidently's results, cleaned as get_one_column_drift does."""
    ctype = ColumnType.Numerical if kind == "numerical" else ColumnType.Categorical
    dtype = "int64" if integer_dtype else (float if kind == "numerical" else object)
    r = pd.Series(ref, dtype=dtype)
    c = pd.Series(cur, dtype=dtype)
    r = r.replace([-np.inf, np.inf], np.nan).dropna()
    c = c.replace([-np.inf, np.inf], np.nan).dropna()
    default = get_stattest(r, c, ctype, None)
    results = {}
    for t in tests or list(TESTS):
        if t in ("ks", "wasserstein") and kind != "numerical":
            continue
        try:
            res = TESTS[t](r, c, ctype, None)
            results[t] = {"score": enc(res.drift_score), "drifted": bool(res.drifted),
                          "threshold": enc(res.actual_threshold)}
        except Exception as e:  # a test Evidently cannot run on this column
            results[t] = {"error": type(e).__name__}
    return {"name": name, "kind": kind, "integerDtype": integer_dtype,
            "reference": sample(ref, compact), "current": sample(cur, compact),
            "defaultTest": NAMES[default.name], "results": results}


def column_cases():
    rng = np.random.default_rng(7)
    nan, inf = float("nan"), float("inf")
    cases = [
        evidently_column("numeric small, with NaN and ±inf", list(rng.normal(size=60).round(3)) + [nan, inf, -inf, None],
                         list(rng.normal(0.4, size=50).round(3)) + [nan, nan], "numerical"),
        evidently_column("numeric 3 values (chi-square)", rng.integers(0, 3, 200).astype(float), rng.integers(0, 3, 150).astype(float), "numerical"),
        evidently_column("numeric binary (z)", rng.integers(0, 2, 300).astype(float), (rng.random(250) < 0.6).astype(float), "numerical"),
        evidently_column("numeric binary, one value only in current", [1.0] * 40, [1.0] * 30 + [2.0] * 5, "numerical"),
        evidently_column("constant, same value both (z p = 1)", [3.0] * 50, [3.0] * 20, "numerical"),
        evidently_column("constant, different values", [3.0] * 50, [4.0] * 20, "numerical"),
        evidently_column("constant reference, large (std floor 0.001)", [5.0] * 1500, list(rng.normal(5, 1, 400).round(2)), "numerical", compact=True),
        evidently_column("numeric 15 values large (JS by value)", rng.integers(0, 15, 3000).astype(float), rng.integers(2, 17, 2000).astype(float), "numerical", compact=True),
        evidently_column("numeric 4 values large (JS)", rng.integers(0, 4, 2000).astype(float), rng.integers(0, 4, 2500).astype(float), "numerical", compact=True),
        evidently_column("numeric continuous large (Wasserstein, Sturges)", rng.normal(size=5000).round(3), rng.normal(0.15, 1.2, size=4000).round(3), "numerical", compact=True),
        evidently_column("numeric skewed with sparse bins", rng.lognormal(size=2000).round(3), rng.lognormal(0.3, size=50).round(3), "numerical", compact=True),
        evidently_column("integer dtype, narrow range", rng.integers(0, 30, 1200), rng.integers(0, 30, 20), "numerical", integer_dtype=True),
        evidently_column("categorical with a category only in current", list(rng.choice(["a", "b", "c"], 300)) + [None],
                         list(rng.choice(["a", "b", "c", "d"], 200)), "categorical"),
        evidently_column("categorical binary strings (z)", list(rng.choice(["yes", "no"], 400, p=[0.3, 0.7])),
                         list(rng.choice(["yes", "no"], 350, p=[0.45, 0.55])), "categorical"),
        evidently_column("categorical large (JS)", list(rng.choice(list("ABCDEFGH"), 3000)),
                         list(rng.choice(list("ABCDEFGHIJ"), 1000)), "categorical", compact=True),
        evidently_column("categorical same distribution", list(rng.choice(list("xyz"), 500)),
                         list(rng.choice(list("xyz"), 500)), "categorical"),
    ]
    return cases


# ---------------------------------------------------------------- Evidently binning and shares
def binning_cases():
    from evidently.legacy.calculations.stattests.utils import get_binned_data

    rng = np.random.default_rng(11)
    cases = []
    for name, ref, cur, kind in [
        ("numeric > 20 values", rng.normal(size=400).round(2), rng.normal(0.5, size=300).round(2), "numerical"),
        ("numeric <= 20 values", rng.integers(0, 20, 400).astype(float), rng.integers(5, 25, 300).astype(float), "numerical"),
        ("categorical", np.array(list(rng.choice(list("abcd"), 100)), dtype=object), np.array(list(rng.choice(list("bcde"), 80)), dtype=object), "categorical"),
    ]:
        ctype = ColumnType.Numerical if kind == "numerical" else ColumnType.Categorical
        r, c = pd.Series(ref), pd.Series(cur)
        raw_r, raw_c = get_binned_data(r, c, ctype, 30, False)
        fill_r, fill_c = get_binned_data(r, c, ctype, 30, True)
        entry = {"name": name, "kind": kind, "reference": [enc(x) for x in ref], "current": [enc(x) for x in cur],
                 "reference_shares": [enc(x) for x in raw_r], "current_shares": [enc(x) for x in raw_c],
                 "reference_filled": [enc(x) for x in fill_r], "current_filled": [enc(x) for x in fill_c],
                 "jensenshannon": enc(distance.jensenshannon(raw_r, raw_c))}
        if kind == "numerical" and r.nunique() > 20:
            entry["edges"] = [enc(x) for x in np.histogram_bin_edges(pd.concat([r, c]).values, bins="sturges")]
        else:
            # The key order of a Python set is not reproducible across processes; keep pairs.
            keys = list(set(r.dropna().unique()) | set(c.dropna().unique()))
            entry["keys"] = [enc(k) for k in keys]
        cases.append(entry)
    return cases


# ---------------------------------------------------------------- real data: vega-datasets flights
def flights_cases(path):
    df = pd.read_parquet(path)
    month = df["date"].dt.month
    cases = []
    windows = [("January vs June, full months", df[month == 1], df[month == 6], True)]
    jan, jun = df[month == 1], df[month == 6]
    windows.append(("first 900 January rows vs first 700 June rows", jan.head(900), jun.head(700), False))
    for title, ref, cur, compact in windows:
        cols = []
        for col, kind in [("delay", "numerical"), ("distance", "numerical"), ("origin", "categorical"), ("destination", "categorical")]:
            cols.append(evidently_column(f"{title}: {col}", ref[col].to_numpy(), cur[col].to_numpy(), kind,
                                         compact=compact, integer_dtype=kind == "numerical"))
            cols[-1]["column"] = col
            ks = st.ks_2samp(ref[col].to_numpy(), cur[col].to_numpy()) if kind == "numerical" else None
            if ks is not None:
                cols[-1]["ks"] = {"statistic": enc(ks.statistic), "pValue": enc(ks.pvalue)}
        cases.append({"name": title, "columns": cols, "dataset": dataset_drift(ref, cur)})
    return cases


def dataset_drift(ref, cur):
    """Evidently's own DataDriftPreset on the same frames: share of drifted columns."""
    from evidently.legacy.metric_preset import DataDriftPreset
    from evidently.legacy.pipeline.column_mapping import ColumnMapping
    from evidently.legacy.report import Report

    cols = ["delay", "distance", "origin", "destination"]
    mapping = ColumnMapping(numerical_features=["delay", "distance"], categorical_features=["origin", "destination"])
    report = Report(metrics=[DataDriftPreset()])
    report.run(reference_data=ref[cols].reset_index(drop=True), current_data=cur[cols].reset_index(drop=True), column_mapping=mapping)
    d = report.as_dict()["metrics"]
    summary = d[0]["result"]
    by_col = d[1]["result"]["drift_by_columns"]
    return {
        "share": enc(summary["share_of_drifted_columns"]),
        "drifted": int(summary["number_of_drifted_columns"]),
        "tested": int(summary["number_of_columns"]),
        "datasetDrift": bool(summary["dataset_drift"]),
        "columns": {c: {"test": NAMES.get(v["stattest_name"], v["stattest_name"]), "score": enc(v["drift_score"]),
                        "drifted": bool(v["drift_detected"])} for c, v in by_col.items()},
    }


def main():
    # Evidently orders categories by a Python set, so string hashing changes the summation order
    # of JS/PSI (last-bit differences between runs). A fixed hash seed makes the output stable.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    write("special-functions", [special_functions()])
    write("ks-2samp", ks_cases())
    write("evidently-columns", column_cases())
    write("evidently-binning", binning_cases())
    if len(sys.argv) > 1:
        write("flights", flights_cases(sys.argv[1]))
    else:
        print("flights: skipped (pass the path of vega-datasets' data/flights-3m.parquet)")
    # The repository checks formatting of every file; write the fixtures as prettier would.
    subprocess.run(["npx", "prettier", "--log-level", "warn", "--write", str(OUT)], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
