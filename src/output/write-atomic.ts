// Outputs appear whole or not at all: bytes go to a temporary file beside the
// target, then a rename replaces the target in one step.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ReportError } from '../errors.ts';

/** Temporary files are named so a later build can recognise and remove leftovers. */
export const TEMP_MARK = '.tmp-';

/** The process id in a temporary file's name, if it is one of ours. */
export function tempFileOwner(name: string): number | undefined {
  const match = /\.tmp-(\d+)-[0-9a-f]+$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

export async function writeAtomic(path: string, bytes: Uint8Array, shown = path): Promise<void> {
  const temp = `${path}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (cause) {
    // Under a file where a folder should be, even removing fails (ENOTDIR): the write's error is the one to report.
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (cause as NodeJS.ErrnoException).code ?? 'error';
    throw new ReportError('io', `cannot write ${shown} (${code})`, undefined, 'check that the folder is writable and that no folder has the file\'s name', { cause });
  }
}
