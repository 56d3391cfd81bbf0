import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  runAction
} from "./DSMVXIXU.js";
import "./VIZJHEKK.js";
import "./KSLJ7NS4.js";
import "./XK25RJ5D.js";
import "./J4XWRISY.js";
import "./XEBSUSON.js";
import "./SSNOSDZA.js";
import "./HQMHHTDW.js";
import "./5TKDJZQG.js";

// src/actions/main.ts
await runAction("root");
