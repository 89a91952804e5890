/* hearth-diff.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-diff"

#include "config.h"

#include "hearth-diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hearth-combine.h"
#include "hearth-csv-writer.h"
#include "hearth-hash.h"

/* A diff is the union of two call trees, matched by the path of function
 * identities (kind, name, source, line, group and flags, as combining does: a
 * MicroProfiler timer and its group, a script function and its source line). Values are not copied: a
 * union node remembers the node of each side, and reads the side's combined,
 * normalised profile. Only the per-capture statistics of the noise filter are
 * stored, for the three metrics a comparison can show. */

#define N_DIFF_METRICS 3
static const HearthMetric diff_metrics[N_DIFF_METRICS] = {
  HEARTH_METRIC_CPU_TIME,
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
};

struct _HearthDiff
{
  gatomicrefcount          ref_count;

  HearthDiffNormalisation  normalisation;
  HearthProfile           *profiles[2];  /* combined and normalised */
  guint                    n_captures[2];
  double                   divisor[2];

  guint                    n_nodes;
  guint32                 *parent;
  guint32                 *depth;
  guint32                 *subtree_end;
  guint32                 *side_node[2];

  /* [metric][side][node]: mean and sample variance of the per-capture
   * normalised inclusive values; NULL without noise data */
  double                  *mean[N_DIFF_METRICS][2];
  double                  *variance[N_DIFF_METRICS][2];
};

G_DEFINE_BOXED_TYPE (HearthDiff, hearth_diff, hearth_diff_ref, hearth_diff_unref)

G_DEFINE_ENUM_TYPE (HearthDiffSide, hearth_diff_side,
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_SIDE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_SIDE_RIGHT, "right"))

G_DEFINE_ENUM_TYPE (HearthDiffMode, hearth_diff_mode,
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_MODE_RELATIVE, "relative"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_MODE_ABSOLUTE, "absolute"))

G_DEFINE_ENUM_TYPE (HearthDiffClass, hearth_diff_class,
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_CLASS_SAME, "same"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_CLASS_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_CLASS_RIGHT, "right"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_CLASS_ONLY_LEFT, "only-left"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_CLASS_ONLY_RIGHT, "only-right"))

G_DEFINE_ENUM_TYPE (HearthDiffPalette, hearth_diff_palette,
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_PALETTE_GREEN_BLUE, "green-blue"),
  G_DEFINE_ENUM_VALUE (HEARTH_DIFF_PALETTE_COLORBLIND, "colorblind"))

static int
diff_metric_index (HearthMetric metric)
{
  for (guint i = 0; i < N_DIFF_METRICS; i++)
    if (diff_metrics[i] == metric)
      return (int) i;
  return -1;
}

static const char * const normalisation_labels[] = {
  [HEARTH_DIFF_PER_FRAME] = "per 1 frame",
  [HEARTH_DIFF_PER_SECOND] = "per 1 s",
  [HEARTH_DIFF_PER_CAPTURE] = "per 1 capture",
};

static HearthDiffNormalisation
choose_normalisation (HearthProfile * const *left,
                      guint                  n_left,
                      HearthProfile * const *right,
                      guint                  n_right)
{
  gboolean frames = TRUE;
  gboolean seconds = TRUE;

  for (guint s = 0; s < 2; s++)
    {
      HearthProfile * const *profiles = s == 0 ? left : right;
      guint n = s == 0 ? n_left : n_right;

      for (guint i = 0; i < n; i++)
        {
          double session_ms = hearth_profile_get_session_ms (profiles[i]);

          frames = frames && hearth_profile_get_n_frames (profiles[i]) > 0;
          seconds = seconds && isfinite (session_ms) && session_ms > 0;
        }
    }

  if (frames)
    return HEARTH_DIFF_PER_FRAME;
  if (seconds)
    return HEARTH_DIFF_PER_SECOND;
  return HEARTH_DIFF_PER_CAPTURE;
}

static double
capture_divisor (HearthProfile           *profile,
                 HearthDiffNormalisation  normalisation)
{
  switch (normalisation)
    {
    case HEARTH_DIFF_PER_FRAME:
      return hearth_profile_get_n_frames (profile);
    case HEARTH_DIFF_PER_SECOND:
      return hearth_profile_get_session_ms (profile) / 1000.0;
    case HEARTH_DIFF_PER_CAPTURE:
    default:
      return 1;
    }
}

/* Union functions: one id per identity across every profile */
typedef struct
{
  GHashTable *ids;       /* key string → id + 1 */
  guint       n;
} FunctionUnion;

static guint32 *
function_union_map (FunctionUnion *fu,
                    HearthProfile *profile)
{
  guint n = hearth_profile_get_n_functions (profile);
  guint32 *map = g_new (guint32, MAX (n, 1));

  for (guint f = 0; f < n; f++)
    {
      const char *name = hearth_profile_function_get_name (profile, f);
      const char *source = hearth_profile_function_get_source (profile, f);
      const char *group = hearth_profile_function_get_group (profile, f);
      char *key = g_strdup_printf ("%d\x1f%u\x1f%s\x1f%s\x1f%d\x1f%s",
                                   (int) hearth_profile_function_get_kind (profile, f),
                                   (guint) hearth_profile_function_get_flags (profile, f),
                                   name != NULL ? name : "", source != NULL ? source : "",
                                   hearth_profile_function_get_line (profile, f),
                                   group != NULL ? group : "");
      gpointer value = g_hash_table_lookup (fu->ids, key);

      if (value == NULL)
        {
          value = GUINT_TO_POINTER (++fu->n);
          g_hash_table_insert (fu->ids, key, value);
        }
      else
        g_free (key);

      map[f] = GPOINTER_TO_UINT (value) - 1;
    }

  return map;
}

