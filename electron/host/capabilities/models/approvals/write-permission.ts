// Whether the registry lets the signed-in user write tags on a model, asked before they click.
// MLflow's basic-auth app (3.x) answers a user's own permission on a resource; older servers
// and servers without the auth app do not know the call, and then the answer is "unknown": the
// write is attempted and a 403 is remembered instead.
import * as z from 'zod';
import type { MlflowSource } from '../../../sources/mlflow';

const permissionReply = z.object({ allowed: z.boolean().optional(), permission: z.string() });
const canWrite = new Set(['EDIT', 'MANAGE']);
const known = new Set(['READ', 'USE', 'NO_PERMISSIONS', ...canWrite]);

/** Why the user may not write, when the registry says so; undefined when allowed or unknown. */
export async function registryWriteRefusal(
  mlflow: MlflowSource,
  user: string,
  model: string,
): Promise<string | undefined> {
  try {
    // The call lives under /api/3.0; the client's routes are relative to /api/2.0/mlflow/.
    const reply = await mlflow.call(permissionReply, {
      path: '../../3.0/mlflow/users/permissions/get',
      query: { username: user, resource_type: 'registered_model', resource_id: model },
    });
    const permission = reply.permission.toUpperCase();
    if (!known.has(permission) || canWrite.has(permission)) return undefined;
    return `The registry gives ${user} ${permission} on ${model}: approving needs EDIT. Ask an MLflow admin.`;
  } catch {
    return undefined;
  }
}
