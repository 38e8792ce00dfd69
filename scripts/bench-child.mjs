// Runs the program users run (the bundle bin/channelbench.cjs starts,
// dist/bin/main.js with its code cache, with this process's arguments) and reports its wall time,
// peak RSS and CPU time on stderr at exit (a line starting with BENCH), for
// scripts/bench.mjs. The bundle, not dist/cli/run.js: the ~280 modules of the
// library build take ~0.1 s longer to load than the bundle's few chunks.
const t0 = performance.now();
process.on('exit', (code) => {
  const ms = performance.now() - t0;
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH ${JSON.stringify({ code, ms, maxRSS: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
});
const { startBundle } = await import('../dist/cli/code-cache.js');
startBundle();
