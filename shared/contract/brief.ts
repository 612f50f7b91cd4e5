// The morning brief: one screen answering "is everything OK?". Sections come from providers in
// the host (failed runs, missed schedules, stale models, services not ready, firing alerts, and
// whatever other capabilities register); each item links to its detail.
import * as z from 'zod';
import { call, freshness } from './core';
import { fetchFrom } from './sources';

export const briefItem = z.object({
  /** Stable across reads, so "new since your last visit" can be told. */
  id: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  severity: z.enum(['critical', 'warning', 'info']),
  /** When the problem began, if known. */
  since: z.string().optional(),
  /** Which cluster or connection it is on. */
  where: z.string().optional(),
  /** The in-app path of its detail page. */
  link: z.string().optional(),
});
export type BriefItem = z.infer<typeof briefItem>;

export const briefSection = z.object({
  id: z.string(),
  title: z.string(),
  /** ok: nothing to report; attention: items to look at; unavailable: could not be read. */
  state: z.enum(['ok', 'attention', 'unavailable']),
  items: z.array(briefItem),
  /** Why the section could not be read, or a remark on it. */
  note: z.string().optional(),
});
export type BriefSection = z.infer<typeof briefSection>;

export const lastVisit = z.object({ at: z.string(), itemIds: z.array(z.string()) });
export type LastVisit = z.infer<typeof lastVisit>;

export const brief = z.object({
  sections: z.array(briefSection),
  generatedAt: z.string(),
});
export type Brief = z.infer<typeof brief>;

export const briefCalls = {
  'brief.get': call({
    summary: 'The morning brief of the open workspace, live or last-known',
    input: z.object({ from: fetchFrom.default('live') }).strict(),
    output: z.object({ value: brief.nullable(), freshness: freshness.nullable() }),
  }),
  'brief.lastVisit': call({
    summary: 'When the user last looked at the brief and what it listed then',
    input: z.object({}).strict(),
    output: z.object({ lastVisit: lastVisit.nullable() }),
  }),
  'brief.visited': call({
    summary: 'Records that the user looked at the brief now, with the items it listed',
    input: z.object({ itemIds: z.array(z.string()).max(5000) }).strict(),
    output: z.object({ at: z.string() }),
  }),
};
