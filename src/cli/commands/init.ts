import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { COMMAND_DESCRIPTIONS } from './descriptions.js';
import { UsageError } from '../../errors.js';
import { CONFIG_FILE, runInit } from '../../pipeline/init.js';
import { addInputOptions, parseInputFlags } from '../input-options.js';
import { writeResult, type Io } from '../io.js';

export function initCommand(io: Io, setExit: (code: number) => void): Command {
  const cmd = new Command('init').description(COMMAND_DESCRIPTIONS.init)
    .option('--force', 'overwrite an existing config file')
    .option('--output <file>', `where to write it (default ./${CONFIG_FILE})`)
    .addHelpText(
      'after',
      `
Examples:
  $ channelbench init --data exports/
  $ channelbench init --orders shopify.csv --preset shopify-orders --traffic ga4.csv --preset ga4-traffic

Each metric of "benchmarks" gets its observed total ("observed") and "target": null;
set a target (or min/max) where you have one. Entries left null are ignored.`,
    );
  addInputOptions(cmd).action(async (_: unknown, self: Command) => {
    // Options given before the command name (global --config, --quiet, --verbose) count too.
    const opts = self.optsWithGlobals<Record<string, unknown>>();
    const flags = parseInputFlags(opts, io.env);
    const shown = typeof opts['output'] === 'string' ? opts['output'] : CONFIG_FILE;
    const target = path.resolve(io.cwd, shown);
    if (opts['force'] !== true && (await exists(target))) {
      throw new UsageError('CONFIG_EXISTS', `${shown} already exists; not overwriting it`, { hint: 'pass --force to replace it, or --output FILE to write elsewhere' });
    }
    const { config, roles } = await runInit(flags, io.cwd, io.stdin);
    await writeResult(io, JSON.stringify(config, null, 2) + '\n', target);
    if (!flags.quiet) io.stderr(`channelbench: wrote ${shown} (columns for ${roles.join(', ')}; fill in the benchmark targets)\n`);
    setExit(0);
  });
  return cmd;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.stat(p);
    return true;
  } catch {
    return false;
  }
}
