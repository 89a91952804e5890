#!/usr/bin/env python3
# make-fake-dumps.py
#
# Copyright 2026 The Hearth authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# From docs/formats/roblox-r0fl.md §8.
"""Build Hearth's fake R0FL dumps: a fake tools module (Hearth's WAT and glue) plus a scripted body.

The R0FL body of a fake dump is a script for the fake ParseRaw: chunks separated by 0x1E;
a chunk starting with a byte 0x01..0x07 is a command, anything else is a statement chunk.
"""
import argparse
import base64
import os
import struct
import subprocess
import tempfile
import zlib

SEP = b"\x1e"
STDERR, ASSERT, RESULT, META, REPEAT, SPIN, GROW = (bytes([i]) for i in range(1, 8))

EXPORTS = {            # WASM variant -> the exports that replace @@EXPORTS@@
    "current":       '(export "Init" (func $init)) (export "ParseRaw" (func $parse_raw_3))',
    "older":         '(export "Init" (func $init)) (export "ParseRaw" (func $parse_raw_2))',
    "arity4":        '(export "Init" (func $init)) (export "ParseRaw" (func $parse_raw_4))',
    "no-handshake":  '(export "Init" (func $init_silent)) (export "ParseRaw" (func $parse_raw_3))',
    "bad-handshake": '(export "Init" (func $init_bad_json)) (export "ParseRaw" (func $parse_raw_3))',
}

args = None


def read(name, mode="r", src=True):
    with open(os.path.join(args.srcdir, name) if src else name, mode) as f:
        return f.read()


def write(name, data):
    with open(os.path.join(args.outdir, name), "wb") as f:
        f.write(data)


def wasm_variant(variant, max_pages=32768):
    wat = read("fake-tools.wat.in").replace("@@EXPORTS@@", EXPORTS[variant])
    wat = wat.replace('(memory (export "memory") 2 32768)', '(memory (export "memory") 2 %d)' % max_pages)
    assert '2 %d)' % max_pages in wat
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = os.path.join(tmp, "fake.wat"), os.path.join(tmp, "fake.wasm")
        with open(src, "w") as f:
            f.write(wat)
        subprocess.run([args.wat2wasm, src, "-o", dst], check=True)
        with open(dst, "rb") as f:
            return f.read()


