import type { Preset } from './preset.js';

/**
 * Shopify admin → Orders → Export (CSV). One row per line item; order-level
 * columns (`Total`, `Created at`, …) are filled on the first line only, so later
 * lines are continuation lines. `Created at` reads like `2024-01-15 10:23:45 -0500`.
 * A non-empty `Cancelled at` marks the order cancelled. `Currency` (ISO 4217)
 * is the currency of the order's amounts (see --currency / --fx).
 */
export const shopifyOrders: Preset = {
  name: 'shopify-orders',
  role: 'orders',
  description: 'Shopify admin orders export (Name, Email, Created at, Total, Source, Currency, Cancelled at; line-item rows)',
  columns: {
    order_id: 'Name',
    customer_id: 'Email',
    date: 'Created at',
    revenue: 'Total',
    channel: 'Source',
  },
  optionalColumns: { currency: 'Currency' },
  extraColumns: ['Cancelled at'],
  adjust(values, extra) {
    const cancelledAt = extra['Cancelled at'];
    if (cancelledAt !== undefined && cancelledAt.trim() !== '') values['status'] = 'cancelled';
    return true;
  },
};
