// `npm run sim -- --port N --kubeconfig FILE`: the Kubernetes simulator alone, for kubectl and
// for pointing a console at it; the kubeconfig has a context per user (viewer, operator, team).
import { resolve } from 'node:path';
import { startKubeSimulator } from '../sim/kube';

export async function runSim(opts: {
  port: number;
  kubeconfig?: string;
  scenario?: string;
}): Promise<number> {
  const sim = await startKubeSimulator({
    port: opts.port,
    realtimeClock: true,
    ...(opts.scenario ? { scenario: opts.scenario } : {}),
  });
  const kubeconfig = resolve(opts.kubeconfig ?? 'sim.kubeconfig');
  await sim.writeKubeconfig(kubeconfig);
  console.log(`Kubernetes simulator listening at ${sim.url}`);
  console.log(`  kubeconfig: ${kubeconfig}`);
  console.log(`  try: KUBECONFIG=${kubeconfig} kubectl get workflows -A`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await sim.stop();
  return 0;
}
