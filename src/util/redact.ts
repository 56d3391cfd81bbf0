/**
 * Replaces secrets with `***` in anything that may be printed: git's stderr, error messages,
 * command lines. Holds the secret itself and the encodings it travels in (base64 of a basic
 * auth pair), since git and servers echo either form.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(...values: (string | undefined)[]): this {
    for (const v of values) {
      // Very short values would shred ordinary text; nobody's token is three characters.
      if (v && v.length >= 4) this.secrets.add(v);
    }
    return this;
  }

  /** A secret for `user:password` travels base64-encoded in an Authorization header. */
  addBasicAuth(username: string, password: string): this {
    this.add(password, Buffer.from(`${username}:${password}`).toString('base64'));
    return this;
  }

  redact(text: string): string {
    // Credentials embedded in URLs, whoever put them there.
    // A password may hold '/', so mask everything up to the '@' (too much, rather than too little).
    return this.redactValues(text).replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s@]+@/gi, '$1***@');
  }

  /**
   * Only the registered values, for text that is the user's own (a diff, what a step changed),
   * where `ssh://git@host` is an address, not a credential.
   */
  redactValues(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join('***');
    }
    return out;
  }

  list(): string[] {
    return [...this.secrets];
  }
}
