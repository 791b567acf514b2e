// How failed outputs become the errors a build reports: one mistake that fails
// many outputs is reported once, naming them; anything else thrown is an error
// of its output.
import { describe, expect, it } from 'vitest';
import { ReportError, asReportError, mergeRepeated } from '../../src/errors.ts';

const at = { file: 'templates/briefs/project.hbs', line: 3, column: 7 };

describe('the same error from several outputs', () => {
  it('is reported once, naming the first output and how many more, with its place, hint and cause', () => {
    const error = new ReportError('template', 'unknown helper "fmtMoney"', at, 'did you mean "formatMoney"?');
    const [merged, ...rest] = mergeRepeated([
      { error, output: 'en/project/asap' },
      { error: new ReportError('template', 'unknown helper "fmtMoney"', { ...at }, 'did you mean "formatMoney"?'), output: 'en/project/baltic' },
      { error, output: 'ru/project/asap' },
    ]);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ code: 'template', message: 'unknown helper "fmtMoney" (en/project/asap and 2 more outputs)', at, hint: 'did you mean "formatMoney"?' });
    expect(merged!.cause).toBe(error);
  });

  it('from one output names that output alone', () => {
    const error = new ReportError('render', 'the page never finished loading', undefined, 'raise --timeout');
    expect(mergeRepeated([{ error, output: 'en/overview' }]).map((e) => e.message)).toEqual(['the page never finished loading (en/overview)']);
  });

  it('that already names its first output is left as it is', () => {
    const error = new ReportError('render', 'en/overview: cannot write out/en/overview.pdf');
    expect(mergeRepeated([{ error, output: 'en/overview' }, { error, output: 'ru/overview' }]).map((e) => e.message)).toEqual(['en/overview: cannot write out/en/overview.pdf']);
  });

  it('is told apart by code, message and place', () => {
    const errors = [
      { error: new ReportError('render', 'broken', at), output: 'a' },
      { error: new ReportError('template', 'broken', at), output: 'b' },
      { error: new ReportError('render', 'broken again', at), output: 'c' },
      { error: new ReportError('render', 'broken', { ...at, line: 4 }), output: 'd' },
      { error: new ReportError('render', 'broken', at), output: 'e' },
    ];
    expect(mergeRepeated(errors).map((e) => e.message)).toEqual(['broken (a and 1 more outputs)', 'broken (b)', 'broken again (c)', 'broken (d)']);
  });
});

describe('anything else an output throws', () => {
  it('becomes a render error of that output, keeping what was thrown as its cause', () => {
    const thrown = new TypeError('Cannot read properties of undefined');
    const error = asReportError(thrown, 'en/overview');
    expect(error).toBeInstanceOf(ReportError);
    expect([error.code, error.message, error.at, error.hint, error.cause]).toEqual(['render', 'en/overview: Cannot read properties of undefined', undefined, undefined, thrown]);
    expect(asReportError('a string', 'ru/overview').message).toBe('ru/overview: a string');
  });

  it('that is already a report error stays that error', () => {
    const error = new ReportError('unknown-ref', 'no such region', at);
    expect(asReportError(error, 'en/overview')).toBe(error);
  });
});
