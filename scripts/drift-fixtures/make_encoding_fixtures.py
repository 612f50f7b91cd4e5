"""Small Parquet files covering the page formats the drift engine's Parquet decoder handles.

Usage: python make_encoding_fixtures.py <out dir>
Writes encodings-v1.parquet (data page v1, dictionary pages, ZSTD, nulls in most columns),
encodings-v2.parquet (data page v2, plain encoding, Snappy), 400 rows in several row groups with
a timestamp, an int64, a float64, an int32, a string, a boolean and a date column. readers.test.ts
checks the decoder against hyparquet's own row reader on both. And encodings-fallback.parquet:
dictionary pages that give way to plain ones within a column chunk (tallies.test.ts).
"""

import datetime as dt
import sys

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

out = sys.argv[1]
n = 400
rng = np.random.default_rng(1)


def with_nulls(values, share=0.1):
    missing = rng.random(n) < share
    return [None if m else v for v, m in zip(values, missing)]


table = pa.table({
    "when": pa.array([dt.datetime(2024, 1, 1) + dt.timedelta(minutes=i) for i in range(n)], pa.timestamp("us")),
    "x": pa.array(with_nulls(rng.integers(-50, 50, n).tolist()), pa.int64()),
    "y": pa.array(with_nulls(rng.normal(size=n).tolist()), pa.float64()),
    "i32": pa.array(rng.integers(0, 10, n).tolist(), pa.int32()),
    "city": pa.array(with_nulls([["a", "b", "c", "dd"][i % 4] for i in rng.integers(0, 4, n)])),
    "flag": pa.array(with_nulls((rng.random(n) < 0.5).tolist()), pa.bool_()),
    "day": pa.array([dt.date(2024, 1, 1) + dt.timedelta(days=i % 300) for i in range(n)], pa.date32()),
})
pq.write_table(table, f"{out}/encodings-v1.parquet", row_group_size=150, data_page_size=300, compression="zstd")
pq.write_table(table, f"{out}/encodings-v2.parquet", row_group_size=250, use_dictionary=False,
               data_page_version="2.0", compression="snappy")

# A dictionary that outgrows its page limit: each column chunk starts with dictionary-encoded
# pages, then falls back to plain ones (what the drift engine's tallies must notice), no nulls.
m = 3000
fallback = pa.table({
    "n": pa.array(rng.integers(0, 2000, m).tolist(), pa.int64()),
    "word": pa.array([f"w{v}" for v in rng.integers(0, 1500, m)]),
    "small": pa.array(rng.integers(0, 7, m).tolist(), pa.int32()),
})
pq.write_table(fallback, f"{out}/encodings-fallback.parquet", row_group_size=1000,
               data_page_size=500, dictionary_pagesize_limit=800, write_batch_size=100,
               compression="zstd")