/* Work-in-progress union tree, in discovery order */
typedef struct
{
  GArray     *parent;     /* guint32 */
  GArray     *function;   /* guint32, union function */
  GArray     *side_node[2];
  GHashTable *children;   /* (parent << 32 | function) → node + 1 */
} UnionTree;

static guint64 *
child_key_new (guint32 parent,
               guint32 function)
{
  guint64 *key = g_new (guint64, 1);

  *key = ((guint64) parent << 32) | function;
  return key;
}

static guint32
union_lookup (UnionTree *ut,
              guint32    parent,
              guint32    function)
{
  guint64 key = ((guint64) parent << 32) | function;
  gpointer value = g_hash_table_lookup (ut->children, &key);

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : HEARTH_NO_INDEX;
}

static guint32
union_get_child (UnionTree *ut,
                 guint32    parent,
                 guint32    function)
{
  guint32 node = union_lookup (ut, parent, function);
  guint32 none = HEARTH_NO_INDEX;

  if (node != HEARTH_NO_INDEX)
    return node;

  node = ut->parent->len;
  g_array_append_val (ut->parent, parent);
  g_array_append_val (ut->function, function);
  g_array_append_val (ut->side_node[0], none);
  g_array_append_val (ut->side_node[1], none);
  g_hash_table_insert (ut->children, child_key_new (parent, function), GUINT_TO_POINTER (node + 1));

  return node;
}

/* Maps every node of @profile to its union node; with @add, missing nodes
 * are created */
static guint32 *
union_map_profile (UnionTree     *ut,
                   FunctionUnion *fu,
                   HearthProfile *profile,
                   gboolean       add)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  g_autofree guint32 *fmap = function_union_map (fu, profile);
  guint32 *map = g_new (guint32, MAX (tree->n_nodes, 1));

  map[0] = 0;
  for (guint n = 1; n < tree->n_nodes; n++)
    {
      guint32 parent = map[tree->parent[n]];

      if (parent == HEARTH_NO_INDEX)
        map[n] = HEARTH_NO_INDEX;
      else if (add)
        map[n] = union_get_child (ut, parent, fmap[tree->function[n]]);
      else
        map[n] = union_lookup (ut, parent, fmap[tree->function[n]]);
    }

  return map;
}

typedef struct
{
  HearthDiff *diff;
  GArray     *kids;      /* guint32 temporary ids */
} SortContext;

static double
temp_max_total (HearthDiff *self,
                guint32   **side_node,
                guint32     node,
                HearthMetric metric)
{
  double value = 0;

  for (guint s = 0; s < 2; s++)
    if (side_node[s][node] != HEARTH_NO_INDEX)
      value = MAX (value, hearth_profile_node_get_total (self->profiles[s], side_node[s][node], metric));

  return value;
}

static char *
temp_name (HearthDiff *self,
           guint32   **side_node,
           guint32     node)
{
  for (guint s = 0; s < 2; s++)
    if (side_node[s][node] != HEARTH_NO_INDEX)
      return hearth_profile_function_dup_display_name (self->profiles[s],
                                                       hearth_profile_node_get_function (self->profiles[s],
                                                                                         side_node[s][node]));
  return g_strdup ("");
}

typedef struct
{
  guint32  node;
  double   value;
  char    *name;
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int cmp;

  if (ea->value != eb->value)
    return ea->value > eb->value ? -1 : 1;
  cmp = g_strcmp0 (ea->name, eb->name);
  if (cmp != 0)
    return cmp;
  return ea->node < eb->node ? -1 : ea->node > eb->node;
}

static void
sort_nodes (HearthDiff   *self,
            guint32     **side_node,
            guint32      *nodes,
            guint         n,
            HearthMetric  metric)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      entries[i].node = nodes[i];
      entries[i].value = temp_max_total (self, side_node, nodes[i], metric);
      entries[i].name = temp_name (self, side_node, nodes[i]);
    }
  qsort (entries, n, sizeof (SortEntry), sort_entry_compare);
  for (guint i = 0; i < n; i++)
    {
      nodes[i] = entries[i].node;
      g_free (entries[i].name);
    }
}

