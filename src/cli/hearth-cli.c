/* hearth-cli.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "hearth-combine.h"
#include "hearth-flame-render.h"
#include "hearth-folded.h"
#include "hearth-importer.h"
#include "hearth-papyrus-reader.h"
#include "hearth-profile.h"
#include "hearth-speedscope-writer.h"
#include "hearth-table-export.h"
#include "hearth-units.h"

/* Exit codes are part of the contract: 0 success, 1 a capture could not be
 * loaded (or has no data for what was asked), 2 the command line is wrong. */
enum
{
  EXIT_OK = 0,
  EXIT_LOAD = 1,
  EXIT_USAGE = 2,
};

typedef struct
{
  const char    *command;
  GPtrArray     *files;       /* const char *, as typed */
  gboolean       per_frame;
  HearthAverage  average;
  gboolean       average_set;
  /* flamegraph */
  gboolean       bottom_up;
  gboolean       xray;
  HearthMetric   metric;
  gboolean       metric_set;
  int            width;
  const char    *output;
} Options;

static const char usage_text[] =
  "Usage:\n"
  "  hearth-cli info FILE\n"
  "  hearth-cli functions [--per-frame] [--average 1s|1min|5min|10min] FILE…\n"
  "  hearth-cli tree [--per-frame] [--average 1s|1min|5min|10min] FILE…\n"
  "  hearth-cli folded FILE…\n"
  "  hearth-cli calls FILE…\n"
  "  hearth-cli speedscope FILE…\n"
  "  hearth-cli flamegraph [--bottom-up] [--metric cpu|alloc-count|alloc-bytes] [--xray]\n"
  "                        [--width W] FILE… -o OUT.svg|OUT.png\n"
  "\n"
  "Reads game-script profiler captures (Roblox Script Profiler exports,\n"
  "MicroProfiler dumps, …) and writes tables for scripts and CI.\n"
  "Several FILEs are combined into one profile.\n"
  "\n"
  "Commands:\n"
  "  info       key: value lines (format, functions, nodes, frames, session_ms, total_ms)\n"
  "  functions  CSV name,source,line,total_ms,self_ms,calls, by total descending\n"
  "  tree       CSV depth,path,name,source,line,total_ms,self_ms,calls, depth-first\n"
  "  folded     folded stacks, root first, self time in integer microseconds\n"
  "  calls      Papyrus logs: CSV stack_id,depth,object,script,state,function,\n"
  "             queue_push,push,queue_pop,pop,queue_wait_ms,run_ms, one row per call\n"
  "  speedscope speedscope JSON, to open the capture in other tools\n"
  "  flamegraph an SVG or PNG flame graph (the format follows OUT's extension)\n"
  "\n"
  "Options:\n"
  "  --per-frame        divide by the capture's frame count\n"
  "  --average WINDOW   extrapolate to a window (1s, 1min, 5min, 10min)\n"
  "  --bottom-up        flamegraph: callers below the functions where time is spent\n"
  "  --metric METRIC    flamegraph: box widths by cpu, alloc-count or alloc-bytes\n"
  "  --xray             flamegraph: shade boxes by allocations (X-Ray)\n"
  "  --width W          flamegraph: image width in pixels (default 1200)\n"
  "  -o, --output FILE  flamegraph: where to write the picture\n"
  "  -h, --help         show this help\n"
  "  --version          show the version\n"
  "\n"
  "Exit status: 0 success, 1 a capture could not be loaded, 2 usage error.\n";

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "hearth-cli: %s\nTry 'hearth-cli --help' for more information.\n", message);
  return EXIT_USAGE;
}

static gboolean
command_takes_scaling (const char *command)
{
  return g_str_equal (command, "functions") || g_str_equal (command, "tree");
}

