import { defaultDataDir, verifyAuditCommand } from '../host/store';
import { appName } from '../host/app-name';

export function runAuditVerify(dataDir: string | undefined): number {
  const result = verifyAuditCommand(dataDir ?? defaultDataDir(appName));
  (result.exitCode === 0 ? console.log : console.error)(result.output);
  return result.exitCode;
}
