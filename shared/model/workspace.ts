// A workspace: the systems one team's console talks to, as a YAML file the team can keep in git
// (docs/workspace.example.yaml), or built from the user's environment. Unknown keys are refused
// so a typo ("trackingUrl") is an error with a line number, not a silently ignored setting.
import * as z from 'zod';
import {
  alertmanagerConnection,
  kubernetesConnection,
  mlflowConnection,
  prometheusConnection,
} from './connection';
import { signalNames } from './signal-names';
import { gpuPolicy } from './gpu-policy';
import { approvalsPolicy, gatesPolicy } from './promotion-policy';

/**
 * The same four kinds as `connection`, chosen by `kind` first, so an error inside a connection
 * points at the field (connections.2.trackingUri) rather than at "matches no kind".
 */
export const workspaceConnection = z.discriminatedUnion('kind', [
  kubernetesConnection,
  mlflowConnection,
  prometheusConnection,
  alertmanagerConnection,
]);

export const workspaceOverrides = z
  .object({
    /** Named signals' PromQL, replacing the built-in query of the same name. */
    signals: z
      .record(z.string(), z.string().min(1))
      .superRefine((signals, ctx) => {
        for (const name of Object.keys(signals)) {
          if ((signalNames as readonly string[]).includes(name)) continue;
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `"${name}" is not a named signal; expected one of ${signalNames.join(', ')}`,
          });
        }
      })
      .optional(),
    /** Promotion gates per model name (or `default`): see promotion-policy.ts. */
    gates: gatesPolicy.optional(),
    /** Approvals required per model name (or `default`), and the two-person rule. */
    approvals: approvalsPolicy.optional(),
    /** Idle GPU rule and GPU-hour price: see gpu-policy.ts. */
    gpus: gpuPolicy.optional(),
  })
  .strict();

export const workspace = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    description: z.string().optional(),
    connections: z.array(workspaceConnection),
    overrides: workspaceOverrides.optional(),
  })
  .strict()
  .superRefine((ws, ctx) => {
    const seen = new Map<string, number>();
    ws.connections.forEach((c, index) => {
      const earlier = seen.get(c.id);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['connections', index, 'id'],
          message: `duplicate connection id "${c.id}" (also connections.${earlier})`,
        });
      } else seen.set(c.id, index);
    });
    ws.connections.forEach((c, index) => {
      if (c.kind !== 'prometheus' && c.kind !== 'alertmanager') return;
      const via = c.viaKubernetes?.connection;
      if (via === undefined) return;
      const target = ws.connections.find((other) => other.id === via);
      if (!target || target.kind !== 'kubernetes') {
        ctx.addIssue({
          code: 'custom',
          path: ['connections', index, 'viaKubernetes', 'connection'],
          message: `"${via}" is not a kubernetes connection of this workspace`,
        });
      }
    });
  });

export type Workspace = z.infer<typeof workspace>;
export type WorkspaceOverrides = z.infer<typeof workspaceOverrides>;
