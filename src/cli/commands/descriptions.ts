/**
 * What each command is for: the line `channelbench --help` lists and the
 * command's own help starts with. Kept apart from the commands so that the list
 * prints without loading them (src/cli/program.ts).
 */
export const COMMAND_DESCRIPTIONS = {
  report: 'the KPI table: every metric per channel (and period), with the total row',
  cohorts: 'acquisition cohorts × periods since acquisition: retention and cumulative net value per customer, by acquisition channel',
  crosschannel: 'multichannel share, value by number of channels used (omnichannel lift), channel overlap and post-acquisition migration matrices, as of the window end',
  clv: 'predictive CLV per acquisition channel: BG/NBD purchases × Gamma-Gamma spend, with intervals, predicted CLV:CAC and a holdout check',
  validate: 'read every input and the config; print the detected format, delimiter, column mapping, row counts and first errors',
  channels: 'how --channel-grouping assigns channels: rows per channel; with --explain, every source / medium pair, its channel, the rule that fired and its rows',
  init: 'write a starter channelbench.config.json for the files given: their column mapping, settings, and a benchmarks skeleton to fill in',
  sql: "the report's figure inputs as SQL for DuckDB, PostgreSQL, BigQuery, Snowflake or Databricks (finish with report --summary)",
} as const;

export type CommandName = keyof typeof COMMAND_DESCRIPTIONS;
