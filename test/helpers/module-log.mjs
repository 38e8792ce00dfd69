// Loaded with `node --import` (NODE_OPTIONS) by test/e2e/startup.test.ts: writes
// `LOADED <url>` on stderr for every file module the process loads: ES modules
// through a loader hook, CommonJS files (the bundle in dist/bin/) through
// Module#load.
import Module, { register } from 'node:module';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

register('data:text/javascript,' + encodeURIComponent(`
export async function load(url, context, next) {
  if (url.startsWith('file:')) process.stderr.write('LOADED ' + url + '\\n');
  return next(url, context);
}`));

const load = Module.prototype.load;
Module.prototype.load = function logged(filename) {
  process.stderr.write('LOADED ' + pathToFileURL(filename).href + '\n');
  return load.call(this, filename);
};
