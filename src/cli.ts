// argv -> validate() or build(); prints results and errors; sets the exit code:
// 0 success, 1 data or build errors, 2 usage errors.
import { parseArgs } from 'node:util';
import { build, validate } from './build.ts';
import { resolveConfig } from './config.ts';
import { ReportError, errorsToJson, formatErrors } from './errors.ts';

const USAGE = `usage: cooperation-reports <validate|build> [--data DIR] [--out DIR] [--reporter text|json]`;

export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
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
  if (command !== 'validate' && command !== 'build') return usage(command ? `unknown command "${command}"` : 'no command given');
  if (extra.length > 0) return usage(`unexpected argument "${extra[0]}"`);
  if (values.reporter !== 'text' && values.reporter !== 'json') return usage(`--reporter must be text or json, got "${values.reporter}"`);
  const json = values.reporter === 'json';

  const started = performance.now();
  const config = resolveConfig({ data: values.data, out: values.out });
  const result = command === 'build' ? await build(config, { onOutput: (o) => !json && console.log(`${o.path}  ${Math.round(o.ms)} ms`) }) : await validate(config);
  if (!result.ok) {
    if (json) console.log(errorsToJson(result.errors));
    else console.error(formatErrors(result.errors, result.sources));
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  if ('outputs' in result) {
    const bytes = result.outputs.reduce((n, o) => n + o.bytes, 0);
    if (json) console.log(JSON.stringify({ ok: true, outputs: result.outputs, ms }));
    else console.log(`built ${result.outputs.length} outputs (${(bytes / 1024).toFixed(0)} KiB) in ${ms} ms`);
  } else if (json) console.log(JSON.stringify({ ok: true, files: result.files, records: result.records, ms }));
  else console.log(`valid: ${result.files} files, ${result.records} records in ${ms} ms`);
  return 0;
}

function usage(problem: string): number {
  console.error(`${new ReportError('usage', problem).message}\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
