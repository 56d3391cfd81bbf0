#!/usr/bin/env node
import { start } from '../index.js';

await start("cli");
