import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  escapeRegex,
  matchingPolicy,
  selectorNameProblem
} from "./JPLNYXYI.js";
import {
  PROJECT_FILE_LIMITS,
  normalizeKargoDir,
  positionOf,
  problemAt,
  projectFromData,
  tidyProblems,
  tooLarge,
  validationProblems
} from "./HFSWYXPK.js";
import {
  didYouMean
} from "./TFE6LUOK.js";
import {
  require_dist
} from "./7A3KA3RP.js";
import {
  __toESM
} from "./5TKDJZQG.js";

// src/pipeline/kargo.ts
var import_yaml = __toESM(require_dist(), 1);

// src/pipeline/generated/kargo-validators.js
var kargoValidator0 = validate10;
var schema11 = { "type": "object", "required": ["apiVersion", "kind", "metadata"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "additionalProperties": false, "properties": { "promotionPolicies": { "type": "array" } } }, "status": {} } };
var func2 = function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
};
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema11.required, parentSchema: schema11, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.apiVersion.type, parentSchema: schema11.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.kind.type, parentSchema: schema11.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err6 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema11.properties.metadata.required, parentSchema: schema11.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err7 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema11.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.metadata.properties.name.type, parentSchema: schema11.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err9 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.metadata.properties.namespace.type, parentSchema: schema11.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err10 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema11.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema11.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
          } else {
            const err11 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.metadata.properties.labels.type, parentSchema: schema11.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err12 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.metadata.properties.annotations.type, parentSchema: schema11.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.metadata.type, parentSchema: schema11.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key2 in data8) {
          if (!(key2 === "promotionPolicies")) {
            const err14 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema11.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data8.promotionPolicies !== void 0) {
          let data9 = data8.promotionPolicies;
          if (!Array.isArray(data9)) {
            const err15 = { instancePath: instancePath + "/spec/promotionPolicies", schemaPath: "#/properties/spec/properties/promotionPolicies/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema11.properties.spec.properties.promotionPolicies.type, parentSchema: schema11.properties.spec.properties.promotionPolicies, data: data9 };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.properties.spec.type, parentSchema: schema11.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
  } else {
    const err17 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema11.type, parentSchema: schema11, data };
    if (vErrors === null) {
      vErrors = [err17];
    } else {
      vErrors.push(err17);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var kargoValidator1 = validate11;
var schema12 = { "type": "object", "required": ["apiVersion", "kind", "metadata"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "additionalProperties": false, "properties": { "promotionPolicies": { "type": "array", "items": { "type": "object", "additionalProperties": false, "properties": { "stage": { "type": "string", "minLength": 1 }, "stageSelector": { "type": "object", "additionalProperties": false, "properties": { "name": { "type": "string", "minLength": 1 }, "matchLabels": { "type": "object", "additionalProperties": { "type": "string" } }, "matchExpressions": { "type": "array", "items": { "type": "object", "required": ["key", "operator"], "additionalProperties": false, "properties": { "key": { "type": "string" }, "operator": { "enum": ["In", "NotIn", "Exists", "DoesNotExist"] }, "values": { "type": "array", "items": { "type": "string" } } } } } } }, "autoPromotionEnabled": { "type": "boolean" }, "autoRollback": { "not": {}, "errorMessage": "gantry has no automatic rollback: promote the earlier freight again (gantry promote --freight)" } } } }, "webhookReceivers": { "x-gantry-ignored": "Kargo-side webhooks: run the discover workflow on a repository_dispatch or a schedule instead" }, "freightLinks": { "x-gantry-ignored": "links in Kargo\u2019s UI; gantry\u2019s job summaries link freight and runs" }, "stageLinks": { "x-gantry-ignored": "links in Kargo\u2019s UI; a stage\u2019s environmentUrl (gantry file) links it" }, "promotionWindows": { "x-gantry-ignored": "no promotion windows: gate the stage\u2019s GitHub environment (wait timer, reviewers, branch rules)" } } }, "status": {} } };
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema12.required, parentSchema: schema12, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err3 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12, data };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err4 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.apiVersion.type, parentSchema: schema12.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err5 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.kind.type, parentSchema: schema12.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err6 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema12.properties.metadata.required, parentSchema: schema12.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err7 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.metadata.properties.name.type, parentSchema: schema12.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err9 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.metadata.properties.namespace.type, parentSchema: schema12.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err10 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema12.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
          } else {
            const err11 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.metadata.properties.labels.type, parentSchema: schema12.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err12 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.metadata.properties.annotations.type, parentSchema: schema12.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.metadata.type, parentSchema: schema12.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key2 in data8) {
          if (!(key2 === "promotionPolicies" || key2 === "webhookReceivers" || key2 === "freightLinks" || key2 === "stageLinks" || key2 === "promotionWindows")) {
            const err14 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
        if (data8.promotionPolicies !== void 0) {
          let data9 = data8.promotionPolicies;
          if (Array.isArray(data9)) {
            const len0 = data9.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data10 = data9[i0];
              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                for (const key3 in data10) {
                  if (!(key3 === "stage" || key3 === "stageSelector" || key3 === "autoPromotionEnabled" || key3 === "autoRollback")) {
                    const err15 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0, schemaPath: "#/properties/spec/properties/promotionPolicies/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.spec.properties.promotionPolicies.items, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err15];
                    } else {
                      vErrors.push(err15);
                    }
                    errors++;
                  }
                }
                if (data10.stage !== void 0) {
                  let data11 = data10.stage;
                  if (typeof data11 === "string") {
                    if (func2(data11) < 1) {
                      const err16 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stage", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stage/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stage, data: data11 };
                      if (vErrors === null) {
                        vErrors = [err16];
                      } else {
                        vErrors.push(err16);
                      }
                      errors++;
                    }
                  } else {
                    const err17 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stage", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stage/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stage.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stage, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
                if (data10.stageSelector !== void 0) {
                  let data12 = data10.stageSelector;
                  if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                    for (const key4 in data12) {
                      if (!(key4 === "name" || key4 === "matchLabels" || key4 === "matchExpressions")) {
                        const err18 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector, data: data12 };
                        if (vErrors === null) {
                          vErrors = [err18];
                        } else {
                          vErrors.push(err18);
                        }
                        errors++;
                      }
                    }
                    if (data12.name !== void 0) {
                      let data13 = data12.name;
                      if (typeof data13 === "string") {
                        if (func2(data13) < 1) {
                          const err19 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/name", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.name, data: data13 };
                          if (vErrors === null) {
                            vErrors = [err19];
                          } else {
                            vErrors.push(err19);
                          }
                          errors++;
                        }
                      } else {
                        const err20 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/name", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.name.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.name, data: data13 };
                        if (vErrors === null) {
                          vErrors = [err20];
                        } else {
                          vErrors.push(err20);
                        }
                        errors++;
                      }
                    }
                    if (data12.matchLabels !== void 0) {
                      let data14 = data12.matchLabels;
                      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                        for (const key5 in data14) {
                          let data15 = data14[key5];
                          if (typeof data15 !== "string") {
                            const err21 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchLabels/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchLabels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchLabels.additionalProperties.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchLabels.additionalProperties, data: data15 };
                            if (vErrors === null) {
                              vErrors = [err21];
                            } else {
                              vErrors.push(err21);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err22 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchLabels", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchLabels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchLabels.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchLabels, data: data14 };
                        if (vErrors === null) {
                          vErrors = [err22];
                        } else {
                          vErrors.push(err22);
                        }
                        errors++;
                      }
                    }
                    if (data12.matchExpressions !== void 0) {
                      let data16 = data12.matchExpressions;
                      if (Array.isArray(data16)) {
                        const len1 = data16.length;
                        for (let i1 = 0; i1 < len1; i1++) {
                          let data17 = data16[i1];
                          if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                            if (data17.key === void 0) {
                              const err23 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1, schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.required, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items, data: data17 };
                              if (vErrors === null) {
                                vErrors = [err23];
                              } else {
                                vErrors.push(err23);
                              }
                              errors++;
                            }
                            if (data17.operator === void 0) {
                              const err24 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1, schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/required", keyword: "required", params: { missingProperty: "operator" }, message: "must have required property 'operator'", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.required, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items, data: data17 };
                              if (vErrors === null) {
                                vErrors = [err24];
                              } else {
                                vErrors.push(err24);
                              }
                              errors++;
                            }
                            for (const key6 in data17) {
                              if (!(key6 === "key" || key6 === "operator" || key6 === "values")) {
                                const err25 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1, schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items, data: data17 };
                                if (vErrors === null) {
                                  vErrors = [err25];
                                } else {
                                  vErrors.push(err25);
                                }
                                errors++;
                              }
                            }
                            if (data17.key !== void 0) {
                              let data18 = data17.key;
                              if (typeof data18 !== "string") {
                                const err26 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1 + "/key", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.key.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.key, data: data18 };
                                if (vErrors === null) {
                                  vErrors = [err26];
                                } else {
                                  vErrors.push(err26);
                                }
                                errors++;
                              }
                            }
                            if (data17.operator !== void 0) {
                              let data19 = data17.operator;
                              if (!(data19 === "In" || data19 === "NotIn" || data19 === "Exists" || data19 === "DoesNotExist")) {
                                const err27 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1 + "/operator", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/properties/operator/enum", keyword: "enum", params: { allowedValues: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.operator.enum }, message: "must be equal to one of the allowed values", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.operator.enum, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.operator, data: data19 };
                                if (vErrors === null) {
                                  vErrors = [err27];
                                } else {
                                  vErrors.push(err27);
                                }
                                errors++;
                              }
                            }
                            if (data17.values !== void 0) {
                              let data20 = data17.values;
                              if (Array.isArray(data20)) {
                                const len2 = data20.length;
                                for (let i2 = 0; i2 < len2; i2++) {
                                  let data21 = data20[i2];
                                  if (typeof data21 !== "string") {
                                    const err28 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1 + "/values/" + i2, schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/properties/values/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.values.items.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.values.items, data: data21 };
                                    if (vErrors === null) {
                                      vErrors = [err28];
                                    } else {
                                      vErrors.push(err28);
                                    }
                                    errors++;
                                  }
                                }
                              } else {
                                const err29 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1 + "/values", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/properties/values/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.values.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.properties.values, data: data20 };
                                if (vErrors === null) {
                                  vErrors = [err29];
                                } else {
                                  vErrors.push(err29);
                                }
                                errors++;
                              }
                            }
                          } else {
                            const err30 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions/" + i1, schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.items, data: data17 };
                            if (vErrors === null) {
                              vErrors = [err30];
                            } else {
                              vErrors.push(err30);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err31 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector/matchExpressions", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/properties/matchExpressions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.properties.matchExpressions, data: data16 };
                        if (vErrors === null) {
                          vErrors = [err31];
                        } else {
                          vErrors.push(err31);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err32 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/stageSelector", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/stageSelector/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.stageSelector, data: data12 };
                    if (vErrors === null) {
                      vErrors = [err32];
                    } else {
                      vErrors.push(err32);
                    }
                    errors++;
                  }
                }
                if (data10.autoPromotionEnabled !== void 0) {
                  let data22 = data10.autoPromotionEnabled;
                  if (typeof data22 !== "boolean") {
                    const err33 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/autoPromotionEnabled", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/autoPromotionEnabled/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.autoPromotionEnabled.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.autoPromotionEnabled, data: data22 };
                    if (vErrors === null) {
                      vErrors = [err33];
                    } else {
                      vErrors.push(err33);
                    }
                    errors++;
                  }
                }
                if (data10.autoRollback !== void 0) {
                  const err34 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0 + "/autoRollback", schemaPath: "#/properties/spec/properties/promotionPolicies/items/properties/autoRollback/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema12.properties.spec.properties.promotionPolicies.items.properties.autoRollback.not, parentSchema: schema12.properties.spec.properties.promotionPolicies.items.properties.autoRollback, data: data10.autoRollback };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/spec/promotionPolicies/" + i0, schemaPath: "#/properties/spec/properties/promotionPolicies/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.spec.properties.promotionPolicies.items.type, parentSchema: schema12.properties.spec.properties.promotionPolicies.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/spec/promotionPolicies", schemaPath: "#/properties/spec/properties/promotionPolicies/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema12.properties.spec.properties.promotionPolicies.type, parentSchema: schema12.properties.spec.properties.promotionPolicies, data: data9 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.properties.spec.type, parentSchema: schema12.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
  } else {
    const err38 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema12.type, parentSchema: schema12, data };
    if (vErrors === null) {
      vErrors = [err38];
    } else {
      vErrors.push(err38);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var kargoValidator2 = validate12;
var schema13 = { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "required": ["subscriptions"], "additionalProperties": false, "properties": { "shard": { "x-gantry-ignored": "Kargo\u2019s controller shards; gantry runs in your workflows" }, "interval": {}, "freightCreationPolicy": {}, "subscriptions": { "type": "array", "items": { "type": "object" } }, "freightCreationCriteria": {} } }, "status": {} } };
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema13.required, parentSchema: schema13, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.apiVersion.type, parentSchema: schema13.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.kind.type, parentSchema: schema13.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err7 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema13.properties.metadata.required, parentSchema: schema13.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema13.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.metadata.properties.name.type, parentSchema: schema13.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err10 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.metadata.properties.namespace.type, parentSchema: schema13.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err11 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema13.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema13.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.metadata.properties.labels.type, parentSchema: schema13.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err13 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.metadata.properties.annotations.type, parentSchema: schema13.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.metadata.type, parentSchema: schema13.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        if (data8.subscriptions === void 0) {
          const err15 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "subscriptions" }, message: "must have required property 'subscriptions'", schema: schema13.properties.spec.required, parentSchema: schema13.properties.spec, data: data8 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data8) {
          if (!(key2 === "shard" || key2 === "interval" || key2 === "freightCreationPolicy" || key2 === "subscriptions" || key2 === "freightCreationCriteria")) {
            const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema13.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data8.subscriptions !== void 0) {
          let data9 = data8.subscriptions;
          if (Array.isArray(data9)) {
            const len0 = data9.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data10 = data9[i0];
              if (!(data10 && typeof data10 == "object" && !Array.isArray(data10))) {
                const err17 = { instancePath: instancePath + "/spec/subscriptions/" + i0, schemaPath: "#/properties/spec/properties/subscriptions/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.spec.properties.subscriptions.items.type, parentSchema: schema13.properties.spec.properties.subscriptions.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
          } else {
            const err18 = { instancePath: instancePath + "/spec/subscriptions", schemaPath: "#/properties/spec/properties/subscriptions/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema13.properties.spec.properties.subscriptions.type, parentSchema: schema13.properties.spec.properties.subscriptions, data: data9 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.properties.spec.type, parentSchema: schema13.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema13.type, parentSchema: schema13, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
var kargoValidator3 = validate13;
var schema14 = { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "required": ["requestedFreight"], "additionalProperties": false, "properties": { "shard": { "x-gantry-ignored": "Kargo\u2019s controller shards; gantry runs in your workflows" }, "vars": { "type": "array", "items": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string" }, "value": { "type": "string" } } } }, "requestedFreight": { "type": "array", "items": { "type": "object", "properties": { "sources": { "type": "object", "properties": { "autoPromotionOptions": { "type": "object", "additionalProperties": false, "properties": { "selectionPolicy": { "enum": ["NewestFreight", "MatchUpstream"] } } } } } } } }, "promotionTemplate": { "type": "object", "required": ["spec"], "additionalProperties": false, "properties": { "spec": { "type": "object", "additionalProperties": false, "properties": { "vars": { "type": "array", "items": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string" }, "value": { "type": "string" } } } }, "steps": { "type": "array" } } } } }, "verification": { "type": "object", "additionalProperties": false, "properties": { "analysisTemplates": { "type": "array", "items": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string", "minLength": 1 }, "kind": { "enum": ["AnalysisTemplate", "ClusterAnalysisTemplate"] } } } }, "args": { "type": "array", "items": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string" }, "value": { "type": "string" } } } }, "analysisRunMetadata": { "x-gantry-ignored": "labels and annotations of the AnalysisRun Kargo creates; gantry records verifications as tags" } } }, "targets": { "not": {}, "errorMessage": "targets select Kubernetes objects by label; gantry has no cluster: name the Argo CD applications in argocd-update" } } }, "status": {} } };
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema14.required, parentSchema: schema14, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema14.required, parentSchema: schema14, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema14.required, parentSchema: schema14, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema14.required, parentSchema: schema14, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.apiVersion.type, parentSchema: schema14.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.kind.type, parentSchema: schema14.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err7 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema14.properties.metadata.required, parentSchema: schema14.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.metadata.properties.name.type, parentSchema: schema14.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err10 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.metadata.properties.namespace.type, parentSchema: schema14.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err11 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema14.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.metadata.properties.labels.type, parentSchema: schema14.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err13 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.metadata.properties.annotations.type, parentSchema: schema14.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.metadata.type, parentSchema: schema14.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        if (data8.requestedFreight === void 0) {
          const err15 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "requestedFreight" }, message: "must have required property 'requestedFreight'", schema: schema14.properties.spec.required, parentSchema: schema14.properties.spec, data: data8 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data8) {
          if (!(key2 === "shard" || key2 === "vars" || key2 === "requestedFreight" || key2 === "promotionTemplate" || key2 === "verification" || key2 === "targets")) {
            const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data8.vars !== void 0) {
          let data9 = data8.vars;
          if (Array.isArray(data9)) {
            const len0 = data9.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data10 = data9[i0];
              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                if (data10.name === void 0) {
                  const err17 = { instancePath: instancePath + "/spec/vars/" + i0, schemaPath: "#/properties/spec/properties/vars/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema14.properties.spec.properties.vars.items.required, parentSchema: schema14.properties.spec.properties.vars.items, data: data10 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                for (const key3 in data10) {
                  if (!(key3 === "name" || key3 === "value")) {
                    const err18 = { instancePath: instancePath + "/spec/vars/" + i0, schemaPath: "#/properties/spec/properties/vars/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.vars.items, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err18];
                    } else {
                      vErrors.push(err18);
                    }
                    errors++;
                  }
                }
                if (data10.name !== void 0) {
                  let data11 = data10.name;
                  if (typeof data11 !== "string") {
                    const err19 = { instancePath: instancePath + "/spec/vars/" + i0 + "/name", schemaPath: "#/properties/spec/properties/vars/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.vars.items.properties.name.type, parentSchema: schema14.properties.spec.properties.vars.items.properties.name, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err19];
                    } else {
                      vErrors.push(err19);
                    }
                    errors++;
                  }
                }
                if (data10.value !== void 0) {
                  let data12 = data10.value;
                  if (typeof data12 !== "string") {
                    const err20 = { instancePath: instancePath + "/spec/vars/" + i0 + "/value", schemaPath: "#/properties/spec/properties/vars/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.vars.items.properties.value.type, parentSchema: schema14.properties.spec.properties.vars.items.properties.value, data: data12 };
                    if (vErrors === null) {
                      vErrors = [err20];
                    } else {
                      vErrors.push(err20);
                    }
                    errors++;
                  }
                }
              } else {
                const err21 = { instancePath: instancePath + "/spec/vars/" + i0, schemaPath: "#/properties/spec/properties/vars/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.vars.items.type, parentSchema: schema14.properties.spec.properties.vars.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
          } else {
            const err22 = { instancePath: instancePath + "/spec/vars", schemaPath: "#/properties/spec/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.vars.type, parentSchema: schema14.properties.spec.properties.vars, data: data9 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data8.requestedFreight !== void 0) {
          let data13 = data8.requestedFreight;
          if (Array.isArray(data13)) {
            const len1 = data13.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data14 = data13[i1];
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.sources !== void 0) {
                  let data15 = data14.sources;
                  if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                    if (data15.autoPromotionOptions !== void 0) {
                      let data16 = data15.autoPromotionOptions;
                      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                        for (const key4 in data16) {
                          if (!(key4 === "selectionPolicy")) {
                            const err23 = { instancePath: instancePath + "/spec/requestedFreight/" + i1 + "/sources/autoPromotionOptions", schemaPath: "#/properties/spec/properties/requestedFreight/items/properties/sources/properties/autoPromotionOptions/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions, data: data16 };
                            if (vErrors === null) {
                              vErrors = [err23];
                            } else {
                              vErrors.push(err23);
                            }
                            errors++;
                          }
                        }
                        if (data16.selectionPolicy !== void 0) {
                          let data17 = data16.selectionPolicy;
                          if (!(data17 === "NewestFreight" || data17 === "MatchUpstream")) {
                            const err24 = { instancePath: instancePath + "/spec/requestedFreight/" + i1 + "/sources/autoPromotionOptions/selectionPolicy", schemaPath: "#/properties/spec/properties/requestedFreight/items/properties/sources/properties/autoPromotionOptions/properties/selectionPolicy/enum", keyword: "enum", params: { allowedValues: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy.enum, parentSchema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions.properties.selectionPolicy, data: data17 };
                            if (vErrors === null) {
                              vErrors = [err24];
                            } else {
                              vErrors.push(err24);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err25 = { instancePath: instancePath + "/spec/requestedFreight/" + i1 + "/sources/autoPromotionOptions", schemaPath: "#/properties/spec/properties/requestedFreight/items/properties/sources/properties/autoPromotionOptions/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions.type, parentSchema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.properties.autoPromotionOptions, data: data16 };
                        if (vErrors === null) {
                          vErrors = [err25];
                        } else {
                          vErrors.push(err25);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err26 = { instancePath: instancePath + "/spec/requestedFreight/" + i1 + "/sources", schemaPath: "#/properties/spec/properties/requestedFreight/items/properties/sources/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.requestedFreight.items.properties.sources.type, parentSchema: schema14.properties.spec.properties.requestedFreight.items.properties.sources, data: data15 };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
              } else {
                const err27 = { instancePath: instancePath + "/spec/requestedFreight/" + i1, schemaPath: "#/properties/spec/properties/requestedFreight/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.requestedFreight.items.type, parentSchema: schema14.properties.spec.properties.requestedFreight.items, data: data14 };
                if (vErrors === null) {
                  vErrors = [err27];
                } else {
                  vErrors.push(err27);
                }
                errors++;
              }
            }
          } else {
            const err28 = { instancePath: instancePath + "/spec/requestedFreight", schemaPath: "#/properties/spec/properties/requestedFreight/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.requestedFreight.type, parentSchema: schema14.properties.spec.properties.requestedFreight, data: data13 };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data8.promotionTemplate !== void 0) {
          let data18 = data8.promotionTemplate;
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            if (data18.spec === void 0) {
              const err29 = { instancePath: instancePath + "/spec/promotionTemplate", schemaPath: "#/properties/spec/properties/promotionTemplate/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema14.properties.spec.properties.promotionTemplate.required, parentSchema: schema14.properties.spec.properties.promotionTemplate, data: data18 };
              if (vErrors === null) {
                vErrors = [err29];
              } else {
                vErrors.push(err29);
              }
              errors++;
            }
            for (const key5 in data18) {
              if (!(key5 === "spec")) {
                const err30 = { instancePath: instancePath + "/spec/promotionTemplate", schemaPath: "#/properties/spec/properties/promotionTemplate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.promotionTemplate, data: data18 };
                if (vErrors === null) {
                  vErrors = [err30];
                } else {
                  vErrors.push(err30);
                }
                errors++;
              }
            }
            if (data18.spec !== void 0) {
              let data19 = data18.spec;
              if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                for (const key6 in data19) {
                  if (!(key6 === "vars" || key6 === "steps")) {
                    const err31 = { instancePath: instancePath + "/spec/promotionTemplate/spec", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec, data: data19 };
                    if (vErrors === null) {
                      vErrors = [err31];
                    } else {
                      vErrors.push(err31);
                    }
                    errors++;
                  }
                }
                if (data19.vars !== void 0) {
                  let data20 = data19.vars;
                  if (Array.isArray(data20)) {
                    const len2 = data20.length;
                    for (let i2 = 0; i2 < len2; i2++) {
                      let data21 = data20[i2];
                      if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                        if (data21.name === void 0) {
                          const err32 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars/" + i2, schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.required, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items, data: data21 };
                          if (vErrors === null) {
                            vErrors = [err32];
                          } else {
                            vErrors.push(err32);
                          }
                          errors++;
                        }
                        for (const key7 in data21) {
                          if (!(key7 === "name" || key7 === "value")) {
                            const err33 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars/" + i2, schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items, data: data21 };
                            if (vErrors === null) {
                              vErrors = [err33];
                            } else {
                              vErrors.push(err33);
                            }
                            errors++;
                          }
                        }
                        if (data21.name !== void 0) {
                          let data22 = data21.name;
                          if (typeof data22 !== "string") {
                            const err34 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars/" + i2 + "/name", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.properties.name.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.properties.name, data: data22 };
                            if (vErrors === null) {
                              vErrors = [err34];
                            } else {
                              vErrors.push(err34);
                            }
                            errors++;
                          }
                        }
                        if (data21.value !== void 0) {
                          let data23 = data21.value;
                          if (typeof data23 !== "string") {
                            const err35 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars/" + i2 + "/value", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.properties.value.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.properties.value, data: data23 };
                            if (vErrors === null) {
                              vErrors = [err35];
                            } else {
                              vErrors.push(err35);
                            }
                            errors++;
                          }
                        }
                      } else {
                        const err36 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars/" + i2, schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.items, data: data21 };
                        if (vErrors === null) {
                          vErrors = [err36];
                        } else {
                          vErrors.push(err36);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err37 = { instancePath: instancePath + "/spec/promotionTemplate/spec/vars", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.vars, data: data20 };
                    if (vErrors === null) {
                      vErrors = [err37];
                    } else {
                      vErrors.push(err37);
                    }
                    errors++;
                  }
                }
                if (data19.steps !== void 0) {
                  let data24 = data19.steps;
                  if (!Array.isArray(data24)) {
                    const err38 = { instancePath: instancePath + "/spec/promotionTemplate/spec/steps", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.steps.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec.properties.steps, data: data24 };
                    if (vErrors === null) {
                      vErrors = [err38];
                    } else {
                      vErrors.push(err38);
                    }
                    errors++;
                  }
                }
              } else {
                const err39 = { instancePath: instancePath + "/spec/promotionTemplate/spec", schemaPath: "#/properties/spec/properties/promotionTemplate/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.promotionTemplate.properties.spec.type, parentSchema: schema14.properties.spec.properties.promotionTemplate.properties.spec, data: data19 };
                if (vErrors === null) {
                  vErrors = [err39];
                } else {
                  vErrors.push(err39);
                }
                errors++;
              }
            }
          } else {
            const err40 = { instancePath: instancePath + "/spec/promotionTemplate", schemaPath: "#/properties/spec/properties/promotionTemplate/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.promotionTemplate.type, parentSchema: schema14.properties.spec.properties.promotionTemplate, data: data18 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data8.verification !== void 0) {
          let data25 = data8.verification;
          if (data25 && typeof data25 == "object" && !Array.isArray(data25)) {
            for (const key8 in data25) {
              if (!(key8 === "analysisTemplates" || key8 === "args" || key8 === "analysisRunMetadata")) {
                const err41 = { instancePath: instancePath + "/spec/verification", schemaPath: "#/properties/spec/properties/verification/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.verification, data: data25 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data25.analysisTemplates !== void 0) {
              let data26 = data25.analysisTemplates;
              if (Array.isArray(data26)) {
                const len3 = data26.length;
                for (let i3 = 0; i3 < len3; i3++) {
                  let data27 = data26[i3];
                  if (data27 && typeof data27 == "object" && !Array.isArray(data27)) {
                    if (data27.name === void 0) {
                      const err42 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3, schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.required, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items, data: data27 };
                      if (vErrors === null) {
                        vErrors = [err42];
                      } else {
                        vErrors.push(err42);
                      }
                      errors++;
                    }
                    for (const key9 in data27) {
                      if (!(key9 === "name" || key9 === "kind")) {
                        const err43 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3, schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key9 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items, data: data27 };
                        if (vErrors === null) {
                          vErrors = [err43];
                        } else {
                          vErrors.push(err43);
                        }
                        errors++;
                      }
                    }
                    if (data27.name !== void 0) {
                      let data28 = data27.name;
                      if (typeof data28 === "string") {
                        if (func2(data28) < 1) {
                          const err44 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3 + "/name", schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.name, data: data28 };
                          if (vErrors === null) {
                            vErrors = [err44];
                          } else {
                            vErrors.push(err44);
                          }
                          errors++;
                        }
                      } else {
                        const err45 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3 + "/name", schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.name.type, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.name, data: data28 };
                        if (vErrors === null) {
                          vErrors = [err45];
                        } else {
                          vErrors.push(err45);
                        }
                        errors++;
                      }
                    }
                    if (data27.kind !== void 0) {
                      let data29 = data27.kind;
                      if (!(data29 === "AnalysisTemplate" || data29 === "ClusterAnalysisTemplate")) {
                        const err46 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3 + "/kind", schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.kind.enum, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.properties.kind, data: data29 };
                        if (vErrors === null) {
                          vErrors = [err46];
                        } else {
                          vErrors.push(err46);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err47 = { instancePath: instancePath + "/spec/verification/analysisTemplates/" + i3, schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items.type, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates.items, data: data27 };
                    if (vErrors === null) {
                      vErrors = [err47];
                    } else {
                      vErrors.push(err47);
                    }
                    errors++;
                  }
                }
              } else {
                const err48 = { instancePath: instancePath + "/spec/verification/analysisTemplates", schemaPath: "#/properties/spec/properties/verification/properties/analysisTemplates/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.verification.properties.analysisTemplates.type, parentSchema: schema14.properties.spec.properties.verification.properties.analysisTemplates, data: data26 };
                if (vErrors === null) {
                  vErrors = [err48];
                } else {
                  vErrors.push(err48);
                }
                errors++;
              }
            }
            if (data25.args !== void 0) {
              let data30 = data25.args;
              if (Array.isArray(data30)) {
                const len4 = data30.length;
                for (let i4 = 0; i4 < len4; i4++) {
                  let data31 = data30[i4];
                  if (data31 && typeof data31 == "object" && !Array.isArray(data31)) {
                    if (data31.name === void 0) {
                      const err49 = { instancePath: instancePath + "/spec/verification/args/" + i4, schemaPath: "#/properties/spec/properties/verification/properties/args/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema14.properties.spec.properties.verification.properties.args.items.required, parentSchema: schema14.properties.spec.properties.verification.properties.args.items, data: data31 };
                      if (vErrors === null) {
                        vErrors = [err49];
                      } else {
                        vErrors.push(err49);
                      }
                      errors++;
                    }
                    for (const key10 in data31) {
                      if (!(key10 === "name" || key10 === "value")) {
                        const err50 = { instancePath: instancePath + "/spec/verification/args/" + i4, schemaPath: "#/properties/spec/properties/verification/properties/args/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key10 }, message: "must NOT have additional properties", schema: false, parentSchema: schema14.properties.spec.properties.verification.properties.args.items, data: data31 };
                        if (vErrors === null) {
                          vErrors = [err50];
                        } else {
                          vErrors.push(err50);
                        }
                        errors++;
                      }
                    }
                    if (data31.name !== void 0) {
                      let data32 = data31.name;
                      if (typeof data32 !== "string") {
                        const err51 = { instancePath: instancePath + "/spec/verification/args/" + i4 + "/name", schemaPath: "#/properties/spec/properties/verification/properties/args/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.verification.properties.args.items.properties.name.type, parentSchema: schema14.properties.spec.properties.verification.properties.args.items.properties.name, data: data32 };
                        if (vErrors === null) {
                          vErrors = [err51];
                        } else {
                          vErrors.push(err51);
                        }
                        errors++;
                      }
                    }
                    if (data31.value !== void 0) {
                      let data33 = data31.value;
                      if (typeof data33 !== "string") {
                        const err52 = { instancePath: instancePath + "/spec/verification/args/" + i4 + "/value", schemaPath: "#/properties/spec/properties/verification/properties/args/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema14.properties.spec.properties.verification.properties.args.items.properties.value.type, parentSchema: schema14.properties.spec.properties.verification.properties.args.items.properties.value, data: data33 };
                        if (vErrors === null) {
                          vErrors = [err52];
                        } else {
                          vErrors.push(err52);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err53 = { instancePath: instancePath + "/spec/verification/args/" + i4, schemaPath: "#/properties/spec/properties/verification/properties/args/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.verification.properties.args.items.type, parentSchema: schema14.properties.spec.properties.verification.properties.args.items, data: data31 };
                    if (vErrors === null) {
                      vErrors = [err53];
                    } else {
                      vErrors.push(err53);
                    }
                    errors++;
                  }
                }
              } else {
                const err54 = { instancePath: instancePath + "/spec/verification/args", schemaPath: "#/properties/spec/properties/verification/properties/args/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema14.properties.spec.properties.verification.properties.args.type, parentSchema: schema14.properties.spec.properties.verification.properties.args, data: data30 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/spec/verification", schemaPath: "#/properties/spec/properties/verification/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.properties.verification.type, parentSchema: schema14.properties.spec.properties.verification, data: data25 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
        if (data8.targets !== void 0) {
          const err56 = { instancePath: instancePath + "/spec/targets", schemaPath: "#/properties/spec/properties/targets/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema14.properties.spec.properties.targets.not, parentSchema: schema14.properties.spec.properties.targets, data: data8.targets };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
      } else {
        const err57 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.properties.spec.type, parentSchema: schema14.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
    }
  } else {
    const err58 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema14.type, parentSchema: schema14, data };
    if (vErrors === null) {
      vErrors = [err58];
    } else {
      vErrors.push(err58);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
var kargoValidator4 = validate14;
var schema15 = { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "required": ["steps"], "additionalProperties": false, "properties": { "vars": { "type": "array" }, "steps": { "type": "array" } } }, "status": {} } };
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema15.required, parentSchema: schema15, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.apiVersion.type, parentSchema: schema15.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.kind.type, parentSchema: schema15.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err7 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema15.properties.metadata.required, parentSchema: schema15.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema15.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.metadata.properties.name.type, parentSchema: schema15.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err10 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.metadata.properties.namespace.type, parentSchema: schema15.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err11 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema15.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema15.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.metadata.properties.labels.type, parentSchema: schema15.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err13 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.metadata.properties.annotations.type, parentSchema: schema15.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.metadata.type, parentSchema: schema15.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        if (data8.steps === void 0) {
          const err15 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "steps" }, message: "must have required property 'steps'", schema: schema15.properties.spec.required, parentSchema: schema15.properties.spec, data: data8 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data8) {
          if (!(key2 === "vars" || key2 === "steps")) {
            const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema15.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data8.vars !== void 0) {
          let data9 = data8.vars;
          if (!Array.isArray(data9)) {
            const err17 = { instancePath: instancePath + "/spec/vars", schemaPath: "#/properties/spec/properties/vars/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema15.properties.spec.properties.vars.type, parentSchema: schema15.properties.spec.properties.vars, data: data9 };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data8.steps !== void 0) {
          let data10 = data8.steps;
          if (!Array.isArray(data10)) {
            const err18 = { instancePath: instancePath + "/spec/steps", schemaPath: "#/properties/spec/properties/steps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema15.properties.spec.properties.steps.type, parentSchema: schema15.properties.spec.properties.steps, data: data10 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.properties.spec.type, parentSchema: schema15.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
  } else {
    const err20 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema15.type, parentSchema: schema15, data };
    if (vErrors === null) {
      vErrors = [err20];
    } else {
      vErrors.push(err20);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
var kargoValidator5 = validate15;
var schema16 = { "type": "object", "required": ["apiVersion", "kind", "metadata", "spec"], "additionalProperties": false, "properties": { "apiVersion": { "type": "string" }, "kind": { "type": "string" }, "metadata": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string", "minLength": 1 }, "namespace": { "type": "string" }, "labels": { "type": "object", "additionalProperties": { "type": "string" } }, "annotations": { "type": "object" } } }, "spec": { "type": "object", "required": ["metrics"], "additionalProperties": false, "properties": { "args": { "type": "array", "items": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string", "minLength": 1 }, "value": { "type": "string" }, "valueFrom": { "type": "object" } } } }, "metrics": { "type": "array", "minItems": 1, "items": { "type": "object" } }, "dryRun": { "not": {}, "errorMessage": "gantry has no dry-run metrics: remove dryRun" }, "measurementRetention": { "x-gantry-ignored": "gantry keeps every measurement of a run in the verify job\u2019s summary" } } }, "status": {} } };
function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "apiVersion" }, message: "must have required property 'apiVersion'", schema: schema16.required, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema16.required, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema16.required, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "spec" }, message: "must have required property 'spec'", schema: schema16.required, parentSchema: schema16, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16, data };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== void 0) {
      let data0 = data.apiVersion;
      if (typeof data0 !== "string") {
        const err5 = { instancePath: instancePath + "/apiVersion", schemaPath: "#/properties/apiVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.apiVersion.type, parentSchema: schema16.properties.apiVersion, data: data0 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== void 0) {
      let data1 = data.kind;
      if (typeof data1 !== "string") {
        const err6 = { instancePath: instancePath + "/kind", schemaPath: "#/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.kind.type, parentSchema: schema16.properties.kind, data: data1 };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === void 0) {
          const err7 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema16.properties.metadata.required, parentSchema: schema16.properties.metadata, data: data2 };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        if (data2.name !== void 0) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func2(data3) < 1) {
              const err8 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16.properties.metadata.properties.name, data: data3 };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
          } else {
            const err9 = { instancePath: instancePath + "/metadata/name", schemaPath: "#/properties/metadata/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.metadata.properties.name.type, parentSchema: schema16.properties.metadata.properties.name, data: data3 };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
        if (data2.namespace !== void 0) {
          let data4 = data2.namespace;
          if (typeof data4 !== "string") {
            const err10 = { instancePath: instancePath + "/metadata/namespace", schemaPath: "#/properties/metadata/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.metadata.properties.namespace.type, parentSchema: schema16.properties.metadata.properties.namespace, data: data4 };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.labels !== void 0) {
          let data5 = data2.labels;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key1 in data5) {
              let data6 = data5[key1];
              if (typeof data6 !== "string") {
                const err11 = { instancePath: instancePath + "/metadata/labels/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.metadata.properties.labels.additionalProperties.type, parentSchema: schema16.properties.metadata.properties.labels.additionalProperties, data: data6 };
                if (vErrors === null) {
                  vErrors = [err11];
                } else {
                  vErrors.push(err11);
                }
                errors++;
              }
            }
          } else {
            const err12 = { instancePath: instancePath + "/metadata/labels", schemaPath: "#/properties/metadata/properties/labels/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.metadata.properties.labels.type, parentSchema: schema16.properties.metadata.properties.labels, data: data5 };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
        if (data2.annotations !== void 0) {
          let data7 = data2.annotations;
          if (!(data7 && typeof data7 == "object" && !Array.isArray(data7))) {
            const err13 = { instancePath: instancePath + "/metadata/annotations", schemaPath: "#/properties/metadata/properties/annotations/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.metadata.properties.annotations.type, parentSchema: schema16.properties.metadata.properties.annotations, data: data7 };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
      } else {
        const err14 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.metadata.type, parentSchema: schema16.properties.metadata, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        if (data8.metrics === void 0) {
          const err15 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/required", keyword: "required", params: { missingProperty: "metrics" }, message: "must have required property 'metrics'", schema: schema16.properties.spec.required, parentSchema: schema16.properties.spec, data: data8 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        for (const key2 in data8) {
          if (!(key2 === "args" || key2 === "metrics" || key2 === "dryRun" || key2 === "measurementRetention")) {
            const err16 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16.properties.spec, data: data8 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data8.args !== void 0) {
          let data9 = data8.args;
          if (Array.isArray(data9)) {
            const len0 = data9.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data10 = data9[i0];
              if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                if (data10.name === void 0) {
                  const err17 = { instancePath: instancePath + "/spec/args/" + i0, schemaPath: "#/properties/spec/properties/args/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema16.properties.spec.properties.args.items.required, parentSchema: schema16.properties.spec.properties.args.items, data: data10 };
                  if (vErrors === null) {
                    vErrors = [err17];
                  } else {
                    vErrors.push(err17);
                  }
                  errors++;
                }
                for (const key3 in data10) {
                  if (!(key3 === "name" || key3 === "value" || key3 === "valueFrom")) {
                    const err18 = { instancePath: instancePath + "/spec/args/" + i0, schemaPath: "#/properties/spec/properties/args/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema16.properties.spec.properties.args.items, data: data10 };
                    if (vErrors === null) {
                      vErrors = [err18];
                    } else {
                      vErrors.push(err18);
                    }
                    errors++;
                  }
                }
                if (data10.name !== void 0) {
                  let data11 = data10.name;
                  if (typeof data11 === "string") {
                    if (func2(data11) < 1) {
                      const err19 = { instancePath: instancePath + "/spec/args/" + i0 + "/name", schemaPath: "#/properties/spec/properties/args/items/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema16.properties.spec.properties.args.items.properties.name, data: data11 };
                      if (vErrors === null) {
                        vErrors = [err19];
                      } else {
                        vErrors.push(err19);
                      }
                      errors++;
                    }
                  } else {
                    const err20 = { instancePath: instancePath + "/spec/args/" + i0 + "/name", schemaPath: "#/properties/spec/properties/args/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.spec.properties.args.items.properties.name.type, parentSchema: schema16.properties.spec.properties.args.items.properties.name, data: data11 };
                    if (vErrors === null) {
                      vErrors = [err20];
                    } else {
                      vErrors.push(err20);
                    }
                    errors++;
                  }
                }
                if (data10.value !== void 0) {
                  let data12 = data10.value;
                  if (typeof data12 !== "string") {
                    const err21 = { instancePath: instancePath + "/spec/args/" + i0 + "/value", schemaPath: "#/properties/spec/properties/args/items/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema16.properties.spec.properties.args.items.properties.value.type, parentSchema: schema16.properties.spec.properties.args.items.properties.value, data: data12 };
                    if (vErrors === null) {
                      vErrors = [err21];
                    } else {
                      vErrors.push(err21);
                    }
                    errors++;
                  }
                }
                if (data10.valueFrom !== void 0) {
                  let data13 = data10.valueFrom;
                  if (!(data13 && typeof data13 == "object" && !Array.isArray(data13))) {
                    const err22 = { instancePath: instancePath + "/spec/args/" + i0 + "/valueFrom", schemaPath: "#/properties/spec/properties/args/items/properties/valueFrom/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.spec.properties.args.items.properties.valueFrom.type, parentSchema: schema16.properties.spec.properties.args.items.properties.valueFrom, data: data13 };
                    if (vErrors === null) {
                      vErrors = [err22];
                    } else {
                      vErrors.push(err22);
                    }
                    errors++;
                  }
                }
              } else {
                const err23 = { instancePath: instancePath + "/spec/args/" + i0, schemaPath: "#/properties/spec/properties/args/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.spec.properties.args.items.type, parentSchema: schema16.properties.spec.properties.args.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err23];
                } else {
                  vErrors.push(err23);
                }
                errors++;
              }
            }
          } else {
            const err24 = { instancePath: instancePath + "/spec/args", schemaPath: "#/properties/spec/properties/args/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.spec.properties.args.type, parentSchema: schema16.properties.spec.properties.args, data: data9 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data8.metrics !== void 0) {
          let data14 = data8.metrics;
          if (Array.isArray(data14)) {
            if (data14.length < 1) {
              const err25 = { instancePath: instancePath + "/spec/metrics", schemaPath: "#/properties/spec/properties/metrics/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema16.properties.spec.properties.metrics, data: data14 };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            const len1 = data14.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data15 = data14[i1];
              if (!(data15 && typeof data15 == "object" && !Array.isArray(data15))) {
                const err26 = { instancePath: instancePath + "/spec/metrics/" + i1, schemaPath: "#/properties/spec/properties/metrics/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.spec.properties.metrics.items.type, parentSchema: schema16.properties.spec.properties.metrics.items, data: data15 };
                if (vErrors === null) {
                  vErrors = [err26];
                } else {
                  vErrors.push(err26);
                }
                errors++;
              }
            }
          } else {
            const err27 = { instancePath: instancePath + "/spec/metrics", schemaPath: "#/properties/spec/properties/metrics/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema16.properties.spec.properties.metrics.type, parentSchema: schema16.properties.spec.properties.metrics, data: data14 };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data8.dryRun !== void 0) {
          const err28 = { instancePath: instancePath + "/spec/dryRun", schemaPath: "#/properties/spec/properties/dryRun/not", keyword: "not", params: {}, message: "must NOT be valid", schema: schema16.properties.spec.properties.dryRun.not, parentSchema: schema16.properties.spec.properties.dryRun, data: data8.dryRun };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/spec", schemaPath: "#/properties/spec/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.properties.spec.type, parentSchema: schema16.properties.spec, data: data8 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema16.type, parentSchema: schema16, data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate15.errors = vErrors;
  return errors === 0;
}
var kargoValidator6 = validate16;
var schema17 = { "type": "object", "required": ["kargo"], "additionalProperties": false, "properties": { "$schema": { "type": "string" }, "kargo": { "type": "string", "minLength": 1, "pattern": "^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$", "patternErrorMessage": 'must be a directory relative to the repository root, without ".." (e.g. kargo)' }, "project": { "type": "string", "pattern": "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", "patternErrorMessage": "must be a Kargo Project name (a lowercase DNS-1123 label)" }, "stages": { "type": "object", "additionalProperties": { "type": "object", "additionalProperties": false, "properties": { "environment": { "type": "string", "minLength": 1 }, "environmentUrl": { "type": "string", "minLength": 1 }, "branch": { "type": "string", "minLength": 1 }, "mode": { "enum": ["direct", "pull-request"] } } } } } };
var pattern0 = new RegExp("^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$", "u");
var pattern1 = new RegExp("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", "u");
function validate16(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kargo === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "kargo" }, message: "must have required property 'kargo'", schema: schema17.required, parentSchema: schema17, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "$schema" || key0 === "kargo" || key0 === "project" || key0 === "stages")) {
        const err1 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17, data };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.$schema !== void 0) {
      let data0 = data.$schema;
      if (typeof data0 !== "string") {
        const err2 = { instancePath: instancePath + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.$schema.type, parentSchema: schema17.properties.$schema, data: data0 };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.kargo !== void 0) {
      let data1 = data.kargo;
      if (typeof data1 === "string") {
        if (func2(data1) < 1) {
          const err3 = { instancePath: instancePath + "/kargo", schemaPath: "#/properties/kargo/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.kargo, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        if (!pattern0.test(data1)) {
          const err4 = { instancePath: instancePath + "/kargo", schemaPath: "#/properties/kargo/pattern", keyword: "pattern", params: { pattern: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$" }, message: 'must match pattern "^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$"', schema: "^(?!/)(?!.*(^|/)\\.\\.(/|$)).*$", parentSchema: schema17.properties.kargo, data: data1 };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
      } else {
        const err5 = { instancePath: instancePath + "/kargo", schemaPath: "#/properties/kargo/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.kargo.type, parentSchema: schema17.properties.kargo, data: data1 };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.project !== void 0) {
      let data2 = data.project;
      if (typeof data2 === "string") {
        if (!pattern1.test(data2)) {
          const err6 = { instancePath: instancePath + "/project", schemaPath: "#/properties/project/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"', schema: "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", parentSchema: schema17.properties.project, data: data2 };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
      } else {
        const err7 = { instancePath: instancePath + "/project", schemaPath: "#/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.project.type, parentSchema: schema17.properties.project, data: data2 };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.stages !== void 0) {
      let data3 = data.stages;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        for (const key1 in data3) {
          let data4 = data3[key1];
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key2 in data4) {
              if (!(key2 === "environment" || key2 === "environmentUrl" || key2 === "branch" || key2 === "mode")) {
                const err8 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema17.properties.stages.additionalProperties, data: data4 };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data4.environment !== void 0) {
              let data5 = data4.environment;
              if (typeof data5 === "string") {
                if (func2(data5) < 1) {
                  const err9 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/environment", schemaPath: "#/properties/stages/additionalProperties/properties/environment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.stages.additionalProperties.properties.environment, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err9];
                  } else {
                    vErrors.push(err9);
                  }
                  errors++;
                }
              } else {
                const err10 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/environment", schemaPath: "#/properties/stages/additionalProperties/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.stages.additionalProperties.properties.environment.type, parentSchema: schema17.properties.stages.additionalProperties.properties.environment, data: data5 };
                if (vErrors === null) {
                  vErrors = [err10];
                } else {
                  vErrors.push(err10);
                }
                errors++;
              }
            }
            if (data4.environmentUrl !== void 0) {
              let data6 = data4.environmentUrl;
              if (typeof data6 === "string") {
                if (func2(data6) < 1) {
                  const err11 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/environmentUrl", schemaPath: "#/properties/stages/additionalProperties/properties/environmentUrl/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.stages.additionalProperties.properties.environmentUrl, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err11];
                  } else {
                    vErrors.push(err11);
                  }
                  errors++;
                }
              } else {
                const err12 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/environmentUrl", schemaPath: "#/properties/stages/additionalProperties/properties/environmentUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.stages.additionalProperties.properties.environmentUrl.type, parentSchema: schema17.properties.stages.additionalProperties.properties.environmentUrl, data: data6 };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data4.branch !== void 0) {
              let data7 = data4.branch;
              if (typeof data7 === "string") {
                if (func2(data7) < 1) {
                  const err13 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/branch", schemaPath: "#/properties/stages/additionalProperties/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema17.properties.stages.additionalProperties.properties.branch, data: data7 };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              } else {
                const err14 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/branch", schemaPath: "#/properties/stages/additionalProperties/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema17.properties.stages.additionalProperties.properties.branch.type, parentSchema: schema17.properties.stages.additionalProperties.properties.branch, data: data7 };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            if (data4.mode !== void 0) {
              let data8 = data4.mode;
              if (!(data8 === "direct" || data8 === "pull-request")) {
                const err15 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/mode", schemaPath: "#/properties/stages/additionalProperties/properties/mode/enum", keyword: "enum", params: { allowedValues: schema17.properties.stages.additionalProperties.properties.mode.enum }, message: "must be equal to one of the allowed values", schema: schema17.properties.stages.additionalProperties.properties.mode.enum, parentSchema: schema17.properties.stages.additionalProperties.properties.mode, data: data8 };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = { instancePath: instancePath + "/stages/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/stages/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.stages.additionalProperties.type, parentSchema: schema17.properties.stages.additionalProperties, data: data4 };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = { instancePath: instancePath + "/stages", schemaPath: "#/properties/stages/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.properties.stages.type, parentSchema: schema17.properties.stages, data: data3 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
  } else {
    const err18 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema17.type, parentSchema: schema17, data };
    if (vErrors === null) {
      vErrors = [err18];
    } else {
      vErrors.push(err18);
    }
    errors++;
  }
  validate16.errors = vErrors;
  return errors === 0;
}
var kargoValidator7 = validate17;
function validate17(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  validate17.errors = null;
  return true;
}
var KARGO_VALIDATORS = { "Project": kargoValidator0, "ProjectConfig": kargoValidator1, "Warehouse": kargoValidator2, "Stage": kargoValidator3, "PromotionTask": kargoValidator4, "AnalysisTemplate": kargoValidator5, "gantry-file": kargoValidator6, "any": kargoValidator7 };

// src/pipeline/kargo-schemas.ts
var NOT_IN_GANTRY = (message) => ({ not: {}, errorMessage: message });
var IGNORED_KEY = "x-gantry-ignored";
var IGNORED = (reason) => ({ [IGNORED_KEY]: reason });
var SHARD = "Kargo\u2019s controller shards; gantry runs in your workflows";
var DROPPED_SUBSCRIPTION_FIELDS = {
  image: { cacheByTag: "gantry resolves the digest of a tag on every discovery" },
  git: { blobless: "gantry\u2019s clones are always blob-less" },
  chart: {}
};
var metadata = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    namespace: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object" }
  }
};
var exprVars = {
  type: "array",
  items: {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: { name: { type: "string" }, value: { type: "string" } }
  }
};
function envelope(spec, specRequired = true) {
  return {
    type: "object",
    required: ["apiVersion", "kind", "metadata", ...specRequired ? ["spec"] : []],
    additionalProperties: false,
    properties: {
      apiVersion: { type: "string" },
      kind: { type: "string" },
      metadata,
      spec,
      status: {}
    }
  };
}
var SCHEMAS = {
  Project: envelope(
    {
      type: "object",
      additionalProperties: false,
      properties: { promotionPolicies: { type: "array" } }
    },
    false
  ),
  ProjectConfig: envelope(
    {
      type: "object",
      additionalProperties: false,
      properties: {
        promotionPolicies: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            properties: {
              stage: { type: "string", minLength: 1 },
              stageSelector: {
                type: "object",
                additionalProperties: false,
                properties: {
                  name: { type: "string", minLength: 1 },
                  matchLabels: { type: "object", additionalProperties: { type: "string" } },
                  matchExpressions: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["key", "operator"],
                      additionalProperties: false,
                      properties: {
                        key: { type: "string" },
                        operator: { enum: ["In", "NotIn", "Exists", "DoesNotExist"] },
                        values: { type: "array", items: { type: "string" } }
                      }
                    }
                  }
                }
              },
              autoPromotionEnabled: { type: "boolean" },
              autoRollback: NOT_IN_GANTRY(
                "gantry has no automatic rollback: promote the earlier freight again (gantry promote --freight)"
              )
            }
          }
        },
        // Kargo-side configuration with no bearing on what gantry does: webhooks become a
        // repository_dispatch ping, links and windows have no equivalent (docs/kargo.md).
        webhookReceivers: IGNORED(
          "Kargo-side webhooks: run the discover workflow on a repository_dispatch or a schedule instead"
        ),
        freightLinks: IGNORED("links in Kargo\u2019s UI; gantry\u2019s job summaries link freight and runs"),
        stageLinks: IGNORED("links in Kargo\u2019s UI; a stage\u2019s environmentUrl (gantry file) links it"),
        promotionWindows: IGNORED(
          "no promotion windows: gate the stage\u2019s GitHub environment (wait timer, reviewers, branch rules)"
        )
      }
    },
    false
  ),
  Warehouse: envelope({
    type: "object",
    required: ["subscriptions"],
    additionalProperties: false,
    properties: {
      shard: IGNORED(SHARD),
      interval: {},
      freightCreationPolicy: {},
      subscriptions: { type: "array", items: { type: "object" } },
      freightCreationCriteria: {}
    }
  }),
  Stage: envelope({
    type: "object",
    required: ["requestedFreight"],
    additionalProperties: false,
    properties: {
      shard: IGNORED(SHARD),
      vars: exprVars,
      requestedFreight: {
        type: "array",
        items: {
          type: "object",
          properties: {
            sources: {
              type: "object",
              properties: {
                autoPromotionOptions: {
                  type: "object",
                  additionalProperties: false,
                  properties: { selectionPolicy: { enum: ["NewestFreight", "MatchUpstream"] } }
                }
              }
            }
          }
        }
      },
      promotionTemplate: {
        type: "object",
        required: ["spec"],
        additionalProperties: false,
        properties: {
          spec: {
            type: "object",
            additionalProperties: false,
            properties: { vars: exprVars, steps: { type: "array" } }
          }
        }
      },
      verification: {
        type: "object",
        additionalProperties: false,
        properties: {
          analysisTemplates: {
            type: "array",
            items: {
              type: "object",
              required: ["name"],
              additionalProperties: false,
              properties: {
                name: { type: "string", minLength: 1 },
                kind: { enum: ["AnalysisTemplate", "ClusterAnalysisTemplate"] }
              }
            }
          },
          args: exprVars,
          analysisRunMetadata: IGNORED(
            "labels and annotations of the AnalysisRun Kargo creates; gantry records verifications as tags"
          )
        }
      },
      targets: NOT_IN_GANTRY(
        "targets select Kubernetes objects by label; gantry has no cluster: name the Argo CD applications in argocd-update"
      )
    }
  }),
  PromotionTask: envelope({
    type: "object",
    required: ["steps"],
    additionalProperties: false,
    properties: { vars: { type: "array" }, steps: { type: "array" } }
  }),
  AnalysisTemplate: envelope({
    type: "object",
    required: ["metrics"],
    additionalProperties: false,
    properties: {
      args: {
        type: "array",
        items: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: {
            name: { type: "string", minLength: 1 },
            value: { type: "string" },
            valueFrom: { type: "object" }
          }
        }
      },
      metrics: { type: "array", minItems: 1, items: { type: "object" } },
      dryRun: NOT_IN_GANTRY("gantry has no dry-run metrics: remove dryRun"),
      measurementRetention: IGNORED(
        "gantry keeps every measurement of a run in the verify job\u2019s summary"
      )
    }
  })
};

// src/pipeline/kargo.ts
var KARGO_API_VERSION = "kargo.akuity.io/v1alpha1";
var ROLLOUTS_API_VERSION = "argoproj.io/v1alpha1";
var READ_KINDS = {
  [KARGO_API_VERSION]: [
    "Project",
    "ProjectConfig",
    "Warehouse",
    "Stage",
    "PromotionTask",
    "ClusterPromotionTask"
  ],
  [ROLLOUTS_API_VERSION]: ["AnalysisTemplate", "ClusterAnalysisTemplate"]
};
var SKIPPED_KINDS = {
  [KARGO_API_VERSION]: {
    ClusterConfig: "Kargo\u2019s cluster-wide settings; gantry has no cluster"
  },
  [ROLLOUTS_API_VERSION]: {
    Application: "Argo CD\u2019s own; argocd-update steps reach it through Argo CD\u2019s API",
    ApplicationSet: "Argo CD\u2019s own; argocd-update steps reach its Applications through Argo CD\u2019s API",
    AppProject: "Argo CD\u2019s own; gantry does not read it"
  }
};
var OTHER_KINDS = {
  Secret: "credentials: give gantry them through the workflow (the token and registry-credentials inputs, GANTRY_SECRET_* for secret())",
  ConfigMap: "configMap() reads GANTRY_CONFIGMAP_* variables the workflow sets",
  Namespace: "gantry has no namespaces: the project is the gantry file"
};
var OWN_GROUPS = ["kargo.akuity.io/", "argoproj.io/"];
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var list = (v) => Array.isArray(v) ? v : [];
function validator(key) {
  const v = KARGO_VALIDATORS[key];
  if (!v)
    throw new Error(`no precompiled schema "${key}" (node --import tsx scripts/gen-validators.ts)`);
  return v;
}
var SCHEMA_OF = {
  ClusterPromotionTask: "PromotionTask",
  ClusterAnalysisTemplate: "AnalysisTemplate"
};
var grouped = (n) => n.toLocaleString("en-US");
function yamlError(src, pos, message) {
  const { line, col } = src.lineCounter.linePos(pos);
  return {
    file: src.file,
    line,
    column: col,
    path: "",
    message: `YAML syntax error: ${message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`
  };
}
function kindProblem(src, apiVersion, kind) {
  const read = READ_KINDS[apiVersion];
  const skipped = SKIPPED_KINDS[apiVersion] ? Object.keys(SKIPPED_KINDS[apiVersion]) : void 0;
  if (read?.includes(kind) || skipped?.includes(kind)) return void 0;
  const all = Object.entries(READ_KINDS).flatMap(([v, ks]) => ks.map((k) => `${k} (${v})`));
  if (!read && !skipped) {
    const apis = Object.keys(READ_KINDS);
    if (!OWN_GROUPS.some((g) => apiVersion.startsWith(g)) && !didYouMean(apiVersion, apis)) {
      return void 0;
    }
    return problemAt(
      src,
      ["apiVersion"],
      `gantry does not read ${JSON.stringify(apiVersion)} resources${didYouMean(apiVersion, apis)}; it reads ${all.join(", ")}`
    );
  }
  return problemAt(
    src,
    ["kind"],
    `unknown kind ${JSON.stringify(kind)}${didYouMean(kind, [...read ?? [], ...skipped ?? []])}; gantry reads ${all.join(", ")}`
  );
}
function readManifests(files) {
  const resources = [];
  const skipped = [];
  const problems = [];
  for (const { file, text } of files) {
    const bytes = Buffer.byteLength(text, "utf8");
    if (bytes > PROJECT_FILE_LIMITS.bytes) {
      problems.push(tooLarge(file, bytes));
      continue;
    }
    const lineCounter = new import_yaml.LineCounter();
    const docs = (0, import_yaml.parseAllDocuments)(text, {
      lineCounter,
      prettyErrors: false,
      merge: true,
      uniqueKeys: true
    });
    if (!Array.isArray(docs)) continue;
    let nodes = 0;
    for (const doc of docs) {
      const src = { file, doc, lineCounter, text };
      if (doc.errors.length) {
        problems.push(...doc.errors.map((e) => yamlError(src, e.pos[0], e.message)));
        continue;
      }
      (0, import_yaml.visit)(doc, {
        Node() {
          return ++nodes > PROJECT_FILE_LIMITS.nodes ? import_yaml.visit.BREAK : void 0;
        }
      });
      if (nodes > PROJECT_FILE_LIMITS.nodes) {
        problems.push({
          file,
          line: 1,
          column: 1,
          path: "",
          message: `the file holds more than ${grouped(PROJECT_FILE_LIMITS.nodes)} YAML nodes, gantry's cap for a file it reads: split it`
        });
        break;
      }
      let data;
      try {
        data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
      } catch (err) {
        problems.push({
          file,
          ...positionOf(src, doc.contents ?? void 0),
          path: "",
          message: `cannot read YAML: its aliases (*name) expand beyond gantry's cap of ${grouped(PROJECT_FILE_LIMITS.aliases)} (${err instanceof Error ? err.message : String(err)})`
        });
        continue;
      }
      if (data === null || data === void 0) continue;
      if (!isObject(data) || typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
        problems.push(
          problemAt(
            src,
            [],
            "not a Kubernetes resource: each document of a Kargo manifest is a mapping with apiVersion, kind, metadata and spec"
          )
        );
        continue;
      }
      const wrongKind = kindProblem(src, data.apiVersion, data.kind);
      if (wrongKind) {
        problems.push(wrongKind);
        continue;
      }
      if (!READ_KINDS[data.apiVersion]?.includes(data.kind)) {
        const meta2 = isObject(data.metadata) ? data.metadata : {};
        skipped.push({
          file,
          line: positionOf(src, doc.contents ?? void 0).line,
          apiVersion: data.apiVersion,
          kind: data.kind,
          name: typeof meta2.name === "string" ? meta2.name : "",
          reason: SKIPPED_KINDS[data.apiVersion]?.[data.kind] ?? OTHER_KINDS[data.kind] ?? "not a Kargo or Argo resource: gantry leaves it alone"
        });
        continue;
      }
      const schemaKind = SCHEMA_OF[data.kind] ?? data.kind;
      const shape = validationProblems(
        src,
        data,
        validator(SCHEMAS[schemaKind] ? schemaKind : "any")
      );
      if (shape.length) {
        problems.push(...shape);
        continue;
      }
      const meta = data.metadata;
      resources.push({
        src,
        apiVersion: data.apiVersion,
        kind: data.kind,
        name: meta.name,
        ...typeof meta.namespace === "string" && { namespace: meta.namespace },
        labels: meta.labels ?? {},
        spec: isObject(data.spec) ? data.spec : {}
      });
    }
  }
  return { resources, problems, skipped };
}
var Origins = class {
  entries = [];
  add(prefix, src, segments) {
    this.entries.push({ prefix, to: { src, segments } });
  }
  resolve(path) {
    let best;
    for (const e of this.entries) {
      if (e.prefix.length > path.length) continue;
      if (best && e.prefix.length <= best.prefix.length) continue;
      if (e.prefix.every((seg, i) => String(seg) === String(path[i]))) best = e;
    }
    if (!best) return void 0;
    return {
      src: best.to.src,
      segments: [...best.to.segments, ...path.slice(best.prefix.length)]
    };
  }
};
function at(r, segments, message, b, anchor = "value") {
  b.problems.push(problemAt(r.src, segments, message, anchor));
}
function subscription(b, r, sub, to, from) {
  const out = { ...sub };
  const name = out.name;
  delete out.name;
  if (isObject(out.subscription)) {
    at(
      r,
      [...from, "subscription"],
      "gantry has no generic (plugin) subscriptions: subscribe to an image, chart or git repository",
      b,
      "key"
    );
  }
  for (const kind of ["image", "git", "chart"]) {
    const body = out[kind];
    if (!isObject(body)) continue;
    const dropped = DROPPED_SUBSCRIPTION_FIELDS[kind];
    const copy = Object.fromEntries(Object.entries(body).filter(([k]) => !(k in dropped)));
    if (typeof name === "string" && kind !== "chart" && copy.name === void 0) {
      copy.name = name;
      b.origins.add([...to, kind, "name"], r.src, [...from, "name"]);
    }
    if (typeof copy.allowTags === "string") {
      const regexes = [...list(copy.allowTagsRegexes)];
      b.origins.add([...to, kind, "allowTagsRegexes", regexes.length], r.src, [
        ...from,
        kind,
        "allowTags"
      ]);
      copy.allowTagsRegexes = [...regexes, copy.allowTags];
      delete copy.allowTags;
    }
    if (Array.isArray(copy.ignoreTags) && copy.ignoreTags.every((t) => typeof t === "string")) {
      const regexes = [...list(copy.ignoreTagsRegexes)];
      copy.ignoreTags.forEach((tag, j) => {
        b.origins.add([...to, kind, "ignoreTagsRegexes", regexes.length], r.src, [
          ...from,
          kind,
          "ignoreTags",
          j
        ]);
        regexes.push(`^${escapeRegex(tag)}$`);
      });
      copy.ignoreTagsRegexes = regexes;
      delete copy.ignoreTags;
    }
    if (kind === "git" && copy.since !== void 0) {
      at(
        r,
        [...from, kind, "since"],
        "gantry does not read since yet: filter commits with expressionFilter",
        b,
        "key"
      );
      delete copy.since;
    }
    out[kind] = copy;
  }
  return out;
}
function warehouse(b, r, w) {
  const to = ["warehouses", w];
  b.origins.add(to, r.src, ["spec"]);
  b.origins.add([...to, "name"], r.src, ["metadata", "name"]);
  const out = { name: r.name };
  if (r.spec.freightCreationPolicy !== void 0)
    out.freightCreationPolicy = r.spec.freightCreationPolicy;
  if (r.spec.interval !== void 0) out.interval = r.spec.interval;
  if (r.spec.freightCreationCriteria !== void 0)
    out.freightCreationCriteria = r.spec.freightCreationCriteria;
  out.subscriptions = list(r.spec.subscriptions).map(
    (sub, s) => subscription(b, r, sub, [...to, "subscriptions", s], ["spec", "subscriptions", s])
  );
  return out;
}
function policies(b, stageNames) {
  const out = [];
  for (const kind of ["ProjectConfig", "Project"]) {
    for (const r of b.resources.filter((x) => x.kind === kind)) {
      list(r.spec.promotionPolicies).forEach((policy, index) => {
        if (!isObject(policy)) return;
        out.push({ r, index, policy });
        const base = ["spec", "promotionPolicies", index];
        const selector = isObject(policy.stageSelector) ? policy.stageSelector.name : void 0;
        const wrong = typeof selector === "string" ? selectorNameProblem(selector) : void 0;
        if (wrong) at(r, [...base, "stageSelector", "name"], wrong, b);
        if (typeof policy.stage === "string" && !stageNames.includes(policy.stage)) {
          at(
            r,
            [...base, "stage"],
            `unknown stage ${JSON.stringify(policy.stage)}${didYouMean(policy.stage, stageNames)}`,
            b
          );
        }
        if (policy.stage === void 0 && !isObject(policy.stageSelector)) {
          at(r, base, "a promotion policy names its stage: stage, or stageSelector.name", b);
        }
      });
    }
  }
  return out;
}
var ARG = /\{\{\s*args\.([\w.-]+)\s*\}\}/g;
function substitute(b, t, value, path, args) {
  if (typeof value === "string") {
    return value.replace(ARG, (whole, name) => {
      const arg = args.get(name);
      if (!arg) {
        at(
          t,
          path,
          `unknown arg ${JSON.stringify(name)} in ${whole}${didYouMean(name, [...args.keys()])}: declare it under spec.args`,
          b
        );
        return whole;
      }
      if (arg.value === void 0) {
        arg.missing?.();
        return whole;
      }
      return arg.value;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(b, t, v, [...path, i], args));
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, substitute(b, t, v, [...path, k], args)])
    );
  }
  return value;
}
var INT_OR_STRING = ["count", "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit"];
function verification(b, r, stageIndex) {
  const v = r.spec.verification;
  if (!isObject(v)) return void 0;
  const metrics = [];
  const stageVars = new Map(
    list(r.spec.vars).map((x) => [x.name, x.value ?? ""])
  );
  const stageArgs = list(v.args).map(
    (arg) => arg.value === void 0 ? arg : {
      ...arg,
      value: arg.value.replace(
        /\$\{\{\s*vars\.([A-Za-z_]\w*)\s*\}\}/g,
        (whole, name) => stageVars.get(name) ?? whole
      )
    }
  );
  const declared = /* @__PURE__ */ new Set();
  list(v.analysisTemplates).forEach((ref, k) => {
    const { name, kind = "AnalysisTemplate" } = ref;
    const t = b.resources.find(
      (x) => x.apiVersion === ROLLOUTS_API_VERSION && x.kind === kind && x.name === name
    );
    if (!t) {
      const names = b.resources.filter((x) => x.kind === kind).map((x) => x.name);
      at(
        r,
        ["spec", "verification", "analysisTemplates", k, "name"],
        `unknown ${kind} ${JSON.stringify(name)}${didYouMean(name, names) || (names.length ? ` (${kind}s: ${names.join(", ")})` : ` (the manifests define no ${kind})`)}`,
        b
      );
      return;
    }
    const args = /* @__PURE__ */ new Map();
    list(t.spec.args).forEach((a, j) => {
      const arg = a;
      declared.add(arg.name);
      const fromStage = stageArgs.find((s) => s.name === arg.name);
      const value = fromStage?.value ?? arg.value;
      let told = false;
      args.set(arg.name, {
        ...value !== void 0 && { value },
        missing: () => {
          if (told) return;
          told = true;
          at(
            t,
            ["spec", "args", j],
            arg.valueFrom !== void 0 ? `arg ${JSON.stringify(arg.name)} reads a Kubernetes Secret or field, which gantry cannot: give it a value in the Stage's verification.args (\${{ env.NAME }} reads the verify job's environment)` : `arg ${JSON.stringify(arg.name)} has no value: give it one here or in the Stage's verification.args`,
            b
          );
        }
      });
    });
    list(t.spec.metrics).forEach((m, j) => {
      const from = ["spec", "metrics", j];
      const metric = substitute(b, t, m, from, args);
      for (const field of INT_OR_STRING) {
        const x = metric[field];
        if (typeof x === "string" && /^\d+$/.test(x)) metric[field] = Number(x);
      }
      b.origins.add(["stages", stageIndex, "verification", metrics.length], t.src, from);
      if (isObject(metric.provider) && metric.provider.job !== void 0) {
        at(
          t,
          [...from, "provider", "job"],
          "a job metric runs a Kubernetes Job; gantry has no cluster: use a command metric, which runs the same check in the verify job",
          b,
          "key"
        );
      }
      metrics.push(metric);
    });
  });
  stageArgs.forEach((arg, k) => {
    if (!declared.has(arg.name) && metrics.length) {
      at(
        r,
        ["spec", "verification", "args", k, "name"],
        `no AnalysisTemplate of this stage declares arg ${JSON.stringify(arg.name)}${didYouMean(arg.name, [...declared])}`,
        b
      );
    }
  });
  return metrics;
}
function stage(b, r, i, side, sideSrc, policyList) {
  const to = ["stages", i];
  b.origins.add(to, r.src, ["spec"]);
  b.origins.add([...to, "name"], r.src, ["metadata", "name"]);
  const out = { name: r.name };
  const overrides = side.stages?.[r.name] ?? {};
  for (const field of ["environment", "environmentUrl", "branch"]) {
    const value = overrides[field];
    if (value === void 0) continue;
    out[field] = value;
    b.origins.add([...to, field], sideSrc, ["stages", r.name, field]);
  }
  out.requestedFreight = list(r.spec.requestedFreight);
  const stageVars = list(r.spec.vars);
  stageVars.forEach(
    (_, k) => b.origins.add([...to, "promotionTemplate", "vars", k], r.src, ["spec", "vars", k])
  );
  const template = isObject(r.spec.promotionTemplate) ? r.spec.promotionTemplate : void 0;
  const spec = template && isObject(template.spec) ? template.spec : {};
  if (template) {
    b.origins.add([...to, "promotionTemplate"], r.src, ["spec", "promotionTemplate", "spec"]);
    list(spec.vars).forEach(
      (_, k) => b.origins.add([...to, "promotionTemplate", "vars", stageVars.length + k], r.src, [
        "spec",
        "promotionTemplate",
        "spec",
        "vars",
        k
      ])
    );
  } else {
    b.origins.add([...to, "promotionTemplate"], r.src, ["spec"]);
  }
  const vars = [...stageVars, ...list(spec.vars)];
  out.promotionTemplate = {
    ...overrides.mode !== void 0 && { mode: overrides.mode },
    ...vars.length && { vars },
    steps: list(spec.steps)
  };
  if (overrides.mode !== void 0) {
    b.origins.add([...to, "promotionTemplate", "mode"], sideSrc, ["stages", r.name, "mode"]);
  }
  const policy = policyList[matchingPolicy(
    policyList.map((p) => p.policy),
    r
  )];
  if (policy && policy.policy.autoPromotionEnabled !== void 0) {
    out.autoPromotion = policy.policy.autoPromotionEnabled;
    b.origins.add([...to, "autoPromotion"], policy.r.src, [
      "spec",
      "promotionPolicies",
      policy.index,
      "autoPromotionEnabled"
    ]);
  }
  const metrics = verification(b, r, i);
  if (metrics) out.verification = metrics;
  return out;
}
function task(b, r, t) {
  const to = ["promotionTasks", t];
  b.origins.add(to, r.src, ["spec"]);
  b.origins.add([...to, "name"], r.src, ["metadata", "name"]);
  b.origins.add([...to, "kind"], r.src, ["kind"]);
  return {
    name: r.name,
    kind: r.kind,
    ...r.spec.vars !== void 0 && { vars: r.spec.vars },
    steps: r.spec.steps
  };
}
function parseKargoProject(file, text, manifests) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const sideSrc = { file, doc, lineCounter };
  if (doc.errors.length) {
    return {
      problems: tidyProblems(doc.errors.map((e) => yamlError(sideSrc, e.pos[0], e.message)))
    };
  }
  const data = doc.toJS({ maxAliasCount: PROJECT_FILE_LIMITS.aliases });
  const sideProblems = validationProblems(sideSrc, data, validator("gantry-file"));
  if (sideProblems.length) return { problems: tidyProblems(sideProblems) };
  const side = data;
  const dir = normalizeKargoDir(side.kargo);
  const base = file.replace(/\\/g, "/").replace(/^.*\//, "");
  const name = side.project ?? base.replace(/\.ya?ml$/i, "");
  if (!manifests.length) {
    return {
      problems: [
        problemAt(
          sideSrc,
          ["kargo"],
          `no Kargo manifests (*.yaml, *.yml) under ${dir}/: name the directory that holds the Project's Warehouses and Stages`
        )
      ]
    };
  }
  const read = readManifests(manifests);
  const resources = read.resources.filter((r) => r.namespace === void 0 || r.namespace === name);
  const b = { origins: new Origins(), problems: [...read.problems], resources };
  const projects = read.resources.filter((r) => r.kind === "Project").map((r) => r.name);
  const projectDoc = resources.find((r) => r.kind === "Project" && r.name === name);
  if (projects.length && !projectDoc) {
    b.problems.push(
      problemAt(
        sideSrc,
        [side.project !== void 0 ? "project" : "kargo"],
        `the manifests under ${dir}/ define no Project ${JSON.stringify(name)}${didYouMean(name, projects)} (Projects: ${projects.join(", ")}); set project: to the one this file is for`
      )
    );
  }
  if (projectDoc) b.origins.add(["project"], projectDoc.src, ["metadata", "name"]);
  else b.origins.add(["project"], sideSrc, side.project !== void 0 ? ["project"] : ["kargo"]);
  const of = (kind) => resources.filter((r) => r.kind === kind);
  const stageDocs = of("Stage");
  const stageNames = stageDocs.map((r) => r.name);
  for (const stageName of Object.keys(side.stages ?? {})) {
    if (!stageNames.includes(stageName)) {
      b.problems.push(
        problemAt(
          sideSrc,
          ["stages", stageName],
          `no Stage ${JSON.stringify(stageName)} in the manifests under ${dir}/${didYouMean(stageName, stageNames)}`,
          "key"
        )
      );
    }
  }
  const policyList = policies(b, stageNames);
  const tasks = [...of("PromotionTask"), ...of("ClusterPromotionTask")];
  const raw = {
    project: name,
    warehouses: of("Warehouse").map((r, w) => warehouse(b, r, w)),
    stages: stageDocs.map((r, i) => stage(b, r, i, side, sideSrc, policyList)),
    ...tasks.length && { promotionTasks: tasks.map((r, t) => task(b, r, t)) }
  };
  if ((!of("Warehouse").length || !stageDocs.length) && (projectDoc || !projects.length)) {
    b.problems.push(
      problemAt(
        sideSrc,
        ["kargo"],
        `the manifests under ${dir}/ define ${stageDocs.length ? "no Warehouse" : of("Warehouse").length ? "no Stage" : "no Warehouse and no Stage"} for project ${JSON.stringify(name)}`
      )
    );
  }
  if (b.problems.length) return { problems: tidyProblems(b.problems) };
  const virtual = { ...sideSrc, redirect: (path) => b.origins.resolve(path) };
  return projectFromData(virtual, raw);
}
function ignoredFields(schema, data, path) {
  if (!isObject(schema) || data === void 0) return [];
  const reason = schema[IGNORED_KEY];
  if (typeof reason === "string") return [`${path}: ${reason}`];
  const out = [];
  if (isObject(schema.properties) && isObject(data)) {
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (key in data) out.push(...ignoredFields(sub, data[key], path ? `${path}.${key}` : key));
    }
  }
  if (Array.isArray(data) && isObject(schema.items)) {
    data.forEach((item, i) => out.push(...ignoredFields(schema.items, item, `${path}[${i}]`)));
  }
  return out;
}
function subscriptionNotes(r) {
  const out = [];
  list(r.spec.subscriptions).forEach((sub, i) => {
    if (!isObject(sub)) return;
    for (const kind of ["image", "git", "chart"]) {
      const body = sub[kind];
      if (!isObject(body)) continue;
      for (const [field, why] of Object.entries(DROPPED_SUBSCRIPTION_FIELDS[kind])) {
        if (field in body) out.push(`spec.subscriptions[${i}].${kind}.${field}: ${why}`);
      }
    }
  });
  return out;
}
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function roleOf(r, project) {
  switch (r.kind) {
    case "Project":
      return `project ${r.name}: the gantry file .gantry/${r.name}.yaml (kargo: <dir>) points at these manifests`;
    case "ProjectConfig": {
      const n = list(r.spec.promotionPolicies).length;
      return `promotion policies (${n}): decide which stages auto-promote`;
    }
    case "Warehouse": {
      const w = project?.warehouses.find((x) => x.name === r.name);
      if (!w && !project) return "warehouse (not read: see the problems below)";
      const subs = w ? w.subscriptions.map((s) => s.kind).join(", ") : plural(list(r.spec.subscriptions).length, "subscription");
      const manual = w?.freightCreationPolicy === "Manual" ? "; freightCreationPolicy Manual: freight only from gantry freight assemble" : "";
      return `warehouse: gantry discover watches ${subs || "nothing"} and records freight as tags${manual}`;
    }
    case "Stage": {
      const st = project?.stages.find((x) => x.name === r.name);
      if (!st) return "stage (not read: see the problems below)";
      const from = st.requestedFreight.map(
        (q) => q.sources.direct ? `${q.origin.name} directly` : `${q.origin.name} via ${q.sources.stages.join("/")}`
      ).join(", ");
      const steps = st.promotionTemplate.steps.length ? `gantry promote runs ${plural(st.promotionTemplate.steps.length, "step")}` : "no steps (a control-flow stage): a promotion records the freight only";
      const verify = st.verification.length ? `; gantry verify measures ${plural(st.verification.length, "metric")}` : "";
      return `stage: takes ${from}; ${steps}${verify}; auto-promotion ${st.autoPromotion ? "on" : "off"}`;
    }
    case "PromotionTask":
    case "ClusterPromotionTask":
      return `task: its ${plural(list(r.spec.steps).length, "step")} run where a stage's step names it (task:)`;
    default:
      return `analysis template: ${plural(list(r.spec.metrics).length, "metric")}, measured by gantry verify for the stages that name it`;
  }
}
function kargoImport(dir, files) {
  const read = readManifests(files);
  const base = normalizeKargoDir(dir);
  const names = read.resources.filter((r) => r.kind === "Project").map((r) => r.name);
  const fallback = base.replace(/^.*\//, "").toLowerCase().replace(/[^a-z0-9-]/g, "-") || "kargo";
  const projects = [];
  const problems = [...read.problems];
  if (!read.problems.length) {
    for (const name of names.length ? names : [fallback]) {
      const side = `kargo: ${base || "."}
${names.length ? `project: ${name}
` : ""}`;
      const result = parseKargoProject(`.gantry/${name}.yaml`, side, files);
      if (result.project) projects.push(result.project);
      problems.push(...result.problems);
    }
  }
  const entries = read.resources.map((r) => {
    const project = projects.find((p) => p.name === r.namespace) ?? (projects.length === 1 ? projects[0] : void 0);
    const schemaKind = SCHEMA_OF[r.kind] ?? r.kind;
    const data = r.src.doc.toJS();
    return {
      file: r.src.file,
      line: positionOf(r.src, r.src.doc.contents ?? void 0).line,
      kind: r.kind,
      name: r.name,
      does: roleOf(r, project),
      ignored: [
        ...ignoredFields(SCHEMAS[schemaKind], data, ""),
        ...r.kind === "Warehouse" ? subscriptionNotes(r) : []
      ]
    };
  });
  for (const d of read.skipped) {
    entries.push({
      file: d.file,
      line: d.line,
      kind: d.kind,
      name: d.name,
      does: `skipped: ${d.reason}`,
      ignored: []
    });
  }
  entries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { entries, projects, problems: tidyProblems(problems) };
}

export {
  KARGO_API_VERSION,
  ROLLOUTS_API_VERSION,
  readManifests,
  parseKargoProject,
  kargoImport
};
