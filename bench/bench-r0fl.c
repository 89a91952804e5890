/* bench-r0fl.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-r0fl"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "hearth-r0fl.h"
#include "hearth-r0fl-runner.h"

/* Modern Roblox dumps end to end (docs/formats/roblox-r0fl.md §8.8):
 *
 *   meson compile -C _build bench-r0fl bench-family-c.html hearth-r0fl-helper
 *   HEARTH_R0FL_HELPER=_build/src/helper/hearth-r0fl-helper \
 *     _build/bench/bench-r0fl _build/bench/bench-family-c.html [--fast-path] [--runs N]
 *
 * Prints, per run: MB/s of statement text from helper start to a complete
 * model (helper, records, statement parser, builder), next to a baseline
 * measured in the same run (the helper alone, read by a parent that only
 * counts bytes), the helper's start-up time to its I record, and the
 * load-ms, init-ms and parse-ms of its D record. */

static double
cpu_seconds (int who)
{
  struct rusage u;

  getrusage (who, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static double
baseline (const char *path,
          gboolean    fast_path,
          guint64    *bytes)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *helper = hearth_r0fl_helper_path ();
  g_autofree guint8 *buf = g_malloc (1 << 20);
  GInputStream *out;
  gint64 start;
  gssize n;

  *bytes = 0;
  g_subprocess_launcher_set_stdin_file_path (launcher, path);
  start = g_get_monotonic_time ();
  p = g_subprocess_launcher_spawn (launcher, &error, helper, "--file-name=bench.html",
                                   fast_path ? "--fast-path" : NULL, NULL);
  if (p == NULL)
    g_error ("%s", error->message);
  out = g_subprocess_get_stdout_pipe (p);
  while ((n = g_input_stream_read (out, buf, 1 << 20, NULL, NULL)) > 0)
    *bytes += n;
  g_subprocess_wait (p, NULL, NULL);
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMappedFile) map = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  gboolean fast_path = FALSE;
  guint runs = 3;
  HearthImportSource source = { 0 };
  HearthR0flInfo info;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--fast-path") == 0)
        fast_path = TRUE;
      else if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        runs = (guint) atoi (argv[++i]);
      else
        path = argv[i];
    }
  if (path == NULL)
    {
      fprintf (stderr, "usage: bench-r0fl DUMP.html [--fast-path] [--runs N]\n");
      return 2;
    }
  if (!hearth_r0fl_helper_available ())
    {
      fprintf (stderr, "bench-r0fl: built without JavaScriptCore\n");
      return 77;
    }

  map = g_mapped_file_new (path, FALSE, &error);
  if (map == NULL)
    g_error ("%s", error->message);
  source.display_name = path;
  source.path = path;
  source.data = (const guint8 *) g_mapped_file_get_contents (map);
  source.length = g_mapped_file_get_length (map);
  if (!hearth_r0fl_validate (source.data, source.length, &info, &error))
    g_error ("%s", error->message);
  printf ("dump: %s, %.1f MB, body %.1f MB, %s path\n", path, source.length / 1e6, info.body_size / 1e6,
          fast_path ? "fast" : "faithful");

  for (guint r = 0; r < runs; r++)
    {
      HearthR0flLimits limits = { 0 };
      HearthR0flStats stats = { 0 };
      g_autoptr(HearthProfile) profile = NULL;
      guint64 base_bytes;
      double base_s, total_s, stream_s;
      double self0, child0, self_cpu, child_cpu;
      gint64 end;

      limits.fast_path = fast_path;
      self0 = cpu_seconds (RUSAGE_SELF);
      child0 = cpu_seconds (RUSAGE_CHILDREN);
      profile = hearth_r0fl_run (&source, &info, &limits, &stats, &error);
      end = g_get_monotonic_time ();
      self_cpu = cpu_seconds (RUSAGE_SELF) - self0;
      child_cpu = cpu_seconds (RUSAGE_CHILDREN) - child0;
      if (profile == NULL)
        g_error ("%s", error->message);
      total_s = (end - stats.spawn_us) / 1e6;
      stream_s = (stats.done_us - stats.spawn_us) / 1e6;
      base_s = baseline (path, fast_path, &base_bytes);

      printf ("run %u: %" G_GUINT64_FORMAT " chunks, %.1f MB of statements, %u frames\n",
              r + 1, stats.n_chunks, stats.statement_bytes / 1e6, hearth_profile_get_n_frames (profile));
      printf ("  end to end (helper start to complete model): %.3f s, %.1f MB/s\n",
              total_s, stats.statement_bytes / 1e6 / total_s);
      printf ("  helper start to end of stream (records parsed): %.3f s, %.1f MB/s\n",
              stream_s, stats.statement_bytes / 1e6 / stream_s);
      printf ("  CPU time: Hearth %.3f s (%.1f MB/s of statements per CPU second), helper %.3f s (%.1f MB/s)\n",
              self_cpu, stats.statement_bytes / 1e6 / self_cpu, child_cpu, stats.statement_bytes / 1e6 / child_cpu);
      printf ("  baseline, helper alone with a counting reader: %.3f s, %.1f MB/s\n",
              base_s, base_bytes / 1e6 / base_s);
      printf ("  helper start-up to the I record: %.1f ms (container + context + prelude + module + kickoff)\n",
              (stats.info_us - stats.spawn_us) / 1e3);
      printf ("  D record: decode-ms %.1f, load-ms %.1f, init-ms %.1f, parse-ms %.1f\n",
              stats.decode_ms, stats.load_ms, stats.init_ms, stats.parse_ms);
    }
  return 0;
}
