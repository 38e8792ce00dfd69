/**
 * A preset is an adapter for one known export (taze-style manifests): it names
 * the columns, how to read the file, and may adjust raw values before parsing.
 * Adding a source = one file in this folder + one line in `index.ts`.
 */
import type { Delimiter } from '../sniff.js';
import type { Role } from '../../model.js';

/** Values of the mapped canonical fields of one row, as text, before parsing. */
export type FieldValues = Partial<Record<string, string | number | boolean | null | undefined>>;

export interface Preset {
  name: string;
  role: Role;
  /** One line for `--help` and the README. */
  description: string;
  /** canonical field → source column name, as the export writes it. */
  columns: Partial<Record<string, string>>;
  /** canonical field → source column used when the file has it (no error when it does not). */
  optionalColumns?: Partial<Record<string, string>>;
  delimiter?: Delimiter;
  dateFormat?: string;
  /** Column names for a file without a header row, chosen from the first row. null = the file has a header. */
  headerless?: (firstRow: string[]) => string[] | null;
  /** Extra source columns the preset reads in `adjust` (they are passed in `extra`). */
  extraColumns?: readonly string[];
  /**
   * Adjusts one row's field values in place (e.g. derive `status` from `Cancelled at`).
   * Return false to drop the row as not data (e.g. a totals row); it is counted.
   */
  adjust?: (values: FieldValues, extra: Record<string, string | undefined>) => boolean;
}
