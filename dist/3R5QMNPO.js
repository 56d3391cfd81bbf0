import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  PROJECT_DIR,
  checkProjects,
  findStage,
  loadProjectsFromDir,
  loadProjectsFromFiles,
  loadProjectsWith
} from "./BHM3J3E7.js";
import {
  branchNameProblem,
  isKargoFile,
  isValidBranchName,
  kargoDirsOf,
  parseProjectFile,
  projectSchema
} from "./HFSWYXPK.js";
import "./3CCVSSJR.js";
import {
  formatDuration,
  parseDuration
} from "./XEBSUSON.js";
import "./TFABZY5Z.js";
import "./SSNOSDZA.js";
import "./TFE6LUOK.js";
import "./KKJNXGQK.js";
import "./7A3KA3RP.js";
import "./JWBIZYSO.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  PROJECT_DIR,
  branchNameProblem,
  checkProjects,
  findStage,
  formatDuration,
  isKargoFile,
  isValidBranchName,
  kargoDirsOf,
  loadProjectsFromDir,
  loadProjectsFromFiles,
  loadProjectsWith,
  parseDuration,
  parseProjectFile,
  projectSchema
};
