// Browser processes as the kernel lists them (/proc), independent of
// Puppeteer: the soak run and the tests use them to prove no browser outlives
// its build. Linux only, like the machines that build.
import { readFileSync, readdirSync } from 'node:fs';

export interface BrowserProcess {
  pid: number;
  profile: string;
}

/** Live browsers started by `parent`: its children that carry a Puppeteer profile. */
export function browserProcesses(parent = process.pid): BrowserProcess[] {
  return processes()
    .filter((p) => p.ppid === parent && p.state !== 'Z')
    .flatMap(({ pid }) => {
      const args = read(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
      const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
      return profile ? [{ pid, profile }] : [];
    });
}

/** Live browsers whose profile lies under `tmp` (the TMPDIR a build ran with), whoever their parent is now. */
export function browsersUnder(tmp: string): number[] {
  return processes()
    .filter((p) => p.state !== 'Z')
    .filter((p) => (read(`/proc/${p.pid}/cmdline`) ?? '').includes(`--user-data-dir=${tmp}`))
    .map((p) => p.pid);
}

/** Live (not zombie) members of a process group; a browser leads its own group. */
export function liveGroupMembers(pgid: number): number[] {
  return processes()
    .filter((p) => p.pgrp === pgid && p.state !== 'Z')
    .map((p) => p.pid);
}

function processes(): { pid: number; ppid: number; pgrp: number; state: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const stat = read(`/proc/${name}/stat`);
      // The command name is in parentheses and may contain spaces; fields follow the last ')'.
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (!fields || fields.length < 3) return [];
      return [{ pid: Number(name), state: fields[0]!, ppid: Number(fields[1]), pgrp: Number(fields[2]) }];
    });
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
