"""Evidently's DataDriftPreset on flights-3m.parquet, one month against another, for `npm run bench`.

Usage: python evidently_bench.py <flights-3m.parquet> <reference month> <current month>
Prints one JSON line: seconds to read and filter, seconds for the report, peak RSS, scores.
"""

import json
import resource
import sys
import time

import pandas as pd
from evidently.legacy.metric_preset import DataDriftPreset
from evidently.legacy.pipeline.column_mapping import ColumnMapping
from evidently.legacy.report import Report

path, ref_month, cur_month = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
cols = ["delay", "distance", "origin", "destination"]
started = time.perf_counter()
df = pd.read_parquet(path)
month = df["date"].dt.month
ref = df[month == ref_month][cols].reset_index(drop=True)
cur = df[month == cur_month][cols].reset_index(drop=True)
read = time.perf_counter() - started

started = time.perf_counter()
report = Report(metrics=[DataDriftPreset()])
mapping = ColumnMapping(numerical_features=["delay", "distance"], categorical_features=["origin", "destination"])
report.run(reference_data=ref, current_data=cur, column_mapping=mapping)
result = report.as_dict()["metrics"]
run = time.perf_counter() - started

by_col = result[1]["result"]["drift_by_columns"]
print(json.dumps({
    "readSeconds": read,
    "reportSeconds": run,
    "peakRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "share": result[0]["result"]["share_of_drifted_columns"],
    "scores": {c: v["drift_score"] for c, v in by_col.items()},
}))
