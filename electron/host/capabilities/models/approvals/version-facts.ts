// What approvals and gates both need to know about a version: its tags, its source run and who
// registered it. MLflow OSS often leaves a version's user_id empty, so the registrant falls back
// to the source run's `mlflow.user` tag, then the run's user_id.
import type { MlflowSource, ModelVersion, Run } from '../../../sources/mlflow';
import { SourceError } from '../../../sources/source-error';

export interface VersionFacts {
  version: ModelVersion;
  tags: Record<string, string>;
  run?: Run;
  registrant?: string;
}

export async function loadVersionFacts(
  mlflow: MlflowSource,
  name: string,
  version: string,
): Promise<VersionFacts> {
  const found = await mlflow.getModelVersion(name, version);
  const tags = Object.fromEntries(found.tags.map((t) => [t.key, t.value]));
  let run: Run | undefined;
  if (found.run_id) {
    try {
      run = await mlflow.getRun(found.run_id);
    } catch (error) {
      // A deleted run leaves the version without metrics; the gates then say so.
      if (!(error instanceof SourceError) || error.code !== 'not_found') throw error;
    }
  }
  const runUser =
    run?.data.tags.find((t) => t.key === 'mlflow.user')?.value || run?.info.user_id || undefined;
  const registrant = found.user_id || runUser;
  return { version: found, tags, ...(run ? { run } : {}), ...(registrant ? { registrant } : {}) };
}

/** The latest value of each of a run's metrics. */
export function metricsOfRun(run: Run | undefined): Map<string, number> {
  return new Map((run?.data.metrics ?? []).map((m) => [m.key, m.value]));
}
