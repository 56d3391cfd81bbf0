import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./PCYIRN3U.js"),
  main: () => import("./L35ZLVEJ.js"),
  discover: () => import("./R3KNFH3B.js"),
  promote: () => import("./BCHMGGHF.js"),
  verify: () => import("./IWO6VFL2.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
