export const id = 389;
export const ids = [389];
export const modules = {

/***/ 1389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   environmentAction: () => (/* binding */ environmentAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5785);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(858);
/* harmony import */ var _repo_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1279);




/**
 * `command: environment`: the GitHub environment that gates a stage, as the project file says.
 * The promote job takes its `environment:` from this output, so the project file is the one
 * place that names it and the job cannot run under another.
 */
async function environmentAction(s, ctx) {
    const repo = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .openActionRepo */ .f2)(s, ctx);
    const project = await (0,_repo_js__WEBPACK_IMPORTED_MODULE_3__/* .singleProject */ .W5)(repo, s.project);
    const stage = (0,_pipeline_index_js__WEBPACK_IMPORTED_MODULE_1__/* .findStage */ .U9)(project, s.stage);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Output */ .k7.environment, stage.environment);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`stage ${stage.name} of ${project.name} is gated by environment ${stage.environment}`);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary
        .addRaw(`## gantry environment\n\nStage **${stage.name}** of **${project.name}** runs under environment **${stage.environment}**.\n`)
        .write();
}


/***/ })

};
