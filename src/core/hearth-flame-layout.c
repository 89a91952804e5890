/* hearth-flame-layout.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-flame-layout"

#include "config.h"

#include "hearth-flame-layout.h"

#include <math.h>
#include <string.h>

#include "hearth-combine.h"
#include "hearth-profile-builder.h"
#include "hearth-profile-private.h"

/* The flame graph's model, without GTK: the displayed tree (the profile
 * itself, or a bottom-up profile derived from it) and the layout of its boxes
 * for one metric and one zoom root. Layouts are immutable and width-relative
 * (x and width are fractions of the zoom root), so any thread may compute
 * them and resizing the widget never needs a new one. */

G_DEFINE_ENUM_TYPE (HearthFlameDirection, hearth_flame_direction,
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_TOP_DOWN, "top-down"),
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_BOTTOM_UP, "bottom-up"))

G_DEFINE_ENUM_TYPE (HearthFlameXRayMode, hearth_flame_xray_mode,
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_XRAY_COUNT, "count"),
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_XRAY_SUM, "sum"))

G_DEFINE_ENUM_TYPE (HearthFlameXRayEvents, hearth_flame_xray_events,
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_XRAY_ALLOCS, "allocs"),
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_XRAY_FREES, "frees"),
  G_DEFINE_ENUM_VALUE (HEARTH_FLAME_XRAY_BOTH, "both"))

struct _HearthFlameTree
{
  gatomicrefcount       ref_count;
  HearthProfile        *profile;   /* what is drawn */
  HearthProfile        *source;    /* what was loaded */
  HearthFlameDirection  direction;
  guint32              *origin;    /* display function -> source function; NULL = identity */
  guint                 n_origin;
};

struct _HearthFlameLayout
{
  gatomicrefcount   ref_count;
  HearthFlameTree  *tree;
  HearthMetric      metric;
  guint             zoom_node;
  double            zoom_total;
  HearthFlameRect  *rects;
  guint             n_rects;
  guint             n_rows;
  guint            *row_start;     /* n_rows + 1 entries */
};

G_DEFINE_BOXED_TYPE (HearthFlameTree, hearth_flame_tree, hearth_flame_tree_ref, hearth_flame_tree_unref)
G_DEFINE_BOXED_TYPE (HearthFlameLayout, hearth_flame_layout, hearth_flame_layout_ref, hearth_flame_layout_unref)

#define CANCEL_CHECK_MASK 0xffff

/* Bottom-up: every node with self values contributes a reversed path
 *   leaf → parent → … → tree root (depth 1)
 * where the leaf is the node's function when the node has no children, and a
 * `Name (Excl)` pseudo function (a child of the node's own function) when it
 * has: the caller's own time is then a separate box, as in the Roblox summary
 * flame graph, and every leaf occurrence of a function merges into one root. */
