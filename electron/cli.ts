// Command line of the console's host (plain Node, no Electron). Subcommands load lazily, so
// `audit verify` does not start a simulator's imports.
//   serve [--port N] [--workspace FILE] [--data-dir DIR] [--open-demo]   browser mode
//   sim [--port N] [--kubeconfig FILE] [--scenario NAME|FILE]           the Kubernetes simulator alone
//   audit verify [--data-dir DIR]                                       check the audit hash chain
import { parseArgs } from 'node:util';

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: {
          port: { type: 'string' },
          workspace: { type: 'string' },
          'data-dir': { type: 'string' },
          demo: { type: 'boolean' },
        },
      });
      const { runServe } = await import('./cli/serve');
      return runServe({
        port: values.port === undefined ? 0 : parsePort(values.port),
        ...(values.workspace ? { workspaceFile: values.workspace } : {}),
        ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
        demo: values.demo ?? false,
      });
    }
    case 'sim': {
      const { values } = parseArgs({
        args: rest,
        options: {
          port: { type: 'string' },
          kubeconfig: { type: 'string' },
          scenario: { type: 'string' },
        },
      });
      const { runSim } = await import('./cli/sim');
      return runSim({
        port: values.port === undefined ? 0 : parsePort(values.port),
        ...(values.kubeconfig ? { kubeconfig: values.kubeconfig } : {}),
        ...(values.scenario ? { scenario: values.scenario } : {}),
      });
    }
    case 'audit': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { 'data-dir': { type: 'string' } },
      });
      if (positionals[0] !== 'verify') return usage();
      const { runAuditVerify } = await import('./cli/audit');
      return runAuditVerify(values['data-dir']);
    }
    default:
      return usage();
  }
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a number between 0 and 65535, not "${text}"`);
  }
  return port;
}

class UsageError extends Error {}

function usage(): number {
  console.error(
    [
      'usage: tsx electron/cli.ts <command>',
      '  serve [--port N] [--workspace FILE] [--data-dir DIR] [--demo]',
      '  sim [--port N] [--kubeconfig FILE] [--scenario NAME|FILE]',
      '  audit verify [--data-dir DIR]',
    ].join('\n'),
  );
  return 2;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(
      error instanceof UsageError || error instanceof TypeError ? error.message : error,
    );
    process.exit(error instanceof UsageError || error instanceof TypeError ? 2 : 1);
  },
);
