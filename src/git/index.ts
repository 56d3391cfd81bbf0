export {
  Git,
  GitError,
  type GitFailureKind,
  type GitIdentity,
  type GitOptions,
  type GitResult,
  type RunOptions,
} from './git.js';
export { parseRemote, isHttpRemote, type GitCredentials, type Remote } from './remote.js';
export { shallowCommitsOf } from './shallow.js';