static HearthProfile *
build_bottom_up (HearthProfile  *profile,
                 guint32       **origin_out,
                 guint          *n_origin_out,
                 GCancellable   *cancellable)
{
  g_autoptr(HearthProfileBuilder) builder = hearth_profile_builder_new ();
  g_autofree guint32 *function_map = NULL;
  g_autofree guint32 *excl_map = NULL;
  g_autoptr(GArray) origin = NULL;
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  guint n_functions = hearth_profile_get_n_functions (profile);

  function_map = _hearth_profile_intern_functions (builder, profile);
  excl_map = g_new (guint32, MAX (n_functions, 1));
  memset (excl_map, 0xff, sizeof (guint32) * MAX (n_functions, 1));

  origin = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_functions + 16);
  for (guint f = 0; f < n_functions; f++)
    {
      guint32 id = function_map[f];

      if (id >= origin->len)
        g_array_set_size (origin, id + 1);
      g_array_index (origin, guint32, id) = f;
    }

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (tree->self[m] != NULL)
      hearth_profile_builder_enable_metric (builder, m, HEARTH_VALUE_SELF);

  for (guint n = 1; n < tree->n_nodes; n++)
    {
      gboolean has_self = FALSE;
      guint target;
      guint leaf_function;
      guint32 first_caller;

      if ((n & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;

      for (guint m = 0; m < HEARTH_N_METRICS && !has_self; m++)
        has_self = tree->self[m] != NULL && tree->self[m][n] != 0;
      if (!has_self)
        continue;

      if (tree->first_child[n] == HEARTH_NO_INDEX)
        {
          leaf_function = function_map[tree->function[n]];
          first_caller = tree->parent[n];
        }
      else
        {
          guint f = tree->function[n];

          if (excl_map[f] == HEARTH_NO_INDEX)
            {
              guint32 rgb;

              excl_map[f] = hearth_profile_builder_intern_function (builder,
                                                                    hearth_profile_function_get_kind (profile, f),
                                                                    hearth_profile_function_get_name (profile, f),
                                                                    hearth_profile_function_get_source (profile, f),
                                                                    hearth_profile_function_get_line (profile, f),
                                                                    hearth_profile_function_get_group (profile, f),
                                                                    hearth_profile_function_get_flags (profile, f) |
                                                                    HEARTH_FUNCTION_FLAG_EXCL);
              if (hearth_profile_function_get_color (profile, f, &rgb))
                hearth_profile_builder_set_function_color (builder, excl_map[f], rgb);
              if (excl_map[f] >= origin->len)
                g_array_set_size (origin, excl_map[f] + 1);
              g_array_index (origin, guint32, excl_map[f]) = f;
            }
          leaf_function = excl_map[f];
          first_caller = n;
        }

      target = hearth_profile_builder_get_child (builder, HEARTH_ROOT_NODE, leaf_function);
      /* labels and counters of the node's own scope go to the root box of
       * its own time, not to its callers */
      _hearth_profile_copy_annotations (builder, profile, n, target);
      for (guint32 a = first_caller; a != 0 && a != HEARTH_NO_INDEX; a = tree->parent[a])
        target = hearth_profile_builder_get_child (builder, target, function_map[tree->function[a]]);

      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        if (tree->self[m] != NULL && tree->self[m][n] != 0)
          hearth_profile_builder_add_value (builder, target, m, tree->self[m][n]);
    }

  /* `<root>`'s own values stay on `<root>` */
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (tree->self[m] != NULL && tree->n_nodes > 0 && tree->self[m][0] != 0)
      hearth_profile_builder_add_value (builder, HEARTH_ROOT_NODE, m, tree->self[m][0]);

  _hearth_profile_copy_info (builder, profile, FALSE);

  *n_origin_out = origin->len;
  *origin_out = (guint32 *) (gpointer) g_array_free (g_steal_pointer (&origin), FALSE);

  return hearth_profile_builder_finish (builder);
}

/**
 * hearth_flame_tree_new:
 * @profile: the loaded profile
 * @direction: top-down or bottom-up
 * @cancellable: (nullable): checked while a bottom-up tree is built
 *
 * The tree a flame graph draws. Building a bottom-up tree walks the whole
 * arena: call it from a worker thread for big profiles.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL when cancelled
 */
HearthFlameTree *
hearth_flame_tree_new (HearthProfile        *profile,
                       HearthFlameDirection  direction,
                       GCancellable         *cancellable)
{
  HearthFlameTree *self;
  HearthProfile *display;
  guint32 *origin = NULL;
  guint n_origin = 0;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  if (direction == HEARTH_FLAME_BOTTOM_UP)
    {
      display = build_bottom_up (profile, &origin, &n_origin, cancellable);
      if (display == NULL)
        return NULL;
    }
  else
    display = g_object_ref (profile);

  self = g_new0 (HearthFlameTree, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->profile = display;
  self->source = g_object_ref (profile);
  self->direction = direction;
  self->origin = origin;
  self->n_origin = n_origin;

  return self;
}

HearthFlameTree *
hearth_flame_tree_ref (HearthFlameTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hearth_flame_tree_unref (HearthFlameTree *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->profile);
      g_clear_object (&self->source);
      g_free (self->origin);
      g_free (self);
    }
}

/**
 * hearth_flame_tree_get_profile:
 *
 * Returns: (transfer none): the displayed profile (node and function ids of
 *   rectangles refer to it)
 */
HearthProfile *
hearth_flame_tree_get_profile (HearthFlameTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->profile;
}

/**
 * hearth_flame_tree_get_source:
 *
 * Returns: (transfer none): the profile the tree was built from
 */
HearthProfile *
hearth_flame_tree_get_source (HearthFlameTree *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source;
}

HearthFlameDirection
hearth_flame_tree_get_direction (HearthFlameTree *self)
{
  g_return_val_if_fail (self != NULL, HEARTH_FLAME_TOP_DOWN);

  return self->direction;
}

/**
 * hearth_flame_tree_get_source_function:
 * @function: a function of the displayed profile
 *
 * Maps a displayed function to the source profile's function; a bottom-up
 * `Name (Excl)` box maps to `Name`.
 *
 * Returns: a function id of the source profile, or %HEARTH_NO_INDEX
 */
guint
hearth_flame_tree_get_source_function (HearthFlameTree *self,
                                       guint            function)
{
  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);

  if (self->origin == NULL)
    return function < hearth_profile_get_n_functions (self->profile) ? function : HEARTH_NO_INDEX;

  return function < self->n_origin ? self->origin[function] : HEARTH_NO_INDEX;
}

static gboolean
folded_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/**
 * hearth_flame_tree_match_functions:
 * @text: (nullable): search text
 *
 * Case-insensitive substring search in the displayed names (with
 * ` (Excl)`) and sources of the displayed functions, as the other views search.
 * The synthetic `<root>` never matches.
 *
 * Returns: (transfer full) (nullable): one byte per displayed function, 1
 *   for a match; %NULL when @text is empty
 */
guint8 *
hearth_flame_tree_match_functions (HearthFlameTree *self,
                                   const char      *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  guint n_functions;
  guint8 *match;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;
  needle = g_utf8_casefold (stripped, -1);

  n_functions = hearth_profile_get_n_functions (self->profile);
  match = g_new0 (guint8, MAX (n_functions, 1));
  for (guint f = 0; f < n_functions; f++)
    {
      g_autofree char *name = NULL;

      if (hearth_profile_function_get_kind (self->profile, f) == HEARTH_FUNCTION_KIND_ROOT)
        continue;

      name = hearth_profile_function_dup_display_name (self->profile, f);
      match[f] = folded_contains (name, needle) ||
                 folded_contains (hearth_profile_function_get_source (self->profile, f), needle);
    }

  return match;
}

