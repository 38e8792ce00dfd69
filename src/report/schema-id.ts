/** The report document's id (`schema` in every JSON report); its zod schema is src/report/schema.ts. */
export const REPORT_SCHEMA = 'channelbench.report/v1';
