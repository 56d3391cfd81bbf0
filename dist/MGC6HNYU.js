import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  require_undici
} from "./DSDVMYR5.js";
import "./5TKDJZQG.js";
export default require_undici();
