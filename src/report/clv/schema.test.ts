import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clvJsonSchema } from './schema.js';

describe('channelbench.clv/v1 JSON Schema', () => {
  it('docs/clv.schema.json is the one generated from the zod schema (npm run docs)', () => {
    const published = JSON.parse(readFileSync(new URL('../../../docs/clv.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(published).toEqual(clvJsonSchema());
  });
});
