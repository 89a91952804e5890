/* hearth-table-export.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-table-export"

#include "config.h"

#include "hearth-table-export.h"

#include <math.h>
#include <string.h>

#include "hearth-csv-writer.h"
#include "hearth-frame-stats.h"
#include "hearth-units.h"

/* The tables `hearth-cli` prints and the window exports. Columns and number
 * formats here are a contract: scripts parse them. */

static const HearthMetric memory_metrics[] = {
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
  HEARTH_METRIC_FREE_COUNT,
  HEARTH_METRIC_FREE_BYTES,
};

static const char * const memory_columns[] = {
  "alloc_count",
  "alloc_bytes",
  "free_count",
  "free_bytes",
};

G_DEFINE_QUARK (hearth-table-error-quark, hearth_table_error)

/**
 * hearth_table_options_init:
 *
 * Sets the defaults: totals as captured, CSV.
 */
void
hearth_table_options_init (HearthTableOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->per_frame = FALSE;
  options->average = HEARTH_AVERAGE_OFF;
  options->separator = ',';
}

/**
 * hearth_table_get_factor:
 *
 * The factor every exported value is multiplied by: 1 / frames with
 * @options->per_frame, window / session with @options->average, or both.
 *
 * Returns: the factor, or NAN with @error set
 */
double
hearth_table_get_factor (HearthProfile             *profile,
                         const HearthTableOptions  *options,
                         GError                   **error)
{
  double factor = 1.0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NAN);
  g_return_val_if_fail (options != NULL, NAN);
  g_return_val_if_fail (error == NULL || *error == NULL, NAN);

  if (options->per_frame)
    {
      guint n_frames = hearth_profile_get_n_frames (profile);

      if (n_frames == 0)
        {
          g_set_error_literal (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_FRAMES,
                               "the capture has no frames; --per-frame needs a capture with frames");
          return NAN;
        }
      factor /= n_frames;
    }

  if (options->average != HEARTH_AVERAGE_OFF)
    {
      double average = hearth_average_get_factor (options->average,
                                                  hearth_profile_get_session_ms (profile));

      if (isnan (average))
        {
          g_set_error_literal (error, HEARTH_TABLE_ERROR, HEARTH_TABLE_ERROR_NO_SESSION,
                               "the capture has no session length; --average needs one");
          return NAN;
        }
      factor *= average;
    }

  return factor;
}

static char
options_separator (const HearthTableOptions *options)
{
  return options->separator != '\0' ? options->separator : ',';
}

static void
add_function_location (HearthCsvWriter *writer,
                       HearthProfile   *profile,
                       guint            function)
{
  int line = hearth_profile_function_get_line (profile, function);

  hearth_csv_writer_add_field (writer, hearth_profile_function_get_source (profile, function));
  if (line > 0)
    hearth_csv_writer_add_int (writer, line);
  else
    hearth_csv_writer_add_empty (writer);
}

/* Per-function frame statistics (hearth-frame-stats.h), for captures with
 * frames only: the Script Profiler's tables stay as they are */
static const char * const frame_stats_columns[] = {
  "mean_ms", "p50_ms", "p95_ms", "max_ms",
};

static HearthFrameStats *
frame_stats_of (HearthProfile *profile)
{
  if (hearth_profile_get_n_frames (profile) == 0)
    return NULL;
  return hearth_profile_get_frame_stats (profile);
}

static void
add_header (HearthCsvWriter    *writer,
            const char * const *columns,
            gboolean            memory)
{
  for (guint i = 0; columns[i] != NULL; i++)
    hearth_csv_writer_add_field (writer, columns[i]);
  if (memory)
    for (guint i = 0; i < G_N_ELEMENTS (memory_columns); i++)
      hearth_csv_writer_add_field (writer, memory_columns[i]);
  hearth_csv_writer_end_row (writer);
}

/* The value columns shared by both tables: CPU time in ms, calls, and the
 * memory metrics when the capture has them; empty where a metric is absent */
