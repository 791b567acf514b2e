// Outputs appear whole or not at all: bytes go to a temporary file named so a
// later build can tell whose it is, then a rename puts it in place.
import { readdirSync, readlinkSync, watch } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.ts';
import { TEMP_MARK, tempFileOwner, writeAtomic } from '../../src/output/write-atomic.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'coop-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('tempFileOwner', () => {
  it.each([
    ['red.pdf.tmp-4242-0a1b2c3d', 4242],
    ['manifest.json.tmp-7-ff', 7],
    ['red.pdf', undefined],
    ['red.pdf.tmp-', undefined],
    ['red.pdf.tmp-4242', undefined],
    ['red.pdf.tmp-x42-0a1b', undefined],
    ['red.pdf.tmp-4242-0A1B', undefined],
    ['red.pdf.tmp-4242-0a1b.pdf', undefined],
  ])('reads the process id of %s as %s', (name, pid) => {
    expect(tempFileOwner(name)).toBe(pid);
  });

  it('recognises the mark the writer uses', () => {
    expect(TEMP_MARK).toBe('.tmp-');
  });
});

describe('writeAtomic', () => {
  it('creates the folders, writes the bytes and leaves only the target', async () => {
    const target = join(dir, 'en', 'projects', 'red.pdf');
    await writeAtomic(target, Buffer.from('%PDF-1.7 new'));
    expect(await readFile(target, 'utf8')).toBe('%PDF-1.7 new');
    expect(await readdir(join(dir, 'en', 'projects'))).toEqual(['red.pdf']);
  });

  it('writes through a temporary file named after this process, then renames it', async () => {
    const target = join(dir, 'red.pdf');
    await writeFile(target, 'old');
    const seen: string[] = [];
    const watcher = watch(dir, (_, name) => name && seen.push(name));
    try {
      await writeAtomic(target, Buffer.from('new'));
      // Events arrive on the next turns of the loop.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      watcher.close();
    }
    const temp = seen.find((name) => name !== 'red.pdf');
    expect(temp).toMatch(/^red\.pdf\.tmp-\d+-[0-9a-f]{8}$/);
    expect(tempFileOwner(temp!)).toBe(process.pid);
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['red.pdf']);
  });

  it('closes the files it opened', async () => {
    // What this process's file descriptors point to, under the test's folder (Linux).
    const open = () =>
      readdirSync('/proc/self/fd')
        .map((fd) => {
          try {
            return readlinkSync(`/proc/self/fd/${fd}`);
          } catch {
            return ''; // closed since the listing
          }
        })
        .filter((target) => target.startsWith(dir));
    await writeAtomic(join(dir, 'red.pdf'), Buffer.from('%PDF-1.7'));
    expect(open()).toEqual([]);
  });

  it('fails with an io error naming the file as shown, and leaves no temporary file', async () => {
    const target = join(dir, 'red.pdf');
    await mkdir(target);
    const error = await writeAtomic(target, Buffer.from('x'), 'out/en/projects/red.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(error).toMatchObject({
      code: 'io',
      message: 'cannot write out/en/projects/red.pdf (EISDIR)',
      hint: "check that the folder is writable and that no folder has the file's name",
      cause: expect.objectContaining({ code: 'EISDIR' }),
    });
    expect(await readdir(dir)).toEqual(['red.pdf']);
  });

  it('is an io error, not a raw one, under a file where a folder should be (regression), naming the path itself', async () => {
    await writeFile(join(dir, 'en'), 'a file where a folder should be');
    const error = await writeAtomic(join(dir, 'en', 'red.pdf'), Buffer.from('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(error).toMatchObject({ code: 'io', message: `cannot write ${join(dir, 'en', 'red.pdf')} (EEXIST)` });
  });
});
