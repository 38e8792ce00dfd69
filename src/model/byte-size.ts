/** A size as written on the command line (`512MB`, `1.5GB`; decimal units, as DuckDB reads them). */
export const BYTE_SIZE = /^(\d+(?:\.\d+)?)(KB|MB|GB|TB)$/i;

/** The bytes of a BYTE_SIZE text, or null when it is not one. */
export function bytesOf(size: string): number | null {
  const m = BYTE_SIZE.exec(size.trim());
  return m ? Number(m[1]) * 1000 ** (['KB', 'MB', 'GB', 'TB'].indexOf(m[2]!.toUpperCase()) + 1) : null;
}
