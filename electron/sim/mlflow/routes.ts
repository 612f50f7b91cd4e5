// The REST routes the simulator answers under /api/2.0/mlflow and /ajax-api/2.0/mlflow. Each
// names the permission MLflow's basic-auth app checks for it (mlflow/server/auth/__init__.py).
import type { RegistryState } from './registry-state';
import { registryRoutes } from './registry-routes';
import type { Params } from './request-params';
import { trackingRoutes } from './tracking-routes';

/** What the caller needs: `list` routes answer everyone but show only what they may read. */
export type Access = 'read' | 'list' | 'create' | 'update' | 'delete';

export interface RouteContext {
  state: RegistryState;
  params: Params;
  /** False for a basic-auth user without READ: list routes then answer empty, as MLflow filters them. */
  canRead: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
  handle(ctx: RouteContext): Record<string, unknown>;
}

export const routes: Route[] = [...registryRoutes, ...trackingRoutes];