/**
 * hearth_flame_tree_search_stats:
 * @match: (nullable): the result of hearth_flame_tree_match_functions()
 * @n_matches: (out) (optional): matching nodes with a non-zero value
 * @fraction: (out) (optional): the inclusive share of `<root>` of the
 *   matching nodes, counting a match nested inside another match once
 *
 * Figures for "N matches, X % of total" over the whole displayed tree (not
 * just the zoomed part).
 */
void
hearth_flame_tree_search_stats (HearthFlameTree *self,
                                const guint8    *match,
                                HearthMetric     metric,
                                guint           *n_matches,
                                double          *fraction)
{
  const HearthCallTree *tree;
  const double *total;
  guint count = 0;
  guint skip_until = 0;
  double sum = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (metric < HEARTH_N_METRICS);

  tree = hearth_profile_get_call_tree (self->profile);
  total = tree->total[metric];

  if (match != NULL && total != NULL)
    {
      for (guint n = 1; n < tree->n_nodes; n++)
        {
          if (!match[tree->function[n]] || !(total[n] > 0))
            continue;

          count++;
          if (n >= skip_until)
            {
              sum += total[n];
              skip_until = tree->subtree_end[n];
            }
        }
    }

  if (n_matches != NULL)
    *n_matches = count;
  if (fraction != NULL)
    *fraction = (total != NULL && tree->n_nodes > 0 && total[0] > 0) ? sum / total[0] : 0;
}

static double
metric_value (const HearthCallTree *tree,
              HearthMetric          metric,
              guint                 node,
              gboolean              inclusive)
{
  const double *values = inclusive ? tree->total[metric] : tree->self[metric];

  return values != NULL ? values[node] : 0;
}

/**
 * hearth_flame_tree_xray_value:
 *
 * The allocation figure X-Ray shades a box by. Top-down, the node's own
 * (self) events, or its inclusive events when @xray asks for them.
 * Bottom-up, a box's value is always its inclusive value, which is the
 * self events of its root function through that chain of callers.
 *
 * Returns: the value (0 when the profile has no memory data)
 */
double
hearth_flame_tree_xray_value (HearthFlameTree       *self,
                              guint                  node,
                              const HearthFlameXRay *xray)
{
  const HearthCallTree *tree;
  gboolean inclusive;
  HearthMetric allocs, frees;
  double value = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (xray != NULL, 0);

  tree = hearth_profile_get_call_tree (self->profile);
  if (node >= tree->n_nodes)
    return 0;

  inclusive = xray->inclusive || self->direction == HEARTH_FLAME_BOTTOM_UP;
  allocs = xray->mode == HEARTH_FLAME_XRAY_SUM ? HEARTH_METRIC_ALLOC_BYTES : HEARTH_METRIC_ALLOC_COUNT;
  frees = xray->mode == HEARTH_FLAME_XRAY_SUM ? HEARTH_METRIC_FREE_BYTES : HEARTH_METRIC_FREE_COUNT;

  if (xray->events != HEARTH_FLAME_XRAY_FREES)
    value += metric_value (tree, allocs, node, inclusive);
  if (xray->events != HEARTH_FLAME_XRAY_ALLOCS)
    value += metric_value (tree, frees, node, inclusive);

  return value;
}

static guint32
fnv1a (const char *str)
{
  guint32 h = 2166136261u;

  for (const guchar *p = (const guchar *) str; p != NULL && *p; p++)
    {
      h ^= *p;
      h *= 16777619u;
    }

  return h;
}

/* Distinct mid-light hues that take both dark and light labels; no
 * magenta, which is reserved for search matches */
static const guint32 palette[] = {
  0xf66151, 0xffa348, 0xf6d32d, 0x8ff0a4, 0x33d17a, 0x5bc8af,
  0x62a0ea, 0x99c1f1, 0xb59be0, 0xcdab8f, 0xe0a070, 0xa8d26b,
  0x77c4d9, 0xf5a27a, 0xd4c27c, 0x8fa8e8,
};

/**
 * hearth_flame_hash_color:
 * @key: (nullable): what picks the colour (the script or source)
 * @name: (nullable): varies the lightness a little, so neighbours differ
 *
 * A stable colour for boxes without a group colour: the same script keeps
 * its colour in every capture and every run (FNV-1a, not a seeded hash),
 * from a palette of distinct hues.
 *
 * Returns: 0xRRGGBB
 */
guint32
hearth_flame_hash_color (const char *key,
                         const char *name)
{
  guint32 h = fnv1a (key != NULL ? key : "");
  guint32 v = fnv1a (name != NULL ? name : "");
  guint32 base = palette[h % G_N_ELEMENTS (palette)];
  double factor = 1.0 + ((double) (v % 9) - 5.0) / 100.0;   /* -5 % .. +3 % */
  guint32 rgb = 0;

  for (int shift = 16; shift >= 0; shift -= 8)
    {
      double c = ((base >> shift) & 0xff) * factor;

      rgb |= (guint32) CLAMP (lround (c), 0, 255) << shift;
    }

  return rgb;
}

