// The fingerprint a build compares to decide it has nothing to do: it must
// change with any input that can change an output, and with nothing else.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint, sha256 } from '../../src/output/fingerprint.ts';

let root: string;
/** A tree as a build fingerprints it: folders walked whole, named files, extra values. */
const digest = (extra: string[] = ['tool']) => fingerprint(root, [join(root, 'templates')], [join(root, 'data', 'a.yaml'), join(root, 'data', 'b.yaml')], extra);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'coop-fingerprint-'));
  await mkdir(join(root, 'templates', 'briefs'), { recursive: true });
  await mkdir(join(root, 'data'));
  await writeFile(join(root, 'templates', 'catalogue.yaml'), 'locales: [en]\n');
  await writeFile(join(root, 'templates', 'briefs', 'project.hbs'), '<h1>{{acronym}}</h1>\n');
  await writeFile(join(root, 'data', 'a.yaml'), 'a: 1\n');
  await writeFile(join(root, 'data', 'b.yaml'), 'b: 2\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('sha256', () => {
  it('is the SHA-256 of text or bytes, in hex', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256(new Uint8Array([0x61, 0x62, 0x63]))).toBe(sha256('abc'));
  });
});

describe('fingerprint', () => {
  it('is a SHA-256 that stays the same while nothing changes', async () => {
    const first = await digest();
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await digest()).toBe(first);
  });

  it('changes with a file in a nested folder, a named file, or an extra value', async () => {
    const before = await digest();
    await writeFile(join(root, 'templates', 'briefs', 'project.hbs'), '<h1>{{title}}</h1>\n');
    const template = await digest();
    await writeFile(join(root, 'data', 'b.yaml'), 'b: 3\n');
    const data = await digest();
    expect(new Set([before, template, data, await digest(['tool 2'])]).size).toBe(4);
  });

  it('changes when a file is renamed, added or removed', async () => {
    const before = await digest();
    await rename(join(root, 'templates', 'briefs', 'project.hbs'), join(root, 'templates', 'briefs', 'programme.hbs'));
    const renamed = await digest();
    await writeFile(join(root, 'templates', 'briefs', 'project.hbs'), '<h1>{{acronym}}</h1>\n');
    const added = await digest();
    await rm(join(root, 'data', 'a.yaml'));
    const removed = await digest();
    expect(new Set([before, renamed, added, removed]).size).toBe(4);
  });

  it('tells a missing named file from an empty one', async () => {
    await rm(join(root, 'data', 'a.yaml'));
    const missing = await digest();
    await writeFile(join(root, 'data', 'a.yaml'), '');
    expect(await digest()).not.toBe(missing);
  });

  it('tells extra values apart where they are split', async () => {
    expect(await digest(['ab', 'c'])).not.toBe(await digest(['a', 'bc']));
  });

  it('does not depend on where the tree is, or the order inputs are given in', async () => {
    const moved = await mkdtemp(join(tmpdir(), 'coop-fingerprint-moved-'));
    try {
      await cp(root, moved, { recursive: true });
      const there = await fingerprint(moved, [join(moved, 'templates')], [join(moved, 'data', 'b.yaml'), join(moved, 'data', 'a.yaml')], ['tool']);
      expect(there).toBe(await digest());
    } finally {
      await rm(moved, { recursive: true, force: true });
    }
  });

  it('takes only files and folders: a named pipe beside the templates changes nothing', async () => {
    const before = await digest();
    execFileSync('mkfifo', [join(root, 'templates', 'pipe')]);
    expect(await digest()).toBe(before);
  });

  it('walks a folder that does not exist as an empty one', async () => {
    const without = await fingerprint(root, [], [], ['tool']);
    expect(await fingerprint(root, [join(root, 'nowhere')], [], ['tool'])).toBe(without);
  });
});
