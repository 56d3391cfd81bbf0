import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);

// src/pipeline/discover-matrix.ts
var SPLIT_OVER = 10;
function discoverMatrix(projects, splitOver = SPLIT_OVER) {
  const include = projects.flatMap(
    (p) => p.warehouses.length > splitOver ? p.warehouses.map((w) => ({ name: `${p.name}/${w}`, project: p.name, warehouse: w })) : [{ name: p.name, project: p.name, warehouse: "" }]
  );
  return { include };
}

export {
  SPLIT_OVER,
  discoverMatrix
};
