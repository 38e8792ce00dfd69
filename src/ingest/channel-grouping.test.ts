/**
 * The GA4 manual-traffic rules as shipped in data/channel-grouping/ga4: one
 * golden case per rule row (in order), the overlaps where the order decides,
 * case-insensitivity, and the config's own rules first.
 */
import { describe, expect, it } from 'vitest';
import { ChannelGrouper, GroupingLog, splitSourceMedium } from './channel-grouping.js';
import { loadChannelGrouper } from './channel-grouping-data.js';

const ga4 = loadChannelGrouper('ga4', []);
const classify = (source: string | null, medium: string | null, campaign: string | null = null) => ga4.classify({ source, medium, campaign });
const channel = (source: string | null, medium: string | null, campaign: string | null = null) => classify(source, medium, campaign).channel;

describe('GA4 default channel group, one case per rule row', () => {
  it.each([
    // [source, medium, campaign, channel, rule]
    ['(direct)', '(none)', null, 'Direct', 'direct'],
    ['(direct)', '(not set)', null, 'Direct', 'direct'],
    [null, null, null, 'Direct', 'direct'], // no source and no medium at all
    ['google', 'cpc', 'pmax cross-network', 'Cross-network', 'cross-network'],
    ['amazon', 'cpc', null, 'Paid Shopping', 'paid-shopping'], // shopping site
    ['newsletter', 'paid', 'summer_shopping', 'Paid Shopping', 'paid-shopping'], // shopping campaign
    ['google', 'cpc', null, 'Paid Search', 'paid-search'],
    ['bing', 'ppc', null, 'Paid Search', 'paid-search'],
    ['facebook', 'paid_social', null, 'Paid Social', 'paid-social'],
    ['linkedin', 'retargeting', null, 'Paid Social', 'paid-social'],
    ['m.youtube.com', 'cpv', null, 'Paid Video', 'paid-video'], // cpv matches .*cp.*
    ['criteo', 'display', null, 'Display', 'display'],
    ['adnetwork', 'cpm', null, 'Display', 'display'],
    ['adnetwork', 'cpa', null, 'Paid Other', 'paid-other'],
    ['etsy', 'referral', null, 'Organic Shopping', 'organic-shopping'],
    ['partner', 'link', 'shop-launch', 'Organic Shopping', 'organic-shopping'],
    ['facebook.com', 'referral', null, 'Organic Social', 'organic-social'],
    ['mastodon.example', 'social', null, 'Organic Social', 'organic-social'],
    ['vimeo', 'referral', null, 'Organic Video', 'organic-video'],
    ['partner', 'video_embed', null, 'Organic Video', 'organic-video'],
    ['google', 'organic', null, 'Organic Search', 'organic-search'],
    ['duckduckgo', 'referral', null, 'Organic Search', 'organic-search'],
    ['blog.example.com', 'referral', null, 'Referral', 'referral'],
    ['partner-app', 'app', null, 'Referral', 'referral'],
    ['newsletter', 'email', null, 'Email', 'email'],
    ['e-mail', 'newsletter', null, 'Email', 'email'],
    ['partner', 'affiliate', null, 'Affiliates', 'affiliates'],
    ['spotify-ads', 'audio', null, 'Audio', 'audio'],
    ['twilio', 'sms', null, 'SMS', 'sms'],
    ['sms', 'text', null, 'SMS', 'sms'],
    ['onesignal', 'web-push', null, 'Mobile Push Notifications', 'mobile-push'],
    ['app', 'mobile_notification', null, 'Mobile Push Notifications', 'mobile-push'],
    ['firebase', 'inapp', null, 'Mobile Push Notifications', 'mobile-push'],
    ['tiktok_creator', 'influencer', null, 'Unassigned', 'unassigned'],
  ])('%s / %s (campaign %s) → %s', (source, medium, campaign, want, rule) => {
    expect(classify(source, medium, campaign)).toEqual({ channel: want, rule });
  });
});

