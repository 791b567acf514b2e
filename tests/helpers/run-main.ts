// The command line in this process: `main` of src/cli.ts with its printing
// captured. For what a child process adds (the exit code as the shell sees it,
// a working folder, a capped heap, a signal) use runCli in run-node.ts.
import { format } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../src/cli.ts';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(args: readonly string[]): Promise<MainRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void stdout.push(`${format(...parts)}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void stderr.push(`${format(...parts)}\n`)),
    // Progress lines go to the stream itself.
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => stdout.push(String(chunk)) > 0),
  ];
  try {
    return { code: await main(args), stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
