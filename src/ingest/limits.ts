/**
 * The documented bounds on what a user controls in an input file (README
 * "Safety"): past one, the run stops with exit 3 and a message naming the file
 * and the limit, never an internal error.
 */
import { InputError } from '../errors.js';

export { MAX_RECORD_BYTES } from './fast-csv.js';

/** A .json document is read whole: past this size, NDJSON (one object per line) streams instead. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;
/** Nesting levels of one field value of a JSON/NDJSON record (the record itself not counted). */
export const MAX_JSON_DEPTH = 64;
/** Bytes a gzip input may inflate to. */
export const MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024 * 1024;

const MB = 1024 * 1024;

/** The error for a .json document past MAX_JSON_BYTES. */
export function jsonTooLarge(name: string): InputError {
  return new InputError('INPUT_JSON_TOO_LARGE', `${name}: a JSON document larger than ${MAX_JSON_BYTES / MB} MB is not read whole`, {
    hint: 'write the records as NDJSON (one object per line, .ndjson), which is read as a stream at any size',
  });
}

/** The error for a gzip input past MAX_DECOMPRESSED_BYTES. */
export function inflatesTooFar(name: string): InputError {
  return new InputError('INPUT_DECOMPRESSED_TOO_LARGE', `${name}: the gzip data inflates past ${MAX_DECOMPRESSED_BYTES / (1024 * MB)} GB, the limit for one input`, {
    hint: 'split the export into smaller files, or check that it is not corrupt',
  });
}

/**
 * The path of the first place where a JSON value nests deeper than `limit`
 * levels (`[0][0]…`, `.key`), or null. Iterative: any depth is safe to check.
 * @example deepPath([[[1]]], 2) // '[0][0]'
 */
export function deepPath(value: unknown, limit: number = MAX_JSON_DEPTH): string | null {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return path;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1, path: `${path}[${i}]` });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]!], depth: depth + 1, path: `${path}.${keys[i]}` });
    }
  }
  return null;
}

/** A field value nested past MAX_JSON_DEPTH: exit 3 naming the file, the record and the path. */
export function checkJsonDepth(value: unknown, name: string, where: string, field: string): void {
  if (value === null || typeof value !== 'object') return;
  const p = deepPath(value);
  if (p === null) return;
  const shown = p.length > 80 ? `${p.slice(0, 80)}…` : p;
  throw new InputError('INPUT_JSON_TOO_DEEP', `${name}: ${where}, field "${field}": the value nests deeper than ${MAX_JSON_DEPTH} levels (at ${field}${shown})`, {
    hint: 'field values must be numbers or text; flatten the export',
  });
}