static void
add_values (HearthCsvWriter *writer,
            HearthProfile   *profile,
            double           total_ns,
            double           self_ns,
            double           calls,
            const double    *memory_values,
            double           factor)
{
  hearth_csv_writer_add_number (writer, total_ns / 1e6 * factor, 3);
  hearth_csv_writer_add_number (writer, self_ns / 1e6 * factor, 3);
  if (hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS))
    hearth_csv_writer_add_number (writer, calls * factor, 0);
  else
    hearth_csv_writer_add_empty (writer);

  if (!hearth_profile_has_memory (profile))
    return;

  for (guint m = 0; m < G_N_ELEMENTS (memory_metrics); m++)
    {
      if (hearth_profile_has_metric (profile, memory_metrics[m]))
        hearth_csv_writer_add_number (writer, memory_values[m] * factor, 0);
      else
        hearth_csv_writer_add_empty (writer);
    }
}

/**
 * hearth_table_write_functions_header:
 *
 * Writes `name,source,line,total_ms,self_ms,calls` (plus the memory columns
 * when @profile has memory data).
 */
void
hearth_table_write_functions_header (HearthCsvWriter *writer,
                                     HearthProfile   *profile)
{
  static const char * const columns[] = {
    "name", "source", "line", "total_ms", "self_ms", "calls", NULL
  };

  g_return_if_fail (writer != NULL);
  g_return_if_fail (HEARTH_IS_PROFILE (profile));

  if (frame_stats_of (profile) == NULL)
    {
      add_header (writer, columns, hearth_profile_has_memory (profile));
      return;
    }

  /* captures with frames: the per-frame statistics after the memory columns */
  for (guint i = 0; columns[i] != NULL; i++)
    hearth_csv_writer_add_field (writer, columns[i]);
  if (hearth_profile_has_memory (profile))
    for (guint i = 0; i < G_N_ELEMENTS (memory_columns); i++)
      hearth_csv_writer_add_field (writer, memory_columns[i]);
  for (guint i = 0; i < G_N_ELEMENTS (frame_stats_columns); i++)
    hearth_csv_writer_add_field (writer, frame_stats_columns[i]);
  hearth_csv_writer_end_row (writer);
}

/**
 * hearth_table_write_function_row:
 * @factor: multiplies every value (per frame, average)
 *
 * Writes one row of the functions table; the window's Functions view writes
 * its rows in its own sort order through this, so CLI and window agree.
 */
void
hearth_table_write_function_row (HearthCsvWriter *writer,
                                 HearthProfile   *profile,
                                 guint            function,
                                 double           factor)
{
  g_autofree char *name = NULL;
  double memory_values[G_N_ELEMENTS (memory_metrics)];
  HearthFrameStats *stats;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (HEARTH_IS_PROFILE (profile));
  g_return_if_fail (function < hearth_profile_get_n_functions (profile));

  for (guint m = 0; m < G_N_ELEMENTS (memory_metrics); m++)
    memory_values[m] = hearth_profile_function_get_total (profile, function, memory_metrics[m]);

  name = hearth_profile_function_dup_display_name (profile, function);
  hearth_csv_writer_add_field (writer, name);
  add_function_location (writer, profile, function);
  add_values (writer, profile,
              hearth_profile_function_get_total (profile, function, HEARTH_METRIC_CPU_TIME),
              hearth_profile_function_get_self (profile, function, HEARTH_METRIC_CPU_TIME),
              hearth_profile_function_get_self (profile, function, HEARTH_METRIC_CALLS),
              memory_values, factor);
  stats = frame_stats_of (profile);
  if (stats != NULL)
    {
      HearthFrameStat st;

      /* already per frame: @factor does not apply */
      hearth_frame_stats_get (stats, function, &st);
      hearth_csv_writer_add_number (writer, st.mean_ms, 3);
      hearth_csv_writer_add_number (writer, st.p50_ms, 3);
      hearth_csv_writer_add_number (writer, st.p95_ms, 3);
      hearth_csv_writer_add_number (writer, st.max_ms, 3);
    }
  hearth_csv_writer_end_row (writer);
}

