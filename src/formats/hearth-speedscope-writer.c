/* hearth-speedscope-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-speedscope-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hearth-call-graph.h"
#include "hearth-papyrus-reader.h"
#include "hearth-speedscope-writer.h"

/* speedscope JSON export, docs/formats/interchange.md §2.6:
 *
 *  - Papyrus logs: one *evented* profile per stack id, from the call records
 *    attached to the profile: O at PUSH (or the capture start), C at POP (or
 *    the closing event / capture end), in milliseconds.
 *  - profiler.lua reports: one *sampled* profile of single-frame samples,
 *    weight = self time in ms (the data is a caller → callee graph, not
 *    stacks; no timeline).
 *  - Every other profile (Script Profiler, folded stacks, MicroProfiler):
 *    one *sampled* profile per metric (CPU time in µs, calls/samples as
 *    `none`, allocated bytes as `bytes`), one sample per node with a self
 *    value > 0, stack = tree root → … → node. The model keeps MicroProfiler
 *    dumps as an aggregated tree without per-scope start/end times, so the
 *    evented mapping of the spec is not possible from a HearthProfile: they
 *    are written sampled too.
 *
 * json-glib writes numbers with g_ascii_dtostr, whatever the locale. */

typedef struct
{
  HearthProfile *profile;
  GHashTable    *frame_of;   /* function id + 1 -> frame index + 1 */
  GArray        *frames;     /* guint function ids, in frame order */
} Writer;

static guint
frame_for (Writer *w,
           guint   function)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (w->frame_of, GUINT_TO_POINTER (function + 1)));

  if (found != 0)
    return found - 1;

  g_array_append_val (w->frames, function);
  g_hash_table_insert (w->frame_of, GUINT_TO_POINTER (function + 1), GUINT_TO_POINTER (w->frames->len));
  return w->frames->len - 1;
}

static void
add_number (JsonBuilder *builder,
            double       value)
{
  if (!isfinite (value))
    value = 0;
  if (value == floor (value) && fabs (value) < 9e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  json_builder_add_string_value (builder, valid);
}

/* ----------------------------------------------------------- Papyrus */

typedef struct
{
  guint32 call;
  guint32 child;     /* next child to visit */
  gint64  end;
} OpenCall;

static int
compare_by_start (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  HearthPapyrusCalls *calls = user_data;
  guint32 ia = *(const guint32 *) a;
  guint32 ib = *(const guint32 *) b;
  const HearthPapyrusCall *ca = hearth_papyrus_calls_get_call (calls, ia);
  const HearthPapyrusCall *cb = hearth_papyrus_calls_get_call (calls, ib);

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static gboolean
call_is_drawn (const HearthPapyrusCall *call)
{
  return call->function != HEARTH_NO_INDEX &&
         call->start != HEARTH_PAPYRUS_NO_TIME &&
         call->end != HEARTH_PAPYRUS_NO_TIME;
}

static void
add_event (JsonBuilder *builder,
           const char  *type,
           guint        frame,
           gint64       at)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "frame");
  json_builder_add_int_value (builder, frame);
  json_builder_set_member_name (builder, "at");
  json_builder_add_int_value (builder, at);
  json_builder_end_object (builder);
}

/* Calls nest by their parent links; times are clamped into the parent and
 * never go backwards, so opens and closes always nest and `at` never
 * decreases, even for truncated or adopted calls. */
