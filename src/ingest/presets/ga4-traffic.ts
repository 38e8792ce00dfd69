import type { Preset } from './preset.js';

/**
 * Google Analytics 4 → Reports → Acquisition → Traffic acquisition, with the
 * `Date` dimension added, exported as CSV. The file starts with `#` comment
 * lines (skipped), dates are `yyyyMMdd`. A totals row without a date is dropped.
 */
export const ga4Traffic: Preset = {
  name: 'ga4-traffic',
  role: 'traffic',
  description: 'GA4 traffic acquisition export (# comment header, Session default channel group, Date yyyyMMdd, Sessions)',
  dateFormat: 'yyyyMMdd',
  columns: {
    channel: 'Session default channel group',
    date: 'Date',
    sessions: 'Sessions',
  },
  adjust(values) {
    const date = values['date'];
    const channel = values['channel'];
    const isBlank = (v: unknown): boolean => v === undefined || v === null || String(v).trim() === '';
    if (isBlank(date) && (isBlank(channel) || /total/i.test(String(channel)))) return false;
    return true;
  },
};
