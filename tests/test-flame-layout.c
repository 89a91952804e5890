/* test-flame-layout.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hearth-flame-layout.h"
#include "hearth-flame-render.h"
#include "hearth-importer.h"
#include "hearth-profile-builder.h"

/* The hand-built profile (CPU time in ms, converted to ns):
 *
 *   <root>                                 100
 *   └ Main (thread)                        100
 *     ├ update       ui.lua      self 10    70
 *     │ ├ draw       render.lua  self 30    30
 *     │ └ drawChildren render.lua self 20   30
 *     │   └ draw     render.lua  self 10    10
 *     └ physics      world.lua   self 30    30
 *
 * Memory (self): update 2 allocs / 200 B, 1 free / 50 B; draw (under
 * update) 10 / 1000 B; drawChildren 4 / 4000 B, 3 frees / 300 B; draw
 * (under drawChildren) 1 / 100 B; physics nothing.
 */

#define MS 1e6

static HearthProfile *
build_profile (gboolean memory)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_fn, update, draw, draw_children, physics;
  guint main_node, n_update, n_draw1, n_children, n_draw2, n_physics;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  if (memory)
    {
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_BYTES, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_COUNT, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_BYTES, HEARTH_VALUE_SELF);
    }

  main_fn = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_THREAD, "Main", NULL, 0, NULL, 0);
  update = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "update", "ui.lua", 3, NULL, 0);
  draw = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "draw", "render.lua", 10, NULL, 0);
  draw_children = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "drawChildren",
                                                       "render.lua", 20, NULL, 0);
  physics = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, "physics", "world.lua", 1, NULL, 0);

  main_node = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, main_fn);
  n_update = hearth_profile_builder_add_child (b, main_node, update);
  n_draw1 = hearth_profile_builder_add_child (b, n_update, draw);
  n_children = hearth_profile_builder_add_child (b, n_update, draw_children);
  n_draw2 = hearth_profile_builder_add_child (b, n_children, draw);
  n_physics = hearth_profile_builder_add_child (b, main_node, physics);

  hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_CPU_TIME, 10 * MS);
  hearth_profile_builder_add_value (b, n_draw1, HEARTH_METRIC_CPU_TIME, 30 * MS);
  hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_CPU_TIME, 20 * MS);
  hearth_profile_builder_add_value (b, n_draw2, HEARTH_METRIC_CPU_TIME, 10 * MS);
  hearth_profile_builder_add_value (b, n_physics, HEARTH_METRIC_CPU_TIME, 30 * MS);

  hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_CALLS, 4);
  hearth_profile_builder_add_value (b, n_draw1, HEARTH_METRIC_CALLS, 12);
  hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_CALLS, 4);
  hearth_profile_builder_add_value (b, n_draw2, HEARTH_METRIC_CALLS, 5);
  hearth_profile_builder_add_value (b, n_physics, HEARTH_METRIC_CALLS, 2);

  if (memory)
    {
      hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_ALLOC_COUNT, 2);
      hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_ALLOC_BYTES, 200);
      hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_FREE_COUNT, 1);
      hearth_profile_builder_add_value (b, n_update, HEARTH_METRIC_FREE_BYTES, 50);
      hearth_profile_builder_add_value (b, n_draw1, HEARTH_METRIC_ALLOC_COUNT, 10);
      hearth_profile_builder_add_value (b, n_draw1, HEARTH_METRIC_ALLOC_BYTES, 1000);
      hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_ALLOC_COUNT, 4);
      hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_ALLOC_BYTES, 4000);
      hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_FREE_COUNT, 3);
      hearth_profile_builder_add_value (b, n_children, HEARTH_METRIC_FREE_BYTES, 300);
      hearth_profile_builder_add_value (b, n_draw2, HEARTH_METRIC_ALLOC_COUNT, 1);
      hearth_profile_builder_add_value (b, n_draw2, HEARTH_METRIC_ALLOC_BYTES, 100);
    }

  return hearth_profile_builder_finish (b);
}

typedef struct
{
  const char *path;
  double      x;
  double      width;
  guint       depth;
} Expected;

