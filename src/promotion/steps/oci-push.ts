/**
 * Kargo's `oci-push` step: copies or retags an OCI artifact (an image, a multi-arch index, a Helm
 * chart) to `destRef`, optionally stamping annotations on it.
 *
 * Config (Kargo's): `srcRef` (tag or digest, `oci://` allowed), `destRef` (a tag), `annotations`
 * (a key `index:k` goes on an index only, `manifest:k` or a bare `k` on each image manifest;
 * `index:` keys are ignored for a single image), `insecureSkipTLSVerify` (both registries).
 * Outputs (Kargo's): `image` (destRef without `oci://`), `digest` (of what was pushed: the
 * source's own digest when no annotation changes it) and `tag`.
 *
 * How: the source's manifest (and an index's images) are read; unless the destination is the
 * same repository (a retag: nothing moves), every blob the destination lacks (HEAD) is read from
 * the source and uploaded, one at a time, then the images' manifests by digest and the top one
 * under the tag. Kargo's limit applies across repositories: at most 1 GiB of config and layer
 * blobs in all (an index: summed over its images), checked from the manifests before any blob
 * moves. Annotating rewrites a manifest (so its digest changes), and an index then points at the
 * rewritten images.
 *
 * Credentials: the registry credentials discovery uses, for both registries (one set per host).
 */
import { createHash } from 'node:crypto';
import { type Descriptor, type Manifest, type RegistryClient } from '../../discovery/oci/client.js';
import {
  parseImageReference,
  repositoryName,
  type ImageRepository,
} from '../../discovery/oci/reference.js';
import { ConfigError, OperationError, errorMessage } from '../../util/errors.js';
import { formatBytes } from '../../util/http-body.js';
import { fieldError, isRecord } from './config-check.js';
import { checkFields, optionalBool, requireString } from './engine.js';
import { stepRegistryClient } from './oci-common.js';
import { OCI_REF_PATTERN } from './oci-download.js';
import { flag, nonEmpty } from './schema-parts.js';
import type { StepDefinition } from './types.js';

const STEP = 'oci-push';
const FIELDS = ['srcRef', 'destRef', 'annotations', 'insecureSkipTLSVerify'];
/** Kargo's default maximum artifact size for a cross-repository push. */
export const OCI_PUSH_MAX_BYTES = 1 << 30;

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

