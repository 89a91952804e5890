/* hearth-profile.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-profile"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-profile-private.h"

G_DEFINE_FINAL_TYPE (HearthProfile, hearth_profile, G_TYPE_OBJECT)

static const char * const metric_names[HEARTH_N_METRICS] = {
  [HEARTH_METRIC_CPU_TIME] = "cpu",
  [HEARTH_METRIC_CALLS] = "calls",
  [HEARTH_METRIC_ALLOC_COUNT] = "alloc-count",
  [HEARTH_METRIC_ALLOC_BYTES] = "alloc-bytes",
  [HEARTH_METRIC_FREE_COUNT] = "free-count",
  [HEARTH_METRIC_FREE_BYTES] = "free-bytes",
  [HEARTH_METRIC_QUEUE_WAIT] = "queue-wait",
  [HEARTH_METRIC_RETURN_WAIT] = "return-wait",
};

static void
hearth_profile_finalize (GObject *object)
{
  HearthProfile *self = HEARTH_PROFILE (object);

  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->format_name, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->place_id, g_free);
  g_clear_pointer (&self->mode, g_free);
  g_clear_pointer (&self->normalisation, g_free);
  g_clear_pointer (&self->warnings, g_strfreev);
  g_clear_pointer (&self->metadata, g_hash_table_unref);
  g_clear_pointer (&self->functions, g_free);
  g_clear_pointer (&self->function_n_nodes, g_free);
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      g_clear_pointer (&self->function_total[m], g_free);
      g_clear_pointer (&self->function_self[m], g_free);
      g_clear_pointer (&self->tree.total[m], g_free);
      g_clear_pointer (&self->tree.self[m], g_free);
    }
  g_clear_pointer (&self->tree.parent, g_free);
  g_clear_pointer (&self->tree.first_child, g_free);
  g_clear_pointer (&self->tree.next_sibling, g_free);
  g_clear_pointer (&self->tree.function, g_free);
  g_clear_pointer (&self->tree.depth, g_free);
  g_clear_pointer (&self->tree.subtree_end, g_free);
  g_clear_pointer (&self->frames, g_free);
  g_clear_pointer (&self->threads, g_free);
  g_clear_pointer (&self->frame_values, g_free);
  g_clear_pointer (&self->frame_value_offsets, g_free);
  g_clear_pointer (&self->annotations, g_free);
  g_clear_pointer (&self->annotation_offsets, g_free);

  G_OBJECT_CLASS (hearth_profile_parent_class)->finalize (object);
}

static void
hearth_profile_class_init (HearthProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_profile_finalize;
}

static void
hearth_profile_init (HearthProfile *self)
{
  self->session_start_ms = NAN;
  self->session_end_ms = NAN;
  self->capture_time_ms = -1;
  self->n_sources = 1;
  self->metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

HearthProfile *
_hearth_profile_new (void)
{
  return g_object_new (HEARTH_TYPE_PROFILE, NULL);
}

/**
 * hearth_profile_get_format:
 *
 * Returns: a short format id such as `script-profiler-v2`
 */
const char *
hearth_profile_get_format (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->format;
}

/**
 * hearth_profile_get_format_name:
 *
 * Returns: a human-readable format name such as "Roblox Script Profiler (V2)"
 */
const char *
hearth_profile_get_format_name (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->format_name ? self->format_name : self->format;
}

/**
 * hearth_profile_get_file_name:
 *
 * Returns: (nullable): the path of the capture this profile came from
 */
const char *
hearth_profile_get_file_name (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->file_name;
}

/**
 * hearth_profile_dup_display_name:
 *
 * Returns: (transfer full): the base name of the capture file, or the format name
 */
char *
hearth_profile_dup_display_name (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);

  if (self->file_name != NULL)
    return g_path_get_basename (self->file_name);

  return g_strdup (hearth_profile_get_format_name (self) ? hearth_profile_get_format_name (self) : "");
}

/**
 * hearth_profile_get_session_start_ms:
 *
 * Returns: the session start as Unix epoch milliseconds, or NAN when unknown
 */
double
hearth_profile_get_session_start_ms (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NAN);
  return self->session_start_ms;
}

double
hearth_profile_get_session_end_ms (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NAN);
  return self->session_end_ms;
}

/**
 * hearth_profile_get_session_ms:
 *
 * Returns: the session length in milliseconds, 0 when unknown
 */
double
hearth_profile_get_session_ms (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->session_ms;
}

