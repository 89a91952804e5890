#!/usr/bin/env python3
# gen-diff-dumps.py
#
# Copyright 2026 The Hearth authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes family-A MicroProfiler dumps (docs/formats/microprofiler.md §6,
§17.1) that differ in known places, for the Compare view:

    gen-diff-dumps.py OUTPUT left|right [FRAMES [JITTER_SEED]]

Per frame, thread Main (ms):

    scope      left   right   relative   absolute (0.5 / 7 ms)
    Physics    20     22      9.1 %      2 ms
    AI          4      4      same       same      (Pathfind 2 / 2)
    Render      4      8      50 %       4 ms
    Tween       0.1    0.3    66.7 %     0.2 ms: gray in absolute mode
    UI          3      1      66.7 % L   2 ms L
    Audio       1      -      only in Left
    GC          -      0.5    only in Right

With JITTER_SEED, every duration varies by up to ±3 % (deterministic), to
make several captures of the same side for the noise filter."""

import random
import sys

TIMERS = ["Frame", "Physics", "AI", "Pathfind", "Render", "Tween", "UI", "Audio", "GC"]

SCENES = {
    # (name, ms, children)
    "left": [("Physics", 20, []), ("AI", 2, [("Pathfind", 2, [])]), ("Render", 4, []),
             ("Tween", 0.1, []), ("UI", 3, []), ("Audio", 1, [])],
    "right": [("Physics", 22, []), ("AI", 2, [("Pathfind", 2, [])]), ("Render", 8, []),
              ("Tween", 0.3, []), ("UI", 1, []), ("GC", 0.5, [])],
}

FRAME_MS = 40.0
TICKS_PER_MS = 10000  # 10 MHz, scale 1e-4


def main():
    out, side = sys.argv[1], sys.argv[2]
    n_frames = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    rng = random.Random(int(sys.argv[4])) if len(sys.argv) > 4 else None

    def dur(ms):
        return ms * (1 + rng.uniform(-0.03, 0.03)) if rng else ms

    lines = []
    w = lines.append
    w("var DumpHost = 'synthetic';")
    w("var DumpUtcCaptureTime = %d;" % (1700000000 + (0 if side == "left" else 3600)))
    w("var AggregateInfo = {'Frames':%d, 'Time':%f};" % (n_frames, n_frames * FRAME_MS))
    w("var CategoryInfo = Array(1);")
    w('CategoryInfo[0] = "Default";')
    w("var GroupInfo = Array(1);")
    w("")
    w("GroupInfo[0] = MakeGroup(0, \"Game\", 0, %d, 0, 1.000000, 1.000000, 1.000000, '#ff8000');" % len(TIMERS))
    w("")
    w("var TimerInfo = Array(%d);" % len(TIMERS))
    w("")
    for i, name in enumerate(TIMERS):
        w("TimerInfo[%d] = MakeTimer(%d, \"%s\", 0, '#4080ff','#20407f', 1.000000, 1.000000, 1.000000, "
          "1.000000, 1.000000, 1.000000, 1, 1.000000,\n\t[0,],[0,],[0,]);" % (i, i, name))
    w("")
    w("var ThreadNames = ['Main',];")
    w("")
    w("var ThreadIds = [0x1a2b,];")
    w("")
    w("var ThreadGpu = [0,];")
    w("")
    w("var ThreadGroupTimeArray = [")
    w("MakeTimes(1.000000e-04,[0x%x,]),")
    lines[-1] = lines[-1] % int(n_frames * FRAME_MS * TICKS_PER_MS)
    w("];")
    w("var MetaNames = [];")
    w("")
    w("var CounterInfo = [];")
    w("")
    w("var Frames = Array(%d);" % n_frames)

    for f in range(n_frames):
        start = f * FRAME_MS
        tt, ts, ti = [], [], []
        t = start

        def emit(code, timer, ms):
            tt.append(code)
            ti.append(TIMERS.index(timer))
            ts.append(int(round(ms * TICKS_PER_MS)))

        def scope(name, ms, children):
            nonlocal t
            emit(1, name, t)
            own = dur(ms)
            t += own
            for child in children:
                scope(*child)
            emit(0, name, t)

        emit(1, "Frame", t)
        t += 0.2
        for s in SCENES[side]:
            scope(*s)
        emit(0, "Frame", t)

        w("var tt%d = [\n[%s,],\n];" % (f, ",".join(str(x) for x in tt)))
        w("var ts%d = [\nMakeTimes(1.000000e-04,[%s,]),\n];" % (f, ",".join("0x%x" % x for x in ts)))
        w("var ti%d = [\n[%s,],\n];" % (f, ",".join(str(x) for x in ti)))
        w("var tl%d = [\n[],\n];" % f)
        w("Frames[%d] = MakeFrame(0, %f, %f, %f, %f, ts%d, tt%d, ti%d, tl%d);"
          % (f, start, start + FRAME_MS, start, start + FRAME_MS, f, f, f, f))

    w("var CSwitchThreadInOutCpu = [\n];")
    w("var CSwitchTime = [\n];")
    w("var CSwitchThreads = {};")

    with open(out, "w") as fp:
        fp.write("<!DOCTYPE HTML>\n<html>\n<head>\n<title>MicroProfile Capture</title>\n</head>\n"
                 "<body>\n<script>\n")
        fp.write("\n".join(lines) + "\n")
        fp.write("</script>\n</body>\n</html>\n")


if __name__ == "__main__":
    main()
