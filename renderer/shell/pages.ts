// The pages that exist. A capability's page is added here when the capability is built; there
// are no placeholders for the others.
import type { ComponentType, SVGProps } from 'react';
import {
  IconAudit,
  IconBell,
  IconGpu,
  IconClock,
  IconMetrics,
  IconOverview,
  IconPipelines,
  IconRegistry,
  IconServing,
  IconSettings,
} from '../components/icons';

export interface Page {
  path: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  testId: string;
  /** The key after `g` that opens it. */
  goKey: string;
}

export const pages: readonly Page[] = [
  { path: '/overview', label: 'Overview', icon: IconOverview, testId: 'nav-overview', goKey: 'o' },
  { path: '/models', label: 'Models', icon: IconRegistry, testId: 'nav-models', goKey: 'm' },
  {
    path: '/pipelines',
    label: 'Pipelines',
    icon: IconPipelines,
    testId: 'nav-pipelines',
    goKey: 'p',
  },
  {
    path: '/schedules',
    label: 'Schedules',
    icon: IconClock,
    testId: 'nav-schedules',
    goKey: 'c',
  },
  { path: '/serving', label: 'Serving', icon: IconServing, testId: 'nav-serving', goKey: 'v' },
  { path: '/alerts', label: 'Alerts', icon: IconBell, testId: 'nav-alerts', goKey: 'a' },
  { path: '/gpus', label: 'GPUs', icon: IconGpu, testId: 'nav-gpus', goKey: 'u' },
  { path: '/drift', label: 'Drift', icon: IconMetrics, testId: 'nav-drift', goKey: 'd' },
  // `a` is Alerts': the audit log is `l` (log).
  { path: '/audit', label: 'Audit log', icon: IconAudit, testId: 'nav-audit', goKey: 'l' },
  { path: '/settings', label: 'Settings', icon: IconSettings, testId: 'nav-settings', goKey: 's' },
];
