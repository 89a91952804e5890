/* bench-microprofile.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-microprofile"

/* Loads a MicroProfiler dump through hearth_import_file() (memory map, parse,
 * build the model) and compares the speed with reading the same file with
 * read(2), like `cat FILE > /dev/null`, measured in the same run after one
 * warm-up read.
 *
 *   bench-microprofile FILE
 *
 * Prints MB/s, seconds, the ratio against the plain read, and the peak RSS
 * (getrusage ru_maxrss) relative to the file size.
 *
 * Dumps of 4 MB and more are read by two threads (the parser and a frame
 * worker, hearth-microprofile-reader.c). HEARTH_MICROPROFILE_PIPELINE=0
 * measures the single-threaded path for comparison. To check the pipeline
 * for data races:
 *
 *   meson setup _build-tsan -Db_sanitize=thread -Dr0fl=disabled
 *   meson compile -C _build-tsan bench/bench-microprofile
 *   _build-tsan/bench/bench-microprofile DUMP */

#include "config.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth-importer.h"

static double
read_whole_file (const char *path,
                 gsize      *size)
{
  static char buf[1 << 20];
  gint64 t0 = g_get_monotonic_time ();
  int fd = open (path, O_RDONLY);
  gssize n;

  *size = 0;
  if (fd < 0)
    g_error ("%s: %s", path, g_strerror (errno));
  while ((n = read (fd, buf, sizeof buf)) > 0)
    *size += n;
  close (fd);
  return (g_get_monotonic_time () - t0) / 1e6;
}

static double
cpu_seconds (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  guint *calls = user_data;

  (*calls)++;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  struct rusage usage;
  gsize size;
  double cat_s, load_s, mb, cpu0, load_cpu;
  guint progress_calls = 0;
  gint64 t0;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE\n", argv[0]);
      return 2;
    }

  read_whole_file (argv[1], &size);            /* warm-up: the file is in the page cache */
  cat_s = read_whole_file (argv[1], &size);
  mb = size / (1024.0 * 1024.0);

  file = g_file_new_for_path (argv[1]);
  cpu0 = cpu_seconds ();
  t0 = g_get_monotonic_time ();
  profile = hearth_import_file (file, NULL, NULL, progress_cb, &progress_calls, &error);
  load_s = (g_get_monotonic_time () - t0) / 1e6;
  load_cpu = cpu_seconds () - cpu0;
  if (profile == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("file          %s\n", argv[1]);
  g_print ("size          %.1f MB\n", mb);
  g_print ("format        %s\n", hearth_profile_get_format (profile));
  g_print ("frames        %u, threads %u, nodes %u, functions %u, warnings %u\n",
           hearth_profile_get_n_frames (profile), hearth_profile_get_n_threads (profile),
           hearth_profile_get_n_nodes (profile), hearth_profile_get_n_functions (profile),
           g_strv_length ((char **) hearth_profile_get_warnings (profile)));
  g_print ("read(2)       %.3f s  %.0f MB/s\n", cat_s, mb / cat_s);
  g_print ("load          %.3f s  %.0f MB/s  (%.2fx the read time)  progress calls %u\n",
           load_s, mb / load_s, load_s / cat_s, progress_calls);
  g_print ("load CPU time %.3f s  %.0f MB/s  (the machine is shared: CPU time is the steadier figure)\n",
           load_cpu, mb / load_cpu);
  g_print ("peak RSS      %.1f MB  (%.2fx the file size)\n",
           usage.ru_maxrss / 1024.0, usage.ru_maxrss / 1024.0 / mb);
  return 0;
}
