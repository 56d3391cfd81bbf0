export const id = 57;
export const ids = [57];
export const modules = {

/***/ 6057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   compileTagFilter: () => (/* binding */ compileTagFilter)
/* harmony export */ });
/* harmony import */ var _util_regex_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7107);
/**
 * Kargo's tag regexes. A module of its own so that image discovery without regexes does not load
 * the RE2 engine (re2js, ~12 ms of a process's start). The CLI and the actions still load it with
 * the project files (expressions, lint), so today this spares only a process of discovery alone.
 */

/** Compile the tag regexes (Go RE2, unanchored). Errors read `error compiling regular expression "…"`. */
function compileTagFilter(allow, ignore) {
    const allowRes = allow.map(_util_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .D);
    const ignoreRes = ignore.map(_util_regex_js__WEBPACK_IMPORTED_MODULE_0__/* .compileRegex */ .D);
    return {
        matches(tag) {
            if (ignoreRes.some((re) => re.test(tag)))
                return false;
            return allowRes.length === 0 || allowRes.some((re) => re.test(tag));
        },
    };
}


/***/ })

};
