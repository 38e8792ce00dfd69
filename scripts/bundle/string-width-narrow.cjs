// cli-table3's string-width in the bundle (scripts/bundle.mjs): a string of
// narrow characters only — printable ASCII and Latin-1, the dashes, quotes and
// ellipsis of U+2010–U+2027, super- and subscripts, currency signs, and the
// box-drawing and block characters the table's borders are made of — is as wide
// as it is long, which is string-width's answer too (no escape codes, emoji,
// combining or wide characters in it: test/bundle-shims.test.ts checks every one
// of these characters, and random text); anything else goes to string-width
// itself, loaded on first need. string-width strips escape codes and scans for
// emoji with a very large regular expression on every call, and cli-table3 asks
// it of every cell and border line: ~3-5 ms of the demo report.
/* global module, require */
const NARROW = /^[\x20-\x7e\xa0-\xff\u2010-\u2027\u2070-\u20bf\u2500-\u259f]*$/;
let stringWidth;
module.exports = (text) => {
  if (typeof text === 'string' && NARROW.test(text)) return text.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as the module it stands in for
  stringWidth ??= require('string-width');
  return stringWidth(text);
};
