import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  package_default
} from "./5SCPXACV.js";
import {
  EXIT,
  noPositionals
} from "./BOHIHDER.js";

// src/cli/commands/version.ts
var VERSION = package_default.version;
var versionCommand = {
  name: "version",
  summary: "print gantry's version",
  flags: [],
  examples: ["gantry version"],
  run(args, { io }) {
    noPositionals(args, "version");
    io.out(`gantry ${VERSION}
`);
    return Promise.resolve(EXIT.ok);
  }
};

export {
  VERSION,
  versionCommand
};