/**
 * hearth_table_write_tree_header:
 *
 * Writes `depth,path,name,source,line,total_ms,self_ms,calls` (plus the
 * memory columns when @profile has memory data).
 */
void
hearth_table_write_tree_header (HearthCsvWriter *writer,
                                HearthProfile   *profile)
{
  static const char * const columns[] = {
    "depth", "path", "name", "source", "line", "total_ms", "self_ms", "calls", NULL
  };

  g_return_if_fail (writer != NULL);
  g_return_if_fail (HEARTH_IS_PROFILE (profile));

  add_header (writer, columns, hearth_profile_has_memory (profile));
}

typedef struct
{
  guint node;
  gsize prefix_len;
} StackEntry;

/**
 * hearth_table_write_tree:
 * @visible: (nullable): one byte per node; nodes whose byte is 0 are left out
 *   with their subtrees (the window's search filter)
 * @factor: multiplies every value
 *
 * Writes the tree rows depth first, children by descending CPU time then
 * name, depth 0 for the tree roots; `<root>` is not written.
 */
void
hearth_table_write_tree (HearthCsvWriter *writer,
                         HearthProfile   *profile,
                         const guint8    *visible,
                         double           factor)
{
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GString) path = NULL;
  StackEntry root = { 0, 0 };

  g_return_if_fail (writer != NULL);
  g_return_if_fail (HEARTH_IS_PROFILE (profile));

  if (hearth_profile_get_n_nodes (profile) == 0)
    return;

  /* An explicit stack: real call paths are deep enough to overflow
   * recursion. Each entry remembers how long its parent's path is, so the
   * path is built incrementally, as hearth_profile_node_dup_path() writes it
   * (a ';' inside a name becomes ':'). */
  stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  path = g_string_new (NULL);
  g_array_append_val (stack, root);

  while (stack->len > 0)
    {
      StackEntry entry = g_array_index (stack, StackEntry, stack->len - 1);
      guint node = entry.node;
      g_autofree guint *children = NULL;
      guint n_children = 0;

      g_array_set_size (stack, stack->len - 1);
      g_string_truncate (path, entry.prefix_len);

      if (node != 0)
        {
          guint f = hearth_profile_node_get_function (profile, node);
          g_autofree char *name = hearth_profile_function_dup_display_name (profile, f);
          g_autofree char *path_name = g_strdelimit (g_strdup (name), ";", ':');
          double memory_values[G_N_ELEMENTS (memory_metrics)];

          for (guint m = 0; m < G_N_ELEMENTS (memory_metrics); m++)
            memory_values[m] = hearth_profile_node_get_total (profile, node, memory_metrics[m]);

          if (path->len > 0)
            g_string_append_c (path, ';');
          g_string_append (path, path_name);

          hearth_csv_writer_add_int (writer, (gint64) hearth_profile_node_get_depth (profile, node) - 1);
          hearth_csv_writer_add_field (writer, path->str);
          hearth_csv_writer_add_field (writer, name);
          add_function_location (writer, profile, f);
          add_values (writer, profile,
                      hearth_profile_node_get_total (profile, node, HEARTH_METRIC_CPU_TIME),
                      hearth_profile_node_get_self (profile, node, HEARTH_METRIC_CPU_TIME),
                      hearth_profile_node_get_self (profile, node, HEARTH_METRIC_CALLS),
                      memory_values, factor);
          hearth_csv_writer_end_row (writer);
        }

      children = hearth_profile_node_dup_children_sorted (profile, node, HEARTH_METRIC_CPU_TIME,
                                                          &n_children);
      /* pushed in reverse so that the first child is written first */
      for (guint i = n_children; i > 0; i--)
        {
          StackEntry child = { children[i - 1], path->len };

          if (visible != NULL && !visible[child.node])
            continue;
          g_array_append_val (stack, child);
        }
    }
}

typedef struct
{
  guint  function;
  double total;
  char  *name;
} FunctionRow;

