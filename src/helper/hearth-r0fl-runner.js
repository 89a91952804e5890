// hearth-r0fl-runner.js
//
// Copyright 2026 The Hearth authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The runner: check, Init, ParseRaw (roblox-r0fl.md §4.6). The value of the evaluation is an
// object whose methods the helper calls.
(function () {
  "use strict";
  var state = globalThis.__hearth;
  function flushStdio() {                       // pushes out buffered C stdio diagnostics, if any
    try { if (state.exports && typeof state.exports.fflush === "function") state.exports.fflush(0); }
    catch (e) { /* the module may already have aborted */ }
  }
  return {
    // "" when the module has what the runner needs, else what is missing.
    check: function () {
      if (typeof Tools !== "object" || Tools === null) return "the module object";
      if (typeof Tools.ccall !== "function") return "ccall";
      if (typeof Tools._malloc !== "function") return "_malloc";
      if (!(Tools.HEAPU8 instanceof Uint8Array)) return "HEAPU8";
      if (state.parseRawArity !== 2 && state.parseRawArity !== 3)
        return "ParseRaw with 2 or 3 parameters (found " + state.parseRawArity + ")";
      return "";
    },
    info: function () {
      return "arity=" + state.parseRawArity + "\nfree=" + (typeof Tools._free === "function" ? "yes" : "no") +
             "\nfast-path=" + (state.fastPath ? "yes" : "no") + "\n";
    },
    init: function () {
      Tools.ccall("Init", "number", []);          // -> call_js_checkenv -> SetWorkerMode(0) -> SaveExportResult(menu)
    },
    parse: function (body, meta) {              // body: Uint8Array, "    R0FL" + inflated body
      var n = body.length, p = Tools._malloc(n);
      if (!p) {                                 // the body does not fit in the 2 GiB WASM heap
        var e = new Error("_malloc(" + n + ") returned 0");
        e.name = "HearthAllocError";
        throw e;
      }
      Tools.HEAPU8.set(body, p);                // read HEAPU8 after _malloc: memory may have grown
      var rc;
      try {
        rc = state.parseRawArity === 2
          ? Tools.ccall("ParseRaw", "number", ["number", "number"], [p, n])
          : Tools.ccall("ParseRaw", "number", ["string", "number", "number"], [meta, p, n]);
      } catch (e) {
        flushStdio();
        throw e;                                // report the first error, not a later one
      }
      flushStdio();
      if (typeof Tools._free === "function") Tools._free(p);   // older modules have no _free
      return rc;
    },
  };
})()
