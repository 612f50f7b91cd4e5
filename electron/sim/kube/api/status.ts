// Every error the simulator answers is a metav1.Status, shaped like the API server's
// (k8s.io/apimachinery/pkg/api/errors): kind Status, status Failure, message, reason, details, code.
import type { JsonObject } from './types';

export type StatusReason =
  | 'NotFound'
  | 'Forbidden'
  | 'Unauthorized'
  | 'Expired'
  | 'Gone'
  | 'Conflict'
  | 'Invalid'
  | 'AlreadyExists'
  | 'MethodNotAllowed'
  | 'BadRequest'
  | 'UnsupportedMediaType'
  | 'NotAcceptable'
  | 'ServiceUnavailable'
  | 'InternalError'
  | 'Timeout';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: { reason?: string; message?: string; field?: string }[];
  retryAfterSeconds?: number;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { continue?: string; resourceVersion?: string };
  status: 'Failure' | 'Success';
  message: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** Thrown anywhere in the simulator; the server turns it into the Status response. */
export class KubeError extends Error {
  readonly code: number;
  readonly reason: StatusReason;
  readonly details: StatusDetails | undefined;
  readonly listMeta: { continue?: string } | undefined;

  constructor(
    code: number,
    reason: StatusReason,
    message: string,
    details?: StatusDetails,
    listMeta?: { continue?: string },
  ) {
    super(message);
    this.name = 'KubeError';
    this.code = code;
    this.reason = reason;
    this.details = details;
    this.listMeta = listMeta;
  }

  toStatus(): StatusBody {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: this.listMeta ? { ...this.listMeta } : {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** "deployments.apps" / "pods": how the API server names a group-resource in messages. */
export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

function details(group: string, resource: string, name?: string): StatusDetails {
  return { ...(name !== undefined ? { name } : {}), ...(group ? { group } : {}), kind: resource };
}

export const errors = {
  notFound(group: string, resource: string, name: string): KubeError {
    return new KubeError(
      404,
      'NotFound',
      `${qualifiedResource(group, resource)} "${name}" not found`,
      details(group, resource, name),
    );
  },
  alreadyExists(group: string, resource: string, name: string): KubeError {
    return new KubeError(
      409,
      'AlreadyExists',
      `${qualifiedResource(group, resource)} "${name}" already exists`,
      details(group, resource, name),
    );
  },
  conflict(group: string, resource: string, name: string): KubeError {
    return new KubeError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(group, resource)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      details(group, resource, name),
    );
  },
  invalid(
    group: string,
    kind: string,
    name: string,
    causes: { field: string; message: string; reason?: string }[],
  ): KubeError {
    const summary = causes.map((c) => `${c.field}: ${c.message}`).join(', ');
    return new KubeError(
      422,
      'Invalid',
      `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${summary}`,
      {
        name,
        ...(group ? { group } : {}),
        kind,
        causes: causes.map((c) => ({
          reason: c.reason ?? 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    );
  },
  forbidden(
    user: string,
    verb: string,
    group: string,
    resource: string,
    namespace: string,
    name?: string,
  ): KubeError {
    const target = name
      ? `${qualifiedResource(group, resource)} "${name}"`
      : qualifiedResource(group, resource);
    const scope = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
    return new KubeError(
      403,
      'Forbidden',
      `${target} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${scope}`,
      details(group, resource, name),
    );
  },
  unauthorized(): KubeError {
    return new KubeError(401, 'Unauthorized', 'Unauthorized');
  },
  badRequest(message: string): KubeError {
    return new KubeError(400, 'BadRequest', message);
  },
  methodNotAllowed(): KubeError {
    return new KubeError(
      405,
      'MethodNotAllowed',
      'the server does not allow this method on the requested resource',
    );
  },
  notFoundPath(): KubeError {
    return new KubeError(404, 'NotFound', 'the server could not find the requested resource', {});
  },
  expired(message: string, listMeta?: { continue?: string }): KubeError {
    return new KubeError(410, 'Expired', message, undefined, listMeta);
  },
  unsupportedMediaType(): KubeError {
    return new KubeError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml`,
    );
  },
  unprocessable(message: string): KubeError {
    return new KubeError(422, 'Invalid', message);
  },
};

export function successStatus(details: StatusDetails): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: details as JsonObject,
  };
}
