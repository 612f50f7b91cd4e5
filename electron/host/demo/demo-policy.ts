// The demo workspace's promotion policy, as a team would write it under `overrides` in its
// workspace file. Chosen against the demo registry (electron/sim/mlflow/demo-registry.json) so the
// demo shows every outcome: fraud-detector v4 passes its metric gates but is blocked by the
// firing drift alarm, ranking-model v3 misses its latency budget, churn-model v3 passes once
// approved.
import type { PromotionPolicy } from '../../../shared/model/promotion-policy';

export const demoPromotionPolicy: PromotionPolicy = {
  approvals: {
    default: { required: 1, twoPersonRule: true },
  },
  gates: {
    default: [
      {
        kind: 'metric',
        name: 'AUC holds against the champion',
        expression: 'auc >= champion.auc - 0.005',
      },
      { kind: 'metric', name: 'Latency budget', expression: 'latency_ms <= 5' },
    ],
    'fraud-detector': [
      {
        kind: 'metric',
        name: 'AUC holds against the champion',
        expression: 'auc >= champion.auc - 0.005',
      },
      { kind: 'metric', name: 'Precision floor', expression: 'precision >= 0.8' },
      { kind: 'metric', name: 'Latency budget (10 ms p95)', expression: 'latency_ms <= 10' },
      { kind: 'noDriftAlarm', label: 'model' },
    ],
    'ranking-model': [
      {
        kind: 'metric',
        name: 'NDCG@10 no worse than the champion',
        expression: 'ndcg_at_10 >= champion.ndcg_at_10',
      },
      { kind: 'metric', name: 'Latency budget', expression: 'latency_ms <= 25' },
    ],
  },
};