static void
accumulate_noise (HearthDiff    *self,
                  UnionTree     *ut,
                  FunctionUnion *fu,
                  const guint32 *order_of_temp,
                  HearthProfile * const *profiles,
                  guint          n_profiles,
                  guint          side)
{
  guint n_nodes = self->n_nodes;
  g_autofree double *sum_sq = g_new (double, n_nodes);

  for (guint m = 0; m < N_DIFF_METRICS; m++)
    {
      self->mean[m][side] = g_new0 (double, n_nodes);
      self->variance[m][side] = g_new0 (double, n_nodes);
    }

  for (guint m = 0; m < N_DIFF_METRICS; m++)
    {
      HearthMetric metric = diff_metrics[m];
      double *mean = self->mean[m][side];

      memset (sum_sq, 0, sizeof (double) * n_nodes);
      for (guint i = 0; i < n_profiles; i++)
        {
          const HearthCallTree *tree = hearth_profile_get_call_tree (profiles[i]);
          g_autofree guint32 *map = NULL;
          double divisor = capture_divisor (profiles[i], self->normalisation);

          if (tree->total[metric] == NULL || !(divisor > 0))
            continue;
          map = union_map_profile (ut, fu, profiles[i], FALSE);
          for (guint n = 0; n < tree->n_nodes; n++)
            {
              double v;

              if (map[n] == HEARTH_NO_INDEX)
                continue;
              v = tree->total[metric][n] / divisor;
              mean[order_of_temp[map[n]]] += v;
              sum_sq[order_of_temp[map[n]]] += v * v;
            }
        }

      /* absent nodes count as 0 in that capture */
      for (guint n = 0; n < n_nodes; n++)
        {
          double s = mean[n];
          double var = (sum_sq[n] - s * s / n_profiles) / (n_profiles - 1);

          mean[n] = s / n_profiles;
          self->variance[m][side][n] = MAX (var, 0);
        }
    }
}

/**
 * hearth_diff_new:
 * @left: (array length=n_left): the Left captures (at least one)
 * @right: (array length=n_right): the Right captures (at least one)
 *
 * Combines each side (hearth_profile_combine()), normalises both sides to the
 * same unit (#HearthDiffNormalisation) and matches the two call trees by call
 * path into a union tree in depth-first pre-order, `<root>` first, children by
 * descending max (Left, Right) CPU time then name. With at least two captures
 * on each side, it also keeps, per node, the mean and sample variance of the
 * per-capture normalised values (absent = 0) for the noise filter.
 *
 * Returns: (transfer full) (nullable): the diff, %NULL when cancelled
 */