/**
 * hearth_profile_get_capture_time_ms:
 *
 * Returns: when the capture was taken (Unix epoch ms), or -1 when unknown
 */
gint64
hearth_profile_get_capture_time_ms (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), -1);
  return self->capture_time_ms;
}

const char *
hearth_profile_get_place_id (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->place_id;
}

/**
 * hearth_profile_get_mode:
 *
 * Returns: (nullable): a format-specific capture mode, e.g. "time" or "call"
 *   for Lua profiler reports
 */
const char *
hearth_profile_get_mode (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->mode;
}

/**
 * hearth_profile_get_approximate:
 *
 * Returns: %TRUE when the call tree was derived approximately (for example
 *   from a caller→callee graph) and views should say so
 */
gboolean
hearth_profile_get_approximate (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), FALSE);
  return self->approximate;
}

/**
 * hearth_profile_get_n_sources:
 *
 * Returns: how many captures were combined into this profile (1 for a file)
 */
guint
hearth_profile_get_n_sources (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->n_sources;
}

/**
 * hearth_profile_get_normalisation:
 *
 * Returns: (nullable): a label such as "per 1 frame" when values were normalised
 */
const char *
hearth_profile_get_normalisation (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return self->normalisation;
}

/**
 * hearth_profile_get_warnings:
 *
 * Returns: (transfer none): what the importer skipped or repaired; never %NULL
 */
const char * const *
hearth_profile_get_warnings (HearthProfile *self)
{
  static const char * const empty[] = { NULL };

  g_return_val_if_fail (HEARTH_IS_PROFILE (self), empty);

  return self->warnings ? (const char * const *) self->warnings : empty;
}

const char *
hearth_profile_get_metadata (HearthProfile *self,
                             const char    *key)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->metadata, key);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * hearth_profile_list_metadata_keys:
 *
 * Returns: (transfer full): the metadata keys, sorted
 */
char **
hearth_profile_list_metadata_keys (HearthProfile *self)
{
  g_autofree const char **keys = NULL;
  GStrvBuilder *builder;
  char **ret;
  guint n = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->metadata, &n);
  qsort (keys, n, sizeof (char *), compare_strings);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, keys[i]);
  ret = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ret;
}

gboolean
hearth_profile_has_metric (HearthProfile *self,
                           HearthMetric   metric)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, FALSE);

  return (self->metrics & (1u << metric)) != 0;
}

/**
 * hearth_profile_has_memory:
 *
 * Returns: %TRUE when the capture carries allocation data (X-Ray)
 */
gboolean
hearth_profile_has_memory (HearthProfile *self)
{
  return hearth_profile_has_metric (self, HEARTH_METRIC_ALLOC_COUNT) ||
         hearth_profile_has_metric (self, HEARTH_METRIC_ALLOC_BYTES);
}

/* Functions */

guint
hearth_profile_get_n_functions (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->n_functions;
}

#define FUNCTION_CHECK(ret) \
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), ret); \
  g_return_val_if_fail (function < self->n_functions, ret)

/**
 * hearth_profile_function_get_name:
 *
 * Returns: (nullable): the raw name; %NULL for anonymous functions
 */
const char *
hearth_profile_function_get_name (HearthProfile *self,
                                  guint          function)
{
  FUNCTION_CHECK (NULL);
  return self->functions[function].name;
}

const char *
hearth_profile_function_get_source (HearthProfile *self,
                                    guint          function)
{
  FUNCTION_CHECK (NULL);
  return self->functions[function].source;
}

int
hearth_profile_function_get_line (HearthProfile *self,
                                  guint          function)
{
  FUNCTION_CHECK (0);
  return self->functions[function].line;
}

const char *
hearth_profile_function_get_group (HearthProfile *self,
                                   guint          function)
{
  FUNCTION_CHECK (NULL);
  return self->functions[function].group;
}

HearthFunctionKind
hearth_profile_function_get_kind (HearthProfile *self,
                                  guint          function)
{
  FUNCTION_CHECK (HEARTH_FUNCTION_KIND_FUNCTION);
  return self->functions[function].kind;
}

HearthFunctionFlags
hearth_profile_function_get_flags (HearthProfile *self,
                                   guint          function)
{
  FUNCTION_CHECK (0);
  return self->functions[function].flags;
}

/**
 * hearth_profile_function_get_color:
 * @rgb: (out): 0xRRGGBB
 *
 * Returns: %TRUE when the capture gave this function a colour (MicroProfiler groups)
 */