/**
 * hearth_flame_tree_function_get_color:
 *
 * A displayed function's colour: its group (timer) colour when the capture
 * has one, otherwise hearth_flame_hash_color() of its source (or group, or
 * name) and name.
 *
 * Returns: %TRUE when the colour came from the capture
 */
gboolean
hearth_flame_tree_function_get_color (HearthFlameTree *self,
                                      guint            function,
                                      guint32         *rgb)
{
  const char *source, *group, *name;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rgb != NULL, FALSE);

  if (hearth_profile_function_get_color (self->profile, function, rgb))
    return TRUE;

  source = hearth_profile_function_get_source (self->profile, function);
  group = hearth_profile_function_get_group (self->profile, function);
  name = hearth_profile_function_get_name (self->profile, function);

  if (source != NULL && source[0] != '\0')
    *rgb = hearth_flame_hash_color (source, name);
  else if (group != NULL && group[0] != '\0')
    *rgb = hearth_flame_hash_color (group, name);
  else
    *rgb = hearth_flame_hash_color (name, name);

  return FALSE;
}

/* Layout */

typedef struct
{
  guint32 node;
  double  x;
} StackEntry;

typedef struct
{
  const double *total;
} SortData;

static int
compare_children (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const SortData *data = user_data;
  guint32 na = *(const guint32 *) a;
  guint32 nb = *(const guint32 *) b;
  double ta = data->total[na];
  double tb = data->total[nb];

  /* heaviest first; ties keep the importer's order */
  if (ta > tb)
    return -1;
  if (ta < tb)
    return 1;
  return na < nb ? -1 : (na > nb ? 1 : 0);
}

/**
 * hearth_flame_layout_new:
 * @tree: the displayed tree
 * @metric: the metric widths are proportional to
 * @zoom_node: the node shown at full width (0 for `<root>`)
 * @min_fraction: boxes narrower than this fraction of the zoom root are left
 *   out, with their subtrees (e.g. 1e-6: less than a pixel at a million pixels)
 * @cancellable: (nullable): checked while walking
 *
 * Lays out the boxes: `<root>`'s ancestors chain down to @zoom_node as
 * full-width breadcrumbs, then @zoom_node's subtree with widths proportional
 * to @metric and children heaviest first, left to right. Rows are node
 * depths. The result is sorted by (depth, x).
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL when cancelled
 */
HearthFlameLayout *
hearth_flame_layout_new (HearthFlameTree *tree,
                         HearthMetric     metric,
                         guint            zoom_node,
                         double           min_fraction,
                         GCancellable    *cancellable)
{
  g_autoptr(HearthFlameLayout) self = NULL;
  g_autoptr(GArray) emitted = NULL;
  g_autoptr(GArray) stack = NULL;
  g_autoptr(GArray) children = NULL;
  g_autofree guint *counts = NULL;
  const HearthCallTree *ct;
  const double *total;
  guint zoom_depth;
  guint max_depth = 0;
  guint steps = 0;
  SortData sort_data;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  ct = hearth_profile_get_call_tree (tree->profile);
  if (zoom_node >= ct->n_nodes)
    zoom_node = 0;

  self = g_new0 (HearthFlameLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->tree = hearth_flame_tree_ref (tree);
  self->metric = metric;
  self->zoom_node = zoom_node;

  if (ct->n_nodes == 0)
    {
      self->row_start = g_new0 (guint, 1);
      return g_steal_pointer (&self);
    }

  total = ct->total[metric];
  self->zoom_total = total != NULL ? total[zoom_node] : 0;
  zoom_depth = ct->depth[zoom_node];

  emitted = g_array_sized_new (FALSE, FALSE, sizeof (HearthFlameRect), 1024);
  stack = g_array_sized_new (FALSE, FALSE, sizeof (StackEntry), 256);
  children = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 64);
  sort_data.total = total;

  /* breadcrumbs: the zoom root's ancestors, full width */
  g_array_set_size (emitted, zoom_depth);
  for (guint32 a = ct->parent[zoom_node]; a != HEARTH_NO_INDEX; a = ct->parent[a])
    {
      HearthFlameRect *r = &g_array_index (emitted, HearthFlameRect, ct->depth[a]);

      r->x = 0;
      r->width = 1;
      r->depth = ct->depth[a];
      r->node = a;
    }

  {
    StackEntry root = { zoom_node, 0 };
    g_array_append_val (stack, root);
  }

  while (stack->len > 0)
    {
      StackEntry entry = g_array_index (stack, StackEntry, stack->len - 1);
      HearthFlameRect rect;
      double x;

      g_array_set_size (stack, stack->len - 1);

      if ((++steps & CANCEL_CHECK_MASK) == 0 && g_cancellable_is_cancelled (cancellable))
        return NULL;

      rect.x = (float) entry.x;
      rect.width = self->zoom_total > 0 ? (float) (total[entry.node] / self->zoom_total) : 1.0f;
      rect.depth = ct->depth[entry.node];
      rect.node = entry.node;
      if (entry.node == zoom_node)
        rect.width = 1.0f;
      g_array_append_val (emitted, rect);
      max_depth = MAX (max_depth, rect.depth);

      if (!(self->zoom_total > 0))
        continue;

      g_array_set_size (children, 0);
      for (guint32 c = ct->first_child[entry.node]; c != HEARTH_NO_INDEX; c = ct->next_sibling[c])
        if (total[c] > 0 && total[c] / self->zoom_total >= min_fraction)
          g_array_append_val (children, c);
      if (children->len == 0)
        continue;
      if (children->len > 1)
        g_qsort_with_data (children->data, children->len, sizeof (guint32), compare_children, &sort_data);

      /* push right to left so the leftmost child is walked first: then each
       * row is emitted in x order and the depth bucketing below keeps it */
      x = entry.x;
      {
        guint base = stack->len;

        g_array_set_size (stack, base + children->len);
        for (guint i = 0; i < children->len; i++)
          {
            guint32 c = g_array_index (children, guint32, i);
            StackEntry *e = &g_array_index (stack, StackEntry, base + children->len - 1 - i);

            e->node = c;
            e->x = x;
            x += total[c] / self->zoom_total;
          }
      }
    }

  /* stable bucket sort by depth */
  self->n_rows = max_depth + 1;
  self->n_rects = emitted->len;
  self->rects = g_new (HearthFlameRect, MAX (emitted->len, 1));
  self->row_start = g_new0 (guint, self->n_rows + 1);
  counts = g_new0 (guint, self->n_rows + 1);

  for (guint i = 0; i < emitted->len; i++)
    counts[g_array_index (emitted, HearthFlameRect, i).depth + 1]++;
  for (guint d = 0; d < self->n_rows; d++)
    counts[d + 1] += counts[d];
  memcpy (self->row_start, counts, sizeof (guint) * (self->n_rows + 1));
  for (guint i = 0; i < emitted->len; i++)
    {
      const HearthFlameRect *r = &g_array_index (emitted, HearthFlameRect, i);

      self->rects[counts[r->depth]++] = *r;
    }

  return g_steal_pointer (&self);
}

