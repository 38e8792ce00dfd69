/**
 * Flags + config → the list of inputs to read (InputSpec per role), with every
 * flag value checked. Mapping precedence: --map > config columns > --preset > synonyms.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError, UsageError } from '../errors.js';
import { ROLES, ROLE_FIELDS, type Field, type Role } from '../model.js';
import type { ColumnRequest } from '../ingest/columns.js';
import type { FileReport, InputSpec } from '../ingest/load.js';
import type { DecimalStyle } from '../ingest/parse-amount.js';
import { isValidDateFormat } from '../ingest/parse-date.js';
import { getPreset, type Preset } from '../ingest/presets/index.js';
import { STDIN } from '../ingest/source.js';
import { INPUT_FORMATS, parseDelimiterFlag, type InputFormat } from '../ingest/sniff.js';

export interface InputFlags {
  dataDir: string | undefined;
  files: Partial<Record<Role, string>>;
  configFile: string | undefined;
  presets: string[];
  maps: string[];
  sets: string[];
  formatIn: Partial<Record<Role | '*', string>>;
  delimiter: Partial<Record<Role | '*', string>>;
  dateFormat: Partial<Record<Role | '*', string>>;
  decimalComma: boolean | undefined;
  /** --timezone (else the config's settings.timezone, else UTC). */
  timeZone?: string | undefined;
  /** --channel-grouping NAME (else the config's channels.grouping). */
  channelGrouping?: 'ga4' | undefined;
  /** --fx FILE: the rate table. */
  fx?: string | undefined;
  /** --fx-max-age DAYS (else settings.fx_max_age_days, else 7). */
  fxMaxAgeDays?: number | undefined;
  /** --currency (commands with output options): the report currency. */
  currency?: string | undefined;
  skipInvalid: boolean;
  quiet: boolean;
  verbose: boolean;
  /** Orders files at least this large are read on two threads (default in ingest/fast-orders/thread-or-worker.ts). */
  workerMinBytes?: number;
}

const DATA_EXTENSIONS = ['csv', 'tsv', 'tab', 'txt', 'json', 'ndjson', 'jsonl'];
const DATA_FILE = new RegExp(`^(orders|spend|traffic|nps)\\.(${DATA_EXTENSIONS.join('|')})(\\.gz)?$`, 'i');

/**
 * The error for a --data folder without the file a run needs (`role`, or any
 * input when null): names the folder, lists what it holds, and says which
 * names and extensions it looks for.
 */
export async function dataDirProblem(dir: string, cwd: string, role: Role | null): Promise<UsageError> {
  let entries: string[] = [];
  try {
    entries = readdirSync(path.resolve(cwd, dir)).sort();
  } catch {
    // discoverDataDir already reported an unreadable folder.
  }
  const shown = entries.length === 0 ? 'it is empty' : `it holds ${entries.slice(0, 10).join(', ')}${entries.length > 10 ? ` and ${entries.length - 10} more` : ''}`;
  const what = role === null ? 'no input file' : `no ${role} file`;
  return new UsageError('NO_INPUT', `--data ${dir}: ${what} found (${shown})`, {
    hint: `it looks for ${role === null ? ROLES.map((r) => `${r}.*`).join(', ') : `${role}.*`} with extension ${DATA_EXTENSIONS.map((e) => `.${e}`).join(', ')} (optionally .gz); or name the file with --${role ?? 'orders'} FILE`,
  });
}

/** Files of a --data folder, by role. */
export async function discoverDataDir(dir: string, cwd: string): Promise<Partial<Record<Role, string>>> {
  let entries: string[];
  try {
    entries = readdirSync(path.resolve(cwd, dir));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError('DATA_DIR_UNREADABLE', `--data ${dir}: cannot read the folder (${code === 'ENOENT' ? 'no such folder' : code === 'ENOTDIR' ? 'not a folder' : String(code)})`);
  }
  const found: Partial<Record<Role, string[]>> = {};
  for (const e of entries.sort()) {
    const m = DATA_FILE.exec(e);
    if (m) (found[m[1]!.toLowerCase() as Role] ??= []).push(path.join(dir, e));
  }
  const out: Partial<Record<Role, string>> = {};
  for (const role of ROLES) {
    const list = found[role];
    if (!list) continue;
    if (list.length > 1) {
      throw new UsageError('DATA_DIR_AMBIGUOUS', `--data ${dir}: several ${role} files (${list.map((f) => path.basename(f)).join(', ')})`, {
        hint: `keep one, or name it with --${role} FILE`,
      });
    }
    out[role] = list[0]!;
  }
  return out;
}

interface Assignment {
  role: Role | null;
  field: Field;
  value: string;
  text: string;
}

function parseAssignment(flag: string, text: string): Assignment {
  const m = /^\s*(?:(orders|spend|traffic|nps)\.)?([a-z_]+)\s*=(.*)$/s.exec(text);
  const allFields = new Set<string>(ROLES.flatMap((r) => [...ROLE_FIELDS[r]]));
  if (!m || !allFields.has(m[2]!)) {
    throw new UsageError('BAD_ASSIGNMENT', `${flag} ${text}: expected [role.]field=${flag === '--set' ? 'value' : 'column'}`, {
      hint: `fields: ${[...allFields].join(', ')}; roles: ${ROLES.join(', ')}`,
    });
  }
  const role = (m[1] as Role | undefined) ?? null;
  const field = m[2] as Field;
  if (role && !(ROLE_FIELDS[role] as readonly string[]).includes(field)) {
    throw new UsageError('BAD_ASSIGNMENT', `${flag} ${text}: ${role} has no field "${field}"`, { hint: `${role} fields: ${ROLE_FIELDS[role].join(', ')}` });
  }
  return { role, field, value: m[3]!.trim(), text };
}

