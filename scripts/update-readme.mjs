// Rewrites the generated parts of README.md (the metric table) from the built registry.
// Run: npm run docs (builds first).
import { readFileSync, writeFileSync } from 'node:fs';
import { METRIC_TABLE_END, METRIC_TABLE_START, renderMetricTable } from '../dist/report/metric-docs.js';

const path = new URL('../README.md', import.meta.url);
const text = readFileSync(path, 'utf8');
const start = text.indexOf(METRIC_TABLE_START);
const end = text.indexOf(METRIC_TABLE_END);
if (start < 0 || end < start) throw new Error('README.md has no metric table markers');
const next = text.slice(0, start + METRIC_TABLE_START.length) + '\n' + renderMetricTable() + text.slice(end);
writeFileSync(path, next);
console.log(next === text ? 'README.md metric table already up to date' : 'README.md metric table updated');

// The published JSON Schema of --format json, generated from the zod schema.
import { reportJsonSchema } from '../dist/report/schema.js';
const schemaPath = new URL('../docs/report.schema.json', import.meta.url);
writeFileSync(schemaPath, JSON.stringify(reportJsonSchema(), null, 2) + '\n');
console.log('docs/report.schema.json written');

// The published JSON Schema of the figure inputs (report --summary, channelbench sql, --format summary).
import { figureInputsJsonSchema } from '../dist/summary/schema.js';
const inputsSchemaPath = new URL('../docs/figure-inputs.schema.json', import.meta.url);
writeFileSync(inputsSchemaPath, JSON.stringify(figureInputsJsonSchema(), null, 2) + '\n');
console.log('docs/figure-inputs.schema.json written');

// The published JSON Schema of `clv --format json`, generated from its zod schema.
import { clvJsonSchema } from '../dist/report/clv/schema.js';
const clvSchemaPath = new URL('../docs/clv.schema.json', import.meta.url);
writeFileSync(clvSchemaPath, JSON.stringify(clvJsonSchema(), null, 2) + '\n');
console.log('docs/clv.schema.json written');
