// The recipes for other engines (.github/workflows/shards.yml, deploy/*.yaml)
// are read as those engines would: their shell commands are run by sh with
// `npm` replaced by echo, so the shard arithmetic is the shell's own. Each
// command must name an npm script and flags the command line documents, the
// shards must be 1..n exactly once, and the merge must read every shard.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runMain } from '../helpers/run-main.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The argv of each `npm` the script runs, with `env` set: sh runs it, npm only echoes. */
function npmCalls(script: string, env: Record<string, string> = {}): string[][] {
  const out = execFileSync('sh', ['-c', `npm() { printf '%s\\n' "$*"; }\n${script}`], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).map((line) => line.split(' '));
}

let usage = '';
async function usageOf(command: string): Promise<string> {
  usage ||= (await runMain(['--help'])).stdout;
  return usage.split('\n').find((l) => l.includes(`cooperation-reports ${command} `)) ?? '';
}

/** `npm run <script> -- args`: the script exists, runs our command line, and every flag is one its usage lists. */
async function expectKnown(argv: readonly string[]): Promise<{ command: string; args: string[] }> {
  expect(argv.slice(0, 1)).toEqual(['run']);
  const script = argv[1]!;
  expect(scripts[script], `npm script ${script}`).toBe(`node src/launch.mjs ${script}`);
  const args = argv.slice(3);
  if (args.length > 0) expect(argv[2]).toBe('--');
  const line = await usageOf(script);
  for (const flag of args.filter((a) => a.startsWith('--'))) expect(line, `${script} ${flag}`).toContain(`${flag} `);
  return { command: script, args };
}

const option = (args: readonly string[], name: string) => args[args.indexOf(name) + 1];

describe('GitHub Actions: .github/workflows/shards.yml', () => {
  interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
  }
  interface Job {
    needs?: string;
    strategy?: { matrix: { shard: number[] } };
    steps: Step[];
  }
  const workflow = parse(read('.github/workflows/shards.yml')) as { jobs: Record<string, Job> };
  const { shard, merge } = workflow.jobs as { shard: Job; merge: Job };
  const shards = shard.strategy!.matrix.shard;
  /** A step's shell command as a runner would see it for matrix entry `k`. */
  const expand = (run: string, k?: number) => run.replaceAll('${{ matrix.shard }}', String(k)).replaceAll('${{ strategy.job-total }}', String(shards.length));

  it('builds shards 1..n, n being the matrix size, and uploads each with its hidden build state', async () => {
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));
    const built = [];
    for (const k of shards) {
      const calls = shard.steps.filter((s) => s.run).flatMap((s) => npmCalls(expand(s.run!, k)));
      expect(calls[0]).toEqual(['ci']);
      const { command, args } = await expectKnown(calls[1]!);
      expect(command).toBe('build');
      built.push(option(args, '--shard'));
      expect(option(args, '--out')).toBe(shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with!.path);
    }
    expect(built).toEqual(shards.map((k) => `${k}/${shards.length}`));
    const upload = shard.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with!;
    expect(upload).toMatchObject({ name: 'shard-${{ matrix.shard }}', 'include-hidden-files': true });
  });

  it('merges every artifact in a job that waits for all shards, on Node 24', async () => {
    expect(merge.needs).toBe('shard');
    const download = merge.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!.with!;
    expect(download).toEqual({ pattern: 'shard-*', path: 'shards' });
    const calls = merge.steps.filter((s) => s.run).flatMap((s) => npmCalls(s.run!));
    expect(calls[0]).toEqual(['ci']);
    const { command, args } = await expectKnown(calls[1]!);
    expect(command).toBe('merge');
    // download-artifact puts each artifact in a folder of its name, which the glob matches.
    expect(args[0]).toBe(`${download.path}/shard-*`);
    for (const job of [shard, merge]) expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))!.with!['node-version']).toBe(24);
  });
});

describe('Kubernetes: deploy/shards-job.yaml and deploy/merge-job.yaml', () => {
  interface JobDoc {
    kind: string;
    spec: { completionMode?: string; completions?: number; template: { spec: { containers: { command: string[]; volumeMounts: { mountPath: string }[] }[] } } };
  }
  const docs = (path: string) => parseAllDocuments(read(path)).map((d) => d.toJS() as JobDoc);
  const indexed = docs('deploy/shards-job.yaml').find((d) => d.kind === 'Job')!;
  const merger = docs('deploy/merge-job.yaml').find((d) => d.kind === 'Job')!;
  const script = (job: JobDoc) => {
    const [sh, flag, text] = job.spec.template.spec.containers[0]!.command;
    expect([sh, flag]).toEqual(['sh', '-c']);
    return text!;
  };

  it('has pod i build shard i+1 of n = completions, each into its own folder, and the merge read exactly those', async () => {
    expect(indexed.spec.completionMode).toBe('Indexed');
    const n = indexed.spec.completions!;
    const folders = [];
    const built = [];
    for (let index = 0; index < n; index++) {
      const [call] = npmCalls(script(indexed), { JOB_COMPLETION_INDEX: String(index) });
      const { command, args } = await expectKnown(call!);
      expect(command).toBe('build');
      built.push(option(args, '--shard'));
      folders.push(option(args, '--out'));
    }
    expect(built).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
    expect(new Set(folders).size).toBe(n);

    const [call] = npmCalls(script(merger));
    const { command, args } = await expectKnown(call!);
    expect(command).toBe('merge');
    const out = option(args, '--out')!;
    expect(args.slice(0, args.indexOf('--out'))).toEqual(folders);
    expect(folders).not.toContain(out);
    // Both Jobs mount the volume where the folders are.
    for (const job of [indexed, merger]) expect(job.spec.template.spec.containers[0]!.volumeMounts[0]!.mountPath).toBe('/shards');
  });
});
