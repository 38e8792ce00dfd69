// chalk's node:tty in the bundle (scripts/bundle.mjs): chalk's supports-color
// asks isatty(1) and isatty(2) when it loads, and node:tty loads node:net with
// it (~5 ms) — for nothing when the output goes to a file. process.stdout and
// process.stderr know the answer: Node makes a stdio stream a TTY stream
// exactly when its descriptor is a terminal (test/bundle-shims.test.ts).
/* global module, process, require */
module.exports = {
  isatty(fd) {
    if (fd === 1) return process.stdout.isTTY === true;
    if (fd === 2) return process.stderr.isTTY === true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as the module it stands in for
    return require('node:tty').isatty(fd);
  },
};
