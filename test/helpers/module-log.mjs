// Loaded with `node --import` (NODE_OPTIONS) by test/e2e/startup.test.ts: writes
// `LOADED <url>` on stderr for every file module the process loads.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n');
  return next(url, context);
}`));
