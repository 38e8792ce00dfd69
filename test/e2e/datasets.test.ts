/**
 * The real public datasets in ../shared/datasets, read with the commands the
 * README documents. Skipped (with a message) when ../shared is absent. The
 * two largest (UCI Online Retail whole, CDNOW master): datasets.slow.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { dataset as D, haveDatasets, totalRow as total } from '../helpers/datasets.js';
import { fixture, runCli } from '../helpers/run-cli.js';

const have = haveDatasets();

describe.skipIf(!have)('real datasets', () => {
  it('UCI Online Retail (Dec 2010 subset) reports without error', async () => {
    const r = await runCli(['report', '--orders', D('uci-online-retail/online_retail_2010-12.csv'), '--preset', 'online-retail', '--map', 'channel=Country', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(total(r.stdout).metrics['orders']).toBeGreaterThan(1000);
  });
  it('CDNOW sample (no header, 5 columns): 6,919 rows, $244,091.94', async () => {
    const r = await runCli(['report', '--orders', D('cdnow/CDNOW_sample.txt'), '--preset', 'cdnow', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(total(r.stdout).metrics['revenue']).toBe(244091.94);
  });
  it('Carpentries survey: NPS 48.37 over 889 answers (78 blanks skipped, not counted as answers)', async () => {
    const r = await runCli([
      'report', '--orders', fixture('ingest', 'tab.tsv'), '--nps', D('carpentries-instructor-training-nps/20180908_post_clean.csv'),
      '--map', 'nps.score=LikelyToRecommend', '--map', 'nps.channel=WhenTaking', '--skip-invalid', '--from', '2016-01-01', '--to', '2018-12-31', '--format', 'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('78 invalid rows skipped');
    const t = total(r.stdout);
    // (501 − 71) / 889 × 100 = 48.3689…
    expect(t.metrics['nps_responses']).toBe(889);
    expect(t.metrics['nps']).toBeCloseTo(48.3689, 3);
  });
  it('Facebook ad spend: 1,143 rows, 3 campaigns', async () => {
    const r = await runCli(['validate', '--spend', D('facebook-ad-campaign-kag/KAG_conversion_data.csv'), '--map', 'spend.channel=xyz_campaign_id', '--set', 'spend.date=2017-08-17']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UTF-8 with BOM');
    expect(r.stdout).toContain('channels (3): 916, 936, 1178');
  });
  it('Olist leads as traffic (60 without origin skipped) and closed deals as orders', async () => {
    const leads = await runCli(['validate', '--traffic', D('olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv'), '--map', 'traffic.date=first_contact_date', '--map', 'traffic.channel=origin', '--set', 'traffic.sessions=1', '--skip-invalid']);
    expect(leads.code).toBe(0);
    expect(leads.stdout).toContain('8,000 read · 60 invalid');
    expect(leads.stdout).toContain('first_contact_date: day first (d/M/y)');
    const deals = await runCli(['validate', '--orders', D('olist-marketing-funnel/olist_closed_deals_dataset.csv'), '--map', 'orders.date=won_date', '--map', 'orders.revenue=declared_monthly_revenue', '--map', 'orders.customer_id=seller_id', '--map', 'orders.order_id=mql_id']);
    expect(deals.code).toBe(0);
    expect(deals.stdout).toContain('842 read · 842 orders');
  });
});
