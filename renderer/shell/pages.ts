// The pages that exist. A capability's page is added here when the capability is built; there
// are no placeholders for the others.
import type { ComponentType, SVGProps } from 'react';
import { IconOverview, IconPipelines, IconRegistry, IconSettings } from '../components/icons';

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
  { path: '/settings', label: 'Settings', icon: IconSettings, testId: 'nav-settings', goKey: 's' },
];
