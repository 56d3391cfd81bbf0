import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/actions/runner.ts
import { EOL } from "node:os";
function getInput(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "").trim();
}
var escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
var escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
function command(name, properties, message) {
  const props = Object.entries(properties).filter(([, v]) => v !== void 0 && v !== "" && v !== 0).map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
  process.stdout.write(`::${name}${props ? ` ${props}` : ""}::${escapeData(message)}${EOL}`);
}
function setSecret(secret) {
  command("add-mask", {}, secret);
}
function info(message) {
  process.stdout.write(message + EOL);
}
function error(message, where = {}) {
  command(
    "error",
    { title: where.title, file: where.file, line: where.startLine, col: where.startColumn },
    message
  );
}
function setFailed(message) {
  process.exitCode = 1;
  error(message);
}

// src/actions/mask.ts
var base64 = (s) => Buffer.from(s, "utf8").toString("base64");
function maskToken(token) {
  setSecret(token);
  setSecret(base64(token));
  setSecret(base64(`x-access-token:${token}`));
}
function maskBasic(username, password) {
  setSecret(password);
  setSecret(base64(`${username}:${password}`));
}
function maskRegistryCredential(c) {
  if (c.password) maskBasic(c.username ?? "", c.password);
  if (c.identityToken) setSecret(c.identityToken);
  if (c.registryToken) maskToken(c.registryToken);
}

export {
  getInput,
  info,
  error,
  setFailed,
  maskToken,
  maskBasic,
  maskRegistryCredential
};
