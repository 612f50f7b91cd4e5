// The connection form's state, and its translation to the contract's Connection. Validation is
// the contract's own zod schema; its issue paths (and the host's, for bad_request) are mapped
// back onto the form's fields. Typed secrets travel beside the connection, never inside it.
import type * as z from 'zod';
import type { ConnectionView, typedSecrets } from '../../../../shared/contract/connections';
import {
  connection as connectionSchema,
  type AuthConfig,
  type Connection,
  type ConnectionKind,
  type SecretRef,
} from '../../../../shared/model/connection';
import type { KeyValueRow } from '../../../components/KeyValueEditor';

export type TypedSecrets = z.infer<typeof typedSecrets>;
export type AuthType = AuthConfig['type'];
/** Where the token or password comes from: typed here (kept in the vault), an env var, a file. */
export type SecretSource = 'vault' | 'env' | 'file';
export type Reach = 'url' | 'kubernetes';

export interface ConnectionDraft {
  kind: ConnectionKind;
  id: string;
  name: string;
  kubeconfigPaths: string[];
  contexts: string[];
  trackingUri: string;
  reach: Reach;
  url: string;
  via: {
    connection: string;
    context: string;
    namespace: string;
    service: string;
    port: string;
    scheme: 'http' | 'https';
  };
  headers: KeyValueRow[];
  authType: AuthType;
  username: string;
  secretSource: SecretSource;
  /** The environment variable or file, when the secret is not typed. */
  secretLocation: string;
  /** Vault entries the saved connection already refers to: kept unless a new value is typed. */
  savedSecrets: { token?: string; password?: string };
  token: string;
  password: string;
  caFile: string;
  insecureSkipTlsVerify: boolean;
}

/** Form fields, named as in their `field-<name>` test ids. `form` is for what fits no field. */
export type DraftField =
  | 'id'
  | 'name'
  | 'kind'
  | 'kubeconfigPaths'
  | 'contexts'
  | 'trackingUri'
  | 'reach'
  | 'url'
  | 'via-connection'
  | 'via-context'
  | 'via-namespace'
  | 'via-service'
  | 'via-port'
  | 'via-scheme'
  | 'headers'
  | 'auth-type'
  | 'username'
  | 'secret-source'
  | 'secret-location'
  | 'token'
  | 'password'
  | 'caFile'
  | 'insecureSkipTlsVerify'
  | 'form';

export type FieldErrors = Partial<Record<DraftField, string>>;

export type BuildResult =
  { ok: true; connection: Connection; secrets?: TypedSecrets } | { ok: false; errors: FieldErrors };

export function emptyDraft(kind: ConnectionKind = 'kubernetes'): ConnectionDraft {
  return {
    kind,
    id: '',
    name: '',
    kubeconfigPaths: [],
    contexts: [],
    trackingUri: '',
    reach: 'url',
    url: '',
    via: { connection: '', context: '', namespace: '', service: '', port: '', scheme: 'http' },
    headers: [],
    authType: 'none',
    username: '',
    secretSource: 'vault',
    secretLocation: '',
    savedSecrets: {},
    token: '',
    password: '',
    caFile: '',
    insecureSkipTlsVerify: false,
  };
}

