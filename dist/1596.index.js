export const id = 1596;
export const ids = [1596];
export const modules = {

/***/ 1596:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7496);

await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)('discover');

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