static void
assert_rects (HearthFlameLayout *layout,
              const Expected    *expected,
              guint              n_expected)
{
  HearthProfile *profile = hearth_flame_layout_get_profile (layout);
  const HearthFlameRect *rects;
  guint n_rects;

  rects = hearth_flame_layout_get_rects (layout, &n_rects);
  g_assert_cmpuint (n_rects, ==, n_expected);

  for (guint i = 0; i < n_rects; i++)
    {
      g_autofree char *path = hearth_profile_node_dup_path (profile, rects[i].node, ";");

      g_test_message ("rect %u: %s x=%g w=%g d=%u", i, path, rects[i].x, rects[i].width, rects[i].depth);
      g_assert_cmpstr (path, ==, expected[i].path);
      g_assert_cmpfloat_with_epsilon (rects[i].x, expected[i].x, 1e-6);
      g_assert_cmpfloat_with_epsilon (rects[i].width, expected[i].width, 1e-6);
      g_assert_cmpuint (rects[i].depth, ==, expected[i].depth);
    }
}

static int
rect_by_path (HearthFlameLayout *layout,
              const char        *wanted)
{
  HearthProfile *profile = hearth_flame_layout_get_profile (layout);
  const HearthFlameRect *rects;
  guint n_rects;

  rects = hearth_flame_layout_get_rects (layout, &n_rects);
  for (guint i = 0; i < n_rects; i++)
    {
      g_autofree char *path = hearth_profile_node_dup_path (profile, rects[i].node, ";");

      if (g_str_equal (path, wanted))
        return (int) i;
    }

  g_error ("no rectangle %s", wanted);
  return -1;
}

static const Expected top_down[] = {
  { "", 0, 1, 0 },
  { "Main", 0, 1, 1 },
  { "Main;update", 0, 0.7, 2 },
  { "Main;physics", 0.7, 0.3, 2 },
  /* draw and drawChildren tie at 30: importer order */
  { "Main;update;draw", 0, 0.3, 3 },
  { "Main;update;drawChildren", 0.3, 0.3, 3 },
  { "Main;update;drawChildren;draw", 0.3, 0.1, 4 },
};

static void
test_top_down (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = NULL;
  const HearthFlameRect *rects;
  guint first, end;

  g_assert_true (hearth_flame_tree_get_profile (tree) == profile);
  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  assert_rects (layout, top_down, G_N_ELEMENTS (top_down));
  g_assert_cmpuint (hearth_flame_layout_get_n_rows (layout), ==, 5);
  g_assert_cmpfloat_with_epsilon (hearth_flame_layout_get_zoom_total (layout), 100 * MS, 1e-3);

  hearth_flame_layout_get_row (layout, 3, &first, &end);
  g_assert_cmpuint (first, ==, 4);
  g_assert_cmpuint (end, ==, 6);

  /* hit tests: binary search by (depth, x) */
  rects = hearth_flame_layout_get_rects (layout, NULL);
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 3, 0.45), ==, rect_by_path (layout, "Main;update;drawChildren"));
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 3, 0.0), ==, rect_by_path (layout, "Main;update;draw"));
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 4, 0.35), ==, rect_by_path (layout, "Main;update;drawChildren;draw"));
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 4, 0.45), ==, -1);   /* drawChildren's self time */
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 3, 0.65), ==, -1);   /* update's self time */
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 2, 0.99), ==, rect_by_path (layout, "Main;physics"));
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 5, 0.1), ==, -1);
  g_assert_cmpint (hearth_flame_layout_hit_test (layout, 0, 1.5), ==, -1);

  /* navigation helpers */
  g_assert_cmpint (hearth_flame_layout_find_parent_rect (layout, rect_by_path (layout, "Main;update;drawChildren;draw")),
                   ==, rect_by_path (layout, "Main;update;drawChildren"));
  g_assert_cmpint (hearth_flame_layout_find_child_rect (layout, rect_by_path (layout, "Main;update")),
                   ==, rect_by_path (layout, "Main;update;draw"));
  g_assert_cmpint (hearth_flame_layout_find_child_rect (layout, rect_by_path (layout, "Main;physics")), ==, -1);
  g_assert_cmpint (hearth_flame_layout_find_parent_rect (layout, 0), ==, -1);
  g_assert_cmpint (hearth_flame_layout_find_node (layout, rects[3].node), ==, 3);
}

