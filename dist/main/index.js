import { start } from '../index.js';

await start("main");
