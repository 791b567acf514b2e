// The CSV writer against RFC 4180 as Python's csv module reads it: quotes,
// commas, line breaks and non-Latin text come back exactly; numbers unformatted.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/datapackage/csv.ts';
import { systemTool } from '../helpers/system-tool.ts';

const python = systemTool('python3', 'python3', 'tests/datapackage/csv.test.ts');

const READ = 'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))))';

describe('toCsv', () => {
  const rows = [
    ['say "hello", world', 1776888, true],
    ['two\nlines', 0.25, false],
    ['Регион Блекинге; Klaipėda – “quoted”', -3, undefined],
    ['carriage\r\nreturn', 1e12, ''],
  ] as const;
  const bytes = toCsv(['text', 'number', 'flag'], rows.map((r) => [...r]));

  it('writes CRLF after every record, quotes only what needs it, no byte-order mark', () => {
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    expect(bytes.toString('utf8')).toBe(
      'text,number,flag\r\n"say ""hello"", world",1776888,true\r\n"two\nlines",0.25,false\r\nРегион Блекинге; Klaipėda – “quoted”,-3,\r\n"carriage\r\nreturn",1000000000000,\r\n',
    );
  });

  it.skipIf(!python)('reads back exactly with Python\'s csv module', () => {
    const parsed = JSON.parse(execFileSync(python!, ['-c', READ], { input: bytes, encoding: 'utf8' })) as string[][];
    expect(parsed).toEqual([
      ['text', 'number', 'flag'],
      ['say "hello", world', '1776888', 'true'],
      ['two\nlines', '0.25', 'false'],
      ['Регион Блекинге; Klaipėda – “quoted”', '-3', ''],
      ['carriage\r\nreturn', '1000000000000', ''],
    ]);
  });
});
