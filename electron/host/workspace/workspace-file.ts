// Reads a workspace file: YAML, checked against the shared workspace schema. Every problem is
// reported as file:line:column plus the field's path, so the user can jump straight to it.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import type { SecretRef } from '../../../shared/model/connection';
import { workspace as workspaceSchema, type Workspace } from '../../../shared/model/workspace';
import { locate } from './yaml-locations';

export interface WorkspaceProblem {
  /** Dotted path of the field, e.g. `connections[1].trackingUri`; empty for the whole file. */
  path: string;
  line: number;
  column: number;
  message: string;
}

export class WorkspaceFileError extends Error {
  readonly file: string;
  readonly problems: WorkspaceProblem[];

  constructor(file: string, problems: WorkspaceProblem[], message?: string) {
    super(
      message ??
        problems
          .map((p) => `${file}:${p.line}:${p.column}: ${p.path ? `${p.path}: ` : ''}${p.message}`)
          .join('\n'),
    );
    this.name = 'WorkspaceFileError';
    this.file = file;
    this.problems = problems;
  }
}

/**
 * Reads and checks a workspace file. Relative paths in it (kubeconfigs, CA files, secret files)
 * are taken relative to the file's folder, and `~/` to the user's home.
 */
export async function loadWorkspaceFile(path: string): Promise<Workspace> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new WorkspaceFileError(path, [], `Cannot read workspace file ${path}: ${why}`);
  }
  return resolveWorkspacePaths(parseWorkspace(text, path), dirname(resolve(path)));
}

/** Checks workspace YAML; `fileName` only names the file in messages. */
export function parseWorkspace(text: string, fileName: string): Workspace {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new WorkspaceFileError(fileName, syntaxProblems(doc, lineCounter));
  if (doc.contents === null) {
    throw new WorkspaceFileError(fileName, [
      {
        path: '',
        line: 1,
        column: 1,
        message: 'the file is empty: a workspace needs at least version, name and connections',
      },
    ]);
  }
  const result = workspaceSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) =>
    describeIssue(issue, [], doc, lineCounter),
  );
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new WorkspaceFileError(fileName, problems);
}

/**
 * One problem per place: the parser's further complaints at the same spot are echoes of the
 * first. An error spanning lines (a key glued to the line above by its indentation or a missing
 * colon) names all of them, as the line to fix is often the last.
 */
function syntaxProblems(doc: Document, lineCounter: LineCounter): WorkspaceProblem[] {
  const byStart = new Map<number, { message: string; end: number }>();
  for (const error of doc.errors) {
    const known = byStart.get(error.pos[0]);
    if (known) known.end = Math.max(known.end, error.pos[1]);
    else byStart.set(error.pos[0], { message: firstLine(error.message), end: error.pos[1] });
  }
  return [...byStart].map(([offset, { message, end }]) => {
    const start = lineCounter.linePos(offset);
    const last = lineCounter.linePos(Math.max(offset, end - 1)).line;
    const span =
      last > start.line ? ` (check indentation and colons on lines ${start.line}-${last})` : '';
    return {
      path: '',
      line: start.line,
      column: start.col,
      message: `YAML syntax: ${message}${span}`,
    };
  });
}

type Issue = z.core.$ZodIssue;

function describeIssue(
  issue: Issue,
  base: PropertyKey[],
  doc: Document,
  lines: LineCounter,
): WorkspaceProblem[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const where = locate(doc, lines, [...path, key], 'key');
      return {
        path: formatPath([...path, key]),
        line: where.line,
        column: where.column,
        message: `unknown key "${key}"`,
      };
    });
  }
  if (issue.code === 'invalid_union' && !issue.discriminator) {
    // Report the alternative that came closest, when one clearly did.
    const sizes = issue.errors.map((branch) => branch.length);
    const fewest = Math.min(...sizes);
    if (sizes.filter((n) => n === fewest).length === 1) {
      const closest = issue.errors[sizes.indexOf(fewest)]!;
      return closest.flatMap((inner) => describeIssue(inner, path, doc, lines));
    }
  }
  const where = locate(doc, lines, path);
  return [
    {
      path: formatPath(path),
      line: where.line,
      column: where.column,
      message: messageFor(issue, path, where.found),
    },
  ];
}

function messageFor(issue: Issue, path: PropertyKey[], found: boolean): string {
  const field = path.at(-1);
  if (issue.code === 'invalid_union' && issue.discriminator) {
    const options = (issue as { options?: unknown[] }).options?.map(String).join(', ');
    return found
      ? `unknown ${issue.discriminator}; expected one of ${options}`
      : `missing ${issue.discriminator}: one of ${options}`;
  }
  if (issue.code === 'invalid_union' && (field === 'token' || field === 'password')) {
    return 'expected a secret reference: {secret: NAME} (the console vault), {env: VARIABLE} or {file: PATH}; the secret itself never goes in this file';
  }
  if (issue.code === 'invalid_union') return 'matches none of the accepted forms';
  if (!found && issue.code === 'invalid_type') return 'required field is missing';
  if (issue.code === 'invalid_format' && issue.format === 'url')
    return 'not a valid URL (expected e.g. https://host:port)';
  return issue.message.replace(/^Invalid input: /, '');
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, step) =>
      typeof step === 'number'
        ? `${text}[${step}]`
        : text
          ? `${text}.${String(step)}`
          : String(step),
    '',
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** Makes the workspace's file paths absolute: relative to `baseDir`, `~/` to the home folder. */
export function resolveWorkspacePaths(
  ws: Workspace,
  baseDir: string,
  home: string = homedir(),
): Workspace {
  const path = (p: string) => {
    if (p === '~') return home;
    if (p.startsWith('~/')) return join(home, p.slice(2));
    return isAbsolute(p) ? p : resolve(baseDir, p);
  };
  const ref = (r: SecretRef): SecretRef => ('file' in r ? { file: path(r.file) } : r);
  return {
    ...ws,
    connections: ws.connections.map((c) => {
      if (c.kind === 'kubernetes')
        return c.kubeconfigPaths ? { ...c, kubeconfigPaths: c.kubeconfigPaths.map(path) } : c;
      const auth =
        c.auth.type === 'bearer'
          ? { ...c.auth, token: ref(c.auth.token) }
          : c.auth.type === 'basic'
            ? { ...c.auth, password: ref(c.auth.password) }
            : c.auth;
      return { ...c, auth, ...(c.caFile ? { caFile: path(c.caFile) } : {}) };
    }),
  };
}
