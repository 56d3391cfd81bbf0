import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/redact.ts
var Redactor = class {
  secrets = /* @__PURE__ */ new Set();
  add(...values) {
    for (const v of values) {
      if (v && v.length >= 4) this.secrets.add(v);
    }
    return this;
  }
  /** A secret for `user:password` travels base64-encoded in an Authorization header. */
  addBasicAuth(username, password) {
    this.add(password, Buffer.from(`${username}:${password}`).toString("base64"));
    return this;
  }
  redact(text) {
    return this.redactValues(text).replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s@]+@/gi, "$1***@");
  }
  /**
   * Only the registered values, for text that is the user's own (a diff, what a step changed),
   * where `ssh://git@host` is an address, not a credential.
   */
  redactValues(text) {
    let out = text;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join("***");
    }
    return out;
  }
  list() {
    return [...this.secrets];
  }
};

export {
  Redactor
};
