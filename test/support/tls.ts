/**
 * Self-signed certificates for tests, made by `openssl req -x509` (RSA 2048, valid two days).
 *
 * Async on purpose: openssl runs as a child process while the event loop keeps going, so servers
 * already listening in the same process (a token server, another registry, a fake API) still
 * answer while a certificate is made.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSignedOptions {
  /** The subject's CN. Default `127.0.0.1`. */
  commonName?: string;
  /**
   * The IP address in subjectAltName (what TLS clients check for an IP host). Default
   * `127.0.0.1`; null for none (a certificate that only signs, such as a token issuer's).
   */
  ip?: string | null;
}

export interface SelfSigned {
  /** PEM. */
  key: string;
  /** PEM. */
  cert: string;
}

export interface SelfSignedFiles extends SelfSigned {
  keyPath: string;
  certPath: string;
}

/** A self-signed certificate and its key, written to `<dir>/<name>-key.pem` and `-cert.pem`. */
export async function writeSelfSigned(
  dir: string,
  name: string,
  opts: SelfSignedOptions = {},
): Promise<SelfSignedFiles> {
  const commonName = opts.commonName ?? '127.0.0.1';
  const ip = opts.ip === undefined ? '127.0.0.1' : opts.ip;
  const keyPath = join(dir, `${name}-key.pem`);
  const certPath = join(dir, `${name}-cert.pem`);
  const args = [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
    '-subj',
    `/CN=${commonName}`,
    ...(ip === null ? [] : ['-addext', `subjectAltName=IP:${ip}`]),
  ];
  await new Promise<void>((resolve, reject) => {
    execFile('openssl', args, (err, _stdout, stderr) => {
      if (!err) return resolve();
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(
          new Error(
            'openssl is not installed (Debian package openssl); the TLS tests need it: ' +
              'install it with: DEBIAN_FRONTEND=noninteractive apt-get install -y openssl',
          ),
        );
      }
      reject(new Error(`openssl ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
    });
  });
  const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')]);
  return { key, cert, keyPath, certPath };
}

/** A self-signed certificate and its key as PEM, with no files left behind. */
export async function selfSigned(opts: SelfSignedOptions = {}): Promise<SelfSigned> {
  const dir = await mkdtemp(join(tmpdir(), 'gantry-tls-'));
  try {
    const { key, cert } = await writeSelfSigned(dir, 'tls', opts);
    return { key, cert };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
