// Checks one kubeconfig file's text before client-node sees it, so every mistake is reported with
// the file and the line: YAML syntax (the whole file is refused), and entries that kubectl would
// refuse — no name, no server, base64 that is not a PEM block, a file reference that cannot be
// read (that entry alone is refused). Cross-file checks (a context's cluster and user) are made
// after the merge, in kubeconfig.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument } from 'yaml';

export type KubeconfigProblem =
  | 'unreadable' // the file cannot be read (other than missing from $KUBECONFIG, which kubectl skips)
  | 'yaml' // YAML syntax
  | 'not_a_kubeconfig' // valid YAML but not a kubeconfig's shape
  | 'invalid_entry' // an entry without a name, a cluster without a server, ...
  | 'bad_base64' // *-data fields that are not base64 of a PEM block
  | 'missing_cluster' // a context naming a cluster no loaded file defines
  | 'unknown_user' // a context naming a user no loaded file defines
  | 'unknown_context'; // the connection lists a context no loaded file defines

export class KubeconfigError extends Error {
  readonly file: string;
  readonly problem: KubeconfigProblem;
  /** 1-based, when the problem has a place in the file. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The context, cluster or user the problem is about, when it is about one. */
  readonly entry: string | undefined;

  constructor(
    problem: KubeconfigProblem,
    file: string,
    detail: string,
    opts: { line?: number; column?: number; entry?: string; cause?: unknown } = {},
  ) {
    super(
      `${file}${opts.line ? ` line ${opts.line}` : ''}: ${detail}`,
      opts.cause ? { cause: opts.cause } : undefined,
    );
    this.name = 'KubeconfigError';
    this.problem = problem;
    this.file = file;
    this.line = opts.line;
    this.column = opts.column;
    this.entry = opts.entry;
  }
}

export interface CheckedKubeconfig {
  /** The document with refused entries removed and token-file paths made absolute. */
  document: Record<string, unknown>;
  refused: { clusters: string[]; users: string[] };
  contextLines: Map<string, number>;
  currentContext: string | undefined;
}

/** Checks one file's text; a YAML or shape error refuses the whole file, an entry error only the entry. */
export function checkKubeconfigText(
  text: string,
  file: string,
): { config: CheckedKubeconfig | undefined; errors: KubeconfigError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = syntax.linePos?.[0];
    const message = syntax.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
    return {
      config: undefined,
      errors: [
        new KubeconfigError('yaml', file, `YAML syntax error: ${message}`, {
          ...(pos ? { line: pos.line, column: pos.col } : {}),
          cause: syntax,
        }),
      ],
    };
  }
  const lineOf = (keys: (string | number)[]): number | undefined => {
    const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) {
    return {
      config: {
        document: {},
        refused: { clusters: [], users: [] },
        contextLines: new Map(),
        currentContext: undefined,
      },
      errors: [],
    };
  }
  if (!isMap(doc.contents)) {
    return {
      config: undefined,
      errors: [
        new KubeconfigError(
          'not_a_kubeconfig',
          file,
          'not a kubeconfig: the top level is not a mapping',
          { line: 1 },
        ),
      ],
    };
  }
  const errors: KubeconfigError[] = [];
  for (const key of ['clusters', 'contexts', 'users'] as const) {
    const node = doc.get(key, true);
    if (node !== undefined && node !== null && !isSeq(node) && !isNullScalar(node)) {
      errors.push(
        new KubeconfigError(
          'not_a_kubeconfig',
          file,
          `not a kubeconfig: "${key}" must be a list`,
          withLine({ line: lineOf([key]) }),
        ),
      );
    }
  }
  if (errors.length > 0) return { config: undefined, errors };

  const obj = root as Record<string, unknown>;
  const refused = { clusters: [] as string[], users: [] as string[] };
  const dir = path.dirname(file);
  const clusters = entries(obj.clusters).filter((entry, i) => {
    const problem = checkCluster(entry, i, lineOf, dir);
    if (!problem) return true;
    errors.push(
      new KubeconfigError(
        problem.problem,
        file,
        problem.detail,
        withLine({ line: problem.line, entry: nameOf(entry) }),
      ),
    );
    if (nameOf(entry)) refused.clusters.push(nameOf(entry) as string);
    return false;
  });
  const users = entries(obj.users).filter((entry, i) => {
    const problem = checkUser(entry, i, lineOf, dir);
    if (!problem) return true;
    errors.push(
      new KubeconfigError(
        problem.problem,
        file,
        problem.detail,
        withLine({ line: problem.line, entry: nameOf(entry) }),
      ),
    );
    if (nameOf(entry)) refused.users.push(nameOf(entry) as string);
    return false;
  });
  const contextLines = new Map<string, number>();
  const contexts = entries(obj.contexts).filter((entry, i) => {
    const problem = checkContext(entry, i, lineOf);
    if (problem) {
      errors.push(
        new KubeconfigError(
          problem.problem,
          file,
          problem.detail,
          withLine({ line: problem.line, entry: nameOf(entry) }),
        ),
      );
      return false;
    }
    const line = lineOf(['contexts', i]);
    if (line) contextLines.set(nameOf(entry) as string, line);
    return true;
  });
  const current = obj['current-context'];
  return {
    config: {
      document: { ...obj, clusters, users, contexts },
      refused,
      contextLines,
      currentContext: typeof current === 'string' && current.length > 0 ? current : undefined,
    },
    errors,
  };
}