static void
write_papyrus (Writer             *w,
               JsonBuilder        *builder,
               HearthPapyrusCalls *calls)
{
  guint n = hearth_papyrus_calls_get_n_calls (calls);
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *first_child = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *next_sibling = g_new (guint32, MAX (n, 1));
  g_autoptr(GHashTable) roots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (OpenCall));
  guint n_order = 0;

  for (guint i = 0; i < n; i++)
    {
      first_child[i] = next_sibling[i] = HEARTH_NO_INDEX;
      if (call_is_drawn (hearth_papyrus_calls_get_call (calls, i)))
        order[n_order++] = i;
    }
  g_qsort_with_data (order, n_order, sizeof (guint32), compare_by_start, calls);

  /* children lists in start order: prepend while walking backwards */
  for (guint k = n_order; k-- > 0;)
    {
      const HearthPapyrusCall *call = hearth_papyrus_calls_get_call (calls, order[k]);

      if (call->parent != HEARTH_NO_INDEX &&
          call_is_drawn (hearth_papyrus_calls_get_call (calls, call->parent)))
        {
          next_sibling[order[k]] = first_child[call->parent];
          first_child[call->parent] = order[k];
        }
    }
  for (guint k = 0; k < n_order; k++)
    {
      const HearthPapyrusCall *call = hearth_papyrus_calls_get_call (calls, order[k]);
      GArray *list;

      if (call->parent != HEARTH_NO_INDEX &&
          call_is_drawn (hearth_papyrus_calls_get_call (calls, call->parent)))
        continue;
      list = g_hash_table_lookup (roots, &call->stack_id);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint32));
          g_hash_table_insert (roots, g_memdup2 (&call->stack_id, sizeof call->stack_id), list);
        }
      g_array_append_val (list, order[k]);
    }

  for (guint s = 0; s < hearth_papyrus_calls_get_n_stacks (calls); s++)
    {
      const HearthPapyrusStack *stack = hearth_papyrus_calls_get_stack (calls, s);
      GArray *list = g_hash_table_lookup (roots, &stack->stack_id);
      g_autofree char *name = g_strdup_printf ("Papyrus stack %" G_GUINT64_FORMAT, stack->stack_id);
      gint64 start_value, cursor;

      if (list == NULL)
        continue;

      start_value = MIN (stack->first,
                         hearth_papyrus_calls_get_call (calls, g_array_index (list, guint32, 0))->start);
      cursor = start_value;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "evented");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "unit");
      json_builder_add_string_value (builder, "milliseconds");
      json_builder_set_member_name (builder, "startValue");
      json_builder_add_int_value (builder, start_value);
      json_builder_set_member_name (builder, "events");
      json_builder_begin_array (builder);

      for (guint r = 0; r < list->len; r++)
        {
          guint32 root = g_array_index (list, guint32, r);
          const HearthPapyrusCall *call = hearth_papyrus_calls_get_call (calls, root);
          OpenCall oc;
          gint64 s_at = MAX (call->start, cursor);

          oc.call = root;
          oc.child = first_child[root];
          oc.end = MAX (call->end, s_at);
          add_event (builder, "O", frame_for (w, call->function), s_at);
          cursor = s_at;
          g_array_append_val (open, oc);

          while (open->len > 0)
            {
              OpenCall *top = &g_array_index (open, OpenCall, open->len - 1);

              if (top->child != HEARTH_NO_INDEX)
                {
                  guint32 child = top->child;
                  const HearthPapyrusCall *cc = hearth_papyrus_calls_get_call (calls, child);
                  gint64 hi = top->end;
                  OpenCall co;

                  top->child = next_sibling[child];
                  s_at = CLAMP (cc->start, cursor, hi);
                  co.call = child;
                  co.child = first_child[child];
                  co.end = CLAMP (cc->end, s_at, hi);
                  add_event (builder, "O", frame_for (w, cc->function), s_at);
                  cursor = s_at;
                  g_array_append_val (open, co);
                }
              else
                {
                  const HearthPapyrusCall *tc = hearth_papyrus_calls_get_call (calls, top->call);
                  gint64 at = MAX (top->end, cursor);

                  add_event (builder, "C", frame_for (w, tc->function), at);
                  cursor = at;
                  g_array_set_size (open, open->len - 1);
                }
            }
        }

      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "endValue");
      json_builder_add_int_value (builder, MAX (cursor, stack->last));
      json_builder_end_object (builder);
    }
}

/* -------------------------------------------------------- profiler.lua */

static void
begin_sampled (JsonBuilder *builder,
               const char  *name,
               const char  *unit)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "sampled");
  json_builder_set_member_name (builder, "name");
  add_string (builder, name);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, unit);
  json_builder_set_member_name (builder, "startValue");
  json_builder_add_int_value (builder, 0);
}

static void
write_lua (Writer          *w,
           JsonBuilder     *builder,
           HearthCallGraph *graph,
           const char      *name)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0;

  begin_sampled (builder, name, "milliseconds");
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_array (builder);
  for (guint f = 0; f < hearth_call_graph_get_n_functions (graph); f++)
    {
      double self_ms;

      if (!hearth_call_graph_function_has_record (graph, f))
        continue;
      self_ms = hearth_call_graph_function_get_self (graph, f) / 1e6;
      if (!(self_ms > 0))
        continue;
      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, frame_for (w, f));
      json_builder_end_array (builder);
      g_array_append_val (weights, self_ms);
      sum += self_ms;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "weights");
  json_builder_begin_array (builder);
  for (guint i = 0; i < weights->len; i++)
    add_number (builder, g_array_index (weights, double, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "endValue");
  add_number (builder, sum);
  json_builder_end_object (builder);
}

/* ----------------------------------------------------------- call trees */

static void
write_tree (Writer       *w,
            JsonBuilder  *builder,
            HearthMetric  metric,
            const char   *name,
            const char   *unit,
            double        scale)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (w->profile);
  const double *self = tree->self[metric];
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));
  double sum = 0;

  begin_sampled (builder, name, unit);
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_array (builder);
  for (guint node = 1; node < tree->n_nodes; node++)
    {
      if (!(self[node] > 0))
        continue;

      g_array_set_size (path, 0);
      for (guint32 n = node; n != HEARTH_NO_INDEX && n != HEARTH_ROOT_NODE; n = tree->parent[n])
        g_array_append_val (path, n);

      json_builder_begin_array (builder);
      for (guint k = path->len; k-- > 0;)
        json_builder_add_int_value (builder,
                                    frame_for (w, tree->function[g_array_index (path, guint32, k)]));
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "weights");
  json_builder_begin_array (builder);
  for (guint node = 1; node < tree->n_nodes; node++)
    {
      double weight;

      if (!(self[node] > 0))
        continue;
      weight = self[node] / scale;
      add_number (builder, weight);
      sum += weight;
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "endValue");
  add_number (builder, sum);
  json_builder_end_object (builder);
}

