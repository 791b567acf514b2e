// The frozen 2005 data set the tests read: a copy of the seed's facts that
// editors never touch, so an edit in data/ cannot turn the suite red.
import { join } from 'node:path';
import { PROJECT_ROOT, resolveConfig, type Config } from '../../src/config.ts';

export const FIXTURE_DATA = join(PROJECT_ROOT, 'tests/fixtures/data-2005');

/** The project's configuration with the fixture data in place of data/. */
export function fixtureConfig(options: Parameters<typeof resolveConfig>[0] = {}): Config {
  return resolveConfig({ data: FIXTURE_DATA, ...options });
}
