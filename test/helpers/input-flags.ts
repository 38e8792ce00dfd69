/** InputFlags for in-process pipeline tests: no config file, quiet, strict unless `extra` says otherwise. */
import type { InputFlags } from '../../src/pipeline/inputs.js';
import type { Role } from '../../src/model.js';
import { fixture } from './run-cli.js';

export function inputFlags(files: Partial<Record<Role, string>>, extra: Partial<InputFlags> = {}): InputFlags {
  return {
    dataDir: undefined,
    files,
    configFile: fixture('ingest', 'no-config.json'),
    presets: [],
    maps: [],
    sets: [],
    formatIn: {},
    delimiter: {},
    dateFormat: {},
    decimalComma: undefined,
    skipInvalid: false,
    quiet: true,
    verbose: false,
    ...extra,
  };
}
