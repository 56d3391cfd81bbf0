export const id = 7107;
export const ids = [7107];
export const modules = {

/***/ 7107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileRegex: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.DL),
/* harmony export */   loadRegexEngine: () => (/* reexport safe */ _regex_core_js__WEBPACK_IMPORTED_MODULE_0__.cG)
/* harmony export */ });
/* harmony import */ var re2js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2856);
/* harmony import */ var _regex_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8887);
/**
 * Go RE2 patterns, with the engine loaded: a module that matches at run time (discovery's tag
 * filters, the copy step's globs, …) imports this one, and re2js loads with it. Modules that may
 * compile a pattern only for some projects (project checks, expressions) import ./regex-core.js,
 * and whoever loads those projects loads the engine first when they need it (loadRegexEngine).
 */


(0,_regex_core_js__WEBPACK_IMPORTED_MODULE_0__/* .useRegexEngine */ .p8)({ RE2JS: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JS */ .L3, RE2JSException: re2js__WEBPACK_IMPORTED_MODULE_1__/* .RE2JSException */ .o_ });



/***/ })

};