/* --------------------------------------------------------------- top */

static void
write_frames (Writer      *w,
              JsonBuilder *builder)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < w->frames->len; i++)
    {
      guint f = g_array_index (w->frames, guint, i);
      g_autofree char *name = hearth_profile_function_dup_display_name (w->profile, f);
      const char *source = hearth_profile_function_get_source (w->profile, f);
      int line = hearth_profile_function_get_line (w->profile, f);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      add_string (builder, name);
      if (source != NULL && source[0] != '\0')
        {
          json_builder_set_member_name (builder, "file");
          add_string (builder, source);
        }
      if (line > 0)
        {
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, line);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/**
 * hearth_speedscope_write:
 *
 * Writes @profile as speedscope JSON (interchange.md §2).
 *
 * Returns: (transfer full): the JSON text
 */
char *
hearth_speedscope_write (HearthProfile *profile)
{
  g_autoptr(JsonBuilder) profiles = json_builder_new ();
  g_autoptr(JsonBuilder) top = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *display = NULL;
  HearthPapyrusCalls *calls;
  const char *format;
  Writer w = { 0 };
  JsonNode *profiles_node;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  w.profile = profile;
  w.frame_of = g_hash_table_new (g_direct_hash, g_direct_equal);
  w.frames = g_array_new (FALSE, FALSE, sizeof (guint));
  display = hearth_profile_dup_display_name (profile);
  format = hearth_profile_get_format (profile);
  calls = hearth_papyrus_calls_get_for_profile (profile);

  json_builder_begin_array (profiles);
  if (calls != NULL)
    {
      write_papyrus (&w, profiles, calls);
    }
  else if (format != NULL && g_str_has_prefix (format, "lua") &&
           !hearth_call_graph_is_derived (hearth_call_graph_get_for_profile (profile)))
    {
      write_lua (&w, profiles, hearth_call_graph_get_for_profile (profile), display);
    }
  else
    {
      if (hearth_profile_has_metric (profile, HEARTH_METRIC_CPU_TIME))
        write_tree (&w, profiles, HEARTH_METRIC_CPU_TIME, display, "microseconds", 1e3);
      if (hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS))
        {
          g_autofree char *name = g_strconcat (display, " (calls)", NULL);
          write_tree (&w, profiles, HEARTH_METRIC_CALLS, name, "none", 1);
        }
      if (hearth_profile_has_metric (profile, HEARTH_METRIC_ALLOC_BYTES))
        {
          g_autofree char *name = g_strconcat (display, " (allocated bytes)", NULL);
          write_tree (&w, profiles, HEARTH_METRIC_ALLOC_BYTES, name, "bytes", 1);
        }
    }
  json_builder_end_array (profiles);
  profiles_node = json_builder_get_root (profiles);

  /* speedscope needs at least one profile */
  if (json_array_get_length (json_node_get_array (profiles_node)) == 0)
    {
      json_node_unref (profiles_node);
      json_builder_reset (profiles);
      json_builder_begin_array (profiles);
      begin_sampled (profiles, display, "none");
      json_builder_set_member_name (profiles, "endValue");
      json_builder_add_int_value (profiles, 0);
      json_builder_set_member_name (profiles, "samples");
      json_builder_begin_array (profiles);
      json_builder_end_array (profiles);
      json_builder_set_member_name (profiles, "weights");
      json_builder_begin_array (profiles);
      json_builder_end_array (profiles);
      json_builder_end_object (profiles);
      json_builder_end_array (profiles);
      profiles_node = json_builder_get_root (profiles);
    }

  json_builder_begin_object (top);
  json_builder_set_member_name (top, "$schema");
  json_builder_add_string_value (top, "https://www.speedscope.app/file-format-schema.json");
  json_builder_set_member_name (top, "exporter");
  json_builder_add_string_value (top, "hearth@" PACKAGE_VERSION);
  json_builder_set_member_name (top, "name");
  add_string (top, display);
  json_builder_set_member_name (top, "activeProfileIndex");
  json_builder_add_int_value (top, 0);
  json_builder_set_member_name (top, "shared");
  json_builder_begin_object (top);
  json_builder_set_member_name (top, "frames");
  write_frames (&w, top);
  json_builder_end_object (top);
  json_builder_set_member_name (top, "profiles");
  json_builder_add_value (top, profiles_node);
  json_builder_end_object (top);

  root = json_builder_get_root (top);
  json_generator_set_root (generator, root);

  g_hash_table_unref (w.frame_of);
  g_array_unref (w.frames);

  return json_generator_to_data (generator, NULL);
}