HearthDiff *
hearth_diff_new (HearthProfile * const *left,
                 guint                  n_left,
                 HearthProfile * const *right,
                 guint                  n_right,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(HearthDiff) self = NULL;
  HearthProfile * const *sides[2] = { left, right };
  guint n_sides[2] = { n_left, n_right };
  FunctionUnion fu;
  UnionTree ut;
  guint32 *side_node[2];
  g_autofree guint32 *order_of_temp = NULL;
  g_autofree guint32 *temp_of_order = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GArray) kids_start = NULL;
  g_autoptr(GArray) kids = NULL;
  guint n_temp;
  guint32 root = 0;
  guint32 none = HEARTH_NO_INDEX;

  g_return_val_if_fail (left != NULL && n_left > 0, NULL);
  g_return_val_if_fail (right != NULL && n_right > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (HearthDiff, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->normalisation = choose_normalisation (left, n_left, right, n_right);

  for (guint s = 0; s < 2; s++)
    {
      g_autoptr(HearthProfile) combined = hearth_profile_combine (sides[s], n_sides[s]);
      double divisor = 0;

      for (guint i = 0; i < n_sides[s]; i++)
        divisor += capture_divisor (sides[s][i], self->normalisation);
      if (!(divisor > 0))
        divisor = 1;

      self->n_captures[s] = n_sides[s];
      self->divisor[s] = divisor;
      self->profiles[s] = hearth_profile_scale (combined, 1.0 / divisor,
                                                normalisation_labels[self->normalisation]);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
    }

  /* union, in discovery order */
  fu.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fu.n = 0;
  ut.parent = g_array_new (FALSE, FALSE, sizeof (guint32));
  ut.function = g_array_new (FALSE, FALSE, sizeof (guint32));
  ut.side_node[0] = g_array_new (FALSE, FALSE, sizeof (guint32));
  ut.side_node[1] = g_array_new (FALSE, FALSE, sizeof (guint32));
  ut.children = g_hash_table_new_full (hearth_uint64_hash, g_int64_equal, g_free, NULL);
  g_array_append_val (ut.parent, none);
  g_array_append_val (ut.function, none);
  g_array_append_val (ut.side_node[0], root);
  g_array_append_val (ut.side_node[1], root);

  for (guint s = 0; s < 2; s++)
    {
      g_autofree guint32 *map = union_map_profile (&ut, &fu, self->profiles[s], TRUE);
      guint n = hearth_profile_get_n_nodes (self->profiles[s]);

      for (guint i = 1; i < n; i++)
        g_array_index (ut.side_node[s], guint32, map[i]) = i;
    }

  n_temp = ut.parent->len;
  side_node[0] = (guint32 *) (gpointer) ut.side_node[0]->data;
  side_node[1] = (guint32 *) (gpointer) ut.side_node[1]->data;

  /* children lists (counting sort by parent), then pre-order */
  kids_start = g_array_sized_new (FALSE, TRUE, sizeof (guint32), n_temp + 1);
  g_array_set_size (kids_start, n_temp + 1);
  kids = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_temp);
  g_array_set_size (kids, n_temp);
  {
    guint32 *start = (guint32 *) (gpointer) kids_start->data;
    guint32 *parent = (guint32 *) (gpointer) ut.parent->data;
    g_autofree guint32 *fill = g_new0 (guint32, n_temp + 1);

    for (guint n = 1; n < n_temp; n++)
      start[parent[n] + 1]++;
    for (guint n = 0; n < n_temp; n++)
      start[n + 1] += start[n];
    for (guint n = 1; n < n_temp; n++)
      g_array_index (kids, guint32, start[parent[n]] + fill[parent[n]]++) = n;
    for (guint n = 0; n < n_temp; n++)
      if (start[n + 1] - start[n] > 1)
        sort_nodes (self, side_node, &g_array_index (kids, guint32, start[n]),
                    start[n + 1] - start[n], HEARTH_METRIC_CPU_TIME);
  }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  self->n_nodes = n_temp;
  self->parent = g_new (guint32, n_temp);
  self->depth = g_new (guint32, n_temp);
  self->subtree_end = g_new (guint32, n_temp);
  self->side_node[0] = g_new (guint32, n_temp);
  self->side_node[1] = g_new (guint32, n_temp);
  order_of_temp = g_new (guint32, n_temp);
  temp_of_order = g_new (guint32, n_temp);

  stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_array_append_val (stack, root);
  {
    guint32 *start = (guint32 *) (gpointer) kids_start->data;
    guint next = 0;

    while (stack->len > 0)
      {
        guint32 t = g_array_index (stack, guint32, stack->len - 1);
        guint32 tparent = g_array_index (ut.parent, guint32, t);
        guint32 id = next++;

        g_array_set_size (stack, stack->len - 1);
        order_of_temp[t] = id;
        temp_of_order[id] = t;
        self->parent[id] = t == 0 ? HEARTH_NO_INDEX : order_of_temp[tparent];
        self->depth[id] = t == 0 ? 0 : self->depth[self->parent[id]] + 1;
        self->side_node[0][id] = side_node[0][t];
        self->side_node[1][id] = side_node[1][t];

        for (guint k = start[t + 1]; k > start[t]; k--)
          g_array_append_val (stack, g_array_index (kids, guint32, k - 1));
      }

    /* subtree ends: a node's subtree ends where the next node not below it starts */
    for (guint n = n_temp; n > 0; n--)
      {
        guint id = n - 1;
        guint32 t = temp_of_order[id];

        self->subtree_end[id] = start[t + 1] > start[t]
          ? self->subtree_end[order_of_temp[g_array_index (kids, guint32, start[t + 1] - 1)]]
          : id + 1;
      }
  }

  if (n_left >= 2 && n_right >= 2)
    for (guint s = 0; s < 2; s++)
      accumulate_noise (self, &ut, &fu, order_of_temp, sides[s], n_sides[s], s);

out:
  g_hash_table_unref (fu.ids);
  g_hash_table_unref (ut.children);
  g_array_unref (ut.parent);
  g_array_unref (ut.function);
  g_array_unref (ut.side_node[0]);
  g_array_unref (ut.side_node[1]);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

HearthDiff *
hearth_diff_ref (HearthDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hearth_diff_unref (HearthDiff *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint s = 0; s < 2; s++)
    {
      g_clear_object (&self->profiles[s]);
      g_free (self->side_node[s]);
      for (guint m = 0; m < N_DIFF_METRICS; m++)
        {
          g_free (self->mean[m][s]);
          g_free (self->variance[m][s]);
        }
    }
  g_free (self->parent);
  g_free (self->depth);
  g_free (self->subtree_end);
  g_free (self);
}

HearthDiffNormalisation
hearth_diff_get_normalisation (HearthDiff *self)
{
  g_return_val_if_fail (self != NULL, HEARTH_DIFF_PER_CAPTURE);
  return self->normalisation;
}

/**
 * hearth_diff_get_normalisation_label:
 *
 * Returns: "per 1 frame", "per 1 s" or "per 1 capture"
 */
const char *
hearth_diff_get_normalisation_label (HearthDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return normalisation_labels[self->normalisation];
}

guint
hearth_diff_get_n_captures (HearthDiff     *self,
                            HearthDiffSide  side)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, 0);
  return self->n_captures[side];
}

/**
 * hearth_diff_get_divisor:
 *
 * Returns: what the side's sums were divided by: its total frames, seconds
 *   or captures
 */
double
hearth_diff_get_divisor (HearthDiff     *self,
                         HearthDiffSide  side)
{
  g_return_val_if_fail (self != NULL, 1);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, 1);
  return self->divisor[side];
}

/**
 * hearth_diff_get_profile:
 *
 * Returns: (transfer none): the side's combined and normalised profile (the
 *   "Combo" flame graph of the side)
 */
HearthProfile *
hearth_diff_get_profile (HearthDiff     *self,
                         HearthDiffSide  side)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, NULL);
  return self->profiles[side];
}

/**
 * hearth_diff_has_noise_data:
 *
 * Returns: whether both sides have at least two captures, which the noise
 *   filter needs
 */
gboolean
hearth_diff_has_noise_data (HearthDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->mean[0][0] != NULL;
}

guint
hearth_diff_get_n_nodes (HearthDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_nodes;
}

#define NODE_CHECK(val) \
  g_return_val_if_fail (self != NULL, val); \
  g_return_val_if_fail (node < self->n_nodes, val)

/**
 * hearth_diff_node_get_parent:
 *
 * Returns: the parent, %HEARTH_NO_INDEX for `<root>` (node 0)
 */
guint
hearth_diff_node_get_parent (HearthDiff *self,
                             guint       node)
{
  NODE_CHECK (HEARTH_NO_INDEX);
  return self->parent[node];
}

