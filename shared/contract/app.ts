import * as z from 'zod';
import { call, event } from './core';

export const appInfo = z.object({
  version: z.string(),
  /** Which transport the renderer is using: the desktop app or the loopback browser mode. */
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  /** Where secrets typed into the console are kept: the OS keychain via safeStorage, or for this session only. */
  secretStorage: z.enum(['safeStorage', 'session']),
  startedAt: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

export const themePreference = z.enum(['system', 'light', 'dark']);

// "Since your last visit" is kept per workspace by the morning brief, not here.
export const uiSettings = z.object({
  theme: themePreference,
});
export type UiSettings = z.infer<typeof uiSettings>;

export const appCalls = {
  'app.info': call({
    summary: 'What this console is and where it keeps its data',
    input: z.object({}).strict(),
    output: appInfo,
  }),
  'settings.get': call({
    summary: 'The user interface settings',
    input: z.object({}).strict(),
    output: uiSettings,
  }),
  'settings.update': call({
    summary: 'Change user interface settings',
    input: uiSettings.partial().strict(),
    output: uiSettings,
  }),
};

export const appEvents = {
  'app.log': event({
    summary: 'A warning or error the host logged that the user should see',
    payload: z.object({
      level: z.enum(['warn', 'error']),
      message: z.string(),
      source: z.string().optional(),
      at: z.string(),
    }),
  }),
};
