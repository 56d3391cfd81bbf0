import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./5TKDJZQG.js";

// src/entry/index.ts
var PARTS = {
  cli: () => import("./JDHWPD3O.js"),
  main: () => import("./7KUKY3P5.js"),
  discover: () => import("./5AMSQJJW.js"),
  promote: () => import("./QEIW53KT.js"),
  verify: () => import("./WRVN3XRC.js")
};
async function start(part) {
  await PARTS[part]();
}
export {
  start
};