guint
hearth_diff_node_get_depth (HearthDiff *self,
                            guint       node)
{
  NODE_CHECK (0);
  return self->depth[node];
}

/**
 * hearth_diff_node_get_subtree_end:
 *
 * Returns: one past the last node of @node's subtree (pre-order)
 */
guint
hearth_diff_node_get_subtree_end (HearthDiff *self,
                                  guint       node)
{
  NODE_CHECK (0);
  return self->subtree_end[node];
}

/**
 * hearth_diff_node_get_side_node:
 *
 * Returns: the node in hearth_diff_get_profile() of @side, or
 *   %HEARTH_NO_INDEX when the call path does not exist on that side
 */
guint
hearth_diff_node_get_side_node (HearthDiff     *self,
                                guint           node,
                                HearthDiffSide  side)
{
  NODE_CHECK (HEARTH_NO_INDEX);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, HEARTH_NO_INDEX);
  return self->side_node[side][node];
}

gboolean
hearth_diff_node_get_present (HearthDiff     *self,
                              guint           node,
                              HearthDiffSide  side)
{
  return hearth_diff_node_get_side_node (self, node, side) != HEARTH_NO_INDEX;
}

static gboolean
node_side_function (HearthDiff     *self,
                    guint           node,
                    HearthProfile **profile,
                    guint          *function)
{
  for (guint s = 0; s < 2; s++)
    {
      if (self->side_node[s][node] != HEARTH_NO_INDEX)
        {
          *profile = self->profiles[s];
          *function = hearth_profile_node_get_function (self->profiles[s], self->side_node[s][node]);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hearth_diff_node_dup_name:
 *
 * Returns: (transfer full): the display name of the node's function
 */
char *
hearth_diff_node_dup_name (HearthDiff *self,
                           guint       node)
{
  HearthProfile *profile;
  guint function;

  NODE_CHECK (NULL);

  if (!node_side_function (self, node, &profile, &function))
    return g_strdup ("");
  return hearth_profile_function_dup_display_name (profile, function);
}

/**
 * hearth_diff_node_dup_location:
 *
 * Returns: (transfer full) (nullable): "source:line", or %NULL
 */
char *
hearth_diff_node_dup_location (HearthDiff *self,
                               guint       node)
{
  HearthProfile *profile;
  guint function;

  NODE_CHECK (NULL);

  if (!node_side_function (self, node, &profile, &function))
    return NULL;
  return hearth_profile_function_dup_location (profile, function);
}

/**
 * hearth_diff_node_dup_path:
 *
 * The display names from depth 1 down to @node, joined by @separator, as
 * hearth_profile_node_dup_path() writes them.
 *
 * Returns: (transfer full): the path, "" for `<root>`
 */
char *
hearth_diff_node_dup_path (HearthDiff *self,
                           guint       node,
                           const char *separator)
{
  guint s;

  NODE_CHECK (NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  s = self->side_node[0][node] != HEARTH_NO_INDEX ? 0 : 1;
  return hearth_profile_node_dup_path (self->profiles[s], self->side_node[s][node], separator);
}

/**
 * hearth_diff_node_get_total:
 *
 * Returns: the inclusive value on @side, combined and normalised, in the
 *   metric's base unit (nanoseconds for CPU time); 0 when absent or when the
 *   side has no such metric
 */
double
hearth_diff_node_get_total (HearthDiff     *self,
                            guint           node,
                            HearthDiffSide  side,
                            HearthMetric    metric)
{
  guint32 n;

  NODE_CHECK (0);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, 0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  n = self->side_node[side][node];
  if (n == HEARTH_NO_INDEX || !hearth_profile_has_metric (self->profiles[side], metric))
    return 0;
  return hearth_profile_node_get_total (self->profiles[side], n, metric);
}

double
hearth_diff_node_get_self (HearthDiff     *self,
                           guint           node,
                           HearthDiffSide  side,
                           HearthMetric    metric)
{
  guint32 n;

  NODE_CHECK (0);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, 0);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, 0);

  n = self->side_node[side][node];
  if (n == HEARTH_NO_INDEX || !hearth_profile_has_metric (self->profiles[side], metric))
    return 0;
  return hearth_profile_node_get_self (self->profiles[side], n, metric);
}

/**
 * hearth_diff_node_get_calls:
 *
 * Returns: the normalised call count on @side, NAN when the side has none
 */
double
hearth_diff_node_get_calls (HearthDiff     *self,
                            guint           node,
                            HearthDiffSide  side)
{
  guint32 n;

  NODE_CHECK (NAN);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, NAN);

  if (!hearth_profile_has_metric (self->profiles[side], HEARTH_METRIC_CALLS))
    return NAN;
  n = self->side_node[side][node];
  if (n == HEARTH_NO_INDEX)
    return 0;
  return hearth_profile_node_get_total (self->profiles[side], n, HEARTH_METRIC_CALLS);
}

/**
 * hearth_diff_node_get_noise:
 * @mean_left: (out) (optional): mean of the Left per-capture values
 * @mean_right: (out) (optional): mean of the Right per-capture values
 * @standard_error: (out) (optional): the pooled standard error of the
 *   difference of the means, s_p × √(1/n_L + 1/n_R) with
 *   s_p² = ((n_L − 1) s_L² + (n_R − 1) s_R²) / (n_L + n_R − 2)
 *
 * Values are in the metric's base unit, each capture normalised by its own
 * frames (or seconds, or 1); a capture without the node counts as 0.
 *
 * Returns: %FALSE without noise data (fewer than two captures on a side)
 *   or for a metric other than CPU time, allocation count and size
 */
gboolean
hearth_diff_node_get_noise (HearthDiff   *self,
                            guint         node,
                            HearthMetric  metric,
                            double       *mean_left,
                            double       *mean_right,
                            double       *standard_error)
{
  int m;
  double nl, nr, pooled;

  NODE_CHECK (FALSE);

  m = diff_metric_index (metric);
  if (m < 0 || self->mean[m][0] == NULL)
    return FALSE;

  nl = self->n_captures[0];
  nr = self->n_captures[1];
  pooled = ((nl - 1) * self->variance[m][0][node] + (nr - 1) * self->variance[m][1][node]) /
           (nl + nr - 2);

  if (mean_left != NULL)
    *mean_left = self->mean[m][0][node];
  if (mean_right != NULL)
    *mean_right = self->mean[m][1][node];
  if (standard_error != NULL)
    *standard_error = sqrt (pooled) * sqrt (1 / nl + 1 / nr);

  return TRUE;
}

/**
 * hearth_diff_node_dup_children_sorted:
 *
 * Returns: (transfer full) (array length=n_children): the children, by
 *   descending max (Left, Right) of @metric, then name
 */
guint *
hearth_diff_node_dup_children_sorted (HearthDiff   *self,
                                      guint         node,
                                      HearthMetric  metric,
                                      guint        *n_children)
{
  g_autoptr(GArray) children = NULL;

  NODE_CHECK (NULL);
  g_return_val_if_fail (n_children != NULL, NULL);

  children = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint c = node + 1; c < self->subtree_end[node]; c = self->subtree_end[c])
    g_array_append_val (children, c);

  sort_nodes (self, self->side_node, (guint32 *) (gpointer) children->data, children->len, metric);

  *n_children = children->len;
  return (guint *) g_array_free (g_steal_pointer (&children), FALSE);
}