HearthFlameLayout *
hearth_flame_layout_ref (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hearth_flame_layout_unref (HearthFlameLayout *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->tree, hearth_flame_tree_unref);
      g_free (self->rects);
      g_free (self->row_start);
      g_free (self);
    }
}

/**
 * hearth_flame_layout_get_tree:
 *
 * Returns: (transfer none): the tree
 */
HearthFlameTree *
hearth_flame_layout_get_tree (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tree;
}

/**
 * hearth_flame_layout_get_profile:
 *
 * Returns: (transfer none): the displayed profile
 */
HearthProfile *
hearth_flame_layout_get_profile (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tree->profile;
}

HearthMetric
hearth_flame_layout_get_metric (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, HEARTH_METRIC_CPU_TIME);

  return self->metric;
}

guint
hearth_flame_layout_get_zoom_node (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->zoom_node;
}

double
hearth_flame_layout_get_zoom_total (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->zoom_total;
}

/**
 * hearth_flame_layout_get_rects:
 * @n_rects: (out): number of rectangles
 *
 * Returns: (transfer none) (array length=n_rects): the rectangles, sorted by
 *   (depth, x)
 */
const HearthFlameRect *
hearth_flame_layout_get_rects (HearthFlameLayout *self,
                               guint             *n_rects)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_rects != NULL)
    *n_rects = self->n_rects;
  return self->rects;
}

guint
hearth_flame_layout_get_n_rows (HearthFlameLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

/**
 * hearth_flame_layout_get_row:
 * @first: (out): index of the row's first rectangle
 * @end: (out): one past its last rectangle
 */
void
hearth_flame_layout_get_row (HearthFlameLayout *self,
                             guint              depth,
                             guint             *first,
                             guint             *end)
{
  g_return_if_fail (self != NULL);

  if (depth >= self->n_rows)
    {
      *first = *end = self->n_rects;
      return;
    }

  *first = self->row_start[depth];
  *end = self->row_start[depth + 1];
}

/**
 * hearth_flame_layout_hit_test:
 * @depth: row
 * @x: 0..1 of the zoom root's width
 *
 * Binary search in the row: the one helper behind hover, click, tooltips and
 * keyboard navigation.
 *
 * Returns: the index of the rectangle under (@depth, @x), or -1
 */
int
hearth_flame_layout_hit_test (HearthFlameLayout *self,
                              guint              depth,
                              double             x)
{
  guint lo, hi, first;

  g_return_val_if_fail (self != NULL, -1);

  if (depth >= self->n_rows || x < 0 || x > 1)
    return -1;

  first = lo = self->row_start[depth];
  hi = self->row_start[depth + 1];

  /* the last rectangle with rect.x <= x */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->rects[mid].x <= x)
        lo = mid + 1;
      else
        hi = mid;
    }

  if (lo == first)
    return -1;
  lo--;

  if (x < (double) self->rects[lo].x + (double) self->rects[lo].width)
    return (int) lo;

  return -1;
}