gboolean
hearth_profile_function_get_color (HearthProfile *self,
                                   guint          function,
                                   guint32       *rgb)
{
  FUNCTION_CHECK (FALSE);

  if (!self->functions[function].has_color)
    return FALSE;
  if (rgb != NULL)
    *rgb = self->functions[function].color;
  return TRUE;
}

/**
 * hearth_profile_function_is_root_label:
 *
 * Returns: %TRUE for `<root>` and tree roots (categories, threads, stacks),
 *   which are labels rather than functions
 */
gboolean
hearth_profile_function_is_root_label (HearthProfile *self,
                                       guint          function)
{
  FUNCTION_CHECK (TRUE);
  return self->functions[function].kind != HEARTH_FUNCTION_KIND_FUNCTION;
}

/**
 * hearth_profile_function_dup_display_name:
 *
 * The name as Roblox shows it: `<anonymous>` when the function has no name,
 * then ` <native>` and ` <plugin>` suffixes from the flags.
 *
 * Returns: (transfer full): the display name
 */
char *
hearth_profile_function_dup_display_name (HearthProfile *self,
                                          guint          function)
{
  const HearthFunctionRec *rec;
  GString *str;

  FUNCTION_CHECK (NULL);

  rec = &self->functions[function];
  str = g_string_new (rec->name != NULL && rec->name[0] != '\0' ? rec->name : "<anonymous>");
  if (rec->flags & HEARTH_FUNCTION_FLAG_NATIVE)
    g_string_append (str, " <native>");
  if (rec->flags & HEARTH_FUNCTION_FLAG_PLUGIN)
    g_string_append (str, " <plugin>");
  if (rec->flags & HEARTH_FUNCTION_FLAG_EXCL)
    g_string_append (str, " (Excl)");

  return g_string_free (str, FALSE);
}

/**
 * hearth_profile_function_dup_location:
 *
 * `Source:Line`; the display name when the source is empty; no `:Line` when
 * the line is unknown or below 1.
 *
 * Returns: (transfer full): the location text for tooltips
 */
char *
hearth_profile_function_dup_location (HearthProfile *self,
                                      guint          function)
{
  const HearthFunctionRec *rec;

  FUNCTION_CHECK (NULL);

  rec = &self->functions[function];
  if (rec->source == NULL || rec->source[0] == '\0')
    return hearth_profile_function_dup_display_name (self, function);
  if (rec->line < 1)
    return g_strdup (rec->source);
  return g_strdup_printf ("%s:%d", rec->source, rec->line);
}

/**
 * hearth_profile_function_get_total:
 *
 * The function's inclusive value, counting it at most once per root-to-leaf
 * path so that recursion is not double counted.
 */
double
hearth_profile_function_get_total (HearthProfile *self,
                                   guint          function,
                                   HearthMetric   metric)
{
  FUNCTION_CHECK (0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  if (self->function_total[metric] == NULL)
    return 0;
  return self->function_total[metric][function];
}

/**
 * hearth_profile_function_get_self:
 *
 * The sum of the self values of every node of the function.
 */
double
hearth_profile_function_get_self (HearthProfile *self,
                                  guint          function,
                                  HearthMetric   metric)
{
  FUNCTION_CHECK (0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  if (self->function_self[metric] == NULL)
    return 0;
  return self->function_self[metric][function];
}

guint
hearth_profile_function_get_n_nodes (HearthProfile *self,
                                     guint          function)
{
  FUNCTION_CHECK (0);
  return self->function_n_nodes[function];
}

/* Call tree */

/**
 * hearth_profile_get_call_tree:
 *
 * Returns: (transfer none): the arena; valid while the profile lives
 */
const HearthCallTree *
hearth_profile_get_call_tree (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  return &self->tree;
}

guint
hearth_profile_get_n_nodes (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->tree.n_nodes;
}

#define NODE_CHECK(ret) \
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), ret); \
  g_return_val_if_fail (node < self->tree.n_nodes, ret)

guint
hearth_profile_node_get_function (HearthProfile *self,
                                  guint          node)
{
  NODE_CHECK (HEARTH_NO_INDEX);
  return self->tree.function[node];
}

guint
hearth_profile_node_get_parent (HearthProfile *self,
                                guint          node)
{
  NODE_CHECK (HEARTH_NO_INDEX);
  return self->tree.parent[node];
}

