// What a build says while it runs: a line per output, or on a terminal with
// many outputs a single progress bar with an estimate of the time left; then
// one closing summary line.
import type { BuildSummary, OutputEvent } from './build.ts';

export interface Progress {
  plan(total: number): void;
  output(event: OutputEvent): void;
  done(summary: BuildSummary, ms: number): string;
}

/**
 * Bars only where a person watches a terminal; CI logs and pipes get plain
 * lines. `show` turns an output's path (relative to out/) into the path a
 * user finds on disk, e.g. out/en/projects/red.pdf.
 */
export function createProgress(stream: NodeJS.WriteStream, show: (path: string) => string = (p) => p, env: NodeJS.ProcessEnv = process.env): Progress {
  const bar = stream.isTTY === true && env.CI !== 'true' && env.CI !== '1';
  let total = 0;
  let seen = 0;
  let started = performance.now();
  return {
    plan(n) {
      total = n;
      started = performance.now();
    },
    output(event) {
      seen += 1;
      if (bar && total > BAR_FROM) {
        stream.write(`\r${barLine(seen, total, performance.now() - started, stream.columns ?? 80)}`);
        if (seen === total) stream.write('\n');
      } else if (event.status === 'built') {
        stream.write(`${show(event.path)}  ${Math.round(event.ms)} ms\n`);
      }
    },
    done(summary, ms) {
      const bytes = summary.built.reduce((n, e) => n + e.bytes, 0);
      const parts = [`built ${summary.built.length}`, `skipped ${summary.skipped.length} unchanged`];
      if (summary.removed.length > 0) parts.push(`removed ${summary.removed.length} (${summary.removed.map(show).join(', ')})`);
      return `${parts.join(', ')} (${kib(bytes)} written) in ${(ms / 1000).toFixed(2)} s`;
    },
  };
}

const BAR_FROM = 20;

export function barLine(done: number, total: number, elapsedMs: number, columns: number): string {
  const eta = done > 0 ? ((total - done) * elapsedMs) / done / 1000 : 0;
  const label = ` ${done}/${total}  ${eta.toFixed(0)} s left`;
  const width = Math.max(10, Math.min(40, columns - label.length - 2));
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]${label}`.padEnd(columns - 1);
}

function kib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}
