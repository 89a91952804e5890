/* hearth-cli.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-cli"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "hearth-annotation-export.h"
#include "hearth-combine.h"
#include "hearth-diff.h"
#include "hearth-diff-flame.h"
#include "hearth-frame-filter.h"
#include "hearth-frame-table.h"
#include "hearth-flame-render.h"
#include "hearth-folded.h"
#include "hearth-importer.h"
#include "hearth-papyrus-reader.h"
#include "hearth-profile.h"
#include "hearth-r0fl-runner.h"
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
  /* diff, and flamegraph of a diff */
  GPtrArray     *left;         /* const char *, NULL-terminated */
  GPtrArray     *right;
  HearthDiffMode mode;
  double         low;
  double         high;
  gboolean       low_set;
  gboolean       high_set;
  gboolean       noise;
  /* functions, tree */
  const char    *frames;
  /* every command: limits of the helper for modern Roblox dumps */
  HearthR0flLimits r0fl;
  gboolean       r0fl_set;
} Options;

static const char usage_text[] =
  "Usage:\n"
  "  hearth-cli info FILE\n"
  "  hearth-cli functions [--per-frame] [--average 1s|1min|5min|10min] [--frames A-B] FILE…\n"
  "  hearth-cli tree [--per-frame] [--average 1s|1min|5min|10min] [--frames A-B] FILE…\n"
  "  hearth-cli frames FILE\n"
  "  hearth-cli annotations FILE…\n"
  "  hearth-cli diff --left FILE… --right FILE… [--metric cpu|alloc-count|alloc-bytes]\n"
  "                  [--mode relative|absolute] [--low X] [--high Y] [--noise]\n"
  "  hearth-cli folded FILE…\n"
  "  hearth-cli calls FILE…\n"
  "  hearth-cli speedscope FILE…\n"
  "  hearth-cli flamegraph [--bottom-up] [--metric cpu|alloc-count|alloc-bytes] [--xray]\n"
  "                        [--width W] FILE… -o OUT.svg|OUT.png\n"
  "  hearth-cli flamegraph --left FILE… --right FILE… [diff options] -o OUT.svg|OUT.png\n"
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
  "  annotations CSV path,kind,name,value: labels and counters of each node\n"
  "             (MicroProfiler), in tree order; kind is label or counter\n"
  "  frames     CSV index,start_ms,end_ms,frame_ms,class,cpu_waits_for_gpu_ms,jobs_ms,\n"
  "             render_ms,gpu_ms,allocs,frees, one row per frame\n"
  "  diff       CSV path,name,left,right,delta,delta_pct,class,intensity, one row per\n"
  "             node of the union tree of both sides, depth first\n"
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
  "  --frames A-B       only frames A to B (0-based, inclusive) of a capture with frames\n"
  "  --left FILE…       diff: the baseline side (green)\n"
  "  --right FILE…      diff: the side compared with it (blue)\n"
  "  --mode MODE        diff: relative (|R-L|/max in %) or absolute (ms, bytes, count)\n"
  "  --low X, --high Y  diff: gray below X, full colour above Y\n"
  "  --noise            diff: gray changes within 2 pooled standard errors\n"
  "  -h, --help         show this help\n"
  "  --version          show the version\n"
  "\n"
  "Limits of the sandboxed helper that runs a modern Roblox dump's (R0FL) own\n"
  "parser, for every command:\n"
  "  --r0fl-cpu-limit SECONDS   CPU time (default 300)\n"
  "  --r0fl-memory-limit MIB    resident memory (default 4096; at most 3/4 of RAM)\n"
  "  --r0fl-wall-limit SECONDS  wall-clock time (default 0: twice the CPU limit + 10)\n"
  "  --r0fl-output-limit MIB    statement text the parser may produce (default 8192)\n"
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

static gboolean
command_is (const Options *options,
            const char    *command)
{
  return g_str_equal (options->command, command);
}

/* Returns the value of an option that takes one ("--name value" or
 * "--name=value"), advancing *i past it; NULL when it is missing */
