/**
 * Reading a file a flag names (--fx, --summary, --baseline): one rule for the
 * message when it cannot be read — the flag, the file and why — exit 3.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.js';

/** The text of `file` (relative to cwd) named by `flag`; InputError `code` when it cannot be read. */
export async function readNamedFile(flag: string, file: string, cwd: string, code: string): Promise<string> {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code;
    throw new InputError(code, `${flag} ${file}: cannot read the file (${why === 'ENOENT' ? 'no such file' : String(why)})`);
  }
}