/**
 * hearth_flame_layout_find_node:
 *
 * Returns: the index of @node's rectangle, or -1 when it is not laid out
 */
int
hearth_flame_layout_find_node (HearthFlameLayout *self,
                               guint              node)
{
  const HearthCallTree *ct;
  guint depth;

  g_return_val_if_fail (self != NULL, -1);

  ct = hearth_profile_get_call_tree (self->tree->profile);
  if (node >= ct->n_nodes)
    return -1;

  depth = ct->depth[node];
  if (depth >= self->n_rows)
    return -1;

  for (guint i = self->row_start[depth]; i < self->row_start[depth + 1]; i++)
    if (self->rects[i].node == node)
      return (int) i;

  return -1;
}

/**
 * hearth_flame_layout_find_parent_rect:
 *
 * Returns: the rectangle of @rect's parent, or -1 for `<root>`
 */
int
hearth_flame_layout_find_parent_rect (HearthFlameLayout *self,
                                      guint              rect)
{
  const HearthFlameRect *r;
  const HearthCallTree *ct;
  guint32 parent;
  int hit;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (rect < self->n_rects, -1);

  r = &self->rects[rect];
  ct = hearth_profile_get_call_tree (self->tree->profile);
  parent = ct->parent[r->node];
  if (parent == HEARTH_NO_INDEX || r->depth == 0)
    return -1;

  hit = hearth_flame_layout_hit_test (self, r->depth - 1, (double) r->x + (double) r->width / 2);
  if (hit >= 0 && self->rects[hit].node == parent)
    return hit;

  return hearth_flame_layout_find_node (self, parent);
}

/**
 * hearth_flame_layout_find_child_rect:
 *
 * Returns: the leftmost (heaviest) laid-out child of @rect, or -1
 */
int
hearth_flame_layout_find_child_rect (HearthFlameLayout *self,
                                     guint              rect)
{
  const HearthFlameRect *r;
  const HearthCallTree *ct;
  guint lo, hi;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (rect < self->n_rects, -1);

  r = &self->rects[rect];
  if (r->depth + 1 >= self->n_rows)
    return -1;

  ct = hearth_profile_get_call_tree (self->tree->profile);
  lo = self->row_start[r->depth + 1];
  hi = self->row_start[r->depth + 2];

  /* the first rectangle of the next row with x >= r->x */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->rects[mid].x < r->x)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < self->row_start[r->depth + 2]; i++)
    {
      if (self->rects[i].x >= r->x + r->width)
        break;
      if (ct->parent[self->rects[i].node] == r->node)
        return (int) i;
    }

  return -1;
}

/**
 * hearth_flame_layout_get_node_info:
 * @info: (out caller-allocates): the figures
 */
void
hearth_flame_layout_get_node_info (HearthFlameLayout   *self,
                                   guint                node,
                                   HearthFlameNodeInfo *info)
{
  HearthProfile *profile;
  const HearthCallTree *ct;
  guint32 parent;

  g_return_if_fail (self != NULL);
  g_return_if_fail (info != NULL);

  profile = self->tree->profile;
  ct = hearth_profile_get_call_tree (profile);
  memset (info, 0, sizeof *info);
  g_return_if_fail (node < ct->n_nodes);

  info->node = node;
  info->function = ct->function[node];
  info->source_function = hearth_flame_tree_get_source_function (self->tree, info->function);
  info->metric = self->metric;
  info->total = metric_value (ct, self->metric, node, TRUE);
  info->self = metric_value (ct, self->metric, node, FALSE);
  info->root_total = metric_value (ct, self->metric, 0, TRUE);
  parent = ct->parent[node];
  info->parent_total = parent != HEARTH_NO_INDEX ? metric_value (ct, self->metric, parent, TRUE) : NAN;

  /* calls of a call path are self values top-down; bottom-up they were
   * added at the end of each reversed path, so the inclusive value counts
   * the calls through this chain */
  if (ct->self[HEARTH_METRIC_CALLS] != NULL)
    info->calls = metric_value (ct, HEARTH_METRIC_CALLS, node,
                                self->tree->direction == HEARTH_FLAME_BOTTOM_UP);
  else
    info->calls = NAN;

  info->n_frames = hearth_profile_get_n_frames (profile);
  info->has_memory = hearth_profile_has_memory (profile);
  if (info->has_memory)
    {
      gboolean bottom_up = self->tree->direction == HEARTH_FLAME_BOTTOM_UP;

      info->alloc_count = metric_value (ct, HEARTH_METRIC_ALLOC_COUNT, node, TRUE);
      info->alloc_bytes = metric_value (ct, HEARTH_METRIC_ALLOC_BYTES, node, TRUE);
      info->free_count = metric_value (ct, HEARTH_METRIC_FREE_COUNT, node, TRUE);
      info->free_bytes = metric_value (ct, HEARTH_METRIC_FREE_BYTES, node, TRUE);
      info->self_alloc_count = metric_value (ct, HEARTH_METRIC_ALLOC_COUNT, node, bottom_up);
      info->self_alloc_bytes = metric_value (ct, HEARTH_METRIC_ALLOC_BYTES, node, bottom_up);
    }
  else
    {
      info->alloc_count = info->alloc_bytes = info->free_count = info->free_bytes = NAN;
      info->self_alloc_count = info->self_alloc_bytes = NAN;
    }
}

