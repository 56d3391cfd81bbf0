import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  KARGO_API_VERSION,
  ROLLOUTS_API_VERSION,
  kargoImport,
  parseKargoProject,
  readManifests
} from "./GTY5LJYP.js";
import "./JPLNYXYI.js";
import "./2II5XYTM.js";
import {
  isKargoFile,
  kargoDirOf,
  kargoDirsOf,
  normalizeKargoDir
} from "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  KARGO_API_VERSION,
  ROLLOUTS_API_VERSION,
  isKargoFile,
  kargoDirOf,
  kargoDirsOf,
  kargoImport,
  normalizeKargoDir,
  parseKargoProject,
  readManifests
};
