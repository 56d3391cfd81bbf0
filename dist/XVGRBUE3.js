import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  discover,
  duePromotions,
  publicURL
} from "./T4V6IIFZ.js";
import "./VO6IMAWJ.js";
import "./K45NAUQ5.js";
import "./JPLNYXYI.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  discover,
  duePromotions,
  publicURL
};
