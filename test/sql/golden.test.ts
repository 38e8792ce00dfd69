/**
 * Golden SQL per dialect: `channelbench sql` for one fixed plan (weeks starting
 * Sunday, all four roles, an alias, a cancelled status). The text is
 * deterministic; review a diff against the engine's documentation before
 * accepting it (UPDATE_GOLDEN=1 rewrites the files).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../src/sql/dialects.js';
import { runSql } from '../../src/pipeline/sql.js';

const here = path.dirname(new URL(import.meta.url).pathname);

describe('golden SQL', () => {
  for (const dialect of DIALECTS) {
    it(`${dialect}`, async () => {
      const text = await runSql(
        {
          dialect,
          from: '2024-01-01',
          to: '2024-01-21',
          last: undefined,
          period: 'week',
          weekStart: 'sunday',
          margin: 0.4,
          retentionDays: 30,
          clvHorizonDays: 90,
          dataEnd: undefined,
          tables: ['orders=shop.orders', 'spend=shop.spend', 'traffic=shop.traffic', 'nps=shop.nps'],
          maps: ['orders.status=status', 'orders.line=line_no'],
          configFile: path.join(here, 'golden', 'channelbench.config.json'),
        },
        here,
      );
      const file = path.join(here, 'golden', `${dialect}.sql`);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
