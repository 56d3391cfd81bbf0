import { runAction } from './run.js';

// The root action: `command:` picks discover, promote, verify or approve.
await runAction('root');
