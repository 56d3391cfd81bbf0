import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  errorMessage
} from "./HQMHHTDW.js";

// src/github/dispatch.ts
async function dispatchPromotion(t, p) {
  try {
    await t.github.dispatchWorkflow({
      workflow: t.workflow,
      ref: t.ref,
      inputs: {
        stage: p.stage,
        freight: p.freight,
        ...t.withProject ? { project: p.project } : {}
      }
    });
    return void 0;
  } catch (err) {
    return errorMessage(err);
  }
}

export {
  dispatchPromotion
};
