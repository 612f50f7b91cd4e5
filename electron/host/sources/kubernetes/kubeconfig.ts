// The user's kubeconfigs, loaded the way kubectl loads them: an explicit list of files, else
// $KUBECONFIG (merged: the first file to define a context, cluster or user name wins; the
// current-context comes from the first file that sets one), else ~/.kube/config.
//
// Every file is checked first (kubeconfig-check.ts, with the `yaml` parser), so a mistake is reported with the
// file and the line; only the entries that pass are handed to client-node's KubeConfig. One bad
// file or entry never hides the others: it becomes a KubeconfigError in `errors`, and the rest
// still loads. Loading dials nothing.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { KubeconfigError, checkKubeconfigText, withLine } from './kubeconfig-check';

export { KubeconfigError, type KubeconfigProblem } from './kubeconfig-check';

/** A context as the user sees it in a picker. */
export interface KubeContextInfo {
  name: string;
  cluster: string;
  /** The API server URL, e.g. https://10.0.0.1:6443. */
  server: string;
  user: string;
  namespace?: string;
  /** The current-context of the merged kubeconfig. */
  current: boolean;
  /** The file that defined the context. */
  file: string;
}

export interface LoadedKubeconfig {
  /** The files read, in merge order (missing $KUBECONFIG entries left out, as kubectl does). */
  files: string[];
  /** The merged configuration: only entries that passed the checks. */
  kubeConfig: KubeConfig;
  contexts: KubeContextInfo[];
  currentContext: string | undefined;
  /** One per problem found; the entries they concern are left out of kubeConfig and contexts. */
  errors: KubeconfigError[];
}

export interface KubeconfigSources {
  /** Explicit files (a connection's kubeconfigPaths); `~/` is expanded. */
  paths?: readonly string[];
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
}

/** Which files to read, and whether a missing one is an error (only when the user listed it). */
export function kubeconfigFiles(sources: KubeconfigSources): {
  files: string[];
  missingIsError: boolean;
} {
  const env = sources.env ?? process.env;
  const home = sources.homeDir ?? env.HOME ?? homedir();
  if (sources.paths && sources.paths.length > 0) {
    return { files: sources.paths.map((p) => expandHome(p, home)), missingIsError: true };
  }
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter((p) => p.length > 0);
  if (fromEnv.length > 0) return { files: unique(fromEnv), missingIsError: false };
  return { files: [path.join(home, '.kube', 'config')], missingIsError: false };
}

export function loadKubeconfigs(sources: KubeconfigSources): LoadedKubeconfig {
  const { files, missingIsError } = kubeconfigFiles(sources);
  const errors: KubeconfigError[] = [];
  const merged = new KubeConfig();
  const contextFile = new Map<string, { file: string; line: number | undefined }>();
  const claimed = {
    clusters: new Set<string>(),
    users: new Set<string>(),
    contexts: new Set<string>(),
  };
  let currentContext: string | undefined;
  const read: string[] = [];

  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && !missingIsError) continue;
      errors.push(
        new KubeconfigError(
          'unreadable',
          file,
          `cannot read the kubeconfig: ${(error as Error).message}`,
          {
            cause: error,
          },
        ),
      );
      continue;
    }
    read.push(file);
    const checked = checkKubeconfigText(text, file);
    errors.push(...checked.errors);
    if (!checked.config) continue;

    const one = new KubeConfig();
    try {
      // JSON is YAML: client-node parses the cleaned document, so its own rules apply to what is left.
      one.loadFromString(JSON.stringify(checked.config.document), { onInvalidEntry: 'filter' });
      one.makePathsAbsolute(path.dirname(file));
    } catch (error) {
      errors.push(
        new KubeconfigError('not_a_kubeconfig', file, (error as Error).message, { cause: error }),
      );
      continue;
    }
    // kubectl's merge: the first file to define a name wins, even when its definition was refused,
    // so a later file never silently stands in for a broken entry.
    for (const name of checked.config.refused.clusters) claimed.clusters.add(name);
    for (const name of checked.config.refused.users) claimed.users.add(name);
    for (const cluster of one.getClusters()) {
      if (claimed.clusters.has(cluster.name)) continue;
      claimed.clusters.add(cluster.name);
      merged.addCluster(cluster);
    }
    for (const user of one.getUsers()) {
      if (claimed.users.has(user.name)) continue;
      claimed.users.add(user.name);
      merged.addUser(user);
    }
    for (const context of one.getContexts()) {
      if (claimed.contexts.has(context.name)) continue;
      claimed.contexts.add(context.name);
      merged.addContext(context);
      contextFile.set(context.name, { file, line: checked.config.contextLines.get(context.name) });
    }
    if (currentContext === undefined && checked.config.currentContext)
      currentContext = checked.config.currentContext;
  }

  // A context is usable only when its cluster and user are defined somewhere in the merge.
  const usable: Context[] = [];
  for (const context of merged.getContexts()) {
    const where = contextFile.get(context.name) ?? {
      file: files[0] ?? '(no kubeconfig)',
      line: undefined,
    };
    const at = { line: where.line, entry: context.name } as const;
    if (!merged.getCluster(context.cluster)) {
      errors.push(
        new KubeconfigError(
          'missing_cluster',
          where.file,
          `context "${context.name}" names cluster "${context.cluster}", ${
            claimed.clusters.has(context.cluster)
              ? 'which could not be loaded (see its own error)'
              : 'which no loaded kubeconfig defines'
          }`,
          withLine(at),
        ),
      );
      continue;
    }
    if (context.user && !merged.getUser(context.user)) {
      errors.push(
        new KubeconfigError(
          'unknown_user',
          where.file,
          `context "${context.name}" names user "${context.user}", ${
            claimed.users.has(context.user)
              ? 'which could not be loaded (see its own error)'
              : 'which no loaded kubeconfig defines'
          }`,
          withLine(at),
        ),
      );
      continue;
    }
    usable.push(context);
  }

  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: merged.getClusters(),
    users: merged.getUsers(),
    contexts: usable,
    currentContext: currentContext ?? '',
  });
  const contexts = usable.map((context): KubeContextInfo => {
    const cluster = kubeConfig.getCluster(context.cluster) as Cluster;
    return {
      name: context.name,
      cluster: context.cluster,
      server: cluster.server,
      user: context.user ?? '',
      ...(context.namespace ? { namespace: context.namespace } : {}),
      current: context.name === currentContext,
      file: contextFile.get(context.name)?.file ?? '',
    };
  });
  return { files: read, kubeConfig, contexts, currentContext, errors };
}

function expandHome(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return p;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** The cluster and user of a context in a loaded kubeconfig (both exist for every listed context). */
export function contextParts(
  loaded: LoadedKubeconfig,
  name: string,
): { context: Context; cluster: Cluster; user: User | undefined } | undefined {
  const context = loaded.kubeConfig.getContextObject(name);
  if (!context) return undefined;
  const cluster = loaded.kubeConfig.getCluster(context.cluster);
  if (!cluster) return undefined;
  return {
    context,
    cluster,
    user: context.user ? (loaded.kubeConfig.getUser(context.user) ?? undefined) : undefined,
  };
}
