/**
 * Display formats of the crosschannel and cohorts figures (table and markdown
 * only; csv and json keep raw numbers), built on the report's Intl formatter.
 */
import { createFormatter, type DisplayOptions } from '../number-format.js';

export interface FigureFormat {
  count(v: number): string;
  money(v: number): string;
  percent(v: number): string;
  /** Two decimals, e.g. mean purchases. */
  decimal(v: number): string;
  /** Two decimals and ×, e.g. the omnichannel lift. */
  times(v: number): string;
}

export function figureFormat(display: DisplayOptions): FigureFormat {
  const fmt = createFormatter(display);
  return {
    count: (v) => fmt('customers', v),
    money: (v) => fmt('net_revenue', v),
    percent: (v) => fmt('returning_rate', v),
    decimal: (v) => fmt('clv_cac', v),
    times: (v) => `${fmt('clv_cac', v)}×`,
  };
}