static void
test_zoom_and_cull (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) full = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  g_autoptr(HearthFlameLayout) zoomed = NULL;
  g_autoptr(HearthFlameLayout) culled = NULL;
  const HearthFlameRect *rects;
  guint zoom_node;
  static const Expected expected_zoom[] = {
    /* ancestors stay as full-width breadcrumbs */
    { "", 0, 1, 0 },
    { "Main", 0, 1, 1 },
    { "Main;update", 0, 1, 2 },
    { "Main;update;drawChildren", 0, 1, 3 },
    { "Main;update;drawChildren;draw", 0, 1.0 / 3.0, 4 },
  };

  rects = hearth_flame_layout_get_rects (full, NULL);
  zoom_node = rects[rect_by_path (full, "Main;update;drawChildren")].node;
  zoomed = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, zoom_node, 1e-6, NULL);
  assert_rects (zoomed, expected_zoom, G_N_ELEMENTS (expected_zoom));
  g_assert_cmpuint (hearth_flame_layout_get_zoom_node (zoomed), ==, zoom_node);
  g_assert_cmpfloat_with_epsilon (hearth_flame_layout_get_zoom_total (zoomed), 30 * MS, 1e-3);

  /* boxes narrower than the minimum fraction are left out, subtree and all */
  culled = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 0.15, NULL);
  assert_rects (culled, top_down, G_N_ELEMENTS (top_down) - 1);
}

static void
test_metric_widths (void)
{
  g_autoptr(HearthProfile) profile = build_profile (TRUE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = NULL;
  /* allocation bytes: update 200 + draw 1000 + drawChildren 4000 + draw 100 = 5300;
   * drawChildren (4100) is heavier than draw (1000), so it comes first;
   * physics allocates nothing and has no box */
  static const Expected expected[] = {
    { "", 0, 1, 0 },
    { "Main", 0, 1, 1 },
    { "Main;update", 0, 1, 2 },
    { "Main;update;drawChildren", 0, 4100.0 / 5300.0, 3 },
    { "Main;update;draw", 4100.0 / 5300.0, 1000.0 / 5300.0, 3 },
    { "Main;update;drawChildren;draw", 0, 100.0 / 5300.0, 4 },
  };

  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_ALLOC_BYTES, 0, 1e-6, NULL);
  assert_rects (layout, expected, G_N_ELEMENTS (expected));
  g_assert_cmpint (hearth_flame_layout_get_metric (layout), ==, HEARTH_METRIC_ALLOC_BYTES);
}

static void
test_bottom_up (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_BOTTOM_UP, NULL);
  g_autoptr(HearthFlameLayout) layout = NULL;
  HearthProfile *display;
  const HearthFlameRect *rects;
  HearthFlameNodeInfo info;
  int r;
  /* Roots are where time is spent: draw (30 + 10, merged), physics 30,
   * drawChildren's own 20 as "drawChildren (Excl)", update's own 10 as
   * "update (Excl)"; below each, its callers up to the thread. */
  static const Expected expected[] = {
    { "", 0, 1, 0 },
    { "draw", 0, 0.4, 1 },
    { "physics", 0.4, 0.3, 1 },
    { "drawChildren (Excl)", 0.7, 0.2, 1 },
    { "update (Excl)", 0.9, 0.1, 1 },
    { "draw;update", 0, 0.3, 2 },
    { "draw;drawChildren", 0.3, 0.1, 2 },
    { "physics;Main", 0.4, 0.3, 2 },
    { "drawChildren (Excl);drawChildren", 0.7, 0.2, 2 },
    { "update (Excl);update", 0.9, 0.1, 2 },
    { "draw;update;Main", 0, 0.3, 3 },
    { "draw;drawChildren;update", 0.3, 0.1, 3 },
    { "drawChildren (Excl);drawChildren;update", 0.7, 0.2, 3 },
    { "update (Excl);update;Main", 0.9, 0.1, 3 },
    { "draw;drawChildren;update;Main", 0.3, 0.1, 4 },
    { "drawChildren (Excl);drawChildren;update;Main", 0.7, 0.2, 4 },
  };

  g_assert_cmpint (hearth_flame_tree_get_direction (tree), ==, HEARTH_FLAME_BOTTOM_UP);
  display = hearth_flame_tree_get_profile (tree);
  g_assert_true (display != profile);
  g_assert_true (hearth_flame_tree_get_source (tree) == profile);
  g_assert_cmpfloat_with_epsilon (hearth_profile_get_root_total (display, HEARTH_METRIC_CPU_TIME), 100 * MS, 1e-3);

  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  assert_rects (layout, expected, G_N_ELEMENTS (expected));

  /* an Excl box maps back to its function in the loaded profile */
  rects = hearth_flame_layout_get_rects (layout, NULL);
  r = rect_by_path (layout, "drawChildren (Excl)");
  {
    guint f = hearth_profile_node_get_function (display, rects[r].node);
    guint source = hearth_flame_tree_get_source_function (tree, f);

    g_assert_true (hearth_profile_function_get_flags (display, f) & HEARTH_FUNCTION_FLAG_EXCL);
    g_assert_cmpstr (hearth_profile_function_get_name (profile, source), ==, "drawChildren");
    g_assert_false (hearth_profile_function_get_flags (profile, source) & HEARTH_FUNCTION_FLAG_EXCL);
  }

  /* calls bottom-up: the calls of the chain's leaf (12 + 5 for draw) */
  hearth_flame_layout_get_node_info (layout, rects[rect_by_path (layout, "draw")].node, &info);
  g_assert_cmpfloat_with_epsilon (info.total, 40 * MS, 1e-3);
  g_assert_cmpfloat_with_epsilon (info.calls, 17, 1e-9);
  g_assert_cmpfloat_with_epsilon (info.parent_total, 100 * MS, 1e-3);
}

