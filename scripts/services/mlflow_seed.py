"""Seeds a running MLflow server with the demo registry, through MLflow's own Python client.

The data comes from electron/sim/mlflow/demo-registry.json, which the in-process simulator
(electron/sim/mlflow/seed.ts) reads too, so the real server and the simulator hold the same
models, versions, aliases, runs, metrics and datasets.

    .venv-mlflow/bin/python scripts/services/mlflow_seed.py \
        --tracking-uri http://127.0.0.1:5000 --out /tmp/seeded.json

Credentials for a basic-auth server come from MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD,
which MLflow's client reads itself.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import mlflow
import mlflow.data
from mlflow import MlflowClient
from mlflow.data.pandas_dataset import PandasDataset
from mlflow.entities import Metric, Param, RunTag

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "electron" / "sim" / "mlflow" / "demo-registry.json"

# The seeder's own summary is enough; MLflow would print a "View run" link per run.
os.environ.setdefault("MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT", "true")
# Schema inference warns that integer columns cannot hold missing values; the demo has none.
warnings.filterwarnings("ignore", category=UserWarning, module=r"mlflow\..*")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tracking-uri", default=os.environ.get("MLFLOW_TRACKING_URI"))
    parser.add_argument("--data", default=str(DEFAULT_DATA), help="the demo registry JSON")
    parser.add_argument("--out", help="write what was seeded (names, versions, aliases, run ids) here")
    args = parser.parse_args()
    if not args.tracking_uri:
        parser.error("give --tracking-uri or set MLFLOW_TRACKING_URI")

    started = time.monotonic()
    registry = json.loads(Path(args.data).read_text())
    mlflow.set_tracking_uri(args.tracking_uri)
    client = MlflowClient(tracking_uri=args.tracking_uri, registry_uri=args.tracking_uri)
    summary = seed(client, registry)
    summary["trackingUri"] = args.tracking_uri
    summary["seconds"] = round(time.monotonic() - started, 2)

    if args.out:
        Path(args.out).write_text(json.dumps(summary, indent=2) + "\n")
    versions = sum(len(m["versions"]) for m in summary["registeredModels"])
    print(
        f"seeded {len(summary['registeredModels'])} registered models, {versions} versions "
        f"into {args.tracking_uri} in {summary['seconds']} s"
    )
    return 0


def seed(client: MlflowClient, registry: dict) -> dict:
    now_ms = int(time.time() * 1000)
    experiments = {}
    for experiment in registry["experiments"]:
        experiments[experiment["name"]] = client.create_experiment(experiment["name"], tags=experiment.get("tags"))

    models = []
    for model in registry["registeredModels"]:
        client.create_registered_model(model["name"], tags=model.get("tags"), description=model.get("description"))
        versions = []
        for spec in model["versions"]:
            run_id = log_run(client, experiments[model["experiment"]], spec["run"], now_ms)
            created = client.create_model_version(
                model["name"],
                source=f"runs:/{run_id}/model",
                run_id=run_id,
                tags=spec.get("tags"),
                description=spec.get("description"),
                await_creation_for=0,
            )
            versions.append(
                {
                    "version": str(created.version),
                    "runId": run_id,
                    "runName": spec["run"]["name"],
                    "argoWorkflow": spec["run"]["tags"].get("argo.workflow"),
                }
            )
        for alias, version in model.get("aliases", {}).items():
            client.set_registered_model_alias(model["name"], alias, version)
        models.append({"name": model["name"], "versions": versions, "aliases": model.get("aliases", {})})

    return {
        "experiments": [{"name": name, "experimentId": eid} for name, eid in experiments.items()],
        "registeredModels": models,
    }


def log_run(client: MlflowClient, experiment_id: str, run: dict, now_ms: int) -> str:
    """One training run as an Argo Workflow's step would log it: params, metric curves, datasets, a model."""
    start = now_ms - run["startedHoursAgo"] * 3_600_000
    end = start + run["durationMinutes"] * 60_000
    tags = {"mlflow.user": run["user"], **run["tags"]}
    created = client.create_run(experiment_id, start_time=start, tags=tags, run_name=run["name"])
    run_id = created.info.run_id

    metrics = []
    for key, values in run["metrics"].items():
        for step, value in enumerate(values):
            # Steps are spread over the run's duration, the last one at its end.
            at = start + (end - start) * (step + 1) // len(values)
            metrics.append(Metric(key, float(value), at, step))
    params = [Param(key, str(value)) for key, value in run["params"].items()]
    client.log_batch(run_id, metrics=metrics, params=params, tags=[RunTag("mlflow.runName", run["name"])])

    datasets = run.get("datasets", [])
    if datasets:
        # The fluent API is how training code logs inputs; it needs the run active, and ending
        # it stamps "now", so the real end time is set after.
        with mlflow.start_run(run_id=run_id):
            mlflow.log_inputs(
                datasets=[demo_dataset(dataset) for dataset in datasets],
                contexts=[dataset["context"] for dataset in datasets],
                tags_list=[None] * len(datasets),
            )

    # A stand-in for the model the run produced, so runs:/<run_id>/model names something.
    client.log_text(run_id, mlmodel_file(run, run_id), "model/MLmodel")
    client.set_terminated(run_id, "FINISHED", end_time=end)
    return run_id


_datasets: dict[tuple[str, str], PandasDataset] = {}


def demo_dataset(dataset: dict) -> PandasDataset:
    """The dataset as training code would log it; runs share datasets, and MLflow caches the schema."""
    key = (dataset["name"], dataset["digest"])
    if key not in _datasets:
        _datasets[key] = mlflow.data.from_pandas(
            demo_frame(dataset),
            source=dataset["source"],
            name=dataset["name"],
            digest=dataset["digest"],
            targets=dataset.get("targets"),
        )
    return _datasets[key]


def demo_frame(dataset: dict) -> pd.DataFrame:
    """A deterministic frame with the dataset's columns and row count; MLflow infers its schema and profile."""
    rows = dataset["rows"]
    rng = np.random.default_rng(sum(map(ord, dataset["digest"])))
    makers = {
        "double": lambda: rng.normal(50.0, 20.0, rows),
        "float": lambda: rng.normal(50.0, 20.0, rows).astype("float32"),
        "long": lambda: rng.integers(0, 1000, rows, dtype="int64"),
        "integer": lambda: rng.integers(0, 1000, rows, dtype="int32"),
        "boolean": lambda: rng.random(rows) < 0.1,
        "string": lambda: rng.choice(np.array(["a", "b", "c", "d"], dtype=object), rows),
    }
    return pd.DataFrame({name: makers[kind]() for name, kind in dataset["columns"].items()})


def mlmodel_file(run: dict, run_id: str) -> str:
    return (
        "artifact_path: model\n"
        f"run_id: {run_id}\n"
        "flavors:\n"
        "  python_function:\n"
        "    loader_module: mlflow.pyfunc.model\n"
        f"    python_version: {sys.version_info.major}.{sys.version_info.minor}\n"
        f"# demo stand-in for {run['name']}\n"
    )


if __name__ == "__main__":
    sys.exit(main())
