// After a build: compare its data with the previous build's snapshot
// (out/.build-snapshot.json), write out/changes.md and out/changes.json, and
// keep this build's snapshot for the next one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from '../output/write-atomic.ts';
import type { CooperationData } from '../validate/data-types.ts';
import { compareSnapshots } from './compare.ts';
import { NO_DATA_CHANGES, sameReading, writeChanges, type Changes, type OutputChanges } from './report.ts';
import { SNAPSHOT_VERSION, takeSnapshot, type Snapshot } from './snapshot.ts';

const SNAPSHOT = '.build-snapshot.json';

export async function recordChanges(options: { outDir: string; schemasDir: string; locales: readonly string[]; data: CooperationData; outputs: OutputChanges }): Promise<Changes> {
  const { outDir } = options;
  const after = await takeSnapshot(options.data, options.schemasDir, options.locales);
  const before = await readSnapshot(outDir);
  const changes: Changes = {
    since: 'the previous build',
    compared: before !== undefined,
    data: before ? compareSnapshots(before, after, sameReading) : NO_DATA_CHANGES,
    outputs: options.outputs,
  };
  await writeChanges(outDir, changes);
  await writeAtomic(join(outDir, SNAPSHOT), Buffer.from(JSON.stringify(after)));
  return changes;
}

async function readSnapshot(outDir: string): Promise<Snapshot | undefined> {
  try {
    const snapshot = JSON.parse(await readFile(join(outDir, SNAPSHOT), 'utf8')) as Snapshot;
    // One written by another version of the tool is not compared with.
    return snapshot.version === SNAPSHOT_VERSION ? snapshot : undefined;
  } catch {
    return undefined;
  }
}