static void
test_node_info (void)
{
  g_autoptr(HearthProfile) profile = build_profile (TRUE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
  HearthFlameNodeInfo info;

  hearth_flame_layout_get_node_info (layout, rects[rect_by_path (layout, "Main;update;drawChildren")].node, &info);
  g_assert_cmpfloat_with_epsilon (info.total, 30 * MS, 1e-3);
  g_assert_cmpfloat_with_epsilon (info.self, 20 * MS, 1e-3);
  g_assert_cmpfloat_with_epsilon (info.root_total, 100 * MS, 1e-3);
  g_assert_cmpfloat_with_epsilon (info.parent_total, 70 * MS, 1e-3);
  g_assert_cmpfloat_with_epsilon (info.calls, 4, 1e-9);
  g_assert_true (info.has_memory);
  g_assert_cmpfloat_with_epsilon (info.alloc_count, 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (info.alloc_bytes, 4100, 1e-9);
  g_assert_cmpfloat_with_epsilon (info.free_count, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (info.self_alloc_count, 4, 1e-9);
  g_assert_cmpstr (hearth_profile_function_get_name (profile, info.source_function), ==, "drawChildren");
  g_assert_cmpuint (info.n_frames, ==, 0);
}

static void
test_search (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  g_autofree guint8 *match = NULL;
  g_autofree guint8 *by_source = NULL;
  g_autofree guint8 *one = NULL;
  g_autoptr(GArray) steps = NULL;
  guint n = 0;
  double fraction = 0;

  g_assert_null (hearth_flame_tree_match_functions (tree, NULL));
  g_assert_null (hearth_flame_tree_match_functions (tree, "  "));

  /* "DRAW" (case-insensitive) matches draw and drawChildren: three boxes;
   * the draw nested in drawChildren is not counted twice: (30 + 30) / 100 */
  match = hearth_flame_tree_match_functions (tree, "DRAW");
  hearth_flame_tree_search_stats (tree, match, HEARTH_METRIC_CPU_TIME, &n, &fraction);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (fraction, 0.6, 1e-9);

  /* sources match too */
  by_source = hearth_flame_tree_match_functions (tree, "render.lua");
  hearth_flame_tree_search_stats (tree, by_source, HEARTH_METRIC_CPU_TIME, &n, &fraction);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (fraction, 0.6, 1e-9);

  one = hearth_flame_tree_match_functions (tree, "physics");
  hearth_flame_tree_search_stats (tree, one, HEARTH_METRIC_CPU_TIME, &n, &fraction);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat_with_epsilon (fraction, 0.3, 1e-9);

  hearth_flame_tree_search_stats (tree, NULL, HEARTH_METRIC_CPU_TIME, &n, &fraction);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpfloat (fraction, ==, 0);

  /* stepping order: most expensive first; ties in x order */
  steps = hearth_flame_layout_dup_matches (layout, match);
  g_assert_cmpuint (steps->len, ==, 3);
  g_assert_cmpint (g_array_index (steps, guint, 0), ==, rect_by_path (layout, "Main;update;draw"));
  g_assert_cmpint (g_array_index (steps, guint, 1), ==, rect_by_path (layout, "Main;update;drawChildren"));
  g_assert_cmpint (g_array_index (steps, guint, 2), ==, rect_by_path (layout, "Main;update;drawChildren;draw"));
}

static void
test_xray (void)
{
  g_autoptr(HearthProfile) profile = build_profile (TRUE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
  guint children = rects[rect_by_path (layout, "Main;update;drawChildren")].node;
  HearthFlameXRay xray;
  double full;

  hearth_flame_xray_init (&xray);
  g_assert_cmpint (xray.threshold, ==, -1);

  /* self allocation counts of the boxes: 2, 10, 4, 1 (sorted 1 2 4 10);
   * automatic = 95th percentile, nearest rank ceil(0.95 × 4) = 4th → 10 */
  g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, children, &xray), ==, 4);
  full = hearth_flame_layout_xray_full_scale (layout, &xray);
  g_assert_cmpfloat (full, ==, 10);
  g_assert_cmpfloat_with_epsilon (hearth_flame_xray_intensity (4, full), 0.4, 1e-12);
  g_assert_cmpfloat (hearth_flame_xray_intensity (25, full), ==, 1);
  g_assert_cmpfloat (hearth_flame_xray_intensity (0, full), ==, 0);
  g_assert_cmpfloat (hearth_flame_xray_intensity (3, 0), ==, 0);

  /* threshold 50: ceil(0.5 × 4) = 2nd → 2; threshold 0 → the smallest */
  xray.threshold = 50;
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 2);
  xray.threshold = 0;
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 1);

  /* Sum of allocations and frees: 250, 1000, 4300, 100 */
  xray.threshold = -1;
  xray.mode = HEARTH_FLAME_XRAY_SUM;
  xray.events = HEARTH_FLAME_XRAY_BOTH;
  g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, children, &xray), ==, 4300);
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 4300);
  xray.events = HEARTH_FLAME_XRAY_FREES;
  g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, children, &xray), ==, 300);

  /* inclusive counts: Main 17, update 17, draw 10, drawChildren 5, draw 1
   * (`<root>` left out): 95th → 5th of 5 → 17; 50th → 3rd → 10 */
  xray.mode = HEARTH_FLAME_XRAY_COUNT;
  xray.events = HEARTH_FLAME_XRAY_ALLOCS;
  xray.inclusive = TRUE;
  g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, children, &xray), ==, 5);
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 17);
  xray.threshold = 50;
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 10);
}

