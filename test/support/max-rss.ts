/**
 * Preloaded into a gantry process by tests (`node --import tsx --import ./test/support/max-rss.ts
 * …`): when the process exits, its peak resident set size in bytes is written to the file
 * GANTRY_TEST_MAX_RSS_FILE names. The kernel keeps the peak (getrusage), so nothing is missed
 * between samples, and the process exits as it would without it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.GANTRY_TEST_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
