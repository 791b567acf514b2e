// A check that needs a Debian tool skips loudly on a machine without it, and
// fails under CI=true, which installs them all; tests/helpers/ci-no-skips.ts
// fails a CI run with any skipped test, whatever skipped it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemTool } from '../helpers/system-tool.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('a missing system tool', () => {
  it('fails the file under CI=true', () => {
    vi.stubEnv('CI', 'true');
    vi.stubEnv('PATH', '/nonexistent');
    expect(() => systemTool('pdffonts', 'poppler-utils', 'tests/x.test.ts')).toThrow(
      'tests/x.test.ts: SKIPPED, `pdffonts` is not on PATH (install it with: apt-get install poppler-utils); CI must run these checks',
    );
  });

  it('skips with a warning elsewhere', () => {
    vi.stubEnv('CI', '');
    vi.stubEnv('PATH', '/nonexistent');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(systemTool('pdffonts', 'poppler-utils', 'tests/x.test.ts')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('tests/x.test.ts: SKIPPED, `pdffonts` is not on PATH'));
  });

  it('is found on PATH', () => {
    vi.stubEnv('PATH', `/nonexistent:${process.env.PATH}`);
    expect(systemTool('node', 'nodejs', 'tests/x.test.ts')).toMatch(/\/node$/);
  });
});
