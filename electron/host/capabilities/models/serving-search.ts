// Searches the selected kube contexts for a model's serving objects, one context at a time in
// parallel; a context that fails is listed with its error and the others still answer.
import type { ModelServing } from '../../../../shared/contract/models';
import type { KubeClients } from '../../sources/kubernetes';
import { SourceError } from '../../sources/source-error';
import { servingTargetsFor, servingUrisIn, sortTargets } from './serving';

export interface ServingContext {
  connection: string;
  context: string;
  clients: () => KubeClients;
}

export async function findServing(
  model: string,
  aliases: { alias: string; version: string }[],
  contexts: ServingContext[],
): Promise<ModelServing> {
  const results = await Promise.all(
    contexts.map(async ({ connection, context, clients }) => {
      const where = { connection, context };
      try {
        const found = await servingUrisIn(clients());
        return { where, targets: servingTargetsFor(model, aliases, found, where) };
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        return { where: { ...where, error: error.toContract() }, targets: [] };
      }
    }),
  );
  return {
    model,
    targets: sortTargets(results.flatMap((r) => r.targets)),
    contexts: results.map((r) => r.where),
  };
}
