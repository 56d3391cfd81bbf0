import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  HEALTH_REQUEST_TIMEOUT_MS,
  HEALTH_STATUSES,
  assessAppHealth,
  mergeHealth,
  projectHealth,
  readStageHealth,
  stageHealthOf,
  stageNamesApps
} from "./XN3XRSSJ.js";
import "./UUREHCQQ.js";
import "./CMX6XCKP.js";
import "./55THRJYK.js";
import "./HSUCJ5W4.js";
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
  HEALTH_REQUEST_TIMEOUT_MS,
  HEALTH_STATUSES,
  assessAppHealth,
  mergeHealth,
  projectHealth,
  readStageHealth,
  stageHealthOf,
  stageNamesApps
};
