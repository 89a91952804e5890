/* test-document.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "hearth-document.h"
#include "hearth-enums.h"
#include "hearth-function-item.h"
#include "hearth-function-list.h"
#include "hearth-node-item.h"
#include "hearth-node-list.h"
#include "hearth-profile-builder.h"

/* The Script Profiler example of script-profiler.md §3, in ns:
 *
 *   Heartbeat                                        6000 / 0     µs
 *     EnemyAI                                        6000 / 0
 *       <anonymous> (ServerScriptService.EnemyAI:1)  6000 / 0
 *         updateTargets <native>                     6000 / 1000
 *           findPath (ReplicatedStorage.Pathing:10)  3000 / 3000
 *           WorldRoot.Raycast ([C])                  2000 / 2000
 *
 * Session 1000 ms. */
static HearthProfile *
build_example (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint cat, script, chunk, update, find_path, raycast;

  hearth_profile_builder_set_format (b, "script-profiler", "Roblox Script Profiler");
  hearth_profile_builder_set_session (b, 1718000000000.0, 1718000001000.0);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);

  cat = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
                                          hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_CATEGORY,
                                                                                  "Heartbeat", NULL, 0, NULL, 0));
  script = hearth_profile_builder_add_child (b, cat,
                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                     "EnemyAI", NULL, 0, NULL, 0));
  chunk = hearth_profile_builder_add_child (b, script,
                                            hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                    NULL, "ServerScriptService.EnemyAI", 1,
                                                                                    NULL, 0));
  update = hearth_profile_builder_add_child (b, chunk,
                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                     "updateTargets",
                                                                                     "ServerScriptService.EnemyAI", 42,
                                                                                     NULL, HEARTH_FUNCTION_FLAG_NATIVE));
  find_path = hearth_profile_builder_add_child (b, update,
                                                hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                        "findPath",
                                                                                        "ReplicatedStorage.Pathing", 10,
                                                                                        NULL, 0));
  raycast = hearth_profile_builder_add_child (b, update,
                                              hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                      "WorldRoot.Raycast", "[C]", 0,
                                                                                      NULL, HEARTH_FUNCTION_FLAG_C));

  hearth_profile_builder_set_value (b, cat, HEARTH_METRIC_CPU_TIME, 6000000);
  hearth_profile_builder_set_value (b, script, HEARTH_METRIC_CPU_TIME, 6000000);
  hearth_profile_builder_set_value (b, chunk, HEARTH_METRIC_CPU_TIME, 6000000);
  hearth_profile_builder_set_value (b, update, HEARTH_METRIC_CPU_TIME, 6000000);
  hearth_profile_builder_set_value (b, find_path, HEARTH_METRIC_CPU_TIME, 3000000);
  hearth_profile_builder_set_value (b, raycast, HEARTH_METRIC_CPU_TIME, 2000000);

  return hearth_profile_builder_finish (b);
}

static guint
find_node (HearthProfile *profile,
           const char    *display_name)
{
  for (guint n = 1; n < hearth_profile_get_n_nodes (profile); n++)
    {
      g_autofree char *name =
        hearth_profile_function_dup_display_name (profile, hearth_profile_node_get_function (profile, n));

      if (g_str_equal (name, display_name))
        return n;
    }

  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* §8.8 of style.md, with GValues so one helper serves every property type */
static void
assert_notify_contract (gpointer      object,
                        const char   *property,
                        const GValue *value_a,
                        const GValue *value_b)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  guint count = 0;
  gulong id;

  id = g_signal_connect (object, signal, G_CALLBACK (count_notify_cb), &count);

  g_object_set_property (object, property, value_a);
  g_assert_cmpuint (count, ==, 1);
  g_object_set_property (object, property, value_a);
  g_assert_cmpuint (count, ==, 1);
  g_object_set_property (object, property, value_b);
  g_assert_cmpuint (count, ==, 2);

  g_signal_handler_disconnect (object, id);
}

static void
assert_enum_contract (gpointer    object,
                      const char *property,
                      GType       type,
                      int         a,
                      int         b)
{
  GValue va = G_VALUE_INIT, vb = G_VALUE_INIT;

  g_value_init (&va, type);
  g_value_init (&vb, type);
  g_value_set_enum (&va, a);
  g_value_set_enum (&vb, b);
  assert_notify_contract (object, property, &va, &vb);
  g_value_unset (&va);
  g_value_unset (&vb);
}

