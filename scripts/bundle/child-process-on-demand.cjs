// commander's node:child_process in the bundle (scripts/bundle.mjs): commander
// requires it at load, for executable subcommands, which channelbench has none
// of; loading it loads ~20 of Node's modules (net, dgram, child_process's
// internals) into every run. This stand-in requires it on first use.
/* global module, require */
module.exports = new Proxy(
  {},
  {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as the module it stands in for
    get: (_, key) => require('node:child_process')[key],
  },
);
