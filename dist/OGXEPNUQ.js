import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  normalizeRelative,
  safePath
} from "./WMRNM4ZK.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  normalizeRelative,
  safePath
};