interface EntryProblem {
  problem: KubeconfigProblem;
  detail: string;
  line: number | undefined;
}
type LineOf = (keys: (string | number)[]) => number | undefined;

function checkCluster(
  entry: unknown,
  i: number,
  lineOf: LineOf,
  dir: string,
): EntryProblem | undefined {
  const name = nameOf(entry);
  const at = lineOf(['clusters', i]);
  if (!name) return { problem: 'invalid_entry', detail: `clusters[${i}] has no name`, line: at };
  const cluster = (entry as { cluster?: unknown }).cluster;
  if (!isRecord(cluster))
    return {
      problem: 'invalid_entry',
      detail: `cluster "${name}" has no "cluster" section`,
      line: at,
    };
  const server = cluster.server;
  if (typeof server !== 'string' || server.length === 0) {
    return { problem: 'invalid_entry', detail: `cluster "${name}" has no server URL`, line: at };
  }
  if (!/^https?:\/\//.test(server)) {
    return {
      problem: 'invalid_entry',
      detail: `cluster "${name}" has server "${server}", which is not an http(s) URL`,
      line: lineOf(['clusters', i, 'cluster', 'server']) ?? at,
    };
  }
  const caProblem = checkPemData(cluster['certificate-authority-data'], 'CERTIFICATE');
  if (caProblem) {
    return {
      problem: 'bad_base64',
      detail: `cluster "${name}": certificate-authority-data ${caProblem}`,
      line: lineOf(['clusters', i, 'cluster', 'certificate-authority-data']) ?? at,
    };
  }
  const caFile = checkReferencedFile(cluster, 'certificate-authority', dir);
  if (caFile) {
    return {
      problem: 'unreadable',
      detail: `cluster "${name}": ${caFile}`,
      line: lineOf(['clusters', i, 'cluster', 'certificate-authority']) ?? at,
    };
  }
  return undefined;
}

