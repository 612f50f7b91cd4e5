import type { ComponentType, SVGProps } from 'react';
import type { ConnectionKind } from '../../shared/model/connection';
import { IconBell, IconCluster, IconMetrics, IconRegistry } from './icons';

export const connectionKinds: readonly ConnectionKind[] = [
  'kubernetes',
  'mlflow',
  'prometheus',
  'alertmanager',
];

export const kindLabels: Record<ConnectionKind, string> = {
  kubernetes: 'Kubernetes',
  mlflow: 'MLflow',
  prometheus: 'Prometheus',
  alertmanager: 'Alertmanager',
};

export const kindIcons: Record<ConnectionKind, ComponentType<SVGProps<SVGSVGElement>>> = {
  kubernetes: IconCluster,
  mlflow: IconRegistry,
  prometheus: IconMetrics,
  alertmanager: IconBell,
};

export function KindIcon({ kind }: { kind: ConnectionKind }) {
  const Icon = kindIcons[kind];
  return (
    <span className={`kind-icon kind-${kind}`} aria-hidden="true">
      <Icon />
    </span>
  );
}
