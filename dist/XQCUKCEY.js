import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  DESCRIPTION_LIMIT,
  GITHUB_MAX_BODY_BYTES,
  GITHUB_RETRY,
  GitHubClient,
  githubWait,
  truncate
} from "./UYRH4MQ6.js";
import "./DSDVMYR5.js";
import "./2X254HU4.js";
import "./6DZPHH7F.js";
import "./FNZOKEBV.js";
import "./HSUCJ5W4.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";
export {
  DESCRIPTION_LIMIT,
  GITHUB_MAX_BODY_BYTES,
  GITHUB_RETRY,
  GitHubClient,
  githubWait,
  truncate
};
