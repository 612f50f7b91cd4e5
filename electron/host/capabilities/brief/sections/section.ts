// The tiny interface a brief section implements. A capability adds its section by writing one
// file here and one line in `index.ts`; the shared reads are computed once per brief.
import type { BriefItem } from '../../../../../shared/contract/brief';
import type { PipelineRun } from '../../../../../shared/contract/pipelines';
import type { ScheduleView } from '../../../../../shared/contract/schedules';
import type { ServingView } from '../../../../../shared/contract/serving';
import type { HostContext } from '../../../host-context';
import type { OpenWorkspace } from '../../../workspace/open-workspace';

/** What the sections share; each read runs at most once per brief, whoever asks first. */
export interface BriefReads {
  ctx: HostContext;
  workspace: OpenWorkspace;
  now: Date;
  runs(): Promise<PipelineRun[]>;
  schedules(): Promise<ScheduleView>;
  serving(): Promise<ServingView>;
}

export interface SectionAnswer {
  items: BriefItem[];
  /** A remark shown with the section (e.g. "2 of 3 Alertmanagers answered"). */
  note?: string;
}

export interface BriefSectionProvider {
  id: string;
  title: string;
  /**
   * The section's items. Answer `undefined` when the section does not apply to this workspace
   * (no Alertmanager connection, say); throw when it applies but cannot be read.
   */
  read(reads: BriefReads): Promise<SectionAnswer | undefined>;
}