static const char *
option_value (int          argc,
              char       **argv,
              int         *i,
              const char  *arg,
              gsize        name_len)
{
  const char *value = NULL;

  if (arg[name_len] == '=')
    value = arg + name_len + 1;
  else if (*i + 1 < argc)
    value = argv[++*i];

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static int
parse_options (int       argc,
               char    **argv,
               Options  *options)
{
  gboolean only_files = FALSE;
  gboolean diff_like = command_is (options, "diff") || command_is (options, "flamegraph");
  GPtrArray *target = options->files;

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      gsize name_len = strcspn (arg, "=");
      g_autofree char *name = g_strndup (arg, name_len);
      const char *value = NULL;

      if (only_files || arg[0] != '-' || g_str_equal (arg, "-"))
        {
          g_ptr_array_add (target, (gpointer) arg);
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_files = TRUE;
          continue;
        }

      if (diff_like && (g_str_equal (arg, "--left") || g_str_equal (arg, "--right")))
        {
          target = g_str_equal (arg, "--left") ? options->left : options->right;
          continue;
        }

      if (g_str_equal (arg, "--per-frame"))
        {
          if (!command_takes_scaling (options->command))
            return usage_error ("'%s' does not take --per-frame", options->command);
          options->per_frame = TRUE;
          continue;
        }

      if (g_str_equal (name, "--average"))
        {
          if (!command_takes_scaling (options->command))
            return usage_error ("'%s' does not take --average", options->command);
          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
            return usage_error ("--average needs a value: 1s, 1min, 5min or 10min");
          if (!hearth_average_from_string (value, &options->average) ||
              options->average == HEARTH_AVERAGE_OFF)
            return usage_error ("invalid --average '%s' (expected 1s, 1min, 5min or 10min)", value);
          options->average_set = TRUE;
          continue;
        }

      if (g_str_equal (name, "--frames"))
        {
          if (!command_takes_scaling (options->command))
            return usage_error ("'%s' does not take --frames", options->command);
          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
            return usage_error ("--frames needs a range such as 10-20");
          options->frames = value;
          continue;
        }

      if (diff_like && g_str_equal (name, "--metric"))
        {
          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
            return usage_error ("--metric needs a value: cpu, alloc-count or alloc-bytes");
          if (!hearth_metric_from_string (value, &options->metric) ||
              !(options->metric == HEARTH_METRIC_CPU_TIME ||
                options->metric == HEARTH_METRIC_ALLOC_COUNT ||
                options->metric == HEARTH_METRIC_ALLOC_BYTES))
            return usage_error ("invalid --metric '%s' (expected cpu, alloc-count or alloc-bytes)", value);
          options->metric_set = TRUE;
          continue;
        }

      if (diff_like && g_str_equal (name, "--mode"))
        {
          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL ||
              !hearth_diff_mode_from_string (value, &options->mode))
            return usage_error ("invalid --mode '%s' (expected relative or absolute)", value ? value : "");
          continue;
        }

      if (diff_like && (g_str_equal (name, "--low") || g_str_equal (name, "--high")))
        {
          gboolean low = g_str_equal (name, "--low");
          char *end = NULL;
          double number;

          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
            return usage_error ("%s needs a number", name);
          number = g_ascii_strtod (value, &end);
          if (end == value || *end != '\0' || !isfinite (number) || number < 0)
            return usage_error ("invalid %s '%s' (expected a number, 0 or more)", name, value);
          if (low)
            {
              options->low = number;
              options->low_set = TRUE;
            }
          else
            {
              options->high = number;
              options->high_set = TRUE;
            }
          continue;
        }

      if (diff_like && g_str_equal (arg, "--noise"))
        {
          options->noise = TRUE;
          continue;
        }

      if (g_str_equal (name, "--r0fl-cpu-limit") || g_str_equal (name, "--r0fl-memory-limit") ||
          g_str_equal (name, "--r0fl-wall-limit") || g_str_equal (name, "--r0fl-output-limit"))
        {
          gboolean wall = g_str_equal (name, "--r0fl-wall-limit");
          guint64 number = 0;

          if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
            return usage_error ("%s needs a number", name);
          if (!g_ascii_string_to_unsigned (value, 10, wall ? 0 : 1, 1 << 20, &number, NULL))
            return usage_error ("invalid %s '%s' (expected a whole number from %d to 1048576)",
                                name, value, wall ? 0 : 1);
          if (g_str_equal (name, "--r0fl-cpu-limit"))
            options->r0fl.cpu_seconds = (guint) number;
          else if (g_str_equal (name, "--r0fl-memory-limit"))
            options->r0fl.memory_bytes = number << 20;
          else if (wall)
            options->r0fl.wall_seconds = (guint) number;
          else
            options->r0fl.output_bytes = number << 20;
          options->r0fl_set = TRUE;
          continue;
        }

      if (command_is (options, "flamegraph"))
        {
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
          if (g_str_equal (name, "--width"))
            {
              gint64 width = 0;

              if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
                return usage_error ("--width needs a value");
              if (!g_ascii_string_to_signed (value, 10, 16, 1000000, &width, NULL))
                return usage_error ("invalid --width '%s' (expected a whole number of pixels, 16 or more)", value);
              options->width = (int) width;
              continue;
            }
          if (g_str_equal (name, "--output") || g_str_equal (name, "-o"))
            {
              if ((value = option_value (argc, argv, &i, arg, name_len)) == NULL)
                return usage_error ("%s needs a value", name);
              options->output = value;
              continue;
            }
        }

      return usage_error ("unknown option '%s'", arg);
    }

  if (command_is (options, "flamegraph") && options->output == NULL)
    return usage_error ("'flamegraph' needs -o OUT.svg or -o OUT.png");

  if (command_is (options, "diff") || options->left->len > 0 || options->right->len > 0)
    {
      if (options->left->len == 0 || options->right->len == 0)
        return usage_error ("'%s' needs --left FILE… and --right FILE…", options->command);
      if (options->files->len > 0)
        return usage_error ("'%s' takes files only after --left or --right", options->command);
      if (options->xray || options->bottom_up)
        return usage_error ("a diff flame graph takes neither --xray nor --bottom-up");
      if (!options->metric_set)
        options->metric = HEARTH_METRIC_CPU_TIME;
      if (options->low_set && options->high_set && options->high < options->low)
        return usage_error ("--high %g is below --low %g", options->high, options->low);
      return EXIT_OK;
    }

  if (diff_like && (options->noise || options->low_set || options->high_set))
    return usage_error ("--mode, --low, --high and --noise need --left and --right");

  if (options->files->len == 0)
    return usage_error ("'%s' needs at least one FILE", options->command);

  if ((command_is (options, "info") || command_is (options, "frames")) && options->files->len != 1)
    return usage_error ("'%s' takes exactly one FILE", options->command);

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
               GPtrArray  *files,
               GPtrArray  *profiles)
{
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
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

      /* Frame ranges refer to each capture's own frames */
      if (options->frames != NULL)
        {
          HearthProfile *selected;
          guint first = 0, last = 0;

          if (!hearth_frame_range_parse (options->frames, hearth_profile_get_n_frames (profile),
                                         &first, &last, &error))
            {
              fprintf (stderr, "hearth-cli: %s: %s\n", path, error->message);
              g_object_unref (profile);
              return EXIT_LOAD;
            }
          if (!hearth_profile_has_frame_values (profile))
            {
              fprintf (stderr, "hearth-cli: %s: this capture has no per-frame data; --frames needs a MicroProfiler dump\n",
                       path);
              g_object_unref (profile);
              return EXIT_LOAD;
            }
          selected = hearth_profile_filter_frames (profile, first, last);
          g_object_unref (profile);
          profile = selected;
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

/* Both sides are loaded like any capture; HearthDiff combines and
 * normalises each side (per frame, per second or per capture) */
static int
run_diff (Options *options)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) right = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HearthDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;
  double low = 0, high = 0;
  int status;

  status = load_profiles (options, options->left, left);
  if (status == EXIT_OK)
    status = load_profiles (options, options->right, right);
  if (status != EXIT_OK)
    return status;

  hearth_diff_get_default_thresholds (options->mode, options->metric, &low, &high);
  if (options->low_set)
    low = options->low;
  if (options->high_set)
    high = options->high;
  if (high < low)
    return usage_error ("--high %g is below --low %g", high, low);

  names = g_strjoin (", ", g_ptr_array_index (options->left, 0), g_ptr_array_index (options->right, 0), NULL);
  diff = hearth_diff_new ((HearthProfile * const *) left->pdata, left->len,
                          (HearthProfile * const *) right->pdata, right->len, NULL, &error);
  if (diff == NULL)
    {
      fprintf (stderr, "hearth-cli: %s: %s\n", names, error->message);
      return EXIT_LOAD;
    }

  if (!hearth_profile_has_metric (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_LEFT), options->metric) &&
      !hearth_profile_has_metric (hearth_diff_get_profile (diff, HEARTH_DIFF_SIDE_RIGHT), options->metric))
    {
      fprintf (stderr, "hearth-cli: %s: neither side has %s data\n", names,
               hearth_metric_to_string (options->metric));
      return EXIT_LOAD;
    }

  if (g_str_equal (options->command, "flamegraph"))
    {
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (options->output);
      HearthDiffColoring coloring = {
        diff, options->metric, options->mode, low, high, options->noise, HEARTH_DIFF_PALETTE_GREEN_BLUE
      };
      HearthFlameExportOptions flame_options;

      hearth_flame_export_options_init (&flame_options);
      flame_options.metric = options->metric;
      if (options->width > 0)
        flame_options.width = options->width;

      if (!hearth_diff_export_flame (diff, &coloring, &flame_options, out, &error))
        {
          fprintf (stderr, "hearth-cli: %s: %s\n", options->output, error->message);
          return EXIT_LOAD;
        }
      return EXIT_OK;
    }

  {
    g_autofree char *output = hearth_diff_csv (diff, options->metric, options->mode, low, high, options->noise);

    return write_stdout (output);
  }
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

  if (options->left->len > 0)
    return run_diff (options);

  status = load_profiles (options, options->files, profiles);
  if (status != EXIT_OK)
    return status;

  if (g_str_equal (options->command, "frames"))
    {
      output = hearth_table_frames_csv (g_ptr_array_index (profiles, 0), ',');
      return write_stdout (output);
    }

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
  else if (g_str_equal (options->command, "annotations"))
    output = hearth_annotation_export_csv (profile, ',');
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
    "info", "functions", "tree", "folded", "calls", "speedscope", "flamegraph", "frames", "diff",
    "annotations",
  };
  Options options = { 0 };
  int status;

  /* Output is for machines: numbers are written locale-independently anyway,
   * but messages from GLib follow the user's language */
  setlocale (LC_ALL, "");

  if (argc < 2)
    return usage_error ("missing command (info, functions, tree, frames, annotations, folded, calls, speedscope, flamegraph or diff)");

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
    return usage_error ("unknown command '%s' (expected info, functions, tree, frames, annotations, folded, calls, speedscope, flamegraph or diff)", argv[1]);

  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--help"))
      {
        fputs (usage_text, stdout);
        return EXIT_OK;
      }

  /* NULL-terminated so that the names can be joined for messages */
  options.files = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  options.left = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  options.right = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  status = parse_options (argc, argv, &options);
  if (status == EXIT_OK && options.r0fl_set)
    hearth_r0fl_set_default_limits (&options.r0fl);
  if (status == EXIT_OK)
    status = run_command (&options);

  g_ptr_array_unref (options.files);
  g_ptr_array_unref (options.left);
  g_ptr_array_unref (options.right);
  return status;
}
