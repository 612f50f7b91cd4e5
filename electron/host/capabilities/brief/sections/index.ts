// The brief's sections, in the order they are shown. Another capability adds its own with one
// line here (e.g. `idleGpus` from `./idle-gpus`), implementing `BriefSectionProvider`.
import { driftedModels } from './drifted-models';
import { failedRuns } from './failed-runs';
import { firingAlerts } from './firing-alerts';
import { idleGpus } from './idle-gpus';
import { missedSchedules } from './missed-schedules';
import type { BriefSectionProvider } from './section';
import { servicesNotReady } from './services-not-ready';
import { staleModels } from './stale-models';

export const briefSections: BriefSectionProvider[] = [
  failedRuns,
  missedSchedules,
  staleModels,
  servicesNotReady,
  firingAlerts,
  driftedModels,
  idleGpus,
];

export type { BriefReads, BriefSectionProvider, SectionAnswer } from './section';