/**
 * hearth_diff_classify_values:
 * @left: Left value, in the display unit (ms, count, bytes)
 * @right: Right value, same unit
 * @low: the low threshold (percent in relative mode, display unit in
 *   absolute mode)
 * @high: the high threshold
 * @intensity: (out) (optional): 0–1
 *
 * The difference d is |R − L| / max (L, R) × 100 (relative; 0 when both are
 * 0) or |R − L| (absolute). Below @low the class is
 * %HEARTH_DIFF_CLASS_SAME with intensity 0. From @low on, the class is
 * %HEARTH_DIFF_CLASS_LEFT when L > R, else %HEARTH_DIFF_CLASS_RIGHT, and the
 * intensity is (d − low) / (high − low), clamped to 0–1 (1 from @high on;
 * when @high ≤ @low, 1 from @low on).
 *
 * Returns: the class
 */
HearthDiffClass
hearth_diff_classify_values (double          left,
                             double          right,
                             HearthDiffMode  mode,
                             double          low,
                             double          high,
                             double         *intensity)
{
  double big = MAX (left, right);
  double d;
  double level;

  if (mode == HEARTH_DIFF_MODE_RELATIVE)
    d = big > 0 ? fabs (right - left) / big * 100.0 : 0;
  else
    d = fabs (right - left);

  if (!(d >= low) || left == right)
    {
      if (intensity != NULL)
        *intensity = 0;
      return HEARTH_DIFF_CLASS_SAME;
    }

  if (d >= high)
    level = 1;
  else if (high <= low)
    level = 1;
  else
    level = CLAMP ((d - low) / (high - low), 0, 1);

  if (intensity != NULL)
    *intensity = level;

  return left > right ? HEARTH_DIFF_CLASS_LEFT : HEARTH_DIFF_CLASS_RIGHT;
}

/**
 * hearth_diff_classify:
 * @metric: CPU time, allocation count or allocation size
 * @noise: apply the noise filter (only when hearth_diff_has_noise_data())
 * @intensity: (out) (optional): 0–1, the brightness
 *
 * A call path on one side only is %HEARTH_DIFF_CLASS_ONLY_LEFT or
 * %HEARTH_DIFF_CLASS_ONLY_RIGHT with intensity 1. Otherwise the inclusive
 * values of both sides, in the display unit (hearth_diff_metric_display_factor()),
 * go through hearth_diff_classify_values(). With @noise, a node whose
 * |mean R − mean L| is below 2 × the pooled standard error
 * (hearth_diff_node_get_noise()) is %HEARTH_DIFF_CLASS_SAME, intensity 0.
 *
 * Returns: the class
 */
