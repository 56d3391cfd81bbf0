import { createRequire as gantryCreateRequire } from 'node:module';
const require = gantryCreateRequire(import.meta.url);
import {
  OperationError
} from "./HQMHHTDW.js";

// src/github/port.ts
var StaleHeadError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "StaleHeadError";
  }
};
var PullRequestNotMergeableError = class extends OperationError {
  constructor(message, number, status, reason) {
    super(message);
    this.number = number;
    this.status = status;
    this.reason = reason;
  }
  number;
  status;
  reason;
  name = "PullRequestNotMergeableError";
};

export {
  StaleHeadError,
  PullRequestNotMergeableError
};