guint
hearth_profile_node_get_depth (HearthProfile *self,
                               guint          node)
{
  NODE_CHECK (0);
  return self->tree.depth[node];
}

guint
hearth_profile_node_get_n_children (HearthProfile *self,
                                    guint          node)
{
  guint n = 0;

  NODE_CHECK (0);

  for (guint32 c = self->tree.first_child[node]; c != HEARTH_NO_INDEX; c = self->tree.next_sibling[c])
    n++;

  return n;
}

double
hearth_profile_node_get_total (HearthProfile *self,
                               guint          node,
                               HearthMetric   metric)
{
  NODE_CHECK (0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  if (self->tree.total[metric] == NULL)
    return 0;
  return self->tree.total[metric][node];
}

double
hearth_profile_node_get_self (HearthProfile *self,
                              guint          node,
                              HearthMetric   metric)
{
  NODE_CHECK (0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  if (self->tree.self[metric] == NULL)
    return 0;
  return self->tree.self[metric][node];
}

/**
 * hearth_profile_get_root_total:
 *
 * Returns: the inclusive value of `<root>`, the base of percentages
 */
double
hearth_profile_get_root_total (HearthProfile *self,
                               HearthMetric   metric)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);

  if (self->tree.n_nodes == 0)
    return 0;
  return hearth_profile_node_get_total (self, 0, metric);
}

typedef struct
{
  HearthProfile *profile;
  const double  *total;
} SortContext;

static int
compare_nodes_by_total (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const SortContext *ctx = user_data;
  guint32 na = *(const guint32 *) a;
  guint32 nb = *(const guint32 *) b;
  double ta = ctx->total ? ctx->total[na] : 0;
  double tb = ctx->total ? ctx->total[nb] : 0;
  const HearthFunctionRec *fa, *fb;
  int cmp;

  if (ta != tb)
    return ta > tb ? -1 : 1;

  /* Ties sort by name so that output is stable for tests and diffs */
  fa = &ctx->profile->functions[ctx->profile->tree.function[na]];
  fb = &ctx->profile->functions[ctx->profile->tree.function[nb]];
  cmp = g_strcmp0 (fa->name, fb->name);
  if (cmp != 0)
    return cmp;

  return na < nb ? -1 : (na > nb ? 1 : 0);
}

/**
 * hearth_profile_node_dup_children_sorted:
 * @n_children: (out): number of children
 *
 * Returns: (transfer full) (array length=n_children): the children of @node by
 *   descending inclusive @metric, then by name
 */
guint *
hearth_profile_node_dup_children_sorted (HearthProfile *self,
                                         guint          node,
                                         HearthMetric   metric,
                                         guint         *n_children)
{
  SortContext ctx = { self, NULL };
  guint *children;
  guint n, i = 0;

  NODE_CHECK (NULL);
  g_return_val_if_fail (n_children != NULL, NULL);

  n = hearth_profile_node_get_n_children (self, node);
  children = g_new (guint, MAX (n, 1));
  for (guint32 c = self->tree.first_child[node]; c != HEARTH_NO_INDEX; c = self->tree.next_sibling[c])
    children[i++] = c;

  ctx.total = metric < HEARTH_N_METRICS ? self->tree.total[metric] : NULL;
  g_qsort_with_data (children, n, sizeof (guint), compare_nodes_by_total, &ctx);

  *n_children = n;
  return children;
}

/**
 * hearth_profile_node_dup_path:
 * @separator: joins the names, e.g. ";"
 *
 * The display names from the tree root (depth 1) down to @node. Occurrences
 * of @separator inside a name are written as ":" so the path stays splittable.
 *
 * Returns: (transfer full): the path, "" for `<root>`
 */
char *
hearth_profile_node_dup_path (HearthProfile *self,
                              guint          node,
                              const char    *separator)
{
  g_autoptr(GPtrArray) names = NULL;
  GString *str;

  NODE_CHECK (NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint32 n = node; n != 0 && n != HEARTH_NO_INDEX; n = self->tree.parent[n])
    g_ptr_array_add (names, hearth_profile_function_dup_display_name (self, self->tree.function[n]));

  str = g_string_new (NULL);
  for (guint i = names->len; i > 0; i--)
    {
      const char *name = g_ptr_array_index (names, i - 1);

      if (str->len > 0)
        g_string_append (str, separator);
      if (separator[0] != '\0' && strstr (name, separator) != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (name, separator, -1);
          g_autofree char *joined = g_strjoinv (":", parts);

          g_string_append (str, joined);
        }
      else
        g_string_append (str, name);
    }

  return g_string_free (str, FALSE);
}