HearthDiffClass
hearth_diff_classify (HearthDiff     *self,
                      guint           node,
                      HearthMetric    metric,
                      HearthDiffMode  mode,
                      double          low,
                      double          high,
                      gboolean        noise,
                      double         *intensity)
{
  gboolean in_left, in_right;
  double factor, mean_l, mean_r, se;

  NODE_CHECK (HEARTH_DIFF_CLASS_SAME);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, HEARTH_DIFF_CLASS_SAME);

  in_left = self->side_node[0][node] != HEARTH_NO_INDEX;
  in_right = self->side_node[1][node] != HEARTH_NO_INDEX;

  if (in_left != in_right)
    {
      if (intensity != NULL)
        *intensity = 1;
      return in_left ? HEARTH_DIFF_CLASS_ONLY_LEFT : HEARTH_DIFF_CLASS_ONLY_RIGHT;
    }

  if (noise && hearth_diff_node_get_noise (self, node, metric, &mean_l, &mean_r, &se) &&
      fabs (mean_r - mean_l) < 2 * se)
    {
      if (intensity != NULL)
        *intensity = 0;
      return HEARTH_DIFF_CLASS_SAME;
    }

  factor = hearth_diff_metric_display_factor (metric);
  return hearth_diff_classify_values (hearth_diff_node_get_total (self, node, HEARTH_DIFF_SIDE_LEFT, metric) * factor,
                                      hearth_diff_node_get_total (self, node, HEARTH_DIFF_SIDE_RIGHT, metric) * factor,
                                      mode, low, high, intensity);
}

typedef struct
{
  guint node;
  gsize prefix_len;
} StackEntry;

/**
 * hearth_diff_csv:
 *
 * The `hearth-cli diff` table: header
 * `path,name,left,right,delta,delta_pct,class,intensity`, then one row per
 * union-tree node but `<root>`, depth first, children by descending
 * max (Left, Right) of @metric then name. left and right are the inclusive
 * values per normalisation unit (ms for CPU time); delta = right − left;
 * delta_pct = (right − left) / left × 100, empty when left is 0; class is
 * `same`, `left`, `right`, `only-left` or `only-right`; intensity 0–1 as
 * hearth_diff_classify() gives it.
 *
 * Returns: (transfer full): the CSV text
 */
char *
hearth_diff_csv (HearthDiff     *self,
                 HearthMetric    metric,
                 HearthDiffMode  mode,
                 double          low,
                 double          high,
                 gboolean        noise)
{
  static const char * const columns[] = {
    "path", "name", "left", "right", "delta", "delta_pct", "class", "intensity",
  };
  g_autoptr(HearthCsvWriter) writer = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GString) path = NULL;
  StackEntry root = { 0, 0 };
  double factor;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  factor = hearth_diff_metric_display_factor (metric);
  writer = hearth_csv_writer_new (',');
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    hearth_csv_writer_add_field (writer, columns[i]);
  hearth_csv_writer_end_row (writer);

  stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  path = g_string_new (NULL);
  g_array_append_val (stack, root);

  while (stack->len > 0)
    {
      StackEntry entry = g_array_index (stack, StackEntry, stack->len - 1);
      guint node = entry.node;
      g_autofree guint *children = NULL;
      guint n_children = 0;
      gsize prefix_len;

      g_array_set_size (stack, stack->len - 1);
      g_string_truncate (path, entry.prefix_len);

      if (node != 0)
        {
          g_autofree char *name = hearth_diff_node_dup_name (self, node);
          g_autofree char *path_name = g_strdelimit (g_strdup (name), ";", ':');
          double left = hearth_diff_node_get_total (self, node, HEARTH_DIFF_SIDE_LEFT, metric) * factor;
          double right = hearth_diff_node_get_total (self, node, HEARTH_DIFF_SIDE_RIGHT, metric) * factor;
          double intensity = 0;
          HearthDiffClass klass;

          klass = hearth_diff_classify (self, node, metric, mode, low, high, noise, &intensity);

          if (path->len > 0)
            g_string_append_c (path, ';');
          g_string_append (path, path_name);

          hearth_csv_writer_add_field (writer, path->str);
          hearth_csv_writer_add_field (writer, name);
          hearth_csv_writer_add_number (writer, left, 3);
          hearth_csv_writer_add_number (writer, right, 3);
          hearth_csv_writer_add_number (writer, right - left, 3);
          if (left != 0)
            hearth_csv_writer_add_number (writer, (right - left) / left * 100.0, 3);
          else
            hearth_csv_writer_add_empty (writer);
          hearth_csv_writer_add_field (writer, hearth_diff_class_to_string (klass));
          hearth_csv_writer_add_number (writer, intensity, 3);
          hearth_csv_writer_end_row (writer);
        }

      prefix_len = path->len;
      children = hearth_diff_node_dup_children_sorted (self, node, metric, &n_children);
      for (guint i = n_children; i > 0; i--)
        {
          StackEntry child = { children[i - 1], prefix_len };

          g_array_append_val (stack, child);
        }
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_diff_metric_display_factor:
 *
 * Returns: what turns a base value into the display unit: 1e-6 for CPU time
 *   (ns → ms), else 1
 */
double
hearth_diff_metric_display_factor (HearthMetric metric)
{
  return hearth_metric_is_time (metric) ? 1e-6 : 1;
}

/**
 * hearth_diff_metric_is_supported:
 *
 * Returns: whether a comparison can show @metric (CPU time, allocation
 *   count, allocation size)
 */
gboolean
hearth_diff_metric_is_supported (HearthMetric metric)
{
  return diff_metric_index (metric) >= 0;
}

/**
 * hearth_diff_get_default_thresholds:
 * @low: (out): default low threshold
 * @high: (out): default high threshold
 *
 * Relative: 5 % and 70 %. Absolute: 0.5 ms and 7 ms for CPU time, 5 and 70
 * allocations, 500 and 7000 bytes.
 */
void
hearth_diff_get_default_thresholds (HearthDiffMode  mode,
                                    HearthMetric    metric,
                                    double         *low,
                                    double         *high)
{
  double l, h;

  if (mode == HEARTH_DIFF_MODE_RELATIVE)
    {
      l = 5;
      h = 70;
    }
  else if (metric == HEARTH_METRIC_ALLOC_COUNT)
    {
      l = 5;
      h = 70;
    }
  else if (metric == HEARTH_METRIC_ALLOC_BYTES)
    {
      l = 500;
      h = 7000;
    }
  else
    {
      l = 0.5;
      h = 7;
    }

  if (low != NULL)
    *low = l;
  if (high != NULL)
    *high = h;
}

/* Full colours: GNOME palette green 4 / blue 3; Okabe–Ito orange / blue */
static const guint32 side_colors[2][2] = {
  [HEARTH_DIFF_PALETTE_GREEN_BLUE] = { 0x2ec27e, 0x3584e4 },
  [HEARTH_DIFF_PALETTE_COLORBLIND] = { 0xe69f00, 0x0072b2 },
};

static void
rgb_from_hex (guint32 hex,
              double  rgb[3])
{
  rgb[0] = ((hex >> 16) & 0xff) / 255.0;
  rgb[1] = ((hex >> 8) & 0xff) / 255.0;
  rgb[2] = (hex & 0xff) / 255.0;
}

/**
 * hearth_diff_get_side_color:
 * @rgb: (out caller-allocates) (array fixed-size=3): 0–1 components
 *
 * The full colour of a side: what a box is at intensity 1.
 */
void
hearth_diff_get_side_color (HearthDiffSide     side,
                            HearthDiffPalette  palette,
                            double             rgb[3])
{
  g_return_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT);
  g_return_if_fail (palette <= HEARTH_DIFF_PALETTE_COLORBLIND);

  rgb_from_hex (side_colors[palette][side], rgb);
}

