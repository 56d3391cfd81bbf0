import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/util/log-group.ts
function inGroup(group, name, fn) {
  return group ? group(name, fn) : fn();
}

export {
  inGroup
};