static void
test_xray_no_memory (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  HearthFlameXRay xray;

  hearth_flame_xray_init (&xray);
  g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 0);
  g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, 2, &xray), ==, 0);
}

static void
test_colors (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  g_autoptr(GArray) legend = NULL;
  const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
  guint32 a, b, c;
  HearthFlameRenderOptions options;
  double fill[4], text[4];

  /* stable: the same source keeps its hue whatever the name */
  a = hearth_flame_hash_color ("render.lua", "draw");
  b = hearth_flame_hash_color ("render.lua", "draw");
  c = hearth_flame_hash_color ("world.lua", "draw");
  g_assert_cmpuint (a, ==, b);
  g_assert_cmpuint (a, !=, c);
  g_assert_false (hearth_flame_tree_function_get_color (tree, hearth_profile_node_get_function (profile, rects[4].node), &a));

  /* legend: one entry per source, heaviest self first:
   * render.lua 30 + 20 + 10 = 60, world.lua 30, ui.lua 10 */
  legend = hearth_flame_layout_dup_legend (layout, 0);
  g_assert_cmpuint (legend->len, ==, 3);
  g_assert_cmpstr (g_array_index (legend, HearthFlameLegendEntry, 0).label, ==, "render.lua");
  g_assert_cmpfloat_with_epsilon (g_array_index (legend, HearthFlameLegendEntry, 0).value, 60 * MS, 1e-3);
  g_assert_cmpstr (g_array_index (legend, HearthFlameLegendEntry, 1).label, ==, "world.lua");
  g_assert_cmpstr (g_array_index (legend, HearthFlameLegendEntry, 2).label, ==, "ui.lua");

  /* bottom-up: the same split, from the root boxes */
  {
    g_autoptr(HearthFlameTree) bu = hearth_flame_tree_new (profile, HEARTH_FLAME_BOTTOM_UP, NULL);
    g_autoptr(HearthFlameLayout) bu_layout = hearth_flame_layout_new (bu, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
    g_autoptr(GArray) bu_legend = hearth_flame_layout_dup_legend (bu_layout, 2);

    g_assert_cmpuint (bu_legend->len, ==, 2);
    g_assert_cmpstr (g_array_index (bu_legend, HearthFlameLegendEntry, 0).label, ==, "render.lua");
    g_assert_cmpfloat_with_epsilon (g_array_index (bu_legend, HearthFlameLegendEntry, 0).value, 60 * MS, 1e-3);
    g_assert_cmpstr (g_array_index (bu_legend, HearthFlameLegendEntry, 1).label, ==, "world.lua");
  }

  /* label colour follows the fill: dark text on light boxes, light on dark */
  hearth_flame_render_options_init (&options, 1000, 90);
  for (guint i = 0; i < 7; i++)
    {
      double lum;

      hearth_flame_render_get_colors (layout, &options, i, fill, text);
      lum = 0.2126 * fill[0] + 0.7152 * fill[1] + 0.0722 * fill[2];
      if (lum > 0.5)
        g_assert_cmpfloat (text[0], <, 0.5);
      else
        g_assert_cmpfloat (text[0], >, 0.5);
    }

  /* X-Ray with no allocations: the darkest grey, white labels */
  options.xray = TRUE;
  options.xray_full_scale = 0;
  hearth_flame_render_get_colors (layout, &options, 2, fill, text);
  g_assert_cmpfloat_with_epsilon (fill[0], 0.14, 1e-9);
  g_assert_cmpfloat (fill[0], ==, fill[1]);
  g_assert_cmpfloat (text[0], ==, 1);
}

static void
test_render_pick (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  HearthFlameRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double fill[4], text[4];
  guint32 pixel;
  const guint8 *data;
  int stride, dc;

  hearth_flame_render_options_init (&options, 1000, 120);
  g_assert_cmpfloat (hearth_flame_render_get_content_height (layout, &options), ==, 90);

  /* icicle: row d spans y = 18 d .. 18 d + 17 */
  dc = rect_by_path (layout, "Main;update;drawChildren");
  g_assert_cmpint (hearth_flame_render_pick (layout, &options, 350, 60), ==, dc);
  g_assert_cmpint (hearth_flame_render_pick (layout, &options, 350, 100), ==, -1);

  /* flame: root at the bottom of the 120 px view, row d at 120 - 18 (d + 1) */
  options.root_at_bottom = TRUE;
  g_assert_cmpint (hearth_flame_render_pick (layout, &options, 350, 120 - 4 * 18 + 5), ==, dc);
  g_assert_cmpint (hearth_flame_render_pick (layout, &options, 5, 115), ==, 0);

  /* zoomed twice horizontally and scrolled: x is relative to the content */
  options.root_at_bottom = FALSE;
  options.content_width = 2000;
  options.scroll_x = 500;
  g_assert_cmpint (hearth_flame_render_pick (layout, &options, 150, 60), ==, dc);   /* (150 + 500) / 2000 = 0.325 */

  /* the picture has the box's colour where the box is */
  options.content_width = 1000;
  options.scroll_x = 0;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 120);
  cr = cairo_create (surface);
  hearth_flame_render (layout, &options, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  hearth_flame_render_get_colors (layout, &options, dc, fill, text);
  /* (598, 70): inside drawChildren, right of any label text */
  pixel = *(const guint32 *) (data + 70 * stride + 598 * 4);
  g_assert_cmpuint ((pixel >> 16) & 0xff, ==, (guint) lround (fill[0] * 255));
  g_assert_cmpuint ((pixel >> 8) & 0xff, ==, (guint) lround (fill[1] * 255));
  g_assert_cmpuint (pixel & 0xff, ==, (guint) lround (fill[2] * 255));
  /* the 1 px gap after drawChildren (x 300..598, gap at 599) is empty */
  pixel = *(const guint32 *) (data + 70 * stride + 599 * 4);
  g_assert_cmpuint (pixel, ==, 0);
  cairo_surface_destroy (surface);
}

typedef struct
{
  double x, y, w, h;
} Box;

/* Cairo's SVG surface writes a filled rectangle as
 * <path style="…fill:rgb(…)…" d="M x0 y0 L x1 y0 L x1 y1 L x0 y1 Z M x0 y0 "/> */
static GArray *
parse_svg_boxes (const char *svg)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) info = NULL;

  regex = g_regex_new ("<path[^>]*fill:rgb[^>]* d=\"M ([-0-9.]+) ([-0-9.]+) L ([-0-9.]+) ([-0-9.]+) "
                       "L ([-0-9.]+) ([-0-9.]+) L ([-0-9.]+) ([-0-9.]+) Z",
                       0, 0, NULL);
  g_regex_match (regex, svg, 0, &info);
  while (g_match_info_matches (info))
    {
      double v[8];
      Box box;

      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *s = g_match_info_fetch (info, i + 1);

          v[i] = g_ascii_strtod (s, NULL);
        }
      box.x = v[0];
      box.y = v[1];
      box.w = v[2] - v[0];
      box.h = v[5] - v[1];
      g_array_append_val (boxes, box);
      g_match_info_next (info, NULL);
    }

  return boxes;
}