static void
test_document_notify (void)
{
  HearthDocument *document = hearth_document_new ();
  GValue va = G_VALUE_INIT, vb = G_VALUE_INIT;

  g_assert_cmpint (hearth_document_get_metric (document), ==, HEARTH_METRIC_CPU_TIME);
  g_assert_cmpint (hearth_document_get_unit (document), ==, HEARTH_UNIT_MS);
  g_assert_cmpint (hearth_document_get_average (document), ==, HEARTH_AVERAGE_OFF);
  g_assert_cmpstr (hearth_document_get_search_text (document), ==, "");
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, HEARTH_NO_INDEX);
  g_assert_false (hearth_document_get_inverted (document));
  g_assert_false (hearth_document_get_is_loaded (document));
  g_assert_null (hearth_document_get_profile (document));

  assert_enum_contract (document, "metric", HEARTH_TYPE_METRIC,
                        HEARTH_METRIC_CALLS, HEARTH_METRIC_ALLOC_BYTES);
  assert_enum_contract (document, "unit", HEARTH_TYPE_UNIT,
                        HEARTH_UNIT_PERCENT, HEARTH_UNIT_MS);
  assert_enum_contract (document, "average", HEARTH_TYPE_AVERAGE,
                        HEARTH_AVERAGE_1S, HEARTH_AVERAGE_5MIN);

  g_value_init (&va, G_TYPE_STRING);
  g_value_init (&vb, G_TYPE_STRING);
  g_value_set_string (&va, "find");
  g_value_set_string (&vb, "path");
  assert_notify_contract (document, "search-text", &va, &vb);
  g_value_unset (&va);
  g_value_unset (&vb);

  /* NULL is the empty search */
  hearth_document_set_search_text (document, NULL);
  g_assert_cmpstr (hearth_document_get_search_text (document), ==, "");

  g_value_init (&va, G_TYPE_UINT);
  g_value_init (&vb, G_TYPE_UINT);
  g_value_set_uint (&va, 3);
  g_value_set_uint (&vb, 4);
  assert_notify_contract (document, "selected-function", &va, &vb);
  g_value_unset (&va);
  g_value_unset (&vb);

  g_value_init (&va, G_TYPE_BOOLEAN);
  g_value_init (&vb, G_TYPE_BOOLEAN);
  g_value_set_boolean (&va, TRUE);
  g_value_set_boolean (&vb, FALSE);
  assert_notify_contract (document, "inverted", &va, &vb);
  g_value_unset (&va);
  g_value_unset (&vb);

  g_assert_finalize_object (document);
}

typedef struct
{
  guint profile;
  guint n_captures;
  guint is_loaded;
  guint selected_function;
} NotifyCounts;

static void
count_named_notify_cb (GObject      *object,
                       GParamSpec   *pspec,
                       NotifyCounts *counts)
{
  if (g_str_equal (pspec->name, "profile"))
    counts->profile++;
  else if (g_str_equal (pspec->name, "n-captures"))
    counts->n_captures++;
  else if (g_str_equal (pspec->name, "is-loaded"))
    counts->is_loaded++;
  else if (g_str_equal (pspec->name, "selected-function"))
    counts->selected_function++;
}

