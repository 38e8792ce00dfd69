/** The figure-inputs table's id (`schema` in every row); its zod schema is src/summary/schema.ts. */
export const FIGURE_INPUTS_SCHEMA = 'channelbench.figure-inputs/v1';
