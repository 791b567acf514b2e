// Markup in the data is text: it is printed literally, runs nothing and fetches nothing.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { startCountingServer, type CountingServer } from '../helpers/counting-server.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { readPdf, squeeze } from '../helpers/read-pdf.ts';

let server: CountingServer;
let dir: string;
let title: string;

beforeAll(async () => {
  server = await startCountingServer();
  title = `Maritime <script>document.title='owned'</script> Tourism <img src=${server.url}/pixel.png> & "Marketing"`;
  dir = await copyData();
  await edit(dir, 'projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', `title: ${JSON.stringify(title)}`);
});
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

describe('hostile text in the data', () => {
  it('appears literally in the briefs, and the local server receives no request', async () => {
    const out = join(dir, 'out');
    const result = await build(resolveConfig({ data: dir, out }), { locales: ['en'] });
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    for (const path of ['en/projects/maritour.pdf', 'en/briefs/programme-bsr-neighbourhood-2004-2006.pdf']) {
      const pdf = await readPdf(join(out, path));
      // The title's words are hyphenated in the table's column: compared without spaces and hyphens.
      expect(squeeze(pdf.pages.join(''))).toContain(squeeze(title));
    }
    const sheet = await readPdf(join(out, 'en/projects/maritour.pdf'));
    expect(sheet.info.Subject).toBe(title);
    expect(server.requests).toEqual([]);
    expect(server.connections()).toBe(0);
  });
});
