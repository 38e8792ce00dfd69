/**
 * --channel-grouping ga4 and `channels --explain` end to end on fixtures/utm
 * (12 orders with utm_* columns, GA4 traffic by "Session source / medium",
 * spend by utm_source / utm_medium). Hand-assigned channels (rule order of
 * data/channel-grouping/ga4/rules.json):
 *   1001 google/cpc 80 → Paid Search      1007 partnerblog.com/referral 25 → Referral
 *   1002 Google/organic 45.5 → Organic Search   1008 google/cpc "pmax cross-network" 150 → Cross-network
 *   1003 facebook/paid_social 120 → Paid Social  1009 email/referral 40 → Referral (before Email)
 *   1004 newsletter/email 60 → Email       1010 tiktok_creator/influencer 70 → Unassigned
 *   1005 (blank)/(blank) 35 → Direct       1011 (direct)/(none) 55 → Direct
 *   1006 instagram/social 99.9 → Organic Social  1012 bing/cpc 65 → Paid Search
 * Paid Search: 2 orders, 145 revenue, spend 400 + 80 = 480, sessions 900 + 200 = 1100.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/run-cli.js';
import { runInProcess } from '../helpers/run-in-process.js';

const DATA = ['--data', fixture('utm')];

describe('--channel-grouping ga4', () => {
  it('derives the channel of orders, traffic and spend from their UTM fields', async () => {
    const r = await runInProcess(['report', ...DATA, '--channel-grouping', 'ga4', '--format', 'csv', '--columns', 'orders,revenue,spend,sessions']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n').filter(Boolean)).toEqual([
      'period_start,period_end,partial,channel,orders,revenue,spend,sessions',
      '2024-05-01,2024-05-05,false,Cross-network,1,150,0,0',
      '2024-05-01,2024-05-05,false,Paid Search,2,145,480,1100',
      '2024-05-01,2024-05-05,false,Paid Social,1,120,300,700',
      '2024-05-01,2024-05-05,false,Organic Social,1,99.9,0,250',
      '2024-05-01,2024-05-05,false,Direct,2,90,0,800',
      '2024-05-01,2024-05-05,false,Unassigned,1,70,0,90',
      '2024-05-01,2024-05-05,false,Referral,2,65,0,120',
      '2024-05-01,2024-05-05,false,Email,1,60,0,300',
      '2024-05-01,2024-05-05,false,Organic Search,1,45.5,0,1500',
      '2024-05-01,2024-05-05,false,(all),12,845.4,780,4860',
    ]);
  });

  it("config channels.rules come first; config channels.grouping works like the flag", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cb-utm-'));
    const config = path.join(dir, 'channelbench.config.json');
    await fs.writeFile(config, JSON.stringify({ channels: { grouping: 'ga4', rules: [{ source: 'tiktok_creator', medium: 'influencer', channel: 'Influencers' }, { source: '/^(google|bing)$/', medium: 'cpc', channel: 'Search Ads' }] } }));
    const r = await runInProcess(['report', ...DATA, '--config', config, '--format', 'csv', '--columns', 'orders']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(',Influencers,1\r\n');
    expect(r.stdout).toContain(',Search Ads,3\r\n'); // 1001, 1008 (the user rule wins over Cross-network), 1012
    expect(r.stdout).not.toContain('Unassigned');
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('without it, utm_source stays a channel synonym (as before)', async () => {
    const r = await runInProcess(['report', '--orders', fixture('utm', 'orders.csv'), '--format', 'csv', '--columns', 'orders']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(',google,3\r\n'); // 1001, 1002 (Google), 1008
  });

  it('GA4 presets: purchases and traffic by Session source / medium', async () => {
    const r = await runInProcess([
      'report', '--orders', fixture('ingest', 'ga4-purchases.csv'), '--preset', 'ga4-purchases',
      '--traffic', fixture('ingest', 'ga4-source-medium.csv'), '--preset', 'ga4-source-medium',
      '--channel-grouping', 'ga4', '--format', 'csv', '--columns', 'orders,revenue,sessions', '--quiet',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n').filter(Boolean).slice(1)).toEqual([
      '2024-05-01,2024-05-02,false,Paid Search,1,80,900',
      '2024-05-01,2024-05-02,false,Email,1,60,300',
      '2024-05-01,2024-05-02,false,Organic Search,1,45.5,1500',
      '2024-05-01,2024-05-02,false,Direct,0,0,800',
      '2024-05-01,2024-05-02,false,(all),3,185.5,3500',
    ]);
    const without = await runInProcess(['report', '--orders', fixture('ingest', 'ga4-purchases.csv'), '--preset', 'ga4-purchases', '--traffic', fixture('ingest', 'ga4-source-medium.csv'), '--preset', 'ga4-source-medium', '--quiet']);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain('hint: the file has source / medium columns: pass --channel-grouping ga4');
  });
});

describe('channels --explain', () => {
  it('lists every pair with its channel, rule and rows, then the top Unassigned with a hint', async () => {
    const r = await runInProcess(['channels', ...DATA, '--explain']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`channel grouping: ga4 (rules version 2023-11; config channels.rules first)

channel         rows
Paid Search     6
Direct          3
Paid Social     3
Referral        3
Email           2
Organic Search  2
Organic Social  2
Unassigned      2
Cross-network   1

source           medium       channel         rule            rows
bing             cpc          Paid Search     paid-search     3
facebook         paid_social  Paid Social     paid-social     3
google           cpc          Paid Search     paid-search     3
(direct)         (none)       Direct          direct          2
Google           organic      Organic Search  organic-search  2
instagram        social       Organic Social  organic-social  2
newsletter       email        Email           email           2
partnerblog.com  referral     Referral        referral        2
tiktok_creator   influencer   Unassigned      unassigned      2
(blank)          (blank)      Direct          direct          1
email            referral     Referral        referral        1
google           cpc          Cross-network   cross-network   1

Unassigned: 2 rows in 1 source / medium pairs; top 1:
source          medium      rows
tiktok_creator  influencer  2
hint: no rule matched these. Tag them with a medium the rules know (cpc, paid…, organic, social, email, referral, affiliate, display, video, audio, sms, push), or add a rule to the config's channels.rules, e.g. {"source":"tiktok_creator","medium":"influencer","channel":"Paid Social"}
`);
  });

  it('--format json', async () => {
    const r = await runInProcess(['channels', ...DATA, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { schema: string; grouping: { name: string }; pairs: { source: string; rule: string; rows: number }[] };
    expect(doc.schema).toBe('channelbench.channels/v1');
    expect(doc.grouping.name).toBe('ga4');
    expect(doc.pairs.find((p) => p.source === 'email')).toMatchObject({ rule: 'referral', rows: 1 });
  });
});
