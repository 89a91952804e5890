// hearth-r0fl-fast-path.js
//
// Copyright 2026 The Hearth authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Optional (--fast-path): hand statement bytes to C straight from WASM memory, bypassing the
// glue's decoding. Evaluated after the prelude, before the module text (roblox-r0fl.md §4.9).
(function (g) {
  "use strict";
  var WA = g.WebAssembly, instantiate = WA.instantiate;       // the synchronous shim
  WA.instantiate = function (source, imports) {
    var env = imports && imports.env;
    if (env && typeof env.call_js_exec === "function") {
      var original = env.call_js_exec;                         // the glue's own routing
      env.call_js_exec = function (ptr, len) {
        var memory = g.__hearth.exports && g.__hearth.exports.memory;
        if (!(memory instanceof WA.Memory)) return original(ptr, len);
        var buffer = memory.buffer;                            // the current buffer, after any growth
        if (!ptr || ptr >= buffer.byteLength) { __hearth_exec(""); return; }
        __hearth_exec_raw(new Uint8Array(buffer, ptr, Math.min(len, buffer.byteLength - ptr)));
      };
      g.__hearth.fastPath = true;
    }
    return instantiate(source, imports);
  };
})(globalThis);
