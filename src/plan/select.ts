// Which of the planned outputs this build makes: `--only` patterns and a
// deterministic `--shard k/n`, so n machines together build exactly the set
// one machine would.
import { ReportError } from '../errors.ts';

export interface Selection {
  only?: readonly string[];
  shard?: { index: number; count: number };
}

/**
 * `--only` matches an output's key (`en/project/asap`), the key without its
 * locale (`project/asap`) or the catalogue id (`project`); `*` matches within
 * one path segment, `**` across segments.
 */
export function selectOutputs<T extends { key: string; entry: { id: string } }>(outputs: readonly T[], selection: Selection): T[] {
  const patterns = (selection.only ?? []).map(globToRegExp);
  const matching = patterns.length === 0 ? [...outputs] : outputs.filter((o) => patterns.some((p) => names(o).some((n) => p.test(n))));
  if (patterns.length > 0 && matching.length === 0) {
    throw new ReportError('usage', `--only ${selection.only!.join(', ')} matches no output`, undefined, `outputs are named like ${outputs[0]?.key ?? 'en/overview'}`);
  }
  const { shard } = selection;
  if (!shard) return matching;
  // Sorted by key, then every n-th: independent of catalogue order, balanced across shards.
  return [...matching].sort((a, b) => (a.key < b.key ? -1 : 1)).filter((_, i) => i % shard.count === shard.index - 1);
}

export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ReportError('usage', `--shard must be k/n with 1 <= k <= n, got "${text}"`, undefined, 'e.g. --shard 2/4 builds the second of four shares');
  }
  return { index, count };
}

function names(output: { key: string; entry: { id: string } }): string[] {
  return [output.key, output.key.slice(output.key.indexOf('/') + 1), output.entry.id];
}

function globToRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*|\?/g, (m) => (m === '**' ? '.*' : m === '*' ? '[^/]*' : '[^/]'));
  return new RegExp(`^${source}$`);
}
