// The workspaces a user can open: the built-in demo, "local" (what the user's environment and
// Settings declare), and each registered workspace file. Which one is open is remembered.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ConnectionView } from '../../../shared/contract/connections';
import type { WorkspaceSummary } from '../../../shared/contract/workspace';
import type { Connection } from '../../../shared/model/connection';
import type { GpuPolicy } from '../../../shared/model/gpu-policy';
import type { PromotionPolicy } from '../../../shared/model/promotion-policy';
import { demoPromotionPolicy } from '../demo/demo-policy';
import type { Store } from '../store';
import { loadWorkspaceFile, workspaceFromEnvironment } from './index';

export interface DeclaredConnection {
  connection: Connection;
  origin: ConnectionView['origin'];
  editable: boolean;
}

export interface WorkspaceDefinition {
  summary: WorkspaceSummary;
  connections: DeclaredConnection[];
  signalOverrides: Record<string, string>;
  /** Approvals and gates per model (`overrides.approvals`, `overrides.gates`). */
  promotionPolicy?: PromotionPolicy;
  /** Idle GPU rule and GPU-hour price (`overrides.gpus`). */
  gpuPolicy?: GpuPolicy;
}

/** Starts the demo's simulators on first use and describes their connections. */
export interface DemoProvider {
  connections(): Promise<Connection[]>;
  /** Stops the simulators, if they were started. */
  stop(): Promise<void>;
}

interface RegisteredFile {
  id: string;
  path: string;
}

const filesKey = 'workspace.files';
const currentKey = 'workspace.current';

export const demoSummary: WorkspaceSummary = {
  id: 'demo',
  name: 'Demo workspace',
  kind: 'demo',
  description: 'A simulated cluster, model registry and metrics store',
};
export const localSummary: WorkspaceSummary = {
  id: 'local',
  name: 'My environment',
  kind: 'local',
  description: 'Your kubeconfig, MLFLOW_TRACKING_URI and the connections added in Settings',
};

export class WorkspaceCatalog {
  /**
   * Each file's description as of its size and modification time: the window asks for the list
   * at every start and switch, and reading and checking every file again each time cost a busy
   * start up to half a second of waiting turns.
   */
  private readonly described = new Map<string, { version: string; summary: WorkspaceSummary }>();

  constructor(
    private readonly store: Store,
    private readonly env: NodeJS.ProcessEnv,
    private readonly demo: DemoProvider,
  ) {}

  async list(): Promise<WorkspaceSummary[]> {
    const files = await Promise.all(this.files().map((file) => this.describeFile(file)));
    return [demoSummary, localSummary, ...files];
  }

  /** The workspace to open at start: the last one opened, else the demo. */
  currentId(): string {
    return this.store.settings.get<string>(currentKey) ?? 'demo';
  }

  remember(id: string): void {
    this.store.settings.set(currentKey, id);
  }

  addFile(path: string): string {
    const absolute = resolve(path);
    const id = fileWorkspaceId(absolute);
    const files = this.files().filter((f) => f.id !== id);
    this.store.settings.set(filesKey, [...files, { id, path: absolute }]);
    return id;
  }

  removeFile(id: string): boolean {
    const files = this.files();
    const kept = files.filter((f) => f.id !== id);
    this.store.settings.set(filesKey, kept);
    return kept.length !== files.length;
  }

  async load(id: string): Promise<WorkspaceDefinition> {
    const stored = (): DeclaredConnection[] =>
      this.store.connections
        .list(id)
        .map((c) => ({ connection: c.connection, origin: 'settings', editable: true }));
    if (id === 'demo') {
      const connections = await this.demo.connections();
      return {
        summary: demoSummary,
        connections: [
          ...connections.map((connection) => ({
            connection,
            origin: 'demo' as const,
            editable: false,
          })),
          ...stored(),
        ],
        signalOverrides: {},
        promotionPolicy: demoPromotionPolicy,
        // The demo's GPUs replay a 196 s recording in a loop, so its idle window is short.
        gpuPolicy: { idleWindow: '30s', pricePerGpuHour: 3.5, currency: 'USD', costWindow: '1h' },
      };
    }
    if (id === 'local') {
      const fromEnv = workspaceFromEnvironment(this.env);
      return {
        // The environment's notes say what was left out and why (e.g. a non-http MLFLOW_TRACKING_URI).
        summary: {
          ...localSummary,
          ...(fromEnv.description ? { description: fromEnv.description } : {}),
        },
        connections: [
          ...fromEnv.connections.map((connection) => ({
            connection,
            origin: 'environment' as const,
            editable: false,
          })),
          ...stored(),
        ],
        signalOverrides: {},
      };
    }
    const file = this.files().find((f) => f.id === id);
    if (!file) throw new Error(`There is no workspace "${id}"`);
    const workspace = await loadWorkspaceFile(file.path);
    return {
      summary: {
        id,
        name: workspace.name,
        kind: 'file',
        path: file.path,
        ...(workspace.description ? { description: workspace.description } : {}),
      },
      connections: [
        ...workspace.connections.map((connection) => ({
          connection,
          origin: 'file' as const,
          editable: false,
        })),
        ...stored(),
      ],
      signalOverrides: workspace.overrides?.signals ?? {},
      promotionPolicy: {
        approvals: workspace.overrides?.approvals,
        gates: workspace.overrides?.gates,
      },
      ...(workspace.overrides?.gpus ? { gpuPolicy: workspace.overrides.gpus } : {}),
    };
  }

  private files(): RegisteredFile[] {
    return this.store.settings.get<RegisteredFile[]>(filesKey) ?? [];
  }

  private async describeFile(file: RegisteredFile): Promise<WorkspaceSummary> {
    const version = await stat(file.path).then(
      (st) => `${st.size}:${st.mtimeMs}`,
      () => undefined,
    );
    const known = this.described.get(file.id);
    if (version && known?.version === version) return known.summary;
    const summary = await this.readDescription(file);
    if (version) this.described.set(file.id, { version, summary });
    else this.described.delete(file.id);
    return summary;
  }

  private async readDescription(file: RegisteredFile): Promise<WorkspaceSummary> {
    try {
      const workspace = await loadWorkspaceFile(file.path);
      return {
        id: file.id,
        name: workspace.name,
        kind: 'file',
        path: file.path,
        ...(workspace.description ? { description: workspace.description } : {}),
      };
    } catch (error) {
      return {
        id: file.id,
        name: file.path,
        kind: 'file',
        path: file.path,
        error: (error as Error).message,
      };
    }
  }
}

export function fileWorkspaceId(absolutePath: string): string {
  return `file-${createHash('sha256').update(absolutePath).digest('hex').slice(0, 10)}`;
}
