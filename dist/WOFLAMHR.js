import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  VERSION,
  versionCommand
} from "./GILJMULB.js";
import "./5SCPXACV.js";
import "./BOHIHDER.js";
import "./XK25RJ5D.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  VERSION,
  versionCommand
};
