// Discovery: /version, /api, /apis, /apis/GROUP, /api/v1, /apis/GROUP/VERSION, in the legacy
// formats and in the aggregated format (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) that
// kubectl >= 1.30 asks for first.
import type { ServerResponse } from 'node:http';
import type { ResourceRegistry } from '../api/registry';
import type { ResourceType } from '../api/resource-type';
import { errors } from '../api/status';
import { sendJson } from './http-io';

export const serverVersion = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.3-sim',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2025-03-11T19:52:21Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

function storageHash(type: ResourceType): string {
  return Buffer.from(`${type.group}/${type.version}/${type.kind}`).toString('base64').slice(0, 11);
}

function resourceList(registry: ResourceRegistry, group: string, version: string): unknown {
  const resources: unknown[] = [];
  for (const type of registry.inGroupVersion(group, version)) {
    resources.push({
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      ...(type.shortNames ? { shortNames: type.shortNames } : {}),
      ...(type.categories ? { categories: type.categories } : {}),
      storageVersionHash: storageHash(type),
    });
    for (const sub of type.subresources) {
      resources.push({
        name: `${type.resource}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub.group !== undefined ? { group: sub.group, version: sub.version } : {}),
        kind: sub.kind,
        verbs: sub.verbs,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}

function aggregatedGroup(registry: ResourceRegistry, group: string, versions: string[]): unknown {
  return {
    metadata: { name: group, creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: registry.inGroupVersion(group, version).map((type) => ({
        resource: type.resource,
        responseKind: { group: type.group, version: type.version, kind: type.kind },
        scope: type.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: type.singular,
        verbs: type.verbs,
        ...(type.shortNames ? { shortNames: type.shortNames } : {}),
        ...(type.categories ? { categories: type.categories } : {}),
        ...(type.subresources.length
          ? {
              subresources: type.subresources.map((sub) => ({
                subresource: sub.name,
                responseKind: {
                  group: sub.group ?? type.group,
                  version: sub.version ?? type.version,
                  kind: sub.kind,
                },
                verbs: sub.verbs,
              })),
            }
          : {}),
      })),
      freshness: 'Current',
    })),
  };
}

export function serveDiscovery(
  res: ServerResponse,
  registry: ResourceRegistry,
  path: string,
  aggregated: 'v2' | 'v2beta1' | undefined,
  serverAddress: string,
): void {
  const clean = path.replace(/\/+$/, '') || '/';
  const groups = registry.groups();
  if (clean === '/api' || clean === '/apis') {
    const wanted =
      clean === '/api' ? groups.filter((g) => g.name === '') : groups.filter((g) => g.name !== '');
    if (aggregated) {
      const body = {
        kind: 'APIGroupDiscoveryList',
        apiVersion: `apidiscovery.k8s.io/${aggregated}`,
        metadata: {},
        items: wanted.map((g) => aggregatedGroup(registry, g.name, g.versions)),
      };
      res.setHeader('Vary', 'Accept');
      sendJson(
        res,
        200,
        body,
        `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`,
      );
      return;
    }
    if (clean === '/api') {
      sendJson(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
      });
      return;
    }
    sendJson(res, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: wanted.map((g) => ({
        name: g.name,
        versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
        preferredVersion: {
          groupVersion: `${g.name}/${g.preferredVersion}`,
          version: g.preferredVersion,
        },
      })),
    });
    return;
  }
  const parts = clean.split('/').filter(Boolean);
  if (parts[0] === 'api' && parts[1] === 'v1' && parts.length === 2) {
    sendJson(res, 200, resourceList(registry, '', 'v1'));
    return;
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const g = groups.find((x) => x.name === parts[1]);
    if (!g) throw errors.notFoundPath();
    sendJson(res, 200, {
      kind: 'APIGroup',
      apiVersion: 'v1',
      name: g.name,
      versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
      preferredVersion: {
        groupVersion: `${g.name}/${g.preferredVersion}`,
        version: g.preferredVersion,
      },
    });
    return;
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const g = groups.find((x) => x.name === parts[1]);
    if (!g || !g.versions.includes(parts[2] ?? '')) throw errors.notFoundPath();
    sendJson(res, 200, resourceList(registry, g.name, parts[2] ?? ''));
    return;
  }
  throw errors.notFoundPath();
}
