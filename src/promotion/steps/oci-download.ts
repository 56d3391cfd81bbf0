/**
 * Kargo's `oci-download` step: saves one layer of an OCI artifact (a Helm chart's `.tgz`, a
 * configuration file) at `outPath`.
 *
 * Config (Kargo's): `imageRef` (`registry/repo:tag` or `registry/repo@sha256:…`, `oci://` allowed),
 * `outPath`, `allowOverwrite` (default false: an existing file fails the step), `mediaType` (the
 * first layer of that media type; default the first layer), `insecureSkipTLSVerify`.
 * As in Kargo: an image index is read at its linux/amd64 image (go-containerregistry's default
 * platform); a layer larger than 100 MiB fails (by its descriptor, before anything is fetched);
 * the layer's bytes as stored (compressed) are written, through a temporary file beside
 * `outPath`, so a failure leaves no partial file. Kargo's step has no outputs; gantry adds none.
 *
 * Credentials: the registry credentials discovery uses (`oci://` or not; Kargo picks Helm or image
 * credentials by it, gantry has one set per registry host).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MEDIA_TYPES, type ImageManifest } from '../../discovery/oci/client.js';
import { parseImageReference, repositoryName } from '../../discovery/oci/reference.js';
import { ConfigError, OperationError, errorMessage } from '../../util/errors.js';
import { formatBytes } from '../../util/http-body.js';
import { fieldError } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { writablePath } from './file-write.js';
import { stepRegistryClient } from './oci-common.js';
import { normalizeRelative } from './safe-path.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'oci-download';
const FIELDS = ['imageRef', 'outPath', 'allowOverwrite', 'mediaType', 'insecureSkipTLSVerify'];
/** Kargo's maxOCIArtifactSize. */
export const OCI_DOWNLOAD_MAX_BYTES = 100 << 20;

/** Kargo's reference pattern: `[oci://]host[:port][/path…](:tag|@digest)`. */
export const OCI_REF_PATTERN =
  '^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[@:][a-zA-Z0-9._:-]+$';

export const ociDownload: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Saves one layer of an OCI artifact (a Helm chart, a file) in the checkout. No outputs, as in Kargo.',
    additionalProperties: false,
    required: ['imageRef', 'outPath'],
    properties: {
      imageRef: {
        ...nonEmpty(
          'The artifact: `registry/repo:tag` or `registry/repo@sha256:…`; `oci://` in front is accepted (a Helm chart).',
        ),
        pattern: OCI_REF_PATTERN,
      },
      outPath: nonEmpty('The file to write, relative to the checkout; parents are created.'),
      allowOverwrite: flag('Replace a file already at `outPath`. Default false: the step fails.'),
      mediaType: nonEmpty('Save the first layer of this media type. Default: the first layer.'),
      insecureSkipTLSVerify: flag('Skip TLS certificate checks of the registry. Default false.'),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, FIELDS);
    const imageRef = requireString(STEP, config, 'imageRef');
    const outRel = requireString(STEP, config, 'outPath');
    const allowOverwrite = optionalBool(STEP, config, 'allowOverwrite') ?? false;
    const insecure = optionalBool(STEP, config, 'insecureSkipTLSVerify') ?? false;
    const mediaType = config['mediaType'];
    if (mediaType !== undefined && (typeof mediaType !== 'string' || mediaType === '')) {
      fieldError(STEP, 'config.mediaType', 'must be a non-empty string');
    }
    const ref = parseImageReference(imageRef, `${STEP}: imageRef`, {
      insecureSkipTLSVerify: insecure,
    });

    const outAbs = await writablePath(ctx.worktree, outRel, `${STEP}: outPath`);
    const shown = normalizeRelative(outRel);
    if (shown === '.') fieldError(STEP, 'config.outPath', 'names the checkout itself, not a file');
    const existing = await lstat(outAbs).catch(() => undefined);
    if (existing?.isDirectory()) {
      fieldError(STEP, 'config.outPath', `${JSON.stringify(shown)} is a directory`);
    }
    if (existing && !allowOverwrite) {
      fieldError(
        STEP,
        'config.outPath',
        `file already exists at ${shown} and overwrite is not allowed (set allowOverwrite: true)`,
      );
    }

    const client = stepRegistryClient(ctx);
    const name = `${repositoryName(ref.repo)}${ref.digest ? `@${ref.digest}` : `:${ref.tag ?? ''}`}`;
    const fail = (message: string) => new OperationError(`${STEP}: ${name}: ${message}`);
    try {
      let m = await client.getManifest(ref.repo, ref.digest ?? ref.tag ?? '');
      if (m.kind === 'index') {
        const child = m.index.manifests.find(
          (d) =>
            d.platform?.os === 'linux' &&
            d.platform.architecture === 'amd64' &&
            (d.mediaType === MEDIA_TYPES.ociManifest || d.mediaType === MEDIA_TYPES.dockerManifest),
        );
        if (!child) {
          const platforms = m.index.manifests
            .map((d) => (d.platform ? `${d.platform.os}/${d.platform.architecture}` : '?'))
            .join(', ');
          throw fail(
            `an image index without a linux/amd64 image (it has ${platforms || 'none'}); name the image's digest instead`,
          );
        }
        m = await client.getManifest(ref.repo, child.digest);
      }
      if (m.kind !== 'manifest') throw fail('an index inside an index is not an image');
      const layer = pickLayer(m.manifest, mediaType as string | undefined, fail);
      if (layer.size > OCI_DOWNLOAD_MAX_BYTES) {
        throw fail(
          `layer size ${layer.size} exceeds maximum allowed size of ${OCI_DOWNLOAD_MAX_BYTES} bytes (${formatBytes(OCI_DOWNLOAD_MAX_BYTES)})`,
        );
      }
      const bytes = await client.getBlob(ref.repo, layer.digest, OCI_DOWNLOAD_MAX_BYTES);
      if (existing?.isFile() && existing.size === bytes.length) {
        if ((await readFile(outAbs)).equals(bytes)) {
          ctx.log(`${STEP}: ${name}: ${shown} already holds this layer (${layer.digest})`);
          return { summary: [], changed: [] };
        }
      }
      const dir = path.dirname(outAbs);
      await mkdir(dir, { recursive: true });
      const temp = path.join(
        dir,
        `.${path.basename(outAbs)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      try {
        await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
        await rename(temp, outAbs);
      } finally {
        await rm(temp, { force: true }).catch(() => undefined);
      }
      ctx.log(
        `${STEP}: ${name}: saved layer ${layer.digest} (${formatBytes(bytes.length)}) at ${shown}`,
      );
      return { summary: [`- downloaded ${name} to ${shown}`], changed: [shown] };
    } catch (err) {
      if (err instanceof ConfigError || err instanceof OperationError) {
        if (err.message.startsWith(`${STEP}:`)) throw err;
        throw fail(err.message);
      }
      throw fail(errorMessage(err));
    } finally {
      await client.close();
    }
  },
};

function pickLayer(
  manifest: ImageManifest,
  mediaType: string | undefined,
  fail: (message: string) => OperationError,
): ImageManifest['layers'][number] {
  if (manifest.layers.length === 0) throw fail('image has no layers');
  if (mediaType === undefined) return manifest.layers[0] as ImageManifest['layers'][number];
  const layer = manifest.layers.find((l) => l.mediaType === mediaType);
  if (!layer) {
    const types = [...new Set(manifest.layers.map((l) => l.mediaType))].join(', ');
    throw fail(
      `no layer found with media type ${JSON.stringify(mediaType)} (its layers: ${types})`,
    );
  }
  return layer;
}
