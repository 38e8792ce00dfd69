/** `report --format summary`: the figure inputs as CSV (loaded only for that format: it builds the table's zod schema). */
export { renderFigureInputsCsv } from '../summary/index.js';
