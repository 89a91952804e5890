// hearth-r0fl-kickoff.js
//
// Copyright 2026 The Hearth authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the module factory; the helper reads __hearth.state in its next evaluation
// (roblox-r0fl.md §4.5). A factory that is not async (the older generation) throws an abort
// during start-up straight out of the call instead of rejecting: the same failure.
__hearth.state = "loading";
(function () {
  function failed(e) { __hearth.state = "failed"; __hearth.error = String(e); __hearth.errorStack = String(e && e.stack || ""); }
  try {
    ToolsModule().then(            // not Promise.resolve(): emscripten's Module may be a thenable
      function (module) { globalThis.Tools = module; __hearth.state = "ready"; },
      failed);
  } catch (e) {
    failed(e);
  }
})();
