// The promotion calls: plans for the confirmation dialog, promote and rollback as sagas, and what
// the start-up reconciliation found.
import type { Handlers } from '../../../transport/dispatcher';
import type { Promotions } from './promotions';

type PromotionCalls =
  | 'promotion.plan'
  | 'promotion.rollbackPlan'
  | 'promotion.promote'
  | 'promotion.rollback'
  | 'promotion.notices';

export function promotionHandlers(promotions: Promotions): Pick<Handlers, PromotionCalls> {
  return {
    'promotion.plan': ({ id, name, alias, version, canaryPercent }) =>
      promotions.plan({
        kind: 'promote',
        id,
        name,
        alias,
        version,
        ...(canaryPercent ? { canaryPercent } : {}),
      }),
    'promotion.rollbackPlan': ({ id, name, alias }) =>
      promotions.plan({ kind: 'rollback', id, name, alias }),
    'promotion.promote': ({ canaryPercent, override, ...rest }) =>
      promotions.run('promote', {
        ...rest,
        ...(canaryPercent ? { canaryPercent } : {}),
        ...(override ? { override } : {}),
      }),
    'promotion.rollback': (input) => promotions.run('rollback', input),
    'promotion.notices': async () => ({ notices: await promotions.notices() }),
  };
}
