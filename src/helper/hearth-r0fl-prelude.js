// hearth-r0fl-prelude.js
//
// Copyright 2026 The Hearth authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Evaluated first, in a fresh context, after the native __hearth_* functions are installed
// (docs/formats/roblox-r0fl.md §4.4).
(function (g) {
  "use strict";

  // The glue takes its web branch when window exists, and its main-thread mode when self is
  // not a WorkerGlobalScope. self must be the global object itself: Init writes self.isWorker
  // and then reads the bare global isWorker.
  g.window = g;
  g.self = g;
  // Never defined: process require module exports define importScripts WorkerGlobalScope
  // document navigator location fetch XMLHttpRequest setTimeout setInterval clearInterval.

  function text(args) {
    var s = Array.prototype.map.call(args, function (a) {
      try { return a instanceof Error ? a + (a.stack ? "\n" + a.stack : "") : String(a); }
      catch (e) { return "?"; }
    }).join(" ");
    return typeof s.toWellFormed === "function" ? s.toWellFormed() : s;
  }
  function log0() { __hearth_log(0, text(arguments)); }
  g.console = {
    log: log0, info: log0, debug: log0, trace: log0,
    warn: function () { __hearth_log(1, text(arguments)); },
    error: function () { __hearth_log(2, text(arguments)); },
    assert: function (ok) {
      if (!ok) __hearth_log(2, "Assertion failed: " + text(Array.prototype.slice.call(arguments, 1)));
    },
  };

  // Optional: without it the glue decodes every string in JavaScript (slower).
  g.TextDecoder = function TextDecoder(label) {
    this.encoding = String(label === undefined ? "utf-8" : label).toLowerCase();
  };
  g.TextDecoder.prototype.decode = function (input) {
    if (input === undefined) return "";
    var u8 = input instanceof Uint8Array ? input
           : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
           : new Uint8Array(input);
    return this.encoding === "utf-16le" ? __hearth_decode_utf16le(u8) : __hearth_decode_utf8(u8);
  };

  g.atob = function (s) { return __hearth_atob(String(s)); };     // older modules only
  g.crypto = {                          // reached only if the module reads emscripten's random device
    getRandomValues: function (v) {
      for (var i = 0; i < v.length; i++) v[i] = (Math.random() * 256) | 0;
      return v;
    },
  };

  // JavaScriptCore's GLib API never completes the native asynchronous instantiation, so make
  // it synchronous. Keep the raw exports: ParseRaw's arity tells the generations apart.
  var WA = g.WebAssembly;
  var state = g.__hearth = { state: "new", error: null, exports: null, parseRawArity: -1, fastPath: false };
  WA.instantiate = function (source, imports) {
    try {
      var module = source instanceof WA.Module ? source : new WA.Module(source);
      var instance = new WA.Instance(module, imports || {});
      state.exports = instance.exports;
      state.parseRawArity = typeof instance.exports.ParseRaw === "function" ? instance.exports.ParseRaw.length : -1;
      return Promise.resolve(source instanceof WA.Module ? instance : { module: module, instance: instance });
    } catch (e) {
      return Promise.reject(e);
    }
  };
  WA.compile = function (source) {
    try { return Promise.resolve(new WA.Module(source)); } catch (e) { return Promise.reject(e); }
  };
  WA.instantiateStreaming = undefined;
  WA.compileStreaming = undefined;

  // The two page functions the glue calls in main-thread mode. JavaScriptCore's conversion to
  // UTF-8 stops at a lone surrogate, which the glue's own decoder can produce from bad bytes:
  // replace those with U+FFFD first, or the rest of the chunk is lost.
  function wellFormed(s) { s = String(s); return typeof s.toWellFormed === "function" ? s.toWellFormed() : s; }
  g.ExecStatement = function (chunk) { __hearth_exec(wellFormed(chunk)); };
  g.SaveExportResult = function (payload) { __hearth_result(wellFormed(payload)); };
})(globalThis);
