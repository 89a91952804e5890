/* test-annotations.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "hearth-annotation-export.h"
#include "hearth-bottom-up.h"
#include "hearth-combine.h"
#include "hearth-frame-filter.h"
#include "hearth-profile-builder.h"

#define MS 1e6

static guint
fn (HearthProfileBuilder *b,
    HearthFunctionKind    kind,
    const char           *name)
{
  return hearth_profile_builder_intern_function (b, kind, name, NULL, 0, NULL, 0);
}

/* Finds the child of @node whose function has @name */
static guint
child (HearthProfile *p,
       guint          node,
       const char    *name)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (p);

  for (guint32 c = tree->first_child[node]; c != HEARTH_NO_INDEX; c = tree->next_sibling[c])
    if (g_strcmp0 (hearth_profile_function_get_name (p, tree->function[c]), name) == 0)
      return c;

  g_error ("no child %s under node %u", name, node);
  return HEARTH_NO_INDEX;
}

static void
assert_annotation (const HearthAnnotation *a,
                   guint                   node,
                   HearthAnnotationKind    kind,
                   const char             *name,
                   double                  value)
{
  g_assert_cmpuint (a->node, ==, node);
  g_assert_cmpint (a->kind, ==, kind);
  g_assert_cmpstr (a->name, ==, name);
  g_assert_cmpfloat (a->value, ==, value);
}

/* The scenario of microprofiler.md §17.0 on thread Main:
 *   Main → Frame (2 calls, 33 ms, self 26 ms; label "hello" once)
 *        → Frame → Update (2 calls, 7 ms; meta counter Allocs +3)
 * Two frames with per-frame self values that sum to the node values:
 * F0 Frame 12.6 ms, Update 5.4 ms (4 ms of [1,5], 1.4 ms of [15,18]);
 * F1 Frame 13.4 ms, Update 1.6 ms: frame 1 alone has Frame total 15 ms. */
static HearthProfile *
build_scenario (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint main_n, frame, update;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  main_n = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "Main"));
  frame = hearth_profile_builder_add_child (b, main_n, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Frame"));
  update = hearth_profile_builder_add_child (b, frame, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "Update"));
  hearth_profile_builder_add_value (b, frame, HEARTH_METRIC_CPU_TIME, 26 * MS);
  hearth_profile_builder_add_value (b, update, HEARTH_METRIC_CPU_TIME, 7 * MS);
  hearth_profile_builder_add_annotation (b, frame, HEARTH_ANNOTATION_LABEL, "hello", 1);
  hearth_profile_builder_add_annotation (b, update, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);

  for (guint f = 0; f < 2; f++)
    {
      HearthFrame fr;

      hearth_frame_init (&fr);
      fr.start_ms = 16.6 * f;
      fr.end_ms = 16.6 * (f + 1);
      hearth_profile_builder_add_frame (b, &fr);
    }
  hearth_profile_builder_add_frame_value (b, 0, frame, HEARTH_METRIC_CPU_TIME, 12.6 * MS);
  hearth_profile_builder_add_frame_value (b, 0, update, HEARTH_METRIC_CPU_TIME, 5.4 * MS);
  hearth_profile_builder_add_frame_value (b, 1, frame, HEARTH_METRIC_CPU_TIME, 13.4 * MS);
  hearth_profile_builder_add_frame_value (b, 1, update, HEARTH_METRIC_CPU_TIME, 1.6 * MS);

  return hearth_profile_builder_finish (b);
}

/* Equal (node, kind, name) are summed; labels come first, then counters,
 * each by value descending then name; a label and a counter of the same
 * name are two entries */