export function draftFromView(view: ConnectionView): ConnectionDraft {
  const c = view.connection;
  const draft: ConnectionDraft = { ...emptyDraft(c.kind), id: c.id, name: c.name };
  if (c.kind === 'kubernetes') {
    return { ...draft, kubeconfigPaths: c.kubeconfigPaths ?? [], contexts: c.contexts ?? [] };
  }
  draft.caFile = c.caFile ?? '';
  draft.insecureSkipTlsVerify = c.insecureSkipTlsVerify ?? false;
  draft.authType = c.auth.type;
  const ref =
    c.auth.type === 'bearer' ? c.auth.token : c.auth.type === 'basic' ? c.auth.password : undefined;
  if (c.auth.type === 'basic') draft.username = c.auth.username;
  if (ref) {
    if ('secret' in ref) {
      draft.secretSource = 'vault';
      draft.savedSecrets =
        c.auth.type === 'bearer' ? { token: ref.secret } : { password: ref.secret };
    } else if ('env' in ref) {
      draft.secretSource = 'env';
      draft.secretLocation = ref.env;
    } else {
      draft.secretSource = 'file';
      draft.secretLocation = ref.file;
    }
  }
  if (c.kind === 'mlflow') return { ...draft, trackingUri: c.trackingUri };
  draft.headers = Object.entries(c.headers ?? {}).map(([key, value]) => ({ key, value }));
  if (c.viaKubernetes) {
    const v = c.viaKubernetes;
    draft.reach = 'kubernetes';
    draft.via = {
      connection: v.connection ?? '',
      context: v.context,
      namespace: v.namespace,
      service: v.service,
      port: String(v.port),
      scheme: v.scheme,
    };
  } else {
    draft.url = c.url ?? '';
  }
  return draft;
}

/** The draft with every typed secret dropped (after a save, or when the form closes). */
export function withoutTypedSecrets(draft: ConnectionDraft): ConnectionDraft {
  return { ...draft, token: '', password: '' };
}

export function vaultEntryFor(id: string, field: 'token' | 'password'): string {
  return `connection/${id}/${field}`;
}

export function buildConnection(draft: ConnectionDraft): BuildResult {
  const errors: FieldErrors = {};
  const id = draft.id.trim();
  const base = { id, name: draft.name.trim(), kind: draft.kind };
  let secrets: TypedSecrets | undefined;
  let raw: Record<string, unknown>;

  if (draft.kind === 'kubernetes') {
    const paths = draft.kubeconfigPaths.map((p) => p.trim()).filter(Boolean);
    const contexts = draft.contexts.map((c) => c.trim()).filter(Boolean);
    raw = {
      ...base,
      ...(paths.length ? { kubeconfigPaths: paths } : {}),
      ...(contexts.length ? { contexts } : {}),
    };
  } else {
    const auth = buildAuth(draft, id, errors);
    secrets = auth.secrets;
    raw = {
      ...base,
      auth: auth.config,
      ...(draft.caFile.trim() ? { caFile: draft.caFile.trim() } : {}),
      ...(draft.insecureSkipTlsVerify ? { insecureSkipTlsVerify: true } : {}),
    };
    if (draft.kind === 'mlflow') {
      raw.trackingUri = draft.trackingUri.trim();
    } else {
      Object.assign(raw, buildReach(draft, errors), buildHeaders(draft, errors));
    }
  }

  const parsed = connectionSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(issue.path.map(String), draft);
      errors[field] ??= humanMessage(issue);
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, connection: parsed.data, ...(secrets ? { secrets } : {}) };
}

function buildAuth(
  draft: ConnectionDraft,
  id: string,
  errors: FieldErrors,
): { config: unknown; secrets?: TypedSecrets } {
  if (draft.authType === 'none') return { config: { type: 'none' } };
  const field = draft.authType === 'bearer' ? 'token' : 'password';
  const typed = draft[field];
  let ref: SecretRef | undefined;
  let secrets: TypedSecrets | undefined;
  if (draft.secretSource === 'vault') {
    const saved = draft.savedSecrets[field];
    if (typed) {
      ref = { secret: saved ?? vaultEntryFor(id, field) };
      secrets = { [field]: typed };
    } else if (saved) {
      ref = { secret: saved };
    } else {
      errors[field] = draft.authType === 'bearer' ? 'Enter the token' : 'Enter the password';
    }
  } else {
    const location = draft.secretLocation.trim();
    if (!location) {
      errors['secret-location'] =
        draft.secretSource === 'env' ? 'Name the environment variable' : 'Give the file path';
    } else {
      ref = draft.secretSource === 'env' ? { env: location } : { file: location };
    }
  }
  // A placeholder keeps the schema's other checks running when the secret is what's missing.
  const refOrPlaceholder = ref ?? { env: 'MISSING' };
  const config =
    draft.authType === 'bearer'
      ? { type: 'bearer', token: refOrPlaceholder }
      : { type: 'basic', username: draft.username.trim(), password: refOrPlaceholder };
  return { config, ...(secrets ? { secrets } : {}) };
}

