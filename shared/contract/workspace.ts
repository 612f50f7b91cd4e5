import * as z from 'zod';
import { call, event } from './core';

export const workspaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['demo', 'local', 'file']),
  /** The workspace file, for kind `file`. */
  path: z.string().optional(),
  description: z.string().optional(),
  /** Set when the workspace file could not be loaded: the message names the field and line. */
  error: z.string().optional(),
});
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;

export const workspaceState = z.object({
  current: workspaceSummary,
  available: z.array(workspaceSummary),
});
export type WorkspaceState = z.infer<typeof workspaceState>;

export const workspaceCalls = {
  'workspace.get': call({
    summary: 'The open workspace and the others the user can switch to',
    input: z.object({}).strict(),
    output: workspaceState,
  }),
  'workspace.switch': call({
    summary: 'Open another workspace',
    input: z.object({ id: z.string() }).strict(),
    output: workspaceState,
    mutates: true,
  }),
  'workspace.addFile': call({
    summary: 'Register a workspace file (YAML) so it can be opened',
    input: z.object({ path: z.string().min(1) }).strict(),
    output: workspaceState,
    mutates: true,
  }),
  'workspace.removeFile': call({
    summary: 'Forget a registered workspace file (the file itself is left alone)',
    input: z.object({ id: z.string() }).strict(),
    output: workspaceState,
    mutates: true,
  }),
};

export const workspaceEvents = {
  'workspace.changed': event({
    summary: 'Another workspace was opened: every cached answer is now about the wrong sources',
    payload: workspaceState,
  }),
};
