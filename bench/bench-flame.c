/* bench-flame.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hearth-flame-layout.h"
#include "hearth-flame-render.h"
#include "hearth-profile-builder.h"

/* Flame graph speed on a synthetic profile of a million nodes:
 *
 *   bench-flame [N_NODES]
 *
 * Prints the first layout time, the redraw time of a 1920×1080 view into an
 * offscreen Cairo image surface (pan frames redraw the picture; hover frames
 * composite the cached picture and draw the hover boxes on top, as the
 * widget does), the hit-test time, and recolouring without relayout (search,
 * X-Ray). A memset of the framebuffer and a full-surface Cairo paint are
 * measured in the same run as baselines. */

#define WIDTH  1920
#define HEIGHT 1080

static guint32 rng_state = 12345;

static guint32
rng (void)
{
  /* xorshift32: the same profile every run */
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

static HearthProfile *
build_profile (guint n_nodes)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(GArray) queue = NULL;
  g_autoptr(GArray) depths = NULL;
  guint functions[4096];
  guint thread;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_BYTES, HEARTH_VALUE_SELF);

  for (guint i = 0; i < G_N_ELEMENTS (functions); i++)
    {
      g_autofree char *name = g_strdup_printf ("function_%u", i);
      g_autofree char *source = g_strdup_printf ("Scripts.Module%u", i % 160);

      functions[i] = hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_FUNCTION, name, source,
                                                          (int) (i % 500) + 1, NULL, 0);
    }

  thread = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
                                             hearth_profile_builder_add_function (b, HEARTH_FUNCTION_KIND_THREAD,
                                                                                  "Main", NULL, 0, NULL, 0));

  /* breadth first, 1–3 children each (depths around 20), heavy-tailed self
   * times (1 µs to 0.4 ms), so thousands of boxes are wide enough to draw */
  queue = g_array_new (FALSE, FALSE, sizeof (guint));
  depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (queue, thread);
  {
    guint one = 1;
    g_array_append_val (depths, one);
  }

  for (guint created = 2, head = 0; created < n_nodes && head < queue->len; head++)
    {
      guint parent = g_array_index (queue, guint, head);
      guint depth = g_array_index (depths, guint, head) + 1;
      guint n_children = 1 + rng () % 3;

      for (guint c = 0; c < n_children && created < n_nodes; c++, created++)
        {
          guint node = hearth_profile_builder_add_child (b, parent,
                                                         functions[(depth * 131 + (rng () % 24)) %
                                                                   G_N_ELEMENTS (functions)]);

          hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME,
                                            1000.0 * exp ((rng () % 6000) / 1000.0));
          hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CALLS, 1 + rng () % 8);
          if ((rng () & 7) == 0)
            {
              hearth_profile_builder_add_value (b, node, HEARTH_METRIC_ALLOC_COUNT, 1 + rng () % 50);
              hearth_profile_builder_add_value (b, node, HEARTH_METRIC_ALLOC_BYTES, 16 + rng () % 4096);
            }
          g_array_append_val (queue, node);
          g_array_append_val (depths, depth);
        }
    }

  return hearth_profile_builder_finish (b);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_nodes = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(HearthFlameTree) tree = NULL;
  g_autoptr(HearthFlameTree) bottom_up = NULL;
  g_autoptr(HearthFlameLayout) layout = NULL;
  g_autoptr(HearthFlameLayout) bu_layout = NULL;
  g_autofree guint8 *match = NULL;
  g_autofree guchar *framebuffer = NULL;
  HearthFlameRenderOptions options;
  cairo_surface_t *surface, *cached;
  cairo_t *cr;
  guint n_rects;
  double t0, t1, layout_ms, bu_ms, bu_layout_ms;
  const int frames = 60;
  const int hits = 200000;
  volatile int sink = 0;

  if (n_nodes < 16)
    n_nodes = 16;

  t0 = now_ms ();
  profile = build_profile (n_nodes);
  t1 = now_ms ();
  printf ("synthetic profile: %u nodes, %u functions, built in %.0f ms (not part of the flame graph)\n",
          hearth_profile_get_n_nodes (profile), hearth_profile_get_n_functions (profile), t1 - t0);

  /* baselines */
  framebuffer = g_malloc (WIDTH * HEIGHT * 4);
  t0 = now_ms ();
  for (int i = 0; i < frames; i++)
    memset (framebuffer, i, WIDTH * HEIGHT * 4);
  t1 = now_ms ();
  sink += framebuffer[WIDTH];
  printf ("baseline memset of a %d×%d framebuffer: %.3f ms/frame\n", WIDTH, HEIGHT, (t1 - t0) / frames);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (surface);
  t0 = now_ms ();
  for (int i = 0; i < frames; i++)
    {
      cairo_set_source_rgb (cr, (i & 1) ? 1 : 0.9, 1, 1);
      cairo_paint (cr);
    }
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("baseline cairo_paint of the surface:   %.3f ms/frame\n", (t1 - t0) / frames);

  /* layout */
  t0 = now_ms ();
  tree = hearth_flame_tree_new (profile, HEARTH_FLAME_TOP_DOWN, NULL);
  layout = hearth_flame_layout_new (tree, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  t1 = now_ms ();
  layout_ms = t1 - t0;
  hearth_flame_layout_get_rects (layout, &n_rects);
  printf ("first layout (top-down, CPU time):     %.1f ms  (target < 300 ms; %u boxes, %u rows)\n",
          layout_ms, n_rects, hearth_flame_layout_get_n_rows (layout));

  t0 = now_ms ();
  bottom_up = hearth_flame_tree_new (profile, HEARTH_FLAME_BOTTOM_UP, NULL);
  t1 = now_ms ();
  bu_ms = t1 - t0;
  t0 = now_ms ();
  bu_layout = hearth_flame_layout_new (bottom_up, HEARTH_METRIC_CPU_TIME, 0, 1e-6, NULL);
  t1 = now_ms ();
  bu_layout_ms = t1 - t0;
  printf ("bottom-up tree build:                  %.1f ms (%u nodes), its layout %.1f ms\n",
          bu_ms, hearth_profile_get_n_nodes (hearth_flame_tree_get_profile (bottom_up)), bu_layout_ms);

  {
    const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
    guint wide = 0, labelled = 0;

    for (guint i = 0; i < n_rects; i++)
      {
        wide += rects[i].width * WIDTH >= 1.0;
        labelled += rects[i].width * WIDTH >= 20.0;
      }
    printf ("boxes at 1920 px: %u at least 1 px wide (drawn), %u wide enough for a label\n", wide, labelled);
  }

  /* redraw: the full view, then pan frames at 4× horizontal zoom */
  hearth_flame_render_options_init (&options, WIDTH, HEIGHT);
  options.background[3] = 1;
  t0 = now_ms ();
  for (int i = 0; i < frames; i++)
    {
      options.scroll_y = (i % 2) * 18;
      hearth_flame_render (layout, &options, cr);
    }
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("redraw 1920×1080, whole graph:         %.2f ms/frame (target < 8 ms)\n", (t1 - t0) / frames);

  options.content_width = WIDTH * 4.0;
  t0 = now_ms ();
  for (int i = 0; i < frames; i++)
    {
      options.scroll_x = i * 37.0;
      options.scroll_y = (i % 5) * 18;
      hearth_flame_render (layout, &options, cr);
    }
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("redraw 1920×1080, pan frames (4× zoom): %.2f ms/frame (target < 8 ms)\n", (t1 - t0) / frames);

  /* hover frames: composite the cached picture and draw the hovered box
   * and its ancestors on top, as the widget's snapshot does */
  options.content_width = WIDTH;
  options.scroll_x = options.scroll_y = 0;
  cached = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  {
    cairo_t *ccr = cairo_create (cached);

    hearth_flame_render (layout, &options, ccr);
    cairo_destroy (ccr);
  }
  t0 = now_ms ();
  for (int i = 0; i < frames; i++)
    {
      int rect = hearth_flame_render_pick (layout, &options, (i * 97) % WIDTH, 18 * (1 + i % 30) + 5);

      cairo_set_source_surface (cr, cached, 0, 0);
      cairo_paint (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.1);
      for (int r = rect; r >= 0; r = hearth_flame_layout_find_parent_rect (layout, r))
        {
          double x, y, w, h;

          hearth_flame_render_get_rect_bounds (layout, &options, r, &x, &y, &w, &h);
          cairo_rectangle (cr, x, y, w, h);
        }
      cairo_fill (cr);
    }
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("hover frame (cached picture + hover):  %.2f ms/frame (target < 8 ms)\n", (t1 - t0) / frames);

  /* hit test */
  t0 = now_ms ();
  for (int i = 0; i < hits; i++)
    sink += hearth_flame_render_pick (layout, &options, rng () % WIDTH, rng () % HEIGHT);
  t1 = now_ms ();
  printf ("hit test (binary search):              %.3f µs (target < 50 µs)\n", (t1 - t0) * 1000.0 / hits);

  /* recolouring without relayout */
  t0 = now_ms ();
  match = hearth_flame_tree_match_functions (tree, "function_1");
  {
    guint n;
    double fraction;
    g_autoptr(GArray) steps = NULL;

    hearth_flame_tree_search_stats (tree, match, HEARTH_METRIC_CPU_TIME, &n, &fraction);
    t1 = now_ms ();
    printf ("search \"function_1\": %u matches, %.1f %% of total; matching + stats: %.1f ms\n",
            n, fraction * 100, t1 - t0);
    t0 = now_ms ();
    steps = hearth_flame_layout_dup_matches (layout, match);
    t1 = now_ms ();
    printf ("search stepping order (first Enter/F3 only): %.1f ms for %u boxes\n", t1 - t0, steps->len);
  }
  options.search_match = match;
  t0 = now_ms ();
  hearth_flame_render (layout, &options, cr);
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("recolour for search (redraw):          %.2f ms (target < 16 ms)\n", t1 - t0);
  options.search_match = NULL;

  t0 = now_ms ();
  options.xray = TRUE;
  options.xray_full_scale = hearth_flame_layout_xray_full_scale (layout, &options.xray_options);
  hearth_flame_render (layout, &options, cr);
  cairo_surface_flush (surface);
  t1 = now_ms ();
  printf ("recolour for X-Ray (percentile + redraw): %.2f ms (target < 16 ms)\n", t1 - t0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (cached);

  return sink == 42 ? 1 : 0;
}
