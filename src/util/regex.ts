/**
 * Go RE2 patterns, with the engine loaded: a module that matches at run time (discovery's tag
 * filters, the copy step's globs, …) imports this one, and re2js loads with it. Modules that may
 * compile a pattern only for some projects (project checks, expressions) import ./regex-core.js,
 * and whoever loads those projects loads the engine first when they need it (loadRegexEngine).
 */
import { RE2JS, RE2JSException } from 're2js';
import { useRegexEngine } from './regex-core.js';

useRegexEngine({ RE2JS, RE2JSException });

export { compileRegex, loadRegexEngine, type Regex } from './regex-core.js';
