/* fuzz-lua-report.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the profiler.lua reader (report() text and lua_report() tables),
 * the call graph and its approximate tree, merge-by-name and the speedscope
 * and folded writers over whatever loads. */

#include "config.h"

#include <stdint.h>

#include "hearth-call-graph.h"
#include "hearth-folded.h"
#include "hearth-lua-report-reader.h"
#include "hearth-speedscope-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (HearthProfile *profile)
{
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);
  g_autoptr(HearthProfile) merged = NULL;
  g_autofree char *json = NULL;
  g_autofree char *folded = NULL;

  for (guint f = 0; f < hearth_call_graph_get_n_functions (graph); f++)
    {
      guint n;
      const guint32 *edges = hearth_call_graph_get_callers (graph, f, &n);

      for (guint i = 0; i < n; i++)
        g_assert (hearth_call_graph_get_edge (graph, edges[i])->callee == f);
      edges = hearth_call_graph_get_callees (graph, f, &n);
      for (guint i = 0; i < n; i++)
        g_assert (hearth_call_graph_get_edge (graph, edges[i])->caller == f);
      (void) hearth_call_graph_function_get_total_per_count (graph, f);
    }

  merged = hearth_lua_merge_by_name (profile);
  g_assert (merged != NULL);
  json = hearth_speedscope_write (profile);
  g_assert (json != NULL && g_utf8_validate (json, -1, NULL));
  folded = hearth_folded_write (merged, HEARTH_METRIC_CPU_TIME);
  g_assert (folded != NULL && g_utf8_validate (folded, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  HearthImportSource source = { 0 };
  GError *error = NULL;
  HearthProfile *profile;

  if (!initialised)
    {
      /* a g_return_if_fail() hit is a bug */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      initialised = TRUE;
    }

  (void) hearth_lua_report_sniff (data, size);
  (void) hearth_lua_table_sniff (data, size);

  source.display_name = "fuzz.txt";
  source.data = data;
  source.length = size;
  profile = hearth_lua_report_read (&source, &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      exercise (profile);
      g_object_unref (profile);
    }
  g_clear_error (&error);

  return 0;
}
