// Why a pipeline run failed, read from what Kubernetes and Argo wrote: step and run messages,
// Job conditions, pod and container states, events and, when the detail is open, the log tail.
// The first rule that matches wins; the order puts the most specific causes first.
import type { FailureCause } from '../../../../shared/contract/pipelines';

export interface FailureEvidence {
  /** Run-level and failed-step messages (Argo's status.message, node message). */
  messages: string[];
  /** Job conditions of type Failed (reason, message). */
  conditions?: { reason?: string; message?: string }[];
  /** Pod status reasons (Evicted, DeadlineExceeded) and messages. */
  pods?: { reason?: string; message?: string; unschedulable?: string }[];
  /** Container terminated/waiting reasons and exit codes. */
  containers?: { reason?: string; message?: string; exitCode?: number }[];
  /** Event reasons and messages of the run and its pods. */
  events?: { reason: string; message: string }[];
  /** The failed container's last log lines. */
  logTail?: string[];
}

const dataErrorPattern =
  /(SchemaErrors?\b|schema (mismatch|validation)|ValidationError|does not match [\w.]+ ?schema|does not match \w+_v\d+|column '?[\w.]+'? not in|not in dataframe|expected series .* to have type|malformed (record|row|input)|could not parse|ParserError|UnicodeDecodeError|KeyError: '|data validation failed)/i;

export function classifyFailure(e: FailureEvidence): FailureCause | undefined {
  const texts = [
    ...e.messages,
    ...(e.conditions ?? []).flatMap((c) => [c.reason ?? '', c.message ?? '']),
    ...(e.pods ?? []).flatMap((p) => [p.reason ?? '', p.message ?? '', p.unschedulable ?? '']),
    ...(e.containers ?? []).flatMap((c) => [c.reason ?? '', c.message ?? '']),
    ...(e.events ?? []).flatMap((ev) => [`${ev.reason}: ${ev.message}`]),
  ].filter((t) => t !== '');
  const find = (re: RegExp) => texts.find((t) => re.test(t));

  const oom =
    (e.containers ?? []).find((c) => c.reason === 'OOMKilled') ?? find(/OOMKilled|out of memory/i);
  if (oom) {
    return {
      kind: 'OOMKilled',
      summary:
        'Ran out of memory: the container was killed (OOMKilled). Raise its memory limit or lower the batch size.',
      evidence: typeof oom === 'string' ? oom : (oom.message ?? 'OOMKilled'),
    };
  }
  const pull = find(/ImagePullBackOff|ErrImagePull|InvalidImageName|pulling image/);
  if (pull) {
    return {
      kind: 'ImagePull',
      summary:
        'The image could not be pulled: check the image name and tag and the registry credentials.',
      evidence: pull,
    };
  }
  const quota = find(/exceeded quota/i);
  if (quota) {
    return {
      kind: 'QuotaExceeded',
      summary: "The pod could not be created: the namespace's ResourceQuota is exhausted.",
      evidence: quota,
    };
  }
  const unschedulable =
    (e.pods ?? []).find((p) => p.unschedulable)?.unschedulable ??
    find(/Unschedulable|nodes are available|Insufficient (nvidia\.com\/gpu|cpu|memory)/);
  if (unschedulable) {
    return {
      kind: 'Unschedulable',
      summary: /gpu/i.test(unschedulable)
        ? 'No node has a free GPU for this step.'
        : 'No node has the resources this step asks for.',
      evidence: unschedulable,
    };
  }
  const evicted = (e.pods ?? []).find((p) => p.reason === 'Evicted') ?? find(/\bEvicted\b/);
  if (evicted) {
    return {
      kind: 'Evicted',
      summary: 'The pod was evicted from its node (node pressure or preemption).',
      evidence: typeof evicted === 'string' ? evicted : (evicted.message ?? 'Evicted'),
    };
  }
  // The last matching log line is the one that says what was wrong (not the traceback's frames).
  const data = [...texts, ...(e.logTail ?? [])].reverse().find((t) => dataErrorPattern.test(t));
  if (data) {
    return {
      kind: 'DataError',
      summary: 'The input data did not match what the step expects (a data or schema error).',
      evidence: data.trim(),
    };
  }
  const deadline = find(
    /DeadlineExceeded|exceeded its deadline|longer than (the )?specified deadline|activeDeadlineSeconds/,
  );
  if (deadline) {
    return {
      kind: 'DeadlineExceeded',
      summary: 'The run took longer than its deadline and was stopped.',
      evidence: deadline,
    };
  }
  const backoff = find(/BackoffLimitExceeded|backoff limit/i);
  if (backoff) {
    const last = lastMeaningfulLine(e.logTail);
    return {
      kind: 'BackoffLimitExceeded',
      summary: 'The job failed on every retry and reached its backoff limit.',
      evidence: last ?? backoff,
    };
  }
  const other = lastMeaningfulLine(e.logTail) ?? e.messages.find((m) => m !== '');
  if (other === undefined) return undefined;
  return { kind: 'Other', summary: 'The step failed.', evidence: other };
}

function lastMeaningfulLine(lines: string[] | undefined): string | undefined {
  if (!lines) return undefined;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line && !/^time=".*" level=info/.test(line) && line !== 'Killed') return line;
  }
  return undefined;
}
