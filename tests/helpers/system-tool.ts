// Optional programs from Debian that some tests read outputs back with. On a
// machine without one, its tests are skipped with a loud line saying how to
// get it; under CI=true a missing tool fails the run instead, since CI
// installs every one of them (.ci/run).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function systemTool(command: string, debianPackage: string, testFile: string): string | undefined {
  const found = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, command)).find((path) => existsSync(path));
  if (found) return found;
  const message = `${testFile}: SKIPPED, \`${command}\` is not on PATH (install it with: apt-get install ${debianPackage})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run these checks`);
  console.warn(`\n*** ${message} ***\n`);
  return undefined;
}
