// Preloaded with --import: registers hook.mjs, and on exit adds the CommonJS
// modules that were required (they pass the ES module hook only at their entry).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./hook.mjs', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
  const required = Object.keys(require.cache).map((path) => pathToFileURL(path).href);
  appendFileSync(process.env.LOADED_MODULES, required.map((url) => `${url}\n`).join(''));
});
