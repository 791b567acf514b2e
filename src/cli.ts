// argv -> validate(), build() or merge(); prints progress, results and errors; returns
// the exit code: 0 success, 1 data or build errors, 2 usage errors. The program
// is src/launch.mjs, which runs `main`; tests call it in their own process.
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build, validate } from './build.ts';
import { resolveConfig } from './config.ts';
import { changesJson, changesMarkdown, changesSummary } from './changes/report.ts';
import { ReportError, errorsToJson, formatErrors } from './errors.ts';
import { parseShard } from './plan/select.ts';
import { createProgress } from './progress.ts';

const USAGE = `usage: cooperation-reports validate [--data DIR] [--locale en|ru]... [--reporter text|json]
       cooperation-reports dev [--port 4173] [--host-allow NAME]... [--data DIR] [--out DIR]
       cooperation-reports build [--data DIR] [--out DIR] [--locale en|ru]... [--only ID|GLOB]... [--shard K/N] [--force] [--release] [--browser-url URL] [--reporter text|json]
       cooperation-reports merge SHARD_OUT_DIR... --out DIR [--data DIR] [--release] [--reporter text|json]
       cooperation-reports changes --since REVISION [--data DIR] [--reporter text|json]`;

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        only: { type: 'string', multiple: true },
        locale: { type: 'string', multiple: true },
        shard: { type: 'string' },
        'browser-url': { type: 'string' },
        since: { type: 'string' },
        force: { type: 'boolean', default: false },
        release: { type: 'boolean', default: false },
        port: { type: 'string' },
        'host-allow': { type: 'string', multiple: true },
        reporter: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (cause) {
    return usage((cause as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if (command !== 'validate' && command !== 'build' && command !== 'dev' && command !== 'changes' && command !== 'merge') return usage(command ? `unknown command "${command}"` : 'no command given');
  if (command !== 'merge' && extra.length > 0) return usage(`unexpected argument "${extra[0]}"`);
  if (command === 'merge') {
    if (extra.length === 0 || values.out === undefined) return usage('merge needs the out folders of the shards and --out DIR, e.g. merge shard-1 shard-2 --out out');
    if (values.only || values.shard || values.force || values.locale) return usage('--only, --shard, --force and --locale belong to build: merge takes them from the shards');
  }
  if (values.reporter !== 'text' && values.reporter !== 'json') return usage(`--reporter must be text or json, got "${values.reporter}"`);
  if (command === 'validate' && (values.only || values.shard || values.force || values.out)) {
    return usage('--out, --only, --shard and --force belong to build');
  }
  if (values.release && command !== 'build' && command !== 'merge') return usage('--release belongs to build and merge');
  if (values.release && (values.only || values.shard)) return usage('--release bundles whole languages: leave out --only and --shard (--locale picks languages)');
  if (command !== 'dev' && values['host-allow']) return usage('--host-allow belongs to dev');
  if ((command === 'changes') !== (values.since !== undefined)) return usage(command === 'changes' ? 'changes needs --since REVISION, e.g. --since HEAD~1' : '--since belongs to changes');
  if (command === 'changes' && (values.only || values.shard || values.force || values.out || values.locale)) return usage('--out, --only, --shard, --force and --locale belong to build');
  if (command !== 'build' && values['browser-url'] !== undefined) return usage('--browser-url belongs to build');
  const json = values.reporter === 'json';
  let shard;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (error) {
    return usage((error as ReportError).message);
  }

  const started = performance.now();
  const config = resolveConfig({ data: values.data, out: values.out });

  if (command === 'dev') {
    const port = values.port === undefined ? 4173 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be a port number, got "${values.port}"`);
    const { allowedHost, startDevServer } = await import('./dev/server.ts');
    let allowedHosts;
    try {
      allowedHosts = (values['host-allow'] ?? []).map(allowedHost);
    } catch (error) {
      return usage((error as ReportError).message);
    }
    const server = await startDevServer(config, { port, allowedHosts, log: (line) => console.log(line) });
    // Runs until interrupted; closing stops the watchers and any background build.
    await new Promise<void>((resolve) => process.once('SIGINT', resolve));
    await server.close();
    return 0;
  }

  if (command === 'changes') {
    const { changesSince } = await import('./changes/since.ts');
    const result = await changesSince(config, values.since!);
    if (!result.ok) return fail(result.errors, result.sources, json);
    console.log(json ? changesJson(result.changes) : changesMarkdown(result.changes).trimEnd());
    return 0;
  }

  if (command === 'validate') {
    const result = await validate(config, values.locale ? { locales: values.locale } : {});
    if (!result.ok) return fail(result.errors, result.sources, json);
    const ms = Math.round(performance.now() - started);
    console.log(json ? JSON.stringify({ ok: true, files: result.files, records: result.records, ms }) : `valid: ${result.files} files, ${result.records} records in ${ms} ms`);
    return 0;
  }

  // A browser to print in, rather than launch: the option, else the environment. (Puppeteer loads only then.)
  const browserUrl = values['browser-url'] ?? (process.env.COOPERATION_REPORTS_BROWSER_URL || undefined);
  try {
    if (browserUrl !== undefined) (await import('./pdf/remote.ts')).browserEndpoint(browserUrl);
  } catch (error) {
    return usage((error as ReportError).message);
  }

  // Paths as they are on disk, from where the user stands: out/en/projects/red.pdf.
  const progress = createProgress(process.stdout, (path) => relative(process.cwd(), join(config.outDir, path)) || path);
  const listen = json ? {} : { onPlan: progress.plan, onOutput: progress.output };
  const result =
    command === 'merge'
      ? await (await import('./merge/merge.ts')).merge(config, { shards: extra, release: values.release, ...listen })
      : await build(config, {
          force: values.force,
          release: values.release,
          ...(values.only ? { only: values.only } : {}),
          ...(values.locale ? { locales: values.locale } : {}),
          ...(shard ? { shard } : {}),
          ...(browserUrl ? { browserUrl } : {}),
          ...listen,
        });
  const ms = performance.now() - started;
  const { built, skipped, removed } = result;
  if (json) {
    const report = { ok: result.ok, built, skipped: skipped.map((s) => s.path), removed, ms: Math.round(ms) };
    console.log(JSON.stringify(result.ok ? { ...report, changes: result.changes, releases: result.releases } : { ...report, errors: result.errors }, null, 2));
    return result.ok ? 0 : result.errors.some((e) => e.code === 'usage') ? 2 : 1;
  }
  if (!result.ok) {
    if (built.length + skipped.length > 0) console.log(progress.done(result, ms));
    return fail(result.errors, result.sources, false);
  }
  console.log(progress.done(result, ms));
  console.log(changesSummary(result.changes, relative(process.cwd(), join(config.outDir, 'changes.md'))));
  for (const path of result.releases) console.log(`release: ${relative(process.cwd(), join(config.outDir, path))}`);
  return 0;
}

function fail(errors: ReportError[], sources: ReadonlyMap<string, string>, json: boolean): number {
  if (json) console.log(errorsToJson(errors));
  else console.error(formatErrors(errors, sources));
  return errors.some((e) => e.code === 'usage') ? 2 : 1;
}

function usage(problem: string): number {
  console.error(`${new ReportError('usage', problem).message}\n${USAGE}`);
  return 2;
}