static void
legend_entry_clear (gpointer data)
{
  HearthFlameLegendEntry *entry = data;

  g_clear_pointer (&entry->label, g_free);
}

static int
compare_legend (gconstpointer a,
                gconstpointer b)
{
  const HearthFlameLegendEntry *ea = a;
  const HearthFlameLegendEntry *eb = b;

  if (ea->value > eb->value)
    return -1;
  if (ea->value < eb->value)
    return 1;
  return g_strcmp0 (ea->label, eb->label);
}

/**
 * hearth_flame_layout_dup_legend:
 * @max_entries: keep the heaviest entries only (0 for all)
 *
 * What the colours mean: one entry per group (or, without groups, per
 * source), with the colour of its heaviest function and its summed self
 * values over the laid-out boxes (bottom-up: the root boxes' values),
 * heaviest first.
 *
 * Returns: (transfer full) (element-type HearthFlameLegendEntry): the entries
 */
GArray *
hearth_flame_layout_dup_legend (HearthFlameLayout *self,
                                guint              max_entries)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) best = NULL;
  HearthProfile *profile;
  const HearthCallTree *ct;
  GArray *entries;

  g_return_val_if_fail (self != NULL, NULL);

  profile = self->tree->profile;
  ct = hearth_profile_get_call_tree (profile);
  entries = g_array_new (FALSE, TRUE, sizeof (HearthFlameLegendEntry));
  g_array_set_clear_func (entries, legend_entry_clear);
  index = g_hash_table_new (g_str_hash, g_str_equal);
  best = g_array_new (FALSE, TRUE, sizeof (double));

  for (guint i = 0; i < self->n_rects; i++)
    {
      guint node = self->rects[i].node;
      guint function = ct->function[node];
      /* bottom-up, a root box is where its time is spent: its inclusive
       * value (self values sit at the far end of the reversed paths) */
      double value = self->tree->direction == HEARTH_FLAME_BOTTOM_UP
                     ? (ct->depth[node] == 1 ? metric_value (ct, self->metric, node, TRUE) : 0)
                     : metric_value (ct, self->metric, node, FALSE);
      const char *label;
      gpointer found;
      guint slot;

      if (!(value > 0) || hearth_profile_function_is_root_label (profile, function) ||
          hearth_profile_function_get_kind (profile, function) == HEARTH_FUNCTION_KIND_ROOT)
        continue;

      label = hearth_profile_function_get_group (profile, function);
      if (label == NULL || label[0] == '\0')
        label = hearth_profile_function_get_source (profile, function);
      if (label == NULL || label[0] == '\0')
        label = hearth_profile_function_get_name (profile, function);
      if (label == NULL)
        label = "";

      if (g_hash_table_lookup_extended (index, label, NULL, &found))
        slot = GPOINTER_TO_UINT (found);
      else
        {
          HearthFlameLegendEntry entry = { g_strdup (label), 0, 0 };
          double zero = 0;

          slot = entries->len;
          g_array_append_val (entries, entry);
          g_array_append_val (best, zero);
          g_hash_table_insert (index, g_array_index (entries, HearthFlameLegendEntry, slot).label,
                               GUINT_TO_POINTER (slot));
        }

      g_array_index (entries, HearthFlameLegendEntry, slot).value += value;
      if (value > g_array_index (best, double, slot))
        {
          g_array_index (best, double, slot) = value;
          hearth_flame_tree_function_get_color (self->tree, function,
                                                &g_array_index (entries, HearthFlameLegendEntry, slot).rgb);
        }
    }

  /* the hash table borrows the labels: drop it before sorting moves them */
  g_clear_pointer (&index, g_hash_table_unref);
  g_array_sort (entries, compare_legend);
  if (max_entries > 0 && entries->len > max_entries)
    g_array_set_size (entries, max_entries);

  return entries;
}

static void
swap_doubles (double *a,
              double *b)
{
  double t = *a;

  *a = *b;
  *b = t;
}

/* Quickselect with a median-of-three pivot and a three-way partition
 * (duplicates are common: many boxes have the same count): the k-th smallest */
static double
select_kth (double *v,
            gssize  n,
            gssize  k)
{
  gssize lo = 0, hi = n - 1;

  while (lo < hi)
    {
      gssize mid = lo + (hi - lo) / 2;
      gssize lt = lo, i = lo, gt = hi;
      double a = v[lo], b = v[mid], c = v[hi];
      double pivot;

      /* median of three */
      if ((a <= b && b <= c) || (c <= b && b <= a))
        pivot = b;
      else if ((b <= a && a <= c) || (c <= a && a <= b))
        pivot = a;
      else
        pivot = c;

      while (i <= gt)
        {
          if (v[i] < pivot)
            swap_doubles (&v[lt++], &v[i++]);
          else if (v[i] > pivot)
            swap_doubles (&v[i], &v[gt--]);
          else
            i++;
        }

      /* [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot */
      if (k < lt)
        hi = lt - 1;
      else if (k > gt)
        lo = gt + 1;
      else
        return pivot;
    }

  return v[k];
}

