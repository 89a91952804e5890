    // fake-glue-common.js
    //
    // Copyright 2026 The Hearth authors
    //
    // SPDX-License-Identifier: GPL-3.0-or-later
    //
    // From docs/formats/roblox-r0fl.md §8.
    // ---- shared by both fake glue shapes (inserted at @@COMMON@@) ----
    // Constructed at start-up like the real glue does: a TextDecoder shim must accept "utf-16le".
    var utf8Decoder = globalThis.TextDecoder ? new TextDecoder() : undefined;
    var utf16Decoder = globalThis.TextDecoder ? new TextDecoder("utf-16le") : undefined;

    var wasm, HEAPU8;
    function refreshViews() {                     // memory.grow replaces the buffer
      if (!HEAPU8 || HEAPU8.buffer !== wasm.memory.buffer)
        Module.HEAPU8 = HEAPU8 = new Uint8Array(wasm.memory.buffer);
    }
    // Stops at the first NUL or after maxBytes. Spans over 16 bytes go through TextDecoder,
    // shorter ones through a small decoder that, like the real one, does not validate.
    function utf8ToString(ptr, maxBytes) {
      if (!ptr) return "";
      refreshViews();
      var limit = maxBytes === undefined ? HEAPU8.length : Math.min(HEAPU8.length, ptr + maxBytes);
      var end = ptr;
      while (end < limit && HEAPU8[end] !== 0) end++;
      if (end - ptr > 16 && utf8Decoder) return utf8Decoder.decode(HEAPU8.subarray(ptr, end));
      var s = "";
      for (var i = ptr; i < end; ) {
        var b = HEAPU8[i++], cp;
        if (b < 0x80) cp = b;
        else if (b < 0xE0) cp = (b & 0x1F) << 6 | (HEAPU8[i++] & 0x3F);
        else if (b < 0xF0) cp = (b & 0x0F) << 12 | (HEAPU8[i++] & 0x3F) << 6 | (HEAPU8[i++] & 0x3F);
        else cp = (b & 0x07) << 18 | (HEAPU8[i++] & 0x3F) << 12 | (HEAPU8[i++] & 0x3F) << 6 | (HEAPU8[i++] & 0x3F);
        s += String.fromCodePoint(cp > 0x10FFFF ? 0xFFFD : cp);
      }
      return s;
    }
    function utf8Bytes(str) {
      var bytes = [];
      for (var i = 0; i < str.length; i++) {
        var cp = str.codePointAt(i);
        if (cp > 0xFFFF) i++;
        if (cp < 0x80) bytes.push(cp);
        else if (cp < 0x800) bytes.push(0xC0 | cp >> 6, 0x80 | cp & 63);
        else if (cp < 0x10000) bytes.push(0xE0 | cp >> 12, 0x80 | cp >> 6 & 63, 0x80 | cp & 63);
        else bytes.push(0xF0 | cp >> 18, 0x80 | cp >> 12 & 63, 0x80 | cp >> 6 & 63, 0x80 | cp & 63);
      }
      return bytes;
    }

    // The three host-facing imports, routed like the real glue's.
    function call_js_exec(ptr, len) {
      if (self.isWorker) postMessage(utf8ToString(ptr, len));
      else window.ExecStatement(utf8ToString(ptr, len));
    }
    function call_js_result(ptr, len) {
      if (self.isWorker) { if (len > 0) postMessage(utf8ToString(ptr, len)); postMessage(""); }
      else window.SaveExportResult(utf8ToString(ptr, len));
    }
    function call_js_checkenv(ptr, len) {
      var workerMode = false;
      if (typeof WorkerGlobalScope !== "undefined") workerMode = self instanceof WorkerGlobalScope;
      self.isWorker = workerMode;
      // Read back through the bare global name, as the real glue does: this only works
      // when self is the global object.
      Tools.cwrap("SetWorkerMode", "number", ["number"])(isWorker ? 1 : 0);
      if (self.isWorker) {
        out("fake tools: running in a worker");
        self.onmessage = function (event) {
          var data = new Uint8Array(event.data.payload), p = Tools._malloc(data.length);
          Tools.HEAPU8.set(data, p);
          Tools.cwrap(event.data.func || "ParseRaw", "number", ["string", "number", "number"])(event.data.meta, p, data.length);
          if (typeof Tools._free === "function") Tools._free(p);
        };
        postMessage(utf8ToString(ptr, len));
        postMessage("");
      } else {
        out("fake tools: running in the main thread");
        window.SaveExportResult(utf8ToString(ptr, len));
      }
    }
    // Plumbing imports, reduced to what the fake WASM uses.
    function __assert_fail(cond, file, line, func) {
      abort("Assertion failed: " + utf8ToString(cond) + " (" + utf8ToString(file) + ":" + line + ", " + utf8ToString(func) + ")");
    }
    var lineBuffers = { 1: "", 2: "" };
    function fd_write(fd, iov, iovcnt, pnum) {    // stdout/stderr, line-buffered, to out/err
      refreshViews();
      var view = new DataView(wasm.memory.buffer), total = 0;
      for (var k = 0; k < iovcnt; k++) {
        var ptr = view.getUint32(iov + 8 * k, true), len = view.getUint32(iov + 8 * k + 4, true);
        lineBuffers[fd] += utf8ToString(ptr, len);
        total += len;
      }
      var lines = lineBuffers[fd].split("\n");
      lineBuffers[fd] = lines.pop();
      lines.forEach(function (line) { (fd === 2 ? err : out)(line); });
      view.setUint32(pnum, total, true);
      return 0;
    }

    function ccall(name, returnType, argTypes, args) {
      var f = wasm[name];
      if (typeof f !== "function") abort("Assertion failed: Cannot call unknown function " + name);
      var temporaries = [];
      var cArgs = (args || []).map(function (a, i) {
        if (argTypes[i] !== "string") return a;
        var bytes = utf8Bytes(String(a)), p = wasm.malloc(bytes.length + 1);
        refreshViews();
        HEAPU8.set(bytes, p);
        HEAPU8[p + bytes.length] = 0;
        temporaries.push(p);
        return p;
      });
      try {
        var ret = f.apply(null, cArgs);
      } finally {
        temporaries.forEach(function (p) { wasm.free(p); });
      }
      return returnType === "string" ? utf8ToString(ret) : ret;
    }
    function cwrap(name, returnType, argTypes) {
      return function () { return ccall(name, returnType, argTypes, Array.from(arguments)); };
    }
    var imports = { call_js_exec, call_js_result, call_js_checkenv, __assert_fail, fd_write };
    // ---- end of the shared part ----