static void
test_document_add_profile (void)
{
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile = build_example ();
  NotifyCounts counts = { 0 };
  gulong id;

  id = g_signal_connect (document, "notify", G_CALLBACK (count_named_notify_cb), &counts);

  hearth_document_add_profile (document, profile);
  g_assert_cmpuint (counts.profile, ==, 1);
  g_assert_cmpuint (counts.n_captures, ==, 1);
  g_assert_cmpuint (counts.is_loaded, ==, 1);
  g_assert_cmpuint (counts.selected_function, ==, 0);   /* was already none */

  /* one capture: the profile is the capture itself */
  g_assert_true (hearth_document_get_profile (document) == profile);
  g_assert_cmpuint (hearth_document_get_n_captures (document), ==, 1);
  g_assert_true (hearth_document_get_is_loaded (document));
  g_assert_cmpuint (g_list_model_get_n_items (hearth_document_get_captures (document)), ==, 1);

  /* the selection is reset when the profile goes */
  hearth_document_set_selected_function (document, 2);
  memset (&counts, 0, sizeof counts);
  hearth_document_remove_capture (document, 0);
  g_assert_cmpuint (counts.profile, ==, 1);
  g_assert_cmpuint (counts.n_captures, ==, 1);
  g_assert_cmpuint (counts.is_loaded, ==, 1);
  g_assert_cmpuint (counts.selected_function, ==, 1);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, HEARTH_NO_INDEX);
  g_assert_null (hearth_document_get_profile (document));
  g_assert_false (hearth_document_get_is_loaded (document));

  /* clear on an empty document does nothing */
  memset (&counts, 0, sizeof counts);
  hearth_document_clear (document);
  g_assert_cmpuint (counts.profile + counts.n_captures + counts.is_loaded, ==, 0);

  hearth_document_add_profile (document, profile);
  memset (&counts, 0, sizeof counts);
  hearth_document_clear (document);
  g_assert_cmpuint (counts.profile, ==, 1);
  g_assert_cmpuint (counts.n_captures, ==, 1);
  g_assert_cmpuint (counts.is_loaded, ==, 1);

  g_signal_handler_disconnect (document, id);
  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

static void
test_document_format (void)
{
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile = build_example ();
  char *text;

  /* no profile: ms still format, percentages of nothing are 0 */
  text = hearth_document_format_value (document, 6000000);
  g_assert_cmpstr (text, ==, "6.000 ms");
  g_free (text);

  hearth_document_add_profile (document, profile);
  g_assert_cmpfloat (hearth_document_get_root_total (document), ==, 6000000);
  g_assert_cmpfloat (hearth_document_get_display_factor (document), ==, 1.0);

  text = hearth_document_format_value (document, 6000000);
  g_assert_cmpstr (text, ==, "6.000 ms");
  g_free (text);
  text = hearth_document_format_value (document, 1000000);
  g_assert_cmpstr (text, ==, "1.000 ms");
  g_free (text);
  text = hearth_document_format_value (document, 1234567);
  g_assert_cmpstr (text, ==, "1.235 ms");
  g_free (text);

  /* updateTargets: 100 % of <root> inclusive, 1000/6000 self */
  hearth_document_set_unit (document, HEARTH_UNIT_PERCENT);
  text = hearth_document_format_value (document, 6000000);
  g_assert_cmpstr (text, ==, "100.000%");
  g_free (text);
  text = hearth_document_format_value (document, 1000000);
  g_assert_cmpstr (text, ==, "16.667%");
  g_free (text);

  /* averaging scales both the value and the base: percentages do not move */
  hearth_document_set_average (document, HEARTH_AVERAGE_1MIN);
  text = hearth_document_format_value (document, 1000000);
  g_assert_cmpstr (text, ==, "16.667%");
  g_free (text);

  /* 1 min / 1000 ms session = ×60: 6 ms → 360 ms */
  hearth_document_set_unit (document, HEARTH_UNIT_MS);
  g_assert_cmpfloat (hearth_document_get_display_factor (document), ==, 60.0);
  text = hearth_document_format_value (document, 6000000);
  g_assert_cmpstr (text, ==, "360.000 ms");
  g_free (text);

  hearth_document_set_average (document, HEARTH_AVERAGE_1S);
  g_assert_cmpfloat (hearth_document_get_display_factor (document), ==, 1.0);

  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

static void
test_document_search (void)
{
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile = build_example ();
  guint heartbeat, script, chunk, update, find_path, raycast;
  const guint8 *bits;
  gsize n_bits;
  GBytes *visible;

  hearth_document_add_profile (document, profile);
  heartbeat = find_node (profile, "Heartbeat");
  script = find_node (profile, "EnemyAI");
  chunk = find_node (profile, "<anonymous>");
  update = find_node (profile, "updateTargets <native>");
  find_path = find_node (profile, "findPath");
  raycast = find_node (profile, "WorldRoot.Raycast");

  /* empty search: everything matches, nothing to filter */
  g_assert_false (hearth_document_has_search (document));
  g_assert_true (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, find_path)));
  g_assert_null (hearth_document_get_visible_nodes (document));

  /* case-insensitive, on the display name */
  hearth_document_set_search_text (document, "RAYCAST");
  g_assert_true (hearth_document_has_search (document));
  g_assert_true (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, raycast)));
  g_assert_false (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, find_path)));
  g_assert_false (hearth_document_function_matches (document, 9999));

  visible = hearth_document_get_visible_nodes (document);
  g_assert_nonnull (visible);
  bits = g_bytes_get_data (visible, &n_bits);
  g_assert_cmpuint (n_bits, ==, 7);
  g_assert_cmpuint (bits[0], ==, 1);
  g_assert_cmpuint (bits[heartbeat], ==, 1);
  g_assert_cmpuint (bits[script], ==, 1);
  g_assert_cmpuint (bits[chunk], ==, 1);
  g_assert_cmpuint (bits[update], ==, 1);
  g_assert_cmpuint (bits[raycast], ==, 1);
  g_assert_cmpuint (bits[find_path], ==, 0);

  /* the source matches too; the suffix is part of the display name */
  hearth_document_set_search_text (document, "pathing");
  g_assert_true (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, find_path)));
  g_assert_false (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, raycast)));
  hearth_document_set_search_text (document, "<native>");
  g_assert_true (hearth_document_function_matches (document, hearth_profile_node_get_function (profile, update)));
  bits = g_bytes_get_data (hearth_document_get_visible_nodes (document), NULL);
  g_assert_cmpuint (bits[update], ==, 1);
  g_assert_cmpuint (bits[find_path], ==, 0);
  g_assert_cmpuint (bits[raycast], ==, 0);

  /* no match anywhere: even <root> is hidden */
  hearth_document_set_search_text (document, "nothing-like-this");
  bits = g_bytes_get_data (hearth_document_get_visible_nodes (document), NULL);
  for (guint n = 0; n < 7; n++)
    g_assert_cmpuint (bits[n], ==, 0);

  /* white space only is no search */
  hearth_document_set_search_text (document, "  ");
  g_assert_false (hearth_document_has_search (document));
  g_assert_null (hearth_document_get_visible_nodes (document));

  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

