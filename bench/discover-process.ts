/**
 * One discovery as its own process, for bench/discover.ts's whole-process rows (node starting,
 * the discovery modules loading, the requests, the selection): bundled by the bench with esbuild
 * into its temporary directory and run as `node discover-process.mjs <repoURL> <strategy>
 * <cacheDir> [chains]`. Prints the selected tags, one a line, and the registry requests sent on
 * stderr. Strategy `list` only lists the tags (prints how many); `chains` is the client's
 * tagListConcurrency (1: one page after another).
 */
import { discoverImages } from '../src/discovery/images.js';
import { RegistryClient } from '../src/discovery/oci/client.js';
import { parseImageRepository } from '../src/discovery/oci/reference.js';
import type { ImageSelectionStrategy } from '../src/pipeline/index.js';

const [repoURL = '', strategy = 'SemVer', cacheDir = '', chains] = process.argv.slice(2);
const client = new RegistryClient({
  requestTimeoutMs: 30_000,
  concurrencyPerRegistry: 8,
  ...(chains !== undefined && { tagListConcurrency: Number(chains) }),
});
if (strategy === 'list') {
  const tags = await client.listTags(parseImageRepository(repoURL));
  process.stdout.write(`${tags.length}\n`);
} else {
  const found = await discoverImages(
    {
      repoURL,
      imageSelectionStrategy: strategy as ImageSelectionStrategy,
      strictSemvers: true,
      allowTagsRegexes: [],
      ignoreTagsRegexes: [],
      discoveryLimit: 20,
      insecureSkipTLSVerify: false,
    },
    client,
    {
      cacheDir,
      log: { info: () => undefined, warn: (l: string) => console.error(`warning: ${l}`) },
      concurrencyPerRegistry: 8,
    },
  );
  process.stdout.write(found.map((f) => `${f.tag}\n`).join(''));
}
process.stderr.write(
  `requests ${Object.values(client.requestCounts()).reduce((a, b) => a + b, 0)}\n`,
);
await client.close();
