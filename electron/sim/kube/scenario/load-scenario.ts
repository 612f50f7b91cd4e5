// Loads a scenario (a built-in name or a YAML path) into the runtime: cluster, workloads,
// serving, pipelines, events and the timeline that will play on the scenario clock.
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SimRuntime } from '../runtime';
import {
  buildCrds,
  buildNamespaces,
  buildNodes,
  buildQuotas,
  buildServices,
} from './build-cluster';
import { buildDeployments } from './build-deployments';
import { buildExtras } from './build-extras';
import { buildCronJobs, buildJobs } from './build-batch';
import { buildInferenceServices } from './build-serving';
import { buildCronWorkflows, buildWorkflows } from './build-workflows';
import { scheduleCronWorkflows } from './cron-schedules';
import { simAssetsDir } from '../../assets-dir';
import type { ScenarioFile } from './schema';
import { scheduleTimeline } from './timeline';
import { WorkflowRunner } from './workflow-runner';

export const builtinScenarios = ['ml-platform', 'empty'] as const;

const parsedScenarios = new Map<string, ScenarioFile>();

/**
 * The built-in scenarios as JSON, parsed from their YAML when the bundles were built
 * (scripts/build-electron.mjs): the YAML parser was a sixth of the demo's start. Run from source
 * (tests, tsx), the YAML files are read.
 */
declare const __BUILTIN_SCENARIOS__: string | undefined;
let bundledScenarios: Record<string, ScenarioFile> | undefined;

function bundledScenario(name: string): ScenarioFile | undefined {
  if (typeof __BUILTIN_SCENARIOS__ !== 'string') return undefined;
  bundledScenarios ??= JSON.parse(__BUILTIN_SCENARIOS__) as Record<string, ScenarioFile>;
  return bundledScenarios[name];
}

const emptyScenario: ScenarioFile = { name: 'empty', crds: ['argo-workflows', 'kserve'] };

/** Built-in scenarios live with the simulators' other data, which the packaged app ships too. */
function scenarioDirectory(): string {
  return join(simAssetsDir(), 'kube-scenarios');
}

export async function readScenario(nameOrPath: string): Promise<ScenarioFile> {
  if (nameOrPath === 'empty') return structuredClone(emptyScenario);
  const isPath = /[/\\]|\.ya?ml$/.test(nameOrPath);
  const bundled = isPath ? undefined : bundledScenario(nameOrPath);
  if (bundled) return structuredClone(bundled);
  const path = isPath ? nameOrPath : join(scenarioDirectory(), `${nameOrPath}.yaml`);
  if (!existsSync(path)) {
    throw new Error(
      `kube simulator scenario "${nameOrPath}" not found (built-in: ${builtinScenarios.join(', ')}, or a path to a YAML file)`,
    );
  }
  // Parsing the YAML is the slowest part of a start; tests start many simulators per process.
  const key = `${path}@${statSync(path).mtimeMs}`;
  let parsed = parsedScenarios.get(key);
  if (!parsed) {
    parsed = parse(await readFile(path, 'utf8')) as ScenarioFile;
    if (!parsed || typeof parsed !== 'object' || !parsed.name)
      throw new Error(`scenario ${path} must be a mapping with a name`);
    parsedScenarios.set(key, parsed);
  }
  return structuredClone(parsed);
}

/** Everything is stamped relative to the clock's "now", so the demo always looks current. */
export async function loadScenario(rt: SimRuntime, nameOrPath: string): Promise<WorkflowRunner> {
  const scenario = await readScenario(nameOrPath);
  const now = rt.clock.nowMs();
  const runner = new WorkflowRunner(rt);
  rt.workflows = runner;
  buildNamespaces(rt, scenario, now);
  buildCrds(rt, scenario, now);
  buildNodes(rt, scenario, now);
  buildQuotas(rt, scenario.resourceQuotas ?? [], now);
  buildServices(rt, scenario.services ?? [], now);
  buildDeployments(rt, scenario.deployments ?? [], now);
  if (rt.registry.find('serving.kserve.io', 'inferenceservices'))
    buildInferenceServices(rt, scenario.inferenceServices ?? [], now);
  buildCronJobs(rt, scenario.cronJobs ?? [], now);
  buildJobs(rt, scenario.jobs ?? [], now);
  buildCronWorkflows(rt, runner, scenario.cronWorkflows ?? [], now);
  buildWorkflows(rt, runner, scenario.workflows ?? [], scenario.cronWorkflows ?? [], now);
  buildExtras(rt, scenario, now);
  scheduleTimeline(rt, runner, scenario.timeline ?? []);
  if (rt.clock.isRealtime) scheduleCronWorkflows(rt, runner);
  await rt.settle();
  return runner;
}