static void
test_node_list (void)
{
  HearthProfile *profile = build_example ();
  HearthNodeList *roots, *children, *filtered;
  HearthNodeItem *item;
  guint update, raycast;
  g_autofree char *name = NULL;
  g_autofree char *location = NULL;
  guint8 bits[7] = { 0 };
  GBytes *visible;

  update = find_node (profile, "updateTargets <native>");
  raycast = find_node (profile, "WorldRoot.Raycast");

  roots = hearth_node_list_new (profile, 0, HEARTH_METRIC_CPU_TIME);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (roots)) == HEARTH_TYPE_NODE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (roots)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (roots), 1));

  item = g_list_model_get_item (G_LIST_MODEL (roots), 0);
  name = hearth_node_item_dup_name (item);
  location = hearth_node_item_dup_location (item);
  g_assert_cmpstr (name, ==, "Heartbeat");
  g_assert_cmpstr (location, ==, "");
  g_assert_true (hearth_node_item_is_root_label (item));
  g_assert_true (hearth_node_item_has_children (item));
  g_assert_cmpfloat (hearth_node_item_get_total (item), ==, 6000000);
  g_assert_cmpfloat (hearth_node_item_get_self (item), ==, 0);
  g_assert_cmpfloat (hearth_node_item_get_percent (item), ==, 100);
  /* items are created once and kept */
  {
    HearthNodeItem *again = g_list_model_get_item (G_LIST_MODEL (roots), 0);
    g_assert_true (again == item);
    g_object_unref (again);
  }
  g_object_unref (item);

  /* children of updateTargets, in arena order: findPath, then WorldRoot.Raycast */
  children = hearth_node_list_new (profile, update, HEARTH_METRIC_CPU_TIME);
  g_assert_cmpuint (hearth_node_list_get_parent (children), ==, update);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (children), 0);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&location, g_free);
  g_object_get (item, "name", &name, "location", &location, NULL);
  g_assert_cmpstr (name, ==, "findPath");
  g_assert_cmpstr (location, ==, "ReplicatedStorage.Pathing:10");
  g_assert_cmpfloat (hearth_node_item_get_total (item), ==, 3000000);
  g_assert_cmpfloat (hearth_node_item_get_self (item), ==, 3000000);
  g_assert_cmpfloat (hearth_node_item_get_calls (item), ==, 0);
  g_assert_cmpfloat_with_epsilon (hearth_node_item_get_percent (item), 50.0, 1e-9);
  g_assert_false (hearth_node_item_has_children (item));
  g_assert_false (hearth_node_item_is_root_label (item));
  g_object_unref (item);

  item = g_list_model_get_item (G_LIST_MODEL (children), 1);
  g_clear_pointer (&location, g_free);
  location = hearth_node_item_dup_location (item);
  g_assert_cmpstr (location, ==, "[C]");
  g_assert_cmpuint (hearth_node_item_get_node (item), ==, raycast);
  g_object_unref (item);

  /* the node of updateTargets itself */
  item = hearth_node_item_new (profile, update, HEARTH_METRIC_CPU_TIME);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&location, g_free);
  name = hearth_node_item_dup_name (item);
  location = hearth_node_item_dup_location (item);
  g_assert_cmpstr (name, ==, "updateTargets <native>");
  g_assert_cmpstr (location, ==, "ServerScriptService.EnemyAI:42");
  g_assert_cmpfloat (hearth_node_item_get_self (item), ==, 1000000);
  g_assert_finalize_object (item);

  /* filtered: only the visible children are listed */
  bits[raycast] = 1;
  visible = g_bytes_new (bits, sizeof bits);
  filtered = hearth_node_list_new_filtered (profile, update, HEARTH_METRIC_CPU_TIME, visible);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 1);
  g_assert_cmpuint (hearth_node_list_get_node (filtered, 0), ==, raycast);
  g_bytes_unref (visible);

  /* a leaf has an empty list */
  {
    HearthNodeList *leaf = hearth_node_list_new (profile, raycast, HEARTH_METRIC_CPU_TIME);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (leaf)), ==, 0);
    g_assert_finalize_object (leaf);
  }

  g_assert_finalize_object (filtered);
  g_assert_finalize_object (children);
  g_assert_finalize_object (roots);
  g_assert_finalize_object (profile);
}