function forRole<T>(values: Partial<Record<Role | '*', T>>, role: Role): T | undefined {
  return values[role] ?? values['*'];
}

export interface ResolvedInputs {
  specs: InputSpec[];
  /** --map flags without a role: each must be used by at least one file. */
  looseMaps: Assignment[];
}

/** Builds the InputSpec of every role that has a file. */
export async function resolveInputs(flags: InputFlags, config: Config, cwd: string): Promise<ResolvedInputs> {
  const fromDir = flags.dataDir !== undefined ? await discoverDataDir(flags.dataDir, cwd) : {};
  const files: Partial<Record<Role, string>> = { ...fromDir, ...flags.files };

  const presets: Partial<Record<Role, Preset>> = {};
  for (const name of flags.presets) {
    const preset = getPreset(name);
    if (presets[preset.role]) {
      throw new UsageError('PRESET_TWICE', `--preset ${name}: ${preset.role} already uses preset ${presets[preset.role]!.name}`);
    }
    presets[preset.role] = preset;
    if (files[preset.role] === undefined) {
      throw new UsageError('PRESET_WITHOUT_FILE', `--preset ${name} reads ${preset.role}, but no ${preset.role} file was given`, {
        hint: `pass --${preset.role} FILE`,
      });
    }
  }

  const maps = flags.maps.map((t) => parseAssignment('--map', t));
  const sets = flags.sets.map((t) => parseAssignment('--set', t));
  for (const a of [...maps, ...sets]) {
    if (a.role && files[a.role] === undefined) {
      throw new UsageError('ASSIGNMENT_WITHOUT_FILE', `${a.text}: no ${a.role} file was given`, { hint: `pass --${a.role} FILE` });
    }
    if (a.value === '') throw new UsageError('BAD_ASSIGNMENT', `${a.text}: the ${maps.includes(a) ? 'column name' : 'value'} is empty`);
  }

  const decimalStyle: DecimalStyle | undefined =
    flags.decimalComma === true ? 'comma' : flags.decimalComma === false ? 'point' : config.settings?.decimal_comma === undefined ? undefined : config.settings.decimal_comma ? 'comma' : 'point';

  const specs: InputSpec[] = [];
  for (const role of ROLES) {
    const file = files[role];
    if (file === undefined) continue;
    const roleFields = ROLE_FIELDS[role] as readonly Field[];
    const flagsFor: Partial<Record<Field, ColumnRequest>> = {};
    for (const a of maps) {
      if (a.role === role) flagsFor[a.field] = { column: a.value, strict: true };
      else if (a.role === null && roleFields.includes(a.field) && !flagsFor[a.field]) flagsFor[a.field] = { column: a.value, strict: false };
    }
    const constants: Partial<Record<Field, string>> = {};
    for (const a of sets) {
      if (a.role === role || (a.role === null && roleFields.includes(a.field))) constants[a.field] = a.value;
    }
    const formatText = forRole(flags.formatIn, role);
    let formatIn: InputFormat | undefined;
    if (formatText !== undefined) {
      if (!(INPUT_FORMATS as readonly string[]).includes(formatText)) {
        throw new UsageError('BAD_FORMAT_IN', `--format-in: unknown format "${formatText}"`, { hint: `use one of ${INPUT_FORMATS.join(', ')}` });
      }
      formatIn = formatText as InputFormat;
    }
    const delimiterText = forRole(flags.delimiter, role);
    const dateFormat = forRole(flags.dateFormat, role) ?? config.settings?.date_format;
    if (dateFormat !== undefined && !isValidDateFormat(dateFormat)) {
      throw new UsageError('BAD_DATE_FORMAT', `--date-format: "${dateFormat}" is not a date format with a year, month and day`, {
        hint: 'use date-fns tokens, e.g. dd/MM/yyyy, M/d/yyyy H:mm, yyyyMMdd',
      });
    }
    specs.push({
      role,
      path: file,
      file: file === STDIN ? file : path.resolve(cwd, file),
      formatIn,
      delimiter: delimiterText === undefined ? undefined : parseDelimiterFlag(delimiterText),
      preset: presets[role],
      flags: flagsFor,
      config: (config.columns?.[role] ?? {}) as Partial<Record<Field, string>>,
      constants,
      dateFormat,
      decimalStyle,
    });
  }
  return { specs, looseMaps: maps.filter((m) => m.role === null) };
}

/** A --map without a role that no file used is a typo, not something to ignore. */
export function checkLooseMaps(looseMaps: Assignment[], files: FileReport[]): void {
  for (const a of looseMaps) {
    const used = files.some((f) => f.mapping.fields[a.field]?.source === 'flag');
    if (!used) {
      const relevant = files.filter((f) => (ROLE_FIELDS[f.role] as readonly string[]).includes(a.field)).map((f) => f.file);
      throw new InputError('MAPPED_COLUMN_MISSING', `--map ${a.text}: no input file has a column "${a.value}" (looked in ${relevant.join(', ') || 'no file with that field'})`, {
        hint: 'check the column name with channelbench validate',
      });
    }
  }
}
