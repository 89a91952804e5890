/* hearth-r0fl-runner.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"
#include "hearth-r0fl.h"

G_BEGIN_DECLS

/**
 * HearthR0flLimits:
 * @cpu_seconds: CPU time of the helper (RLIMIT_CPU); 0 for the default (300 s)
 * @memory_bytes: resident-memory budget, enforced by a watchdog; 0 for the
 *   default (4 GiB); never more than three quarters of physical memory
 * @wall_seconds: wall-clock deadline; 0 for twice the CPU limit plus 10 s
 * @output_bytes: cap on the statement text; 0 for the default (8 GiB)
 * @no_jit: run JavaScriptCore without its JIT (`--no-jit`)
 * @fast_path: read statements straight from WASM memory (`--fast-path`)
 * @helper: (nullable): the helper program to run instead of
 *   hearth_r0fl_helper_path() (tests)
 *
 * The limits of one helper run (roblox-r0fl.md §5.2).
 */
typedef struct
{
  guint    cpu_seconds;
  guint64  memory_bytes;
  guint    wall_seconds;
  guint64  output_bytes;
  gboolean no_jit;
  gboolean fast_path;
  const char *helper;
} HearthR0flLimits;

/**
 * HearthR0flStats:
 *
 * What a run measured, for benchmarks and debugging. Times are
 * g_get_monotonic_time() values in microseconds.
 */
typedef struct
{
  gint64   spawn_us;            /* before the helper was started */
  gint64   info_us;             /* the I record arrived (the module is ready) */
  gint64   done_us;             /* the stream ended */
  guint64  statement_bytes;
  guint64  n_chunks;
  double   load_ms;             /* from the D record */
  double   init_ms;
  double   parse_ms;
  int      rc;
  double   decode_ms;           /* from the D record: reading and decoding the container */
} HearthR0flStats;

gboolean       hearth_r0fl_helper_available  (void);
char          *hearth_r0fl_helper_path       (void);
void           hearth_r0fl_set_default_limits (const HearthR0flLimits   *limits);
void           hearth_r0fl_get_default_limits (HearthR0flLimits         *limits);
HearthProfile *hearth_r0fl_run               (const HearthImportSource *source,
                                              const HearthR0flInfo     *info,
                                              const HearthR0flLimits   *limits,
                                              HearthR0flStats          *stats,
                                              GError                  **error);

G_END_DECLS
