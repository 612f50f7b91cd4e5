// May this login move an alias of the model? MLflow has no "can I" query and its permissions are
// not alias-scoped (anyone with EDIT on the model may move `@champion`), so the console probes
// with the same permission class: a write of its own harmless tag on the registered model. The
// answer is kept a few minutes so opening the dialog again does not write again.
import type { MlflowSource } from '../../../sources/mlflow';
import { SourceError } from '../../../sources/source-error';

const probeTag = 'console.access-check';
const keepMs = 5 * 60_000;
const answers = new Map<string, { at: number; answer: { allowed: boolean; reason?: string } }>();

export async function probeRegistryWrite(
  mlflow: MlflowSource,
  model: string,
): Promise<{ allowed: boolean; reason?: string }> {
  const key = `${mlflow.baseUrl}|${mlflow.id}|${model}`;
  const kept = answers.get(key);
  if (kept && Date.now() - kept.at < keepMs) return kept.answer;
  let answer: { allowed: boolean; reason?: string };
  try {
    await mlflow.setRegisteredModelTag(model, probeTag, new Date().toISOString());
    answer = { allowed: true };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    const refused = error.code === 'forbidden' || error.code === 'unauthorized';
    answer = {
      allowed: false,
      reason: refused
        ? `The registry refused a write to ${model} (${error.status ?? error.code}): ${error.message}. Moving an alias needs EDIT on the model.`
        : `Could not check the registry permission: ${error.message}`,
    };
    // A refusal is an answer; an outage is not, and is asked again next time.
    if (!refused) return answer;
  }
  answers.set(key, { at: Date.now(), answer });
  return answer;
}

/** Forget kept answers (after a login change, and between tests). */
export function forgetRegistryProbes(): void {
  answers.clear();
}