static void
test_summing (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  const HearthAnnotation *a;
  guint node, n;

  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  node = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "tick"));
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "zeta", 1);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "hello", 1);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Allocs", 2);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "alpha", 1);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "zeta", 1);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Bytes", 5);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "hello", 0.5);
  /* NaN and infinities are ignored; a sum of 0 is dropped */
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Bytes", NAN);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Bytes", INFINITY);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Zero", 4);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Zero", -4);
  hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME, 1 * MS);

  p = hearth_profile_builder_finish (b);
  g_assert_true (hearth_profile_has_annotations (p));

  /* labels: zeta 2, alpha 1, hello 1; counters: Allocs 5, Bytes 5, hello 0.5 */
  a = hearth_profile_get_annotations (p, 1, &n);
  g_assert_nonnull (a);
  g_assert_cmpuint (n, ==, 6);
  assert_annotation (&a[0], 1, HEARTH_ANNOTATION_LABEL, "zeta", 2);
  assert_annotation (&a[1], 1, HEARTH_ANNOTATION_LABEL, "alpha", 1);
  assert_annotation (&a[2], 1, HEARTH_ANNOTATION_LABEL, "hello", 1);
  assert_annotation (&a[3], 1, HEARTH_ANNOTATION_COUNTER, "Allocs", 5);
  assert_annotation (&a[4], 1, HEARTH_ANNOTATION_COUNTER, "Bytes", 5);
  assert_annotation (&a[5], 1, HEARTH_ANNOTATION_COUNTER, "hello", 0.5);
}

/* 70 distinct labels on one node: the first 64 keep their names, the other
 * 6 are summed into "(other labels)"; a label seen before the cap still sums
 * into its own entry */
static void
test_cap (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  const HearthAnnotation *a;
  guint node, n;

  node = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "spam"));
  for (guint i = 0; i < 70; i++)
    {
      char name[16];

      g_snprintf (name, sizeof name, "l%02u", i);
      hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, name, 1);
    }
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "l00", 1);
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, "l69", 1);
  /* counters have their own allowance */
  hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_COUNTER, "Allocs", 1);

  p = hearth_profile_builder_finish (b);
  a = hearth_profile_get_annotations (p, 1, &n);
  g_assert_cmpuint (n, ==, 64 + 1 + 1);
  /* (other labels): l64..l69 once each, l69 again: 7 */
  assert_annotation (&a[0], 1, HEARTH_ANNOTATION_LABEL, HEARTH_ANNOTATION_OTHER_LABELS, 7);
  assert_annotation (&a[1], 1, HEARTH_ANNOTATION_LABEL, "l00", 2);
  assert_annotation (&a[2], 1, HEARTH_ANNOTATION_LABEL, "l01", 1);
  assert_annotation (&a[64], 1, HEARTH_ANNOTATION_LABEL, "l63", 1);
  assert_annotation (&a[65], 1, HEARTH_ANNOTATION_COUNTER, "Allocs", 1);
}

/* Hostile input: 200 nodes with 500 distinct labels each stay at 64 named
 * labels and one "(other labels)" of 436 per node */
static void
test_bounded (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  guint f = fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "spam");
  guint parent = HEARTH_ROOT_NODE;

  for (guint i = 0; i < 200; i++)
    {
      guint node = hearth_profile_builder_add_child (b, parent, f);

      for (guint j = 0; j < 500; j++)
        {
          char name[32];

          g_snprintf (name, sizeof name, "%u/%u", i, j);
          hearth_profile_builder_add_annotation (b, node, HEARTH_ANNOTATION_LABEL, name, 1);
        }
      parent = node;
    }

  p = hearth_profile_builder_finish (b);
  for (guint node = 1; node <= 200; node++)
    {
      guint n;
      const HearthAnnotation *a = hearth_profile_get_annotations (p, node, &n);

      g_assert_cmpuint (n, ==, 65);
      assert_annotation (&a[0], node, HEARTH_ANNOTATION_LABEL, HEARTH_ANNOTATION_OTHER_LABELS, 436);
    }
}

/* Builder nodes created in the order root, a, b, c (c under a) are laid out
 * as <root>, a, c, b: the annotations follow their nodes */
