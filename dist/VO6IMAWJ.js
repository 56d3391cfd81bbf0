import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/freight/order.ts
function newestFreight(freight) {
  const byId = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  return [...freight].sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || byId(b.id, a.id)
  )[0];
}

export {
  newestFreight
};
