// Runs Node in a child process: the command line as a user types it, or a
// script given as text (with TypeScript imports allowed).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/config.ts';

// By URL, so the child also starts from folders outside the project.
const TSX = pathToFileURL(join(PROJECT_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

export interface NodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Replaces the environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Node with TypeScript imports allowed. The run's result; `child` lets a test signal the process while it runs. */
export function runNode(args: readonly string[], options: RunOptions = {}): Promise<NodeRun> & { child: ChildProcess } {
  return spawnNode(['--import', TSX, ...args], options);
}

function spawnNode(args: readonly string[], options: RunOptions): Promise<NodeRun> & { child: ChildProcess } {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = new Promise<NodeRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(result, { child });
}

/** The command-line tool, as `npm run build -- ARGS` runs it: src/launch.mjs with plain Node. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<NodeRun> & { child: ChildProcess } {
  return spawnNode([join(PROJECT_ROOT, 'src/launch.mjs'), ...args], options);
}

/** An ES module given as text, in a fresh Node process. */
export function runScript(source: string, options: RunOptions = {}): Promise<NodeRun> & { child: ChildProcess } {
  return runNode(['--input-type=module', '-e', source], options);
}