function buildReach(draft: ConnectionDraft, errors: FieldErrors): Record<string, unknown> {
  if (draft.reach === 'url') {
    const url = draft.url.trim();
    if (!url) errors.url = 'Enter the URL';
    return url ? { url } : {};
  }
  const v = draft.via;
  const required = {
    context: 'via-context',
    namespace: 'via-namespace',
    service: 'via-service',
    port: 'via-port',
  } as const;
  for (const [key, field] of Object.entries(required)) {
    if (!v[key as keyof typeof required].trim()) errors[field] = 'Required';
  }
  const port = v.port.trim();
  return {
    viaKubernetes: {
      ...(v.connection ? { connection: v.connection } : {}),
      context: v.context.trim(),
      namespace: v.namespace.trim(),
      service: v.service.trim(),
      port: /^\d+$/.test(port) ? Number(port) : port,
      scheme: v.scheme,
    },
  };
}

function buildHeaders(draft: ConnectionDraft, errors: FieldErrors): Record<string, unknown> {
  const rows = draft.headers
    .map((r) => ({ key: r.key.trim(), value: r.value }))
    .filter((r) => r.key || r.value);
  if (rows.length === 0) return {};
  const headers: Record<string, string> = {};
  for (const row of rows) {
    if (!row.key) errors.headers ??= 'Every header needs a name';
    else if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(row.key))
      errors.headers ??= `"${row.key}" is not a valid header name`;
    else if (row.key.toLowerCase() in lowerKeys(headers))
      errors.headers ??= `${row.key} is given twice`;
    else headers[row.key] = row.value;
  }
  return { headers };
}

function lowerKeys(record: Record<string, string>): Record<string, true> {
  return Object.fromEntries(Object.keys(record).map((k) => [k.toLowerCase(), true]));
}

interface IssueLike {
  code?: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  format?: string;
}

function humanMessage(issue: IssueLike): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return 'Required';
  }
  if (
    issue.code === 'invalid_format' &&
    issue.format === 'url' &&
    issue.message === 'Invalid URL'
  ) {
    return 'Enter a full URL, like https://host:port';
  }
  if (issue.message === 'give either url or viaKubernetes') {
    return 'Give a URL, or reach it through the Kubernetes API server';
  }
  return issue.message;
}

/** The form field an issue path (zod's, or the host's dotted one) is about. */
export function fieldForPath(path: readonly string[], draft: ConnectionDraft): DraftField {
  const parts = ['connection', 'draft'].includes(path[0] ?? '') ? path.slice(1) : [...path];
  const [head, next] = parts;
  const secretField = (typed: 'token' | 'password'): DraftField =>
    draft.secretSource === 'vault' ? typed : 'secret-location';
  switch (head) {
    case 'id':
    case 'name':
    case 'kind':
    case 'kubeconfigPaths':
    case 'contexts':
    case 'trackingUri':
    case 'url':
    case 'headers':
    case 'caFile':
    case 'insecureSkipTlsVerify':
      return head;
    case 'viaKubernetes':
      return next &&
        ['connection', 'context', 'namespace', 'service', 'port', 'scheme'].includes(next)
        ? (`via-${next}` as DraftField)
        : 'reach';
    case 'auth':
      if (next === 'username') return 'username';
      if (next === 'token') return secretField('token');
      if (next === 'password') return secretField('password');
      return 'auth-type';
    case 'secrets':
      return next === 'password' ? 'password' : 'token';
    default:
      return 'form';
  }
}

/** The host's bad_request issues, on the fields they name; the rest under `form`. */
export function errorsFromIssues(
  issues: readonly { path: string; message: string }[],
  draft: ConnectionDraft,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldForPath(issue.path === '(root)' ? [] : issue.path.split('.'), draft);
    errors[field] = errors[field] ? `${errors[field]}; ${issue.message}` : issue.message;
  }
  return errors;
}