static void
test_remap (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = NULL;
  const HearthAnnotation *a;
  guint na, nb, nc, n;

  na = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "a"));
  nb = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "b"));
  nc = hearth_profile_builder_add_child (b, na, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "c"));
  g_assert_cmpuint (nb, ==, 2);
  g_assert_cmpuint (nc, ==, 3);
  hearth_profile_builder_add_annotation (b, nb, HEARTH_ANNOTATION_LABEL, "on b", 1);
  hearth_profile_builder_add_annotation (b, nc, HEARTH_ANNOTATION_COUNTER, "on c", 4);
  hearth_profile_builder_add_annotation (b, na, HEARTH_ANNOTATION_LABEL, "on a", 2);

  p = hearth_profile_builder_finish (b);
  g_assert_cmpuint (child (p, 0, "b"), ==, 3);
  g_assert_cmpuint (child (p, 1, "c"), ==, 2);

  a = hearth_profile_get_annotations (p, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], 1, HEARTH_ANNOTATION_LABEL, "on a", 2);
  a = hearth_profile_get_annotations (p, 2, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], 2, HEARTH_ANNOTATION_COUNTER, "on c", 4);
  a = hearth_profile_get_annotations (p, 3, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], 3, HEARTH_ANNOTATION_LABEL, "on b", 1);
}

/* A node without annotations, and a profile without any */
static void
test_none (void)
{
  g_autoptr(HearthProfile) p = build_scenario ();
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) empty = NULL;
  guint n = 99;

  /* <root> and Main have none */
  g_assert_null (hearth_profile_get_annotations (p, 0, &n));
  g_assert_cmpuint (n, ==, 0);
  n = 99;
  g_assert_null (hearth_profile_get_annotations (p, child (p, 0, "Main"), &n));
  g_assert_cmpuint (n, ==, 0);

  hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "x"));
  empty = hearth_profile_builder_finish (b);
  g_assert_false (hearth_profile_has_annotations (empty));
  n = 99;
  g_assert_null (hearth_profile_get_annotations (empty, 1, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* Two captures of the scenario combined: hello ×2, Allocs 6. Scaled per
 * frame: unchanged (counts of the capture, not rates). */
static void
test_derived (void)
{
  g_autoptr(HearthProfile) p = build_scenario ();
  g_autoptr(HearthProfile) q = build_scenario ();
  HearthProfile *both[2] = { p, q };
  g_autoptr(HearthProfile) combined = hearth_profile_combine (both, 2);
  g_autoptr(HearthProfile) per_frame = hearth_profile_per_frame (p);
  const HearthAnnotation *a;
  guint frame, update, n;

  frame = child (combined, child (combined, 0, "Main"), "Frame");
  update = child (combined, frame, "Update");
  a = hearth_profile_get_annotations (combined, frame, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], frame, HEARTH_ANNOTATION_LABEL, "hello", 2);
  a = hearth_profile_get_annotations (combined, update, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], update, HEARTH_ANNOTATION_COUNTER, "Allocs", 6);

  frame = child (per_frame, child (per_frame, 0, "Main"), "Frame");
  update = child (per_frame, frame, "Update");
  a = hearth_profile_get_annotations (per_frame, frame, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], frame, HEARTH_ANNOTATION_LABEL, "hello", 1);
  a = hearth_profile_get_annotations (per_frame, update, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], update, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);
}

/* Frame 1 alone: Frame and Update both ran in it and keep their
 * whole-capture annotations */
static void
test_frame_selection (void)
{
  g_autoptr(HearthProfile) p = build_scenario ();
  g_autoptr(HearthProfile) f1 = hearth_profile_filter_frames (p, 1, 1);
  const HearthAnnotation *a;
  guint frame, update, n;

  frame = child (f1, child (f1, 0, "Main"), "Frame");
  update = child (f1, frame, "Update");
  g_assert_cmpfloat_with_epsilon (hearth_profile_node_get_total (f1, frame, HEARTH_METRIC_CPU_TIME),
                                  15 * MS, 1);
  a = hearth_profile_get_annotations (f1, frame, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], frame, HEARTH_ANNOTATION_LABEL, "hello", 1);
  a = hearth_profile_get_annotations (f1, update, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], update, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);
}

/* Bottom-up: the roots are Frame (self 26 ms) and Update (self 7 ms); each
 * root carries its function's annotations, the callers below carry none */
