/**
 * Reads a built-in channel grouping's data files (data/channel-grouping/<name>/:
 * rules.json, source-categories.csv) and builds the grouper with the config's
 * own rules in front.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { ChannelGrouper, parseSourceCategories, ruleSetSchema, type UserRule } from './channel-grouping.js';

/** Built-in groupings (each a folder of data files). */
export const CHANNEL_GROUPINGS = ['ga4'] as const;
export type ChannelGroupingName = (typeof CHANNEL_GROUPINGS)[number];

/** The folder of a grouping's data: <package>/data/channel-grouping/<name>/ (from src/ingest or dist/ingest). */
function dataUrl(name: ChannelGroupingName, file: string): URL {
  return new URL(`../../data/channel-grouping/${name}/${file}`, import.meta.url);
}

/**
 * The grouper for `name` with `userRules` evaluated first.
 * @throws ConfigError (exit 2) for a user rule whose /regex/ does not compile.
 */
export function loadChannelGrouper(name: ChannelGroupingName, userRules: readonly UserRule[]): ChannelGrouper {
  const ruleSet = ruleSetSchema.parse(JSON.parse(readFileSync(dataUrl(name, 'rules.json'), 'utf8')));
  const categories = parseSourceCategories(readFileSync(dataUrl(name, 'source-categories.csv'), 'utf8'));
  try {
    return new ChannelGrouper(ruleSet, categories, userRules);
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new ConfigError('BAD_CHANNEL_RULE', `config channels.rules: ${err.message}`, { hint: 'a /regex/ value is a JavaScript regular expression (matched case-insensitively)' });
    }
    throw err;
  }
}
