// Runs the built CLI in this process and reports its wall time and peak RSS on
// stderr (a line starting with BENCH), for scripts/bench.mjs.
import { run } from '../dist/cli/run.js';
import { processIo } from '../dist/cli/io.js';

const t0 = performance.now();
const code = await run(process.argv.slice(2), processIo());
const ms = performance.now() - t0;
const usage = process.resourceUsage();
process.stderr.write(`\nBENCH ${JSON.stringify({ code, ms, maxRSS: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
process.exitCode = code;