static void
test_export_svg (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  g_autofree char *dir = g_dir_make_tmp ("hearth-flame-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "flame.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GArray) boxes = NULL;
  HearthFlameRenderOptions options;
  guint n_boxes = 0;
  /* x = round(1000 x), width = round(1000 (x + w)) - x - 1 (the gap),
   * y = 18 depth, height 17 */
  static const Box expected[] = {
    { 0, 0, 999, 17 },
    { 0, 18, 999, 17 },
    { 0, 36, 699, 17 },
    { 700, 36, 299, 17 },
    { 0, 54, 299, 17 },
    { 300, 54, 299, 17 },
    { 300, 72, 99, 17 },
  };

  hearth_flame_render_options_init (&options, 1000, 400);
  options.scroll_y = 33;   /* ignored: exports show everything */
  g_assert_true (hearth_flame_export_svg (layout, &options, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "width=\"1000px\""));
  g_assert_nonnull (strstr (svg, "height=\"90px\""));

  /* the background covers the whole image (Cairo writes it as a <rect>) */
  g_assert_nonnull (strstr (svg, "<rect x=\"0\" y=\"0\" width=\"1000\" height=\"90\""));

  boxes = parse_svg_boxes (svg);
  for (guint i = 0; i < boxes->len; i++)
    {
      const Box *box = &g_array_index (boxes, Box, i);

      if (box->h != 17)
        continue;
      g_assert_cmpuint (n_boxes, <, G_N_ELEMENTS (expected));
      g_assert_cmpfloat (box->x, ==, expected[n_boxes].x);
      g_assert_cmpfloat (box->y, ==, expected[n_boxes].y);
      g_assert_cmpfloat (box->w, ==, expected[n_boxes].w);
      n_boxes++;
    }
  g_assert_cmpuint (n_boxes, ==, G_N_ELEMENTS (expected));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_profile (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autofree char *dir = g_dir_make_tmp ("hearth-flame-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "flame.PNG", NULL);
  g_autofree char *txt = g_build_filename (dir, "flame.txt", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(GError) error = NULL;
  HearthFlameExportOptions options;
  cairo_surface_t *surface;

  hearth_flame_export_options_init (&options);
  g_assert_cmpint (options.width, ==, 1200);
  options.width = 640;
  options.direction = HEARTH_FLAME_BOTTOM_UP;
  g_assert_true (hearth_flame_export_profile (profile, &options, png_file, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 5 * 18);
  cairo_surface_destroy (surface);

  /* PNG is limited to 32767 pixels */
  options.width = 40000;
  g_assert_false (hearth_flame_export_profile (profile, &options, png_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "32767"));
  g_clear_error (&error);

  /* unknown extension */
  options.width = 640;
  g_assert_false (hearth_flame_export_profile (profile, &options, txt_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));

  /* memory metric or X-Ray without memory data */
  options.metric = HEARTH_METRIC_ALLOC_BYTES;
  g_assert_false (hearth_flame_export_profile (profile, &options, png_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.metric = HEARTH_METRIC_CPU_TIME;
  options.xray = TRUE;
  g_assert_false (hearth_flame_export_profile (profile, &options, png_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_unlink (png);
  g_rmdir (dir);
}

static HearthProfile *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return profile;
}

/* docs/formats/microprofiler.md §17.0 and §17.3: thread Main has
 * Frame (33 ms over two calls) with Update (7 ms) inside; thread GPU has
 * GpuFrame (4.999744 ms). Update[1,5] carries 5 allocs / 1024 B and
 * 2 frees / 64 B (fixture C only). */
static void
check_microprofile (const char *fixture,
                    gboolean    memory)
{
  g_autoptr(HearthProfile) profile = load_fixture (fixture);
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  g_autoptr(HearthFlameTree) bottom_up = NULL;
  g_autoptr(HearthFlameLayout) bu_layout = NULL;
  const double total = 33.0 + 4.999744;
  const Expected expected[] = {
    { "", 0, 1, 0 },
    { "Main", 0, 33.0 / total, 1 },
    { "GPU", 33.0 / total, 4.999744 / total, 1 },
    { "Main;Frame", 0, 33.0 / total, 2 },
    { "GPU;GpuFrame", 33.0 / total, 4.999744 / total, 2 },
    { "Main;Frame;Update", 0, 7.0 / total, 3 },
  };
  /* bottom-up: Frame's own 26 ms is "Frame (Excl)" */
  const Expected expected_bu[] = {
    { "", 0, 1, 0 },
    { "Frame (Excl)", 0, 26.0 / total, 1 },
    { "Update", 26.0 / total, 7.0 / total, 1 },
    { "GpuFrame", 33.0 / total, 4.999744 / total, 1 },
    { "Frame (Excl);Frame", 0, 26.0 / total, 2 },
    { "Update;Frame", 26.0 / total, 7.0 / total, 2 },
    { "GpuFrame;GPU", 33.0 / total, 4.999744 / total, 2 },
    { "Frame (Excl);Frame;Main", 0, 26.0 / total, 3 },
    { "Update;Frame;Main", 26.0 / total, 7.0 / total, 3 },
  };

  g_test_message ("fixture %s", fixture);
  assert_rects (layout, expected, G_N_ELEMENTS (expected));

  bottom_up = hearth_flame_tree_new (profile, HEARTH_FLAME_BOTTOM_UP, NULL);
  bu_layout = hearth_flame_layout_new (bottom_up, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  assert_rects (bu_layout, expected_bu, G_N_ELEMENTS (expected_bu));

  if (memory)
    {
      g_autoptr(HearthFlameLayout) mem = hearth_flame_layout_new (tree, HEARTH_METRIC_ALLOC_BYTES, 0, 1e-6, NULL);
      const Expected expected_mem[] = {
        /* only Update allocates: GPU has no box */
        { "", 0, 1, 0 },
        { "Main", 0, 1, 1 },
        { "Main;Frame", 0, 1, 2 },
        { "Main;Frame;Update", 0, 1, 3 },
      };
      const HearthFlameRect *rects;
      HearthFlameXRay xray;

      assert_rects (mem, expected_mem, G_N_ELEMENTS (expected_mem));

      /* X-Ray on the CPU layout: only Update has self allocations */
      rects = hearth_flame_layout_get_rects (layout, NULL);
      hearth_flame_xray_init (&xray);
      g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, rects[5].node, &xray), ==, 5);
      g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, rects[3].node, &xray), ==, 0);
      g_assert_cmpfloat (hearth_flame_layout_xray_full_scale (layout, &xray), ==, 5);
      xray.mode = HEARTH_FLAME_XRAY_SUM;
      xray.events = HEARTH_FLAME_XRAY_BOTH;
      g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, rects[5].node, &xray), ==, 1024 + 64);
      xray.inclusive = TRUE;
      g_assert_cmpfloat (hearth_flame_tree_xray_value (tree, rects[3].node, &xray), ==, 1024 + 64);
    }
}

static void
test_microprofile_fixtures (void)
{
  static const char * const fixtures[] = {
    "microprofile-a.html", "microprofile-b.html", "microprofile-c.html",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixtures[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_test_message ("%s missing", fixtures[i]);
          continue;
        }
      check_microprofile (fixtures[i], g_str_equal (fixtures[i], "microprofile-c.html"));
    }
}

static void
test_cancel (void)
{
  g_autoptr(HearthProfile) profile = build_profile (FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HearthFlameTree) tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  g_autoptr(HearthFlameLayout) layout = NULL;

  /* small trees finish before the first cancellation check */
  g_cancellable_cancel (cancellable);
  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, cancellable);
  g_assert_nonnull (layout);

  /* an unknown zoom node falls back to `<root>` */
  g_clear_pointer (&layout, hearth_flame_layout_unref);
  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 9999, 1e-6, NULL);
  g_assert_cmpuint (hearth_flame_layout_get_zoom_node (layout), ==, 0);

  /* an absent metric lays out `<root>` alone */
  g_clear_pointer (&layout, hearth_flame_layout_unref);
  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_ALLOC_COUNT, 0, 1e-6, NULL);
  g_assert_cmpuint (hearth_flame_layout_get_n_rows (layout), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/flame-layout/top-down", test_top_down);
  g_test_add_func ("/hearth/flame-layout/zoom-and-cull", test_zoom_and_cull);
  g_test_add_func ("/hearth/flame-layout/metric-widths", test_metric_widths);
  g_test_add_func ("/hearth/flame-layout/bottom-up", test_bottom_up);
  g_test_add_func ("/hearth/flame-layout/node-info", test_node_info);
  g_test_add_func ("/hearth/flame-layout/search", test_search);
  g_test_add_func ("/hearth/flame-layout/xray", test_xray);
  g_test_add_func ("/hearth/flame-layout/xray-no-memory", test_xray_no_memory);
  g_test_add_func ("/hearth/flame-layout/colors", test_colors);
  g_test_add_func ("/hearth/flame-layout/render-pick", test_render_pick);
  g_test_add_func ("/hearth/flame-layout/export-svg", test_export_svg);
  g_test_add_func ("/hearth/flame-layout/export-profile", test_export_profile);
  g_test_add_func ("/hearth/flame-layout/microprofile-fixtures", test_microprofile_fixtures);
  g_test_add_func ("/hearth/flame-layout/edge-cases", test_cancel);

  return g_test_run ();
}
