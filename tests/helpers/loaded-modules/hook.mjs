// A module hook (node:module register) that appends the URL of every module
// Node resolves to the file named by LOADED_MODULES: which packages a command
// really loads, whatever imports them.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.LOADED_MODULES, `${result.url}\n`);
  return result;
}
