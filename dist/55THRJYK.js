import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/guards.ts
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export {
  isRecord
};