static int
parse_options (int       argc,
               char    **argv,
               Options  *options)
{
  gboolean only_files = FALSE;

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];

      if (only_files || arg[0] != '-' || g_str_equal (arg, "-"))
        {
          g_ptr_array_add (options->files, (gpointer) arg);
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_files = TRUE;
          continue;
        }

      if (g_str_equal (arg, "--per-frame"))
        {
          if (!command_takes_scaling (options->command))
            return usage_error ("'%s' does not take --per-frame", options->command);
          options->per_frame = TRUE;
          continue;
        }

      if (g_str_equal (arg, "--average") || g_str_has_prefix (arg, "--average="))
        {
          const char *value;

          if (!command_takes_scaling (options->command))
            return usage_error ("'%s' does not take --average", options->command);

          if (arg[strlen ("--average")] == '=')
            value = arg + strlen ("--average=");
          else if (i + 1 < argc)
            value = argv[++i];
          else
            return usage_error ("--average needs a value: 1s, 1min, 5min or 10min");

          if (!hearth_average_from_string (value, &options->average) ||
              options->average == HEARTH_AVERAGE_OFF)
            return usage_error ("invalid --average '%s' (expected 1s, 1min, 5min or 10min)", value);
          options->average_set = TRUE;
          continue;
        }

      if (g_str_equal (options->command, "flamegraph"))
        {
          const char *value = NULL;
          gsize name_len = strcspn (arg, "=");
          g_autofree char *name = g_strndup (arg, name_len);
          gboolean takes_value = g_str_equal (name, "--metric") || g_str_equal (name, "--width") ||
                                 g_str_equal (name, "--output") || g_str_equal (name, "-o");

          if (takes_value)
            {
              if (arg[name_len] == '=')
                value = arg + name_len + 1;
              else if (i + 1 < argc)
                value = argv[++i];
              else
                return usage_error ("%s needs a value", name);

              if (value[0] == '\0')
                return usage_error ("%s needs a value", name);
            }

          if (g_str_equal (arg, "--bottom-up"))
            {
              options->bottom_up = TRUE;
              continue;
            }
          if (g_str_equal (arg, "--xray"))
            {
              options->xray = TRUE;
              continue;
            }
          if (g_str_equal (name, "--metric"))
            {
              if (!hearth_metric_from_string (value, &options->metric) ||
                  !(options->metric == HEARTH_METRIC_CPU_TIME ||
                    options->metric == HEARTH_METRIC_ALLOC_COUNT ||
                    options->metric == HEARTH_METRIC_ALLOC_BYTES))
                return usage_error ("invalid --metric '%s' (expected cpu, alloc-count or alloc-bytes)", value);
              options->metric_set = TRUE;
              continue;
            }
          if (g_str_equal (name, "--width"))
            {
              gint64 width = 0;

              if (!g_ascii_string_to_signed (value, 10, 16, 1000000, &width, NULL))
                return usage_error ("invalid --width '%s' (expected a whole number of pixels, 16 or more)", value);
              options->width = (int) width;
              continue;
            }
          if (g_str_equal (name, "--output") || g_str_equal (name, "-o"))
            {
              options->output = value;
              continue;
            }
        }

      return usage_error ("unknown option '%s'", arg);
    }

  if (g_str_equal (options->command, "flamegraph") && options->output == NULL)
    return usage_error ("'flamegraph' needs -o OUT.svg or -o OUT.png");

  if (options->files->len == 0)
    return usage_error ("'%s' needs at least one FILE", options->command);

  if (g_str_equal (options->command, "info") && options->files->len != 1)
    return usage_error ("'info' takes exactly one FILE");

  return EXIT_OK;
}

/* Write everything or report why not: a closed pipe is not a crash */
static int
write_stdout (const char *text)
{
  gsize len = strlen (text);

  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      if (errno != EPIPE)
        fprintf (stderr, "hearth-cli: cannot write output: %s\n", g_strerror (errno));
      return EXIT_LOAD;
    }

  return EXIT_OK;
}

static int
load_profiles (Options    *options,
               GPtrArray  *profiles)
{
  for (guint i = 0; i < options->files->len; i++)
    {
      const char *path = g_ptr_array_index (options->files, i);
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;
      HearthProfile *profile;

      profile = hearth_import_file (file, path, NULL, NULL, NULL, &error);
      if (profile == NULL)
        {
          /* the importer's messages start with the display name: "FILE: reason" */
          fprintf (stderr, "hearth-cli: %s\n", error->message);
          return EXIT_LOAD;
        }

      if (options->per_frame && hearth_profile_get_n_frames (profile) == 0)
        {
          fprintf (stderr, "hearth-cli: %s: the capture has no frames; --per-frame needs a capture with frames\n",
                   path);
          g_object_unref (profile);
          return EXIT_LOAD;
        }

      if (options->average_set && hearth_profile_get_session_ms (profile) <= 0)
        {
          fprintf (stderr, "hearth-cli: %s: the capture has no session length; --average needs one\n",
                   path);
          g_object_unref (profile);
          return EXIT_LOAD;
        }

      g_ptr_array_add (profiles, profile);
    }

  return EXIT_OK;
}

