// hearth-r0fl-kickoff.js
//
// Copyright 2026 The Hearth authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the module factory; the helper reads __hearth.state in its next evaluation
// (roblox-r0fl.md §4.5).
__hearth.state = "loading";
ToolsModule().then(
  function (module) { globalThis.Tools = module; __hearth.state = "ready"; },
  function (e) { __hearth.state = "failed"; __hearth.error = String(e); __hearth.errorStack = String(e && e.stack || ""); });
