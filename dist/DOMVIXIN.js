import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./2II5XYTM.js";
import {
  compileRegex,
  loadRegexEngine
} from "./JWBIZYSO.js";
import "./5TKDJZQG.js";
export {
  compileRegex,
  loadRegexEngine
};
