import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./EDPRX7ZC.js"),
  main: () => import("./GMPA2BSW.js"),
  discover: () => import("./MUWHAEIH.js"),
  promote: () => import("./I75PAW65.js"),
  verify: () => import("./63LQRORH.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