/* Frames and threads */

guint
hearth_profile_get_n_frames (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->n_frames;
}

const HearthFrame *
hearth_profile_get_frame (HearthProfile *self,
                          guint          index)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->n_frames, NULL);
  return &self->frames[index];
}

guint
hearth_profile_get_n_threads (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), 0);
  return self->n_threads;
}

const HearthThreadInfo *
hearth_profile_get_thread (HearthProfile *self,
                           guint          index)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->n_threads, NULL);
  return &self->threads[index];
}

/**
 * hearth_profile_has_frame_values:
 *
 * Returns: whether the profile records what each node did in each frame
 *   (MicroProfiler dumps), so it can be filtered by frame
 */
gboolean
hearth_profile_has_frame_values (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), FALSE);
  return self->frame_value_offsets != NULL;
}

/**
 * hearth_profile_get_frame_values:
 * @frame: frame index
 * @n_values: (out): number of entries
 *
 * Returns: (transfer none) (nullable): the self values of the nodes active
 *   in @frame, in no particular order (a node and metric may repeat: sum
 *   them); %NULL (and 0) when the profile has
 *   no per-frame values. Paused frames have none: they are excluded from the
 *   totals (microprofiler.md §12.3).
 */
const HearthFrameValue *
hearth_profile_get_frame_values (HearthProfile *self,
                                 guint          frame,
                                 guint         *n_values)
{
  guint32 a, b;

  g_return_val_if_fail (HEARTH_IS_PROFILE (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = 0;
  if (self->frame_value_offsets == NULL || frame >= self->n_frames)
    return NULL;
  a = self->frame_value_offsets[frame];
  b = self->frame_value_offsets[frame + 1];
  *n_values = b - a;
  return self->frame_values + a;
}

/* Annotations */

/**
 * hearth_profile_has_annotations:
 *
 * Returns: whether any node has labels or counters (#HearthAnnotation)
 */
gboolean
hearth_profile_has_annotations (HearthProfile *self)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (self), FALSE);
  return self->n_annotations > 0;
}

/**
 * hearth_profile_get_annotations:
 * @node: a node
 * @n_out: (out): the number of annotations
 *
 * The node's own annotations (not its descendants'), in O(1): labels first,
 * then counters; within each kind by value descending, then by name.
 *
 * Returns: (transfer none) (array length=n_out) (nullable): the annotations,
 *   %NULL (and 0) when the node has none
 */
const HearthAnnotation *
hearth_profile_get_annotations (HearthProfile *self,
                                guint          node,
                                guint         *n_out)
{
  guint32 a, b;

  g_return_val_if_fail (n_out != NULL, NULL);
  *n_out = 0;
  NODE_CHECK (NULL);

  if (self->annotation_offsets == NULL)
    return NULL;
  a = self->annotation_offsets[node];
  b = self->annotation_offsets[node + 1];
  if (a == b)
    return NULL;
  *n_out = b - a;
  return self->annotations + a;
}

/* Metrics */

/**
 * hearth_metric_to_string:
 *
 * Returns: the metric's id as the CLI spells it (`cpu`, `alloc-count`, ...)
 */
const char *
hearth_metric_to_string (HearthMetric metric)
{
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);
  return metric_names[metric];
}

gboolean
hearth_metric_from_string (const char   *str,
                           HearthMetric *metric)
{
  g_return_val_if_fail (metric != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      if (g_strcmp0 (str, metric_names[m]) == 0)
        {
          *metric = m;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * hearth_metric_is_time:
 *
 * Returns: %TRUE when the metric is stored in nanoseconds and shown in ms
 */
gboolean
hearth_metric_is_time (HearthMetric metric)
{
  return metric == HEARTH_METRIC_CPU_TIME ||
         metric == HEARTH_METRIC_QUEUE_WAIT ||
         metric == HEARTH_METRIC_RETURN_WAIT;
}

/**
 * hearth_annotation_compare:
 * @a: a #HearthAnnotation
 * @b: another
 *
 * The order of hearth_profile_get_annotations(), for qsort(): by node, then
 * labels before counters, then by value descending, then by name.
 */
int
hearth_annotation_compare (const void *a,
                           const void *b)
{
  const HearthAnnotation *x = a;
  const HearthAnnotation *y = b;

  if (x->node != y->node)
    return x->node < y->node ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp (x->name, y->name);
}
