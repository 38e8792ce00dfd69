/**
 * The process boundary: stdout/stderr, environment, TTY facts. Commands get an
 * Io so tests can run them without spawning.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  columns: number | undefined;
}

export function processIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.columns,
  };
}

/**
 * Writes the result to `--output FILE` through a temporary file in the same
 * folder and a rename, so a failed run never leaves a half-written report
 * (a device or pipe such as /dev/null is written in place); or to stdout.
 */
export async function writeResult(io: Io, text: string | Uint8Array, output: string | undefined): Promise<void> {
  if (output === undefined || output === '-') {
    if (typeof text !== 'string') throw new UsageError('BINARY_TO_STDOUT', 'this format is a binary file: it needs --output FILE', { hint: 'e.g. --format xlsx --output kpi.xlsx' });
    io.stdout(text);
    return;
  }
  if (output.trim() === '') throw new UsageError('BAD_OUTPUT', '--output: the file name is empty', { hint: 'pass a file path, or - for stdout' });
  const target = path.resolve(io.cwd, output);
  // A device or pipe (`--output /dev/null`, a FIFO) is written in place: a rename would replace it with a file.
  const existing = await fs.stat(target).catch(() => null);
  if (existing !== null && !existing.isFile() && !existing.isDirectory()) {
    await fs.writeFile(target, text);
    return;
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, text);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw outputError(output, err);
  }
}

/** An --output write failure as a usage error naming the path and the OS reason. */
function outputError(output: string, err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: `no such folder ${path.dirname(output) || '.'}`,
    EISDIR: 'it is a folder',
    ENOTDIR: 'a part of the path is not a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENAMETOOLONG: 'the name is too long',
  };
  if (code === undefined) return err;
  return new UsageError('OUTPUT_UNWRITABLE', `--output ${output}: cannot write the file (${why[code] ?? code})`, {
    hint: 'name a file in an existing folder you can write to',
  });
}