/**
 * hearth_flame_layout_xray_full_scale:
 *
 * The X-Ray value that maps to full brightness: the p-th percentile
 * (nearest rank) of the non-zero X-Ray values of the laid-out boxes, where p
 * is @xray's threshold, or %HEARTH_FLAME_XRAY_AUTO_PERCENTILE (95) when it is
 * automatic. A percentile rather than the maximum keeps one hot box from
 * turning every other box black; boxes above it are full brightness.
 * `<root>` is left out (its inclusive value would dominate).
 *
 * Returns: the full-scale value, 0 when no box has a non-zero value
 */
double
hearth_flame_layout_xray_full_scale (HearthFlameLayout     *self,
                                     const HearthFlameXRay *xray)
{
  g_autofree double *values = NULL;
  guint n = 0;
  int p;
  guint k;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (xray != NULL, 0);

  values = g_new (double, MAX (self->n_rects, 1));
  {
    const HearthCallTree *ct = hearth_profile_get_call_tree (self->tree->profile);
    gboolean inclusive = xray->inclusive || self->tree->direction == HEARTH_FLAME_BOTTOM_UP;
    HearthMetric allocs = xray->mode == HEARTH_FLAME_XRAY_SUM ? HEARTH_METRIC_ALLOC_BYTES : HEARTH_METRIC_ALLOC_COUNT;
    HearthMetric frees = xray->mode == HEARTH_FLAME_XRAY_SUM ? HEARTH_METRIC_FREE_BYTES : HEARTH_METRIC_FREE_COUNT;
    const double *a = xray->events != HEARTH_FLAME_XRAY_FREES
                      ? (inclusive ? ct->total[allocs] : ct->self[allocs]) : NULL;
    const double *f = xray->events != HEARTH_FLAME_XRAY_ALLOCS
                      ? (inclusive ? ct->total[frees] : ct->self[frees]) : NULL;

    /* the same sum as hearth_flame_tree_xray_value(), without the per-call
     * lookups: this runs on every X-Ray setting change */
    for (guint i = 0; i < self->n_rects; i++)
      {
        guint node = self->rects[i].node;
        double v = 0;

        if (node == 0)
          continue;
        if (a != NULL)
          v += a[node];
        if (f != NULL)
          v += f[node];
        if (v > 0)
          values[n++] = v;
      }
  }

  if (n == 0)
    return 0;

  p = xray->threshold < 0 ? HEARTH_FLAME_XRAY_AUTO_PERCENTILE : CLAMP (xray->threshold, 0, 99);
  /* nearest rank: ceil (p / 100 × n), 1-based */
  k = (guint) ceil ((double) p / 100.0 * (double) n);
  k = CLAMP (k, 1, n) - 1;

  return select_kth (values, n, k);
}

/**
 * hearth_flame_xray_intensity:
 *
 * Returns: @value / @full_scale clamped to 0..1 (0 when @full_scale is 0)
 */
double
hearth_flame_xray_intensity (double value,
                             double full_scale)
{
  if (!(full_scale > 0) || !(value > 0))
    return 0;

  return MIN (value / full_scale, 1.0);
}

void
hearth_flame_xray_init (HearthFlameXRay *xray)
{
  g_return_if_fail (xray != NULL);

  xray->mode = HEARTH_FLAME_XRAY_COUNT;
  xray->events = HEARTH_FLAME_XRAY_ALLOCS;
  xray->inclusive = FALSE;
  xray->threshold = -1;
}

typedef struct
{
  guint  rect;
  double value;
} MatchEntry;

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const MatchEntry *ma = a;
  const MatchEntry *mb = b;

  if (ma->value > mb->value)
    return -1;
  if (ma->value < mb->value)
    return 1;
  return ma->rect < mb->rect ? -1 : (ma->rect > mb->rect ? 1 : 0);
}

/**
 * hearth_flame_layout_dup_matches:
 * @match: (nullable): per displayed function, from
 *   hearth_flame_tree_match_functions()
 *
 * The laid-out boxes whose function matches, most expensive first: the
 * order Enter / F3 steps through them.
 *
 * Returns: (transfer full) (element-type guint): rectangle indices
 */
GArray *
hearth_flame_layout_dup_matches (HearthFlameLayout *self,
                                 const guint8      *match)
{
  g_autoptr(GArray) entries = NULL;
  const HearthCallTree *ct;
  GArray *result;

  g_return_val_if_fail (self != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  if (match == NULL)
    return result;

  ct = hearth_profile_get_call_tree (self->tree->profile);
  entries = g_array_new (FALSE, FALSE, sizeof (MatchEntry));
  for (guint i = 0; i < self->n_rects; i++)
    {
      guint node = self->rects[i].node;

      if (match[ct->function[node]])
        {
          MatchEntry e = { i, metric_value (ct, self->metric, node, TRUE) };
          g_array_append_val (entries, e);
        }
    }

  g_array_sort (entries, compare_matches);
  for (guint i = 0; i < entries->len; i++)
    g_array_append_val (result, g_array_index (entries, MatchEntry, i).rect);

  return result;
}
