import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import "./2II5XYTM.js";
import {
  compileRegex
} from "./JWBIZYSO.js";
import "./5TKDJZQG.js";

// src/discovery/tag-filter.ts
function compileTagFilter(allow, ignore) {
  const allowRes = allow.map(compileRegex);
  const ignoreRes = ignore.map(compileRegex);
  return {
    matches(tag) {
      if (ignoreRes.some((re) => re.test(tag))) return false;
      return allowRes.length === 0 || allowRes.some((re) => re.test(tag));
    }
  };
}
export {
  compileTagFilter
};
