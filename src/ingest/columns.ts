/**
 * Header → canonical field mapping, in the order of precedence of SPEC §1:
 * `--map` flags, the config's `columns`, a `--preset`, then synonyms.
 */
import { InputError } from '../errors.js';
import { REQUIRED_FIELDS, ROLE_FIELDS, UTM_FIELDS, type Field, type Role } from '../model.js';
import type { Preset } from './presets/preset.js';
import { SYNONYMS, normalizeColumnName } from './synonyms.js';
import type { ColumnMapping, FieldMapping, MappingSource } from '../model/input-report.js';

export type { ColumnMapping, FieldMapping, MappingSource } from '../model/input-report.js';




/** An explicit column request; `strict` ones must exist in the header. */
export interface ColumnRequest {
  column: string;
  strict: boolean;
}

export interface MappingRequest {
  role: Role;
  file: string;
  header: string[];
  flags: Partial<Record<Field, ColumnRequest>>;
  config: Partial<Record<Field, string>>;
  preset: Preset | undefined;
  constants: Partial<Record<Field, string>>;
  /**
   * --channel-grouping is on: `source`/`utm_source`, `medium`/`utm_medium`,
   * `campaign`/`utm_campaign` and a `source / medium` column map to the campaign
   * fields (before `channel` picks from the synonyms), and `channel` is not
   * required when they are there. Off: the campaign fields map only when named
   * explicitly, and those columns stay channel synonyms.
   */
  grouping?: boolean;
}

const isUtm = (f: Field): boolean => (UTM_FIELDS as readonly string[]).includes(f);

/** Finds a column: exact name first, then case/punctuation-insensitive. -1 when absent. */
export function findColumn(header: readonly string[], name: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = normalizeColumnName(name);
  return header.findIndex((h) => normalizeColumnName(h) === wanted);
}

/**
 * Decides which source column feeds each canonical field of a role.
 * Throws an InputError naming the columns found and the names tried when a
 * required field has no column.
 */
export function mapColumns(req: MappingRequest): ColumnMapping {
  const fields: Partial<Record<Field, FieldMapping>> = {};
  const used = new Set<number>();
  const roleFields = ROLE_FIELDS[req.role] as readonly Field[];

  const claim = (field: Field, column: string, source: MappingSource, strict: boolean): boolean => {
    const index = findColumn(req.header, column);
    if (index < 0) {
      if (strict) {
        const origin = source === 'flag' ? `--map ${field}=${column}` : source === 'config' ? `config columns.${req.role}.${field}` : `preset ${req.preset?.name ?? ''}`;
        throw new InputError('MAPPED_COLUMN_MISSING', `${req.file}: ${origin}: no column "${column}" (columns found: ${listColumns(req.header)})`, {
          hint: 'check the column name (case and punctuation are ignored)',
        });
      }
      return false;
    }
    fields[field] = { field, column: req.header[index]!, index, source };
    used.add(index);
    return true;
  };

  for (const field of roleFields) {
    const constant = req.constants[field];
    if (constant !== undefined) {
      fields[field] = { field, column: null, index: -1, source: 'constant', constant };
      continue;
    }
    const flag = req.flags[field];
    if (flag && claim(field, flag.column, 'flag', flag.strict)) continue;
    const cfg = req.config[field];
    if (cfg !== undefined && claim(field, cfg, 'config', true)) continue;
    const presetColumn = req.preset?.columns[field];
    if (presetColumn !== undefined && claim(field, presetColumn, 'preset', true)) continue;
    const optional = req.preset?.optionalColumns?.[field];
    if (optional !== undefined && claim(field, optional, 'preset', false)) continue;
  }
  // Synonyms fill what is left, without reusing a column.
  const bySynonym = req.grouping ? [...roleFields.filter(isUtm), ...roleFields.filter((f) => !isUtm(f))] : roleFields.filter((f) => !isUtm(f));
  const names = req.header.map(normalizeColumnName);
  for (const field of bySynonym) {
    if (fields[field]) continue;
    for (const synonym of SYNONYMS[field]) {
      const wanted = normalizeColumnName(synonym);
      const index = names.findIndex((h, i) => !used.has(i) && h === wanted);
      if (index >= 0) {
        fields[field] = { field, column: req.header[index]!, index, source: 'synonym' };
        used.add(index);
        break;
      }
    }
  }

  let revenueFromLineItems = false;
  if (req.role === 'orders' && !fields['revenue' as Field] && fields['quantity' as Field] && fields['unit_price' as Field]) {
    revenueFromLineItems = true;
  }
  for (const field of REQUIRED_FIELDS[req.role] as readonly Field[]) {
    if (fields[field]) continue;
    if (field === 'revenue' && revenueFromLineItems) continue;
    if (field === 'channel' && req.grouping && (fields.source || fields.medium || fields.source_medium)) continue;
    const tried = SYNONYMS[field].join(', ');
    const lineItems = field === 'revenue' ? ' (or quantity and unit_price columns, for revenue = quantity × unit_price)' : '';
    throw new InputError(
      'REQUIRED_COLUMN_MISSING',
      `${req.file}: no column for required field "${field}"${lineItems}; columns found: ${listColumns(req.header)}; names tried: ${tried}`,
      {
        hint:
          field === 'channel' && (fields.source || fields.medium || fields.source_medium)
            ? 'the file has source / medium columns: pass --channel-grouping ga4 to derive the channel from them'
            : `pass --map ${req.role}.${field}=COLUMN, or set columns.${req.role}.${field} in the config`,
      },
    );
  }
  return { role: req.role, fields, revenueFromLineItems };
}

function listColumns(header: readonly string[]): string {
  const shown = header.slice(0, 30).map((h) => `"${h}"`);
  return shown.join(', ') + (header.length > 30 ? `, … (${header.length} in all)` : '');
}