static void
test_function_list (void)
{
  HearthProfile *profile = build_example ();
  HearthFunctionList *list;
  static const struct {
    const char *name;
    const char *source;
    int         line;
    double      total;
    double      self;
  } expected[] = {
    /* function-table order; Heartbeat (a category) and <root> are left out */
    { "EnemyAI", NULL, 0, 6000000, 0 },
    { "<anonymous>", "ServerScriptService.EnemyAI", 1, 6000000, 0 },
    { "updateTargets <native>", "ServerScriptService.EnemyAI", 42, 6000000, 1000000 },
    { "findPath", "ReplicatedStorage.Pathing", 10, 3000000, 3000000 },
    { "WorldRoot.Raycast", "[C]", 0, 2000000, 2000000 },
  };

  list = hearth_function_list_new (profile, HEARTH_METRIC_CPU_TIME);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == HEARTH_TYPE_FUNCTION_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HearthFunctionItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *name = NULL;
      g_autofree char *source = NULL;
      double total, self;
      int line;

      g_object_get (item,
                    "name", &name,
                    "source", &source,
                    "line", &line,
                    "total", &total,
                    "self", &self,
                    NULL);
      g_assert_cmpstr (name, ==, expected[i].name);
      g_assert_cmpstr (source, ==, expected[i].source);
      g_assert_cmpint (line, ==, expected[i].line);
      g_assert_cmpfloat (total, ==, expected[i].total);
      g_assert_cmpfloat (self, ==, expected[i].self);
      g_assert_cmpfloat (hearth_function_item_get_calls (item), ==, 0);
      g_assert_cmpuint (hearth_function_list_get_function (list, i), ==,
                        hearth_function_item_get_function (item));
    }

  {
    g_autoptr(HearthFunctionItem) item = g_list_model_get_item (G_LIST_MODEL (list), 3);
    g_assert_cmpfloat_with_epsilon (hearth_function_item_get_percent (item), 50.0, 1e-9);
  }

  g_assert_finalize_object (list);
  g_assert_finalize_object (profile);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/document/notify", test_document_notify);
  g_test_add_func ("/hearth/document/add-profile", test_document_add_profile);
  g_test_add_func ("/hearth/document/format", test_document_format);
  g_test_add_func ("/hearth/document/search", test_document_search);
  g_test_add_func ("/hearth/document/node-list", test_node_list);
  g_test_add_func ("/hearth/document/function-list", test_function_list);

  return g_test_run ();
}
