/** Escaping for the dashboard: every text from the repository goes through one of these. */

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text in HTML or SVG content and in quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c] ?? c);
}

/**
 * A link target from the repository (a run URL, an environment URL), or undefined unless it is an
 * absolute http(s) URL: no `javascript:`, no `data:`, nothing relative.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** `<a href>` to a safe URL, or the text alone. `text` is HTML already escaped. */
export function link(url: string | undefined, html: string, attrs = ''): string {
  const href = safeUrl(url);
  return href ? `<a href="${esc(href)}"${attrs}>${html}</a>` : html;
}

/** An ID fragment made of [a-z0-9-] from any name, stable, and distinct for distinct names. */
export function slug(name: string): string {
  const plain = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  return plain === name ? name : `${plain}-${hash(name)}`;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const c of s) {
    h ^= c.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** Shortens to `max` characters with an ellipsis (the full text goes in a title). */
export function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