static int
run_command (Options *options)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  HearthTableOptions table_options;
  int status;

  status = load_profiles (options, profiles);
  if (status != EXIT_OK)
    return status;

  /* Call records belong to each log; combining would drop them, so the
   * logs are written one after another under one header */
  if (g_str_equal (options->command, "calls"))
    {
      for (guint i = 0; i < profiles->len; i++)
        if (g_strcmp0 (hearth_profile_get_format (g_ptr_array_index (profiles, i)), "papyrus") != 0)
          {
            fprintf (stderr, "hearth-cli: %s: not a Papyrus profiling log; 'calls' needs one\n",
                     (const char *) g_ptr_array_index (options->files, i));
            return EXIT_LOAD;
          }

      output = hearth_papyrus_calls_csv_many ((HearthProfile * const *) profiles->pdata, profiles->len, ',');
      if (output == NULL)
        {
          fprintf (stderr, "hearth-cli: %s: the log has no call records\n",
                   (const char *) g_ptr_array_index (options->files, 0));
          return EXIT_LOAD;
        }
      return write_stdout (output);
    }

  profile = hearth_profile_combine ((HearthProfile * const *) profiles->pdata, profiles->len);

  if (g_str_equal (options->command, "flamegraph"))
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (options->output);
      HearthFlameExportOptions flame_options;

      hearth_flame_export_options_init (&flame_options);
      flame_options.direction = options->bottom_up ? HEARTH_FLAME_BOTTOM_UP : HEARTH_FLAME_TOP_DOWN;
      if (options->metric_set)
        flame_options.metric = options->metric;
      flame_options.xray = options->xray;
      if (options->width > 0)
        flame_options.width = options->width;

      if (!hearth_flame_export_profile (profile, &flame_options, out, &error))
        {
          fprintf (stderr, "hearth-cli: %s: %s\n", options->output, error->message);
          return EXIT_LOAD;
        }
      return EXIT_OK;
    }

  hearth_table_options_init (&table_options);
  table_options.per_frame = options->per_frame;
  table_options.average = options->average_set ? options->average : HEARTH_AVERAGE_OFF;
  table_options.separator = ',';

  if (g_str_equal (options->command, "info"))
    output = hearth_table_info (profile);
  else if (g_str_equal (options->command, "functions"))
    output = hearth_table_functions_csv (profile, &table_options, &error);
  else if (g_str_equal (options->command, "tree"))
    output = hearth_table_tree_csv (profile, &table_options, &error);
  else if (g_str_equal (options->command, "speedscope"))
    output = hearth_speedscope_write (profile);
  else if (g_str_equal (options->command, "folded"))
    output = hearth_folded_write (profile,
                                  hearth_profile_has_metric (profile, HEARTH_METRIC_CPU_TIME)
                                    ? HEARTH_METRIC_CPU_TIME : HEARTH_METRIC_CALLS);
  else
    g_assert_not_reached ();

  if (output == NULL)
    {
      /* several files: name them all, the error is about their combination */
      g_autofree char *names = g_strjoinv (", ", (char **) options->files->pdata);

      fprintf (stderr, "hearth-cli: %s: %s\n", names, error ? error->message : "failed");
      return EXIT_LOAD;
    }

  return write_stdout (output);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const commands[] = {
    "info", "functions", "tree", "folded", "calls", "speedscope", "flamegraph",
  };
  Options options = { 0 };
  int status;

  /* Output is for machines: numbers are written locale-independently anyway,
   * but messages from GLib follow the user's language */
  setlocale (LC_ALL, "");

  if (argc < 2)
    return usage_error ("missing command (info, functions, tree, folded, calls, speedscope or flamegraph)");

  if (g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "help"))
    {
      fputs (usage_text, stdout);
      return EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("hearth-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i]))
      options.command = commands[i];

  if (options.command == NULL)
    return usage_error ("unknown command '%s' (expected info, functions, tree, folded, calls, speedscope or flamegraph)", argv[1]);

  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
      {
        fputs (usage_text, stdout);
        return EXIT_OK;
      }

  /* NULL-terminated so that the names can be joined for messages */
  options.files = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  status = parse_options (argc, argv, &options);
  if (status == EXIT_OK)
    status = run_command (&options);

  g_ptr_array_unref (options.files);
  return status;
}