export const ociPush: StepDefinition = {
  name: STEP,
  schema: {
    type: 'object',
    description:
      'Copies or retags an OCI artifact (image, index, Helm chart) to a tag. Outputs: `image`, `digest`, `tag`.',
    additionalProperties: false,
    required: ['srcRef', 'destRef'],
    properties: {
      srcRef: {
        ...nonEmpty(
          'The source: `registry/repo:tag` or `registry/repo@sha256:…`; `oci://` in front is accepted (a Helm chart).',
        ),
        pattern: OCI_REF_PATTERN,
      },
      destRef: {
        ...nonEmpty(
          'The destination with its tag: `registry/repo:tag` (`oci://` accepted). The same repository as `srcRef` retags in place.',
        ),
        pattern: '^(oci://)?[a-zA-Z0-9._-]+(:\\d+)?(/[a-zA-Z0-9._-]+)*[:][a-zA-Z0-9._-]+$',
      },
      annotations: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description:
          'Annotations to set on the destination: `index:<key>` on an index, `manifest:<key>` or a bare key on each image manifest (`index:` keys are ignored for a single image). Existing annotations stay; these are added or replace them.',
      },
      insecureSkipTLSVerify: flag('Skip TLS certificate checks of both registries. Default false.'),
    },
  },
  async run(config, ctx) {
    checkFields(STEP, config, FIELDS);
    const srcText = requireString(STEP, config, 'srcRef');
    const destText = requireString(STEP, config, 'destRef');
    const insecure = optionalBool(STEP, config, 'insecureSkipTLSVerify') ?? false;
    const annotations = config['annotations'] ?? {};
    if (!isRecord(annotations) || Object.values(annotations).some((v) => typeof v !== 'string')) {
      fieldError(STEP, 'config.annotations', 'must be a map of strings');
    }
    const src = parseImageReference(srcText, `${STEP}: srcRef`, {
      insecureSkipTLSVerify: insecure,
    });
    const dest = parseImageReference(destText, `${STEP}: destRef`, {
      insecureSkipTLSVerify: insecure,
    });
    if (dest.tag === undefined || dest.digest !== undefined) {
      fieldError(STEP, 'config.destRef', 'must name a tag (`registry/repo:tag`), not a digest');
    }
    const scopes = annotationScopes(annotations as Record<string, string>);
    const destTag = dest.tag as string;
    const image = `${repositoryName(dest.repo)}:${destTag}`;
    const outputsImage = destText.replace(/^oci:\/\//, '');
    const sameRepo = repositoryName(src.repo) === repositoryName(dest.repo);
    const fail = (message: string) => new OperationError(`${STEP}: ${image}: ${message}`);

    const client = stepRegistryClient(ctx);
    try {
      const top = await client.getManifest(src.repo, src.digest ?? src.tag ?? '');
      const children: Manifest[] = [];
      if (top.kind === 'index') {
        for (const d of top.index.manifests) {
          const child = await client.getManifest(src.repo, d.digest);
          if (child.kind !== 'manifest') throw fail(`index entry ${d.digest} is itself an index`);
          children.push(child);
        }
      }
      if (!sameRepo) {
        const images = top.kind === 'manifest' ? [top] : children;
        const size = images.reduce(
          (n, m) => n + (m.kind === 'manifest' ? blobsOf(m).reduce((s, d) => s + d.size, 0) : 0),
          0,
        );
        if (size > OCI_PUSH_MAX_BYTES) {
          throw fail(
            `compressed artifact size ${formatBytes(size)} exceeds maximum allowed size of ${formatBytes(OCI_PUSH_MAX_BYTES)}; nothing was pushed`,
          );
        }
      }
      if (ctx.dryRun) {
        ctx.log(
          `${STEP}: dry run: would push ${repositoryName(src.repo)} (${top.digest}) to ${image}`,
        );
        return { outputs: { image: outputsImage, digest: top.digest, tag: destTag } };
      }
      let digest: string;
      if (top.kind === 'manifest') {
        digest = await pushImage(
          client,
          src.repo,
          dest.repo,
          top,
          scopes.manifest,
          sameRepo,
          destTag,
        );
      } else {
        const changed = new Map<string, { digest: string; size: number }>();
        for (const child of children) {
          const bytes = annotate(child.bytes, scopes.manifest);
          // A retag leaves the images where they are.
          if (sameRepo && bytes === child.bytes) continue;
          const d = await pushImage(client, src.repo, dest.repo, { ...child, bytes }, {}, sameRepo);
          if (d !== child.digest) changed.set(child.digest, { digest: d, size: bytes.length });
        }
        const doc = JSON.parse(top.bytes.toString('utf8')) as Record<string, unknown>;
        if (changed.size > 0 && Array.isArray(doc['manifests'])) {
          for (const entry of doc['manifests'] as Record<string, unknown>[]) {
            const now = changed.get(String(entry['digest']));
            if (now) Object.assign(entry, now);
          }
        }
        const indexBytes =
          changed.size > 0 || Object.keys(scopes.index).length > 0
            ? annotate(Buffer.from(JSON.stringify(doc)), scopes.index)
            : top.bytes;
        digest = await client.putManifest(dest.repo, destTag, indexBytes, top.mediaType);
      }
      const verb = sameRepo ? 'tagged' : 'copied';
      ctx.log(`${STEP}: ${verb} ${repositoryName(src.repo)}@${top.digest} as ${image} (${digest})`);
      return {
        outputs: { image: outputsImage, digest, tag: destTag },
        summary: [`- ${verb} ${repositoryName(src.repo)}@${top.digest.slice(0, 19)} as ${image}`],
      };
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      if (err instanceof OperationError && err.message.startsWith(`${STEP}:`)) throw err;
      throw fail(errorMessage(err));
    } finally {
      await client.close();
    }
  },
};

/** Kargo's split of `annotations` by prefix. */
function annotationScopes(annotations: Record<string, string>): {
  index: Record<string, string>;
  manifest: Record<string, string>;
} {
  const index: Record<string, string> = {};
  const manifest: Record<string, string> = {};
  for (const [k, v] of Object.entries(annotations)) {
    if (k.startsWith('index:')) index[k.slice('index:'.length)] = v;
    else if (k.startsWith('manifest:')) manifest[k.slice('manifest:'.length)] = v;
    else manifest[k] = v;
  }
  return { index, manifest };
}

/** `bytes` (a manifest or index) with `add` merged into its annotations; unchanged when empty. */
function annotate(bytes: Buffer, add: Record<string, string>): Buffer {
  if (Object.keys(add).length === 0) return bytes;
  const doc = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  const existing = isRecord(doc['annotations']) ? doc['annotations'] : {};
  doc['annotations'] = { ...existing, ...add };
  return Buffer.from(JSON.stringify(doc));
}

function blobsOf(m: Manifest): Descriptor[] {
  return m.kind === 'manifest' ? [m.manifest.config, ...m.manifest.layers] : [];
}

/**
 * Push one image manifest (its blobs first, unless the repository is the same) by digest, or
 * under `tag`; returns its digest.
 */
async function pushImage(
  client: RegistryClient,
  from: ImageRepository,
  to: ImageRepository,
  m: Manifest,
  annotations: Record<string, string>,
  sameRepo: boolean,
  tag?: string,
): Promise<string> {
  if (!sameRepo) {
    for (const blob of blobsOf(m)) {
      if (await client.hasBlob(to, blob.digest)) continue;
      const bytes = await client.getBlob(from, blob.digest, OCI_PUSH_MAX_BYTES);
      await client.putBlob(to, blob.digest, bytes);
    }
  }
  const bytes = annotate(m.bytes, annotations);
  return client.putManifest(to, tag ?? sha256(bytes), bytes, m.mediaType);
}