function checkUser(
  entry: unknown,
  i: number,
  lineOf: LineOf,
  dir: string,
): EntryProblem | undefined {
  const name = nameOf(entry);
  const at = lineOf(['users', i]);
  if (!name) return { problem: 'invalid_entry', detail: `users[${i}] has no name`, line: at };
  const user = (entry as { user?: unknown }).user;
  if (user === undefined || user === null) return undefined; // kubectl accepts a user with no credentials
  if (!isRecord(user))
    return {
      problem: 'invalid_entry',
      detail: `user "${name}": "user" is not a mapping`,
      line: at,
    };
  for (const [field, block] of [
    ['client-certificate-data', 'CERTIFICATE'],
    ['client-key-data', 'PRIVATE KEY'],
  ] as const) {
    const problem = checkPemData(user[field], block);
    if (problem) {
      return {
        problem: 'bad_base64',
        detail: `user "${name}": ${field} ${problem}`,
        line: lineOf(['users', i, 'user', field]) ?? at,
      };
    }
  }
  const exec = user.exec;
  if (
    exec !== undefined &&
    (!isRecord(exec) || typeof exec.command !== 'string' || exec.command.length === 0)
  ) {
    return {
      problem: 'invalid_entry',
      detail: `user "${name}": exec has no command`,
      line: lineOf(['users', i, 'user', 'exec']) ?? at,
    };
  }
  // client-go resolves a relative exec command that contains a separator against the file's folder.
  if (
    isRecord(exec) &&
    typeof exec.command === 'string' &&
    exec.command.includes('/') &&
    !path.isAbsolute(exec.command)
  ) {
    exec.command = path.join(dir, exec.command);
  }
  for (const field of ['client-certificate', 'client-key', 'token-file'] as const) {
    const problem = checkReferencedFile(user, field, dir);
    if (problem)
      return {
        problem: 'unreadable',
        detail: `user "${name}": ${problem}`,
        line: lineOf(['users', i, 'user', field]) ?? at,
      };
  }
  return undefined;
}

/**
 * Makes a file reference absolute against the kubeconfig's folder, as kubectl does (client-node
 * reads token-file against the working directory), and says why it cannot be read, if it cannot.
 */
function checkReferencedFile(
  fields: Record<string, unknown>,
  field: string,
  dir: string,
): string | undefined {
  const value = fields[field];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return `${field} is not a path`;
  const absolute = path.isAbsolute(value) ? value : path.join(dir, value);
  fields[field] = absolute;
  try {
    readFileSync(absolute);
    return undefined;
  } catch (error) {
    return `${field} ${absolute} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

function checkContext(entry: unknown, i: number, lineOf: LineOf): EntryProblem | undefined {
  const name = nameOf(entry);
  const at = lineOf(['contexts', i]);
  if (!name) return { problem: 'invalid_entry', detail: `contexts[${i}] has no name`, line: at };
  const context = (entry as { context?: unknown }).context;
  if (!isRecord(context))
    return {
      problem: 'invalid_entry',
      detail: `context "${name}" has no "context" section`,
      line: at,
    };
  if (typeof context.cluster !== 'string' || context.cluster.length === 0) {
    return { problem: 'missing_cluster', detail: `context "${name}" names no cluster`, line: at };
  }
  return undefined;
}

/** Why a *-data field is unusable, or undefined when it is fine (or absent). */
function checkPemData(value: unknown, block: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return 'is not a string';
  const compact = value.replace(/\s+/g, '');
  // Go's StdEncoding, which kubectl uses: the standard alphabet, padded.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0)
    return 'is not valid base64';
  const decoded = Buffer.from(compact, 'base64').toString('utf8');
  if (!decoded.includes('-----BEGIN ') || !decoded.includes(block))
    return `does not decode to a PEM ${block}`;
  return undefined;
}

function entries(list: unknown): unknown[] {
  return Array.isArray(list) ? [...(list as unknown[])] : [];
}

function nameOf(entry: unknown): string | undefined {
  const name = isRecord(entry) ? entry.name : undefined;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullScalar(node: unknown): boolean {
  return (
    typeof node === 'object' &&
    node !== null &&
    'value' in node &&
    (node as { value: unknown }).value === null
  );
}

export function withLine(opts: { line: number | undefined; entry?: string | undefined }): {
  line?: number;
  entry?: string;
} {
  return {
    ...(opts.line ? { line: opts.line } : {}),
    ...(opts.entry ? { entry: opts.entry } : {}),
  };
}
