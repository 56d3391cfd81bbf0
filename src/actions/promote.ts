import { runAction } from './run.js';

await runAction('promote');
