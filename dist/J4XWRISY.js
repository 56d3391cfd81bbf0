import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  ConfigError
} from "./HQMHHTDW.js";

// src/git/remote.ts
function parseRemote(raw, credentials) {
  const text = raw.trim();
  if (!text) throw new ConfigError("the repository URL is empty");
  if (/^https?:\/\//i.test(text)) {
    let u;
    try {
      u = new URL(text);
    } catch {
      throw new ConfigError(`"${maskUserinfo(text)}" is not a valid URL`);
    }
    let creds = credentials;
    if (u.username || u.password) {
      let username;
      let password;
      try {
        username = decodeURIComponent(u.username);
        password = decodeURIComponent(u.password);
      } catch {
        throw new ConfigError(
          `the credentials in "${maskUserinfo(text)}" are not valid percent-encoding`
        );
      }
      creds ??= password ? { kind: "basic", username, password } : (
        // `https://<token>@github.com/…` is a common way to pass a token alone.
        { kind: "token", token: username }
      );
      u.username = "";
      u.password = "";
    }
    return { url: u.toString(), credentials: creds };
  }
  return { url: text, credentials };
}
function isHttpRemote(url) {
  return /^https?:\/\//i.test(url);
}
function basicPair(c) {
  return c.kind === "basic" ? { username: c.username, password: c.password } : { username: "x-access-token", password: c.token };
}
function maskUserinfo(url) {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return url;
  const rest = url.slice(scheme[0].length);
  const at = rest.lastIndexOf("@");
  return at < 0 ? url : `${scheme[0]}***@${rest.slice(at + 1)}`;
}

export {
  parseRemote,
  isHttpRemote,
  basicPair,
  maskUserinfo
};
