// The independent readers the workbook tests run: LibreOffice, Gnumeric's
// ssconvert and Python's openpyxl, from Debian's packages. A missing one skips
// its tests with a loud message saying how to install it, and fails them in CI.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { it } from 'vitest';

export const run = promisify(execFile);

export interface Tool {
  name: string;
  /** The command to run, when found. */
  path?: string | undefined;
  install: string;
}

export function findCommand(name: string, install: string): Tool {
  const path = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((p) => existsSync(p));
  return announce({ name, path, install });
}

/** A Python that imports openpyxl: Debian's, even when another python3 comes first on PATH. */
export function findOpenpyxl(): Tool {
  const candidates = ['/usr/bin/python3', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'python3'))];
  const path = candidates.find((p) => {
    try {
      return existsSync(p) && execFileSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' }) !== undefined;
    } catch {
      return false;
    }
  });
  return announce({ name: 'python3 with openpyxl', path, install: 'apt-get install python3-openpyxl' });
}

function announce(tool: Tool): Tool {
  if (!tool.path) {
    console.warn(`\n${'!'.repeat(78)}\n!! SKIPPED: ${tool.name} is not installed, so the workbook was not read by it.\n!! Install it with: ${tool.install}\n${'!'.repeat(78)}\n`);
  }
  return tool;
}

/** In CI a missing reader is a failure, not a skip. */
export function failInCiWithout(tool: Tool): void {
  if (!tool.path && process.env.CI === 'true') {
    it(`has ${tool.name} (CI must read the workbook with it)`, () => {
      throw new Error(`${tool.name} is missing: ${tool.install}`);
    });
  }
}

// OOXMLRecalcMode 0: always recalculate files from Excel 2007 and later on load.
const RECALCULATE_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Files converted by LibreOffice into `outdir` (`format`: xlsx, pdf), with a
 * private profile and HOME that recalculate every formula on load, so parallel
 * runs and the user's own settings never interfere.
 */
export async function sofficeConvert(soffice: string, files: readonly string[], format: string, outdir: string): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'coop-soffice-home-'));
  try {
    await mkdir(join(home, 'profile', 'user'), { recursive: true });
    await writeFile(join(home, 'profile', 'user', 'registrymodifications.xcu'), RECALCULATE_ON_LOAD);
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(join(home, 'profile')).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outdir, ...files], {
      timeout: 180_000,
      env: { ...process.env, HOME: home },
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}