static int
compare_function_rows (gconstpointer a,
                       gconstpointer b)
{
  const FunctionRow *ra = a;
  const FunctionRow *rb = b;
  int cmp;

  if (ra->total != rb->total)
    return ra->total > rb->total ? -1 : 1;
  cmp = strcmp (ra->name, rb->name);
  if (cmp != 0)
    return cmp;
  return ra->function < rb->function ? -1 : (ra->function > rb->function ? 1 : 0);
}

/**
 * hearth_table_functions_csv:
 *
 * The per-function table: `name,source,line,total_ms,self_ms,calls` (plus
 * `alloc_count,alloc_bytes,free_count,free_bytes` when the capture has memory
 * data), one row per function, by descending total then name. Tree-root labels
 * are left out.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
char *
hearth_table_functions_csv (HearthProfile             *profile,
                            const HearthTableOptions  *options,
                            GError                   **error)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  g_autoptr(GArray) rows = NULL;
  double factor;
  guint n_functions;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  factor = hearth_table_get_factor (profile, options, error);
  if (isnan (factor))
    return NULL;

  n_functions = hearth_profile_get_n_functions (profile);

  rows = g_array_new (FALSE, FALSE, sizeof (FunctionRow));
  for (guint f = 0; f < n_functions; f++)
    {
      FunctionRow row;

      if (hearth_profile_function_get_n_nodes (profile, f) == 0 ||
          hearth_profile_function_is_root_label (profile, f))
        continue;

      row.function = f;
      row.total = hearth_profile_function_get_total (profile, f, HEARTH_METRIC_CPU_TIME);
      row.name = hearth_profile_function_dup_display_name (profile, f);
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_function_rows);

  writer = hearth_csv_writer_new (options_separator (options));
  hearth_table_write_functions_header (writer, profile);

  for (guint i = 0; i < rows->len; i++)
    {
      FunctionRow *row = &g_array_index (rows, FunctionRow, i);

      hearth_table_write_function_row (writer, profile, row->function, factor);
      g_free (row->name);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_table_tree_csv:
 *
 * The call tree, depth first: `depth,path,name,source,line,total_ms,self_ms,calls`
 * (plus the memory columns with inclusive node values). Depth 0 is a tree
 * root; children come by descending CPU time, then name. `<root>` is not
 * written.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
char *
hearth_table_tree_csv (HearthProfile             *profile,
                       const HearthTableOptions  *options,
                       GError                   **error)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  double factor;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  factor = hearth_table_get_factor (profile, options, error);
  if (isnan (factor))
    return NULL;

  writer = hearth_csv_writer_new (options_separator (options));
  hearth_table_write_tree_header (writer, profile);
  hearth_table_write_tree (writer, profile, NULL, factor);

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_table_info:
 *
 * A short summary, one `key: value` line each: format, functions, nodes
 * (without `<root>`), frames, session_ms and total_ms.
 *
 * Returns: (transfer full): the text
 */
char *
hearth_table_info (HearthProfile *profile)
{
  GString *str;
  g_autofree char *session = NULL;
  g_autofree char *total = NULL;
  const char *format;
  guint n_functions = 0;
  guint n_nodes;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (hearth_profile_function_get_n_nodes (profile, f) > 0 &&
        !hearth_profile_function_is_root_label (profile, f))
      n_functions++;

  n_nodes = hearth_profile_get_n_nodes (profile);
  format = hearth_profile_get_format (profile);
  session = hearth_format_number (hearth_profile_get_session_ms (profile), 3);
  total = hearth_format_number (hearth_profile_get_root_total (profile, HEARTH_METRIC_CPU_TIME) / 1e6, 3);

  str = g_string_new (NULL);
  g_string_append_printf (str, "format: %s\n", format != NULL ? format : "");
  g_string_append_printf (str, "functions: %u\n", n_functions);
  g_string_append_printf (str, "nodes: %u\n", n_nodes > 0 ? n_nodes - 1 : 0);
  g_string_append_printf (str, "frames: %u\n", hearth_profile_get_n_frames (profile));
  g_string_append_printf (str, "session_ms: %s\n", session);
  g_string_append_printf (str, "total_ms: %s\n", total);

  return g_string_free (str, FALSE);
}