/**
 * hearth_diff_get_color:
 * @rgb: (out caller-allocates) (array fixed-size=3): 0–1 components
 *
 * The fill of a diff box: gray for %HEARTH_DIFF_CLASS_SAME; for the other
 * classes the side's colour mixed into gray by 0.3 + 0.7 × @intensity, so
 * the colour grows linearly from a faint tint at the low threshold to the
 * full colour at the high one. One-sided boxes get the full colour (the
 * renderer also hatches them).
 */
void
hearth_diff_get_color (HearthDiffClass    klass,
                       double             intensity,
                       HearthDiffPalette  palette,
                       gboolean           dark,
                       double             rgb[3])
{
  double gray[3];
  double full[3];
  double t;

  g_return_if_fail (palette <= HEARTH_DIFF_PALETTE_COLORBLIND);

  rgb_from_hex (dark ? 0x5e5c64 : 0xc0bfbc, gray);

  switch (klass)
    {
    case HEARTH_DIFF_CLASS_LEFT:
    case HEARTH_DIFF_CLASS_ONLY_LEFT:
      hearth_diff_get_side_color (HEARTH_DIFF_SIDE_LEFT, palette, full);
      break;
    case HEARTH_DIFF_CLASS_RIGHT:
    case HEARTH_DIFF_CLASS_ONLY_RIGHT:
      hearth_diff_get_side_color (HEARTH_DIFF_SIDE_RIGHT, palette, full);
      break;
    case HEARTH_DIFF_CLASS_SAME:
    default:
      memcpy (rgb, gray, sizeof gray);
      return;
    }

  if (klass == HEARTH_DIFF_CLASS_ONLY_LEFT || klass == HEARTH_DIFF_CLASS_ONLY_RIGHT)
    t = 1;
  else
    t = 0.3 + 0.7 * CLAMP (intensity, 0, 1);

  for (guint i = 0; i < 3; i++)
    rgb[i] = gray[i] + (full[i] - gray[i]) * t;
}

const char *
hearth_diff_class_to_string (HearthDiffClass klass)
{
  switch (klass)
    {
    case HEARTH_DIFF_CLASS_SAME:
      return "same";
    case HEARTH_DIFF_CLASS_LEFT:
      return "left";
    case HEARTH_DIFF_CLASS_RIGHT:
      return "right";
    case HEARTH_DIFF_CLASS_ONLY_LEFT:
      return "only-left";
    case HEARTH_DIFF_CLASS_ONLY_RIGHT:
      return "only-right";
    default:
      g_return_val_if_reached ("same");
    }
}

const char *
hearth_diff_mode_to_string (HearthDiffMode mode)
{
  return mode == HEARTH_DIFF_MODE_ABSOLUTE ? "absolute" : "relative";
}

gboolean
hearth_diff_mode_from_string (const char     *str,
                              HearthDiffMode *mode)
{
  g_return_val_if_fail (mode != NULL, FALSE);

  if (g_strcmp0 (str, "relative") == 0)
    *mode = HEARTH_DIFF_MODE_RELATIVE;
  else if (g_strcmp0 (str, "absolute") == 0)
    *mode = HEARTH_DIFF_MODE_ABSOLUTE;
  else
    return FALSE;

  return TRUE;
}