static void
test_bottom_up (void)
{
  g_autoptr(HearthProfile) p = build_scenario ();
  g_autoptr(HearthProfile) inv = hearth_profile_bottom_up (p);
  const HearthAnnotation *a;
  guint frame, update, n;

  frame = child (inv, 0, "Frame");
  update = child (inv, 0, "Update");
  a = hearth_profile_get_annotations (inv, frame, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], frame, HEARTH_ANNOTATION_LABEL, "hello", 1);
  a = hearth_profile_get_annotations (inv, update, &n);
  g_assert_cmpuint (n, ==, 1);
  assert_annotation (&a[0], update, HEARTH_ANNOTATION_COUNTER, "Allocs", 3);
  g_assert_null (hearth_profile_get_annotations (inv, child (inv, update, "Frame"), &n));
  g_assert_cmpuint (n, ==, 0);
}

/* The CSV: rows in tree order (Main's Frame, then its Update), a ';' in a
 * name written as ':' as in the tree table, values like calls */
static void
test_csv (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(HearthProfile) p = build_scenario ();
  g_autoptr(HearthProfile) q = NULL;
  g_autofree char *csv = hearth_annotation_export_csv (p, ',');
  g_autofree char *csv2 = NULL;
  g_autofree char *empty = NULL;
  guint t, x, y;

  g_assert_cmpstr (csv, ==,
                   "path,kind,name,value\n"
                   "Main;Frame,label,hello,1\n"
                   "Main;Frame;Update,counter,Allocs,3\n");

  /* children by CPU time: big (2 ms) before semi;colon (1 ms), although
   * the latter was added first; quoting as in every CSV */
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  t = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fn (b, HEARTH_FUNCTION_KIND_THREAD, "T"));
  x = hearth_profile_builder_add_child (b, t, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "semi;colon"));
  y = hearth_profile_builder_add_child (b, t, fn (b, HEARTH_FUNCTION_KIND_FUNCTION, "big"));
  hearth_profile_builder_add_value (b, x, HEARTH_METRIC_CPU_TIME, 1 * MS);
  hearth_profile_builder_add_value (b, y, HEARTH_METRIC_CPU_TIME, 2 * MS);
  hearth_profile_builder_add_annotation (b, x, HEARTH_ANNOTATION_COUNTER, "n", 2.5);
  hearth_profile_builder_add_annotation (b, x, HEARTH_ANNOTATION_LABEL, "a,b", 1);
  hearth_profile_builder_add_annotation (b, y, HEARTH_ANNOTATION_LABEL, "x", 3);
  q = hearth_profile_builder_finish (b);
  csv2 = hearth_annotation_export_csv (q, ',');
  g_assert_cmpstr (csv2, ==,
                   "path,kind,name,value\n"
                   "T;big,label,x,3\n"
                   "T;semi:colon,label,\"a,b\",1\n"
                   "T;semi:colon,counter,n,2.5\n");

  {
    g_autoptr(HearthProfileBuilder) e = hearth_profile_builder_new ();
    g_autoptr(HearthProfile) ep = NULL;

    hearth_profile_builder_add_child (e, HEARTH_ROOT_NODE, fn (e, HEARTH_FUNCTION_KIND_FUNCTION, "x"));
    ep = hearth_profile_builder_finish (e);
    empty = hearth_annotation_export_csv (ep, ',');
    g_assert_cmpstr (empty, ==, "path,kind,name,value\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/annotations/summing", test_summing);
  g_test_add_func ("/hearth/annotations/cap", test_cap);
  g_test_add_func ("/hearth/annotations/bounded", test_bounded);
  g_test_add_func ("/hearth/annotations/remap", test_remap);
  g_test_add_func ("/hearth/annotations/none", test_none);
  g_test_add_func ("/hearth/annotations/derived", test_derived);
  g_test_add_func ("/hearth/annotations/frame-selection", test_frame_selection);
  g_test_add_func ("/hearth/annotations/bottom-up", test_bottom_up);
  g_test_add_func ("/hearth/annotations/csv", test_csv);

  return g_test_run ();
}
