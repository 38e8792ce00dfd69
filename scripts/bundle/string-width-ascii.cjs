// cli-table3's string-width in the bundle (scripts/bundle.mjs): a cell of
// printable ASCII (every table cell without colours) is as wide as it is long,
// which is string-width's answer too (no escape codes, emoji or wide
// characters in it: test/bundle-shims.test.ts); anything else goes to
// string-width itself, loaded on first need. string-width strips escape codes
// and scans for emoji with a very large regular expression on every call, which
// cost a table of the demo report ~3 ms.
/* global module, require */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
let stringWidth;
module.exports = (text) => {
  if (typeof text === 'string' && PRINTABLE_ASCII.test(text)) return text.length;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as the module it stands in for
  stringWidth ??= require('string-width');
  return stringWidth(text);
};
