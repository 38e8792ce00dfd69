/**
 * Common names of each canonical field, as exports write them. Matching is
 * case- and punctuation-insensitive (see `normalizeColumnName`); earlier names win
 * when a file has several candidates.
 */
import type { Field } from '../model.js';

export const SYNONYMS: Record<Field, readonly string[]> = {
  date: [
    'date', 'day', 'created_at', 'Order Date', 'InvoiceDate', 'submitted_at', 'order_date', 'created',
    'timestamp', 'datetime', 'transaction_date', 'purchase_date', 'event_date', 'survey_date', 'response_date',
    'Reporting starts',
  ],
  revenue: ['revenue', 'total', 'amount', 'Total Sales', 'order_total', 'grand_total', 'sales', 'net_sales', 'gross_sales', 'value', 'order_value'],
  order_id: ['order_id', 'id', 'Order ID', 'order_number', 'order_no', 'Name', 'InvoiceNo', 'invoice', 'invoice_id', 'invoice_number', 'transaction_id'],
  customer_id: ['customer_id', 'customer', 'Customer ID', 'CustomerID', 'email', 'customer_email', 'user_id', 'client_id', 'buyer_id', 'respondent_id'],
  channel: [
    'channel', 'source', 'utm_source', 'medium', 'Default channel group', 'Session default channel group',
    'First user default channel group', 'channel_group', 'sales_channel', 'utm_medium', 'source_medium',
  ],
  currency: ['currency', 'currency_code', 'Currency', 'presentment_currency', 'order_currency'],
  // The campaign fields are matched by synonym only with --channel-grouping (see columns.ts).
  source: ['source', 'utm_source', 'Session source', 'First user source', 'traffic_source'],
  medium: ['medium', 'utm_medium', 'Session medium', 'First user medium'],
  campaign: ['campaign', 'utm_campaign', 'Session campaign', 'First user campaign', 'campaign_name'],
  source_medium: ['source / medium', 'Session source / medium', 'First user source / medium', 'source_medium'],
  status: ['status', 'order_status', 'state'],
  quantity: ['quantity', 'qty', 'Lineitem quantity', 'units', 'number_of_items'],
  unit_price: ['unit_price', 'price', 'UnitPrice', 'Lineitem price', 'item_price'],
  spend: ['spend', 'cost', 'amount_spent', 'Amount spent (USD)', 'Amount spent (EUR)', 'spent', 'ad_spend', 'costs', 'Cost (USD)'],
  sessions: ['sessions', 'visits', 'Sessions', 'visitors', 'site_visits'],
  score: ['score', 'rating', 'NPS', 'likelihood_to_recommend', 'LikelyToRecommend', 'nps_score', 'recommend_score'],
};

const NOT_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex

/**
 * Lower-cases and removes everything that is not a letter or digit.
 * @example normalizeColumnName(' Order-ID ') // 'orderid'
 */
export function normalizeColumnName(name: string): string {
  // ASCII (most headers): NFKC changes nothing and the letters and digits are
  // [a-z0-9] once lower-cased; the Unicode rule's first use costs ~0.5 ms of start-up.
  if (!NOT_ASCII.test(name)) return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
