export const id = 1324;
export const ids = [1324];
export const modules = {

/***/ 1324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inGroup)
/* harmony export */ });
/** `fn` inside the fold `name` when the adapter folds, else simply `fn`. */
function inGroup(group, name, fn) {
    return group ? group(name, fn) : fn();
}


/***/ })

};