describe('overlaps: the first rule in order wins', () => {
  it('source email with medium referral is Referral (Referral comes before Email)', () => {
    expect(channel('email', 'referral')).toBe('Referral');
  });
  it('a cross-network campaign beats a paid search source', () => {
    expect(channel('google', 'cpc', 'Cross-Network Q2')).toBe('Cross-network');
  });
  it('a shopping campaign on a search source with a paid medium is Paid Shopping, not Paid Search', () => {
    expect(channel('google', 'cpc', 'shopping_feed')).toBe('Paid Shopping');
  });
  it('"shop" needs a word start: "workshop" is not a shopping campaign', () => {
    expect(channel('google', 'cpc', 'workshop')).toBe('Paid Search');
    expect(channel('google', 'cpc', 'spring-shop')).toBe('Paid Shopping');
  });
  it('a social source with medium email is Organic Social (social comes before Email)', () => {
    expect(channel('facebook', 'email')).toBe('Organic Social');
  });
  it('display wins over Paid Other for cpm, paid medium on an unknown source is Paid Other', () => {
    expect(channel('unknown-net', 'cpm')).toBe('Display');
    expect(channel('unknown-net', 'paid')).toBe('Paid Other');
  });
  it('direct source with a real medium is not Direct', () => {
    expect(channel('(direct)', 'email')).toBe('Email');
  });
});

describe('matching', () => {
  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(channel('Google', 'CPC')).toBe('Paid Search');
    expect(channel(' FaceBook ', 'Social')).toBe('Organic Social');
    expect(channel('NEWSLETTER', 'EMAIL')).toBe('Email');
    expect(channel('(Direct)', '(None)')).toBe('Direct');
  });
  it('splits a combined source / medium', () => {
    expect(splitSourceMedium('google / cpc')).toEqual({ source: 'google', medium: 'cpc' });
    expect(splitSourceMedium('(direct) / (none)')).toEqual({ source: '(direct)', medium: '(none)' });
    expect(splitSourceMedium('weird')).toEqual({ source: 'weird', medium: null });
  });
});

describe("the config's channels.rules", () => {
  const grouper = loadChannelGrouper('ga4', [
    { source: 'tiktok_creator', medium: 'influencer', channel: 'Influencers' },
    { source: '/^(google|bing)$/', medium: 'cpc', channel: 'Search Ads' },
    { campaign: '/black.?friday/', channel: 'Black Friday' },
  ]);
  it('come before the built-in rules', () => {
    expect(grouper.classify({ source: 'tiktok_creator', medium: 'influencer', campaign: null })).toEqual({ channel: 'Influencers', rule: 'config rule 1' });
    expect(grouper.classify({ source: 'Bing', medium: 'CPC', campaign: null })).toEqual({ channel: 'Search Ads', rule: 'config rule 2' });
    expect(grouper.classify({ source: 'newsletter', medium: 'email', campaign: 'BLACK FRIDAY 2024' })).toEqual({ channel: 'Black Friday', rule: 'config rule 3' });
  });
  it('match exactly unless written as /regex/, and need every given field', () => {
    expect(grouper.classify({ source: 'google.com', medium: 'cpc', campaign: null }).rule).toBe('paid-other'); // the /regex/ is anchored; google.com is not on Google's search list
    expect(grouper.classify({ source: 'tiktok_creator', medium: 'video', campaign: null }).rule).toBe('organic-video');
  });
  it('a bad /regex/ is a config error', () => {
    expect(() => loadChannelGrouper('ga4', [{ source: '/(/', channel: 'x' }])).toThrow(/config channels.rules/);
  });
});

describe('the shipped data', () => {
  it('has the 18 channels of the issue in GA4 order, then Unassigned', () => {
    expect(ga4.ruleSet.rules.map((r) => r.channel)).toEqual([
      'Direct', 'Cross-network', 'Paid Shopping', 'Paid Search', 'Paid Social', 'Paid Video', 'Display', 'Paid Other', 'Organic Shopping',
      'Organic Social', 'Organic Video', 'Organic Search', 'Referral', 'Email', 'Affiliates', 'Audio', 'SMS', 'Mobile Push Notifications',
    ]);
    expect(ga4.ruleSet.unassigned).toBe('Unassigned');
    expect(ga4).toBeInstanceOf(ChannelGrouper);
  });
  it('counts rows per raw pair for --explain', () => {
    const log = new GroupingLog();
    for (const [s, m] of [['google', 'cpc'], ['Google', 'CPC'], ['x', 'y']] as const) log.add(s, m, classify(s, m));
    expect(log.list()).toEqual([
      { source: 'google', medium: 'cpc', channel: 'Paid Search', rule: 'paid-search', rows: 2 },
      { source: 'x', medium: 'y', channel: 'Unassigned', rule: 'unassigned', rows: 1 },
    ]);
  });
});
