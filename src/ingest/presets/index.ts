/** The preset registry: name → adapter. Adding a source is one file and one line here. */
import { UsageError } from '../../errors.js';
import { cdnow } from './cdnow.js';
import { ga4Purchases, ga4SourceMedium, ga4Traffic } from './ga4-traffic.js';
import { onlineRetail } from './online-retail.js';
import type { Preset } from './preset.js';
import { shopifyOrders } from './shopify-orders.js';

export const PRESETS: Record<string, Preset> = {
  [shopifyOrders.name]: shopifyOrders,
  [onlineRetail.name]: onlineRetail,
  [cdnow.name]: cdnow,
  [ga4Traffic.name]: ga4Traffic,
  [ga4SourceMedium.name]: ga4SourceMedium,
  [ga4Purchases.name]: ga4Purchases,
};

export type { Preset } from './preset.js';

/** Looks a preset up by name; a usage error lists the known ones. */
export function getPreset(name: string): Preset {
  const preset = PRESETS[name];
  if (!preset) {
    throw new UsageError('UNKNOWN_PRESET', `--preset: unknown preset "${name}"`, {
      hint: `known presets: ${Object.keys(PRESETS).join(', ')}`,
    });
  }
  return preset;
}