def binary_string_literal(wasm):
    """The one-character-per-byte string literal the current glue decodes."""
    special = {0x00: "\u0100", 0x27: "\\'", 0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r"}
    return "".join(special.get(b, chr(b)) for b in wasm)


def tools_js(variant, shape="current", damage_wasm=False, max_pages=32768):
    wasm = wasm_variant(variant, max_pages)
    if damage_wasm:
        wasm = b"\x00bad" + wasm[4:]            # wrong magic: CompileError when instantiated
    js = read(f"fake-glue-{shape}.js.in").replace("@@COMMON@@", read("fake-glue-common.js"))
    if shape == "current":
        js = js.replace("@@WASM_BINARY_STRING@@", binary_string_literal(wasm))
    else:
        js = js.replace("@@WASM_BASE64@@", base64.b64encode(wasm).decode("ascii"))
    return js.encode("utf-8")


def blob(payload, size=None):
    """u32le uncompressed size, u32 0, zlib stream."""
    header = struct.pack("<II", len(payload) if size is None else size, 0)
    return header + zlib.compress(payload, 9)


def b64(data):
    return base64.b64encode(data).decode("ascii")


def dump(data_b64, tools_b64):
    parts = []
    if data_b64 is not None:
        parts.append("<!--R0FL" + data_b64 + "-->\n")
    if tools_b64 is not None:
        parts.append("<!--" + tools_b64 + "-->\n")
    parts.append("<!DOCTYPE html>\n<html><script>\n/* Hearth test dump: no viewer */\n</script></html>\n")
    return "".join(parts).encode("ascii")


def script(*chunks):
    return SEP.join(chunks)


def fixture_chunks(zero_frames=False):
    """The fixture statements, one statement per chunk; two share a chunk on purpose."""
    chunks, cur = [], []
    for line in read(args.fixture, src=False).splitlines(keepends=True):
        cur.append(line)
        if line.rstrip().endswith(";"):
            chunks.append("".join(cur))
            cur = []
    assert not cur, "the fixture must end with a complete statement"
    i = next(i for i, c in enumerate(chunks) if c.startswith("CategoryInfo = Array("))
    chunks[i:i + 2] = [chunks[i] + chunks[i + 1]]
    if zero_frames:
        i = next(i for i, c in enumerate(chunks) if c.startswith("Frames = Array("))
        chunks = chunks[:i] + ["Frames = Array(0);\n"]
    return [c.encode("utf-8") for c in chunks]


def u(v):
    """The writers' number style: one decimal digit below 10, else lowercase hex."""
    return str(v) if v < 10 else hex(v)


def family_c_stream(frames, pairs):
    """A large valid C-logical stream: the fixture's header, then `frames` frames in which
    thread 0 runs Frame (timer 0) around `pairs` Update (timer 1) scopes. 16.6 ms per frame,
    1e-4 ms per tick."""
    head = []
    for c in fixture_chunks():
        if c.startswith(b"Frames = Array("):
            break
        head.append(c.replace(b"{'Frames':2, 'Time':33.200000}",
                              b"{'Frames':%d, 'Time':%f}" % (frames, frames * 16.6)))
    out = head + [b"Frames = Array(%d);\n" % frames]
    span = 166000                                # ticks per frame
    step = span // (2 * pairs + 2)
    for f in range(frames):
        t0 = f * span
        tt, ts, ti = [1], [t0], [0]
        for k in range(pairs):
            tt += [1, 0]
            ts += [t0 + (2 * k + 1) * step, t0 + (2 * k + 2) * step]
            ti += [1, 1]
        tt.append(0)
        ts.append(t0 + span - 1)
        ti.append(0)
        join = lambda xs: ",".join(u(x) for x in xs) + ","
        out.append(b"S = {};\n")
        out.append(("S.tt%d = [\n[%s],\n[],\n];\n" % (f, join(tt))).encode())
        out.append(("S.ts%d = [\nMakeTimes(1.000000e-04,[%s]),\nMakeTimes(1.000000e-06,[]),\n];\n" % (f, join(ts))).encode())
        out.append(("S.ti%d = [\n[%s],\n[],\n];\n" % (f, join(ti))).encode())
        out.append(("S.tl%d = [\n[],\n[],\n];\n" % f).encode())
        start, end = f * 16.6, (f + 1) * 16.6
        out.append(("Frames[%d] = MakeFrame(0, %f, %f, %f, %f, S.ts%d, S.tt%d, S.ti%d, S.tl%d, 0, 0, "
                    "3000.0,  512.0, 1024.0, 0.000, 0, 0.000, 0,   0.10, %6.2f, %6.2f,   3.00); \n"
                    % (f, start, end, start, end, f, f, f, f, start + 12.0, start + 14.0)).encode())
    return out


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--wat2wasm", required=True)
    p.add_argument("--srcdir", required=True, help="folder with fake-tools.wat.in and the glue files")
    p.add_argument("--fixture", required=True, help="the fixture C-logical statements")
    p.add_argument("--outdir", required=True)
    p.add_argument("--huge-mib", type=int, default=64)
    p.add_argument("--bench-frames", type=int, default=0, help="also write bench-family-c.html")
    p.add_argument("--bench-pairs", type=int, default=2000)
    p.add_argument("--bench-only", action="store_true", help="write only bench-family-c.html")
    args = p.parse_args()
    os.makedirs(args.outdir, exist_ok=True)

    if args.bench_only:
        stream = script(*family_c_stream(args.bench_frames, args.bench_pairs))
        write("bench-family-c.html", dump(b64(blob(stream)), b64(blob(tools_js("current")))))
        return

    fixture = script(*fixture_chunks())
    cur_js, old_js = tools_js("current"), tools_js("older", shape="older")
    cur_tools, old_tools = b64(blob(cur_js)), b64(blob(old_js))
    good = b64(blob(fixture))

    # Both generations, the fixture statements; a bare .raw body.
    write("fixture-current.html", dump(good, cur_tools))
    write("fixture-older.html", dump(good, old_tools))
    write("fixture.raw", b"\0\0\0\0R0FL" + fixture)

    # Helper-level probe: meta echo, both UTF-8 decoding paths, diagnostics.
    probe = script(META,
                   "Probe1 = 'Main Ünïcødé ✓ thread';\n".encode("utf-8"),   # > 16 bytes: TextDecoder
                   "P2='é✓';\n".encode("utf-8"),                            # <= 16 bytes: glue decoder
                   b"P3='\xed\xa0\x80';\n",                                   # encodes a lone surrogate
                   STDERR + b"probe: a line on stderr\n",
                   RESULT + b"probe: a result payload")
    write("probe-current.html", dump(b64(blob(probe)), cur_tools))
    write("probe-older.html", dump(b64(blob(probe)), old_tools))

    # Outcomes of ParseRaw, and the limits.
    write("zero-frames.html", dump(b64(blob(script(*fixture_chunks(zero_frames=True)))), cur_tools))
    abort = script(*fixture_chunks()[:5],
                   STDERR + b"Mismatched log entries for thread 1 in frame 0\n",
                   ASSERT + b"entries == expected")
    write("abort.html", dump(b64(blob(abort)), cur_tools))
    write("abort-older.html", dump(b64(blob(abort)), old_tools))
    filler = b"FakePadding = '" + b"x" * 1006 + b"';\n"                 # 1 KiB, unknown to the parser
    huge = script(REPEAT + struct.pack("<I", args.huge_mib * 1024) + filler, *fixture_chunks())
    write("huge.html", dump(b64(blob(huge)), cur_tools))
    write("spin.html", dump(b64(blob(script(SPIN))), cur_tools))
    write("grow.html", dump(b64(blob(script(GROW))), cur_tools))
    small_heap = b64(blob(tools_js("current", max_pages=64)))                # a 4 MiB heap
    write("too-large.html", dump(b64(blob(script(b"//" + b"x" * (5 << 20) + b"\n"))), small_heap))

    # Modules Hearth must refuse.
    for variant in ("arity4", "no-handshake", "bad-handshake"):
        write(variant + ".html", dump(good, b64(blob(tools_js(variant)))))
    write("tools-no-module.html", dump(good, b64(blob(b"var NotTheToolsModule = 1;\n"))))
    write("tools-syntax-error.html", dump(good, b64(blob(cur_js[: len(cur_js) // 2]))))
    write("tools-bad-wasm.html", dump(good, b64(blob(tools_js("current", damage_wasm=True)))))

    # Damaged containers.
    write("data-bad-base64.html", dump(good[:40] + "*" + good[41:], cur_tools))
    write("data-short-header.html", dump(b64(b"\x10\x00\x00"), cur_tools))
    z = blob(fixture)
    write("data-truncated-zlib.html", dump(b64(z[:-16]), cur_tools))
    corrupt = bytearray(z)
    corrupt[30] ^= 0xFF
    write("data-corrupt-zlib.html", dump(b64(bytes(corrupt)), cur_tools))
    write("data-size-mismatch.html", dump(b64(blob(fixture, size=len(fixture) + 1)), cur_tools))
    write("data-trailing.html", dump(b64(z + b"junk"), cur_tools))
    write("tools-truncated-zlib.html", dump(good, b64(blob(cur_js)[:-16])))
    write("no-tools-comment.html", dump(good, None))

    if args.bench_frames:
        stream = script(*family_c_stream(args.bench_frames, args.bench_pairs))
        write("bench-family-c.html", dump(b64(blob(stream)), cur_tools))


main()
