import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Headless Chromium for the tests that look at a page the way a person does: Debian's `chromium`
 * package (scripts/install-test-deps.sh installs it), driven by playwright-core, which downloads
 * no browser of its own. CHROMIUM_PATH names another binary.
 */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to drive, or undefined when there is none on this machine. */
export function chromiumPath(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return executable(explicit) ? explicit : undefined;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'];
  for (const name of NAMES) {
    for (const dir of dirs.filter(Boolean)) {
      const p = join(dir, name);
      if (executable(p)) return p;
    }
  }
  return undefined;
}

export const NO_CHROMIUM =
  'browser tests skipped: no Chromium binary found (install Debian\'s "chromium" package with scripts/install-test-deps.sh, or set CHROMIUM_PATH)';

/** Launches headless Chromium; the caller closes it. */
export function launchChromium(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    headless: true,
    // Root in containers has no user namespaces for the sandbox; the pages are our own files.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    timeout: 30_000,
  });
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
