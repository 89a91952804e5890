/* test-views.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hearth-call-tree-view.h"
#include "hearth-document.h"
#include "hearth-function-item.h"
#include "hearth-functions-view.h"
#include "hearth-node-item.h"
#include "hearth-percent-cell.h"
#include "hearth-profile-builder.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

/* The Script Profiler example of script-profiler.md §3, in ns (session
 * 1000 ms):
 *
 *   Heartbeat                                        6000 / 0     µs
 *     EnemyAI                                        6000 / 0
 *       <anonymous> (ServerScriptService.EnemyAI:1)  6000 / 0
 *         updateTargets <native>                     6000 / 1000
 *           findPath (ReplicatedStorage.Pathing:10)  3000 / 3000
 *           WorldRoot.Raycast ([C])                  2000 / 2000
 */
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

static GtkWidget *
present (GtkWidget *view)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 320);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  hearth_test_flush ();

  return window;
}

static void
redraw (GtkWidget *window)
{
  hearth_test_flush ();
  gtk_widget_queue_draw (window);
  gtk_test_widget_wait_for_draw (window);
  hearth_test_flush ();
}

/* Rows of a call tree: the names, top to bottom, joined by '|' */
static char *
dup_tree_rows (HearthCallTreeView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (hearth_call_tree_view_get_column_view (view)));
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(HearthNodeItem) item = gtk_tree_list_row_get_item (row);
      g_autofree char *name = hearth_node_item_dup_name (item);

      if (str->len > 0)
        g_string_append_c (str, '|');
      g_string_append (str, name);
    }

  return g_string_free (str, FALSE);
}

static char *
dup_function_rows (HearthFunctionsView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (hearth_functions_view_get_column_view (view)));
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HearthFunctionItem) item = g_list_model_get_item (model, i);
      g_autofree char *name = hearth_function_item_dup_name (item);

      if (str->len > 0)
        g_string_append_c (str, '|');
      g_string_append (str, name);
    }

  return g_string_free (str, FALSE);
}

static GtkTreeListRow *
selected_row (HearthCallTreeView *view)
{
  GtkSelectionModel *model = gtk_column_view_get_model (hearth_call_tree_view_get_column_view (view));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static char *
dup_selected_name (HearthCallTreeView *view)
{
  GtkTreeListRow *row = selected_row (view);
  g_autoptr(HearthNodeItem) item = NULL;

  if (row == NULL)
    return NULL;
  item = gtk_tree_list_row_get_item (row);
  return hearth_node_item_dup_name (item);
}

static const char *
visible_page (GtkWidget *view)
{
  GtkWidget *stack = hearth_test_find_widget_by_type (view, GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Every text the view's inscriptions and percent cells show, in widget order */
static void
collect_texts (GtkWidget *widget,
               GString   *str)
{
  const char *text = NULL;

  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  else if (HEARTH_IS_PERCENT_CELL (widget))
    text = hearth_percent_cell_get_text (HEARTH_PERCENT_CELL (widget));

  if (text != NULL && text[0] != '\0')
    {
      g_string_append (str, text);
      g_string_append_c (str, '|');
    }

  if (HEARTH_IS_PERCENT_CELL (widget))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, str);
}

static char *
dup_texts (GtkWidget *view)
{
  GString *str = g_string_new ("|");

  collect_texts (view, str);
  return g_string_free (str, FALSE);
}

static GtkColumnViewColumn *
get_column (GtkColumnView *column_view,
            guint          index)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (column_view), index);

  return column;   /* the column view keeps it alive */
}

/* Like hearth_test_save_screenshot(), but waits for a frame where no resize
 * is pending (GtkWidgetPaintable draws nothing then) */
static char *
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file_name = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  char *path;
  guint attempts = 0;

  while (node == NULL && attempts++ < 20)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_clear_object (&paintable);
      gtk_test_widget_wait_for_draw (widget);
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_test_message ("%s: %u attempts", name, attempts);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *dark_name = g_strconcat (name, "-dark", NULL);
  g_autofree char *path = NULL;
  g_autofree char *dark_path = NULL;

  redraw (window);
  path = save_screenshot (window, name);
  g_test_message ("screenshot: %s", path);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  redraw (window);
  dark_path = save_screenshot (window, dark_name);
  g_test_message ("screenshot: %s", dark_path);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  redraw (window);
}

#define TREE_HEADER "depth,path,name,source,line,total_ms,self_ms,calls\n"
#define TREE_HEARTBEAT "0,Heartbeat,Heartbeat,,,6.000,0.000,\n"
#define TREE_ENEMY "1,Heartbeat;EnemyAI,EnemyAI,,,6.000,0.000,\n"
#define TREE_CHUNK "2,Heartbeat;EnemyAI;<anonymous>,<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n"
#define TREE_UPDATE "3,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>,updateTargets <native>," \
                    "ServerScriptService.EnemyAI,42,6.000,1.000,\n"
#define TREE_FIND_PATH "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath,findPath," \
                       "ReplicatedStorage.Pathing,10,3.000,3.000,\n"
#define TREE_RAYCAST "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast," \
                     "WorldRoot.Raycast,[C],,2.000,2.000,\n"

static void
test_call_tree_view (void)
{
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile = build_example ();
  HearthCallTreeView *view = HEARTH_CALL_TREE_VIEW (hearth_call_tree_view_new ());
  GtkColumnView *column_view = hearth_call_tree_view_get_column_view (view);
  GtkWidget *window;
  char *text;

  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (view)), ==, "calltree");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (column_view), "data-table"));
  g_assert_cmpstr (hearth_call_tree_view_get_table_name (view), ==, "callgraph");

  hearth_document_add_profile (document, profile);
  hearth_call_tree_view_set_document (view, document);
  g_assert_true (hearth_call_tree_view_get_document (view) == document);
  window = present (GTK_WIDGET (view));

  /* the tree root is expanded: Heartbeat and its only child */
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI");
  g_free (text);
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "tree");

  /* the cells show the values formatted by the document */
  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|Heartbeat|"));
  g_assert_nonnull (strstr (text, "|EnemyAI|"));
  g_assert_nonnull (strstr (text, "|6.000 ms|"));
  g_assert_nonnull (strstr (text, "|0.000 ms|"));
  g_assert_nonnull (strstr (text, "|100.000%|"));
  g_free (text);

  /* the heaviest path from the top ends at findPath, which is selected */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-heaviest", NULL));
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI|<anonymous>|updateTargets <native>|findPath|WorldRoot.Raycast");
  g_free (text);
  text = dup_selected_name (view);
  g_assert_cmpstr (text, ==, "findPath");
  g_free (text);

  redraw (window);
  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|updateTargets <native>|ServerScriptService.EnemyAI:42|6.000 ms|1.000 ms|100.000%|"));
  g_assert_nonnull (strstr (text, "|findPath|ReplicatedStorage.Pathing:10|3.000 ms|3.000 ms|50.000%|"));
  g_assert_nonnull (strstr (text, "|WorldRoot.Raycast|[C]|2.000 ms|2.000 ms|33.333%|"));
  /* no source: the location column stays empty rather than repeat the name */
  g_assert_nonnull (strstr (text, "|EnemyAI|6.000 ms|0.000 ms|100.000%|"));
  g_free (text);

  /* Copy Name / Copy Location act on the selected row (findPath) */
  {
    GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
    GValue value = G_VALUE_INIT;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.copy-name", NULL));
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "findPath");
    g_value_unset (&value);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.copy-location", NULL));
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "ReplicatedStorage.Pathing:10");
    g_value_unset (&value);
  }
  screenshot (window, "call-tree-view");
  /* unit: percent of <root> re-renders the cells in place */
  hearth_document_set_unit (document, HEARTH_UNIT_PERCENT);
  redraw (window);
  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|updateTargets <native>|ServerScriptService.EnemyAI:42|100.000%|16.667%|100.000%|"));
  g_free (text);
  hearth_document_set_unit (document, HEARTH_UNIT_MS);

  /* sorting keeps children under their parents */
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 2), GTK_SORT_ASCENDING);
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI|<anonymous>|updateTargets <native>|WorldRoot.Raycast|findPath");
  g_free (text);
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 0), GTK_SORT_ASCENDING);
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI|<anonymous>|updateTargets <native>|findPath|WorldRoot.Raycast");
  g_free (text);
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 2), GTK_SORT_DESCENDING);
  hearth_test_flush ();

  /* the table covers the whole tree, expanded or not */
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==,
                   TREE_HEADER TREE_HEARTBEAT TREE_ENEMY TREE_CHUNK TREE_UPDATE TREE_FIND_PATH TREE_RAYCAST);
  g_free (text);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.collapse-all", NULL));
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat");
  g_free (text);
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==,
                   TREE_HEADER TREE_HEARTBEAT TREE_ENEMY TREE_CHUNK TREE_UPDATE TREE_FIND_PATH TREE_RAYCAST);
  g_free (text);

  /* TSV for the clipboard */
  text = hearth_call_tree_view_dup_table (view, '\t');
  g_assert_true (g_str_has_prefix (text, "depth\tpath\tname\tsource\tline\ttotal_ms\tself_ms\tcalls\n"
                                         "0\tHeartbeat\tHeartbeat\t\t\t6.000\t0.000\t\n"));
  g_free (text);

  /* Right expands, then moves to the first child; Left goes back up, then collapses */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view)), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-row", NULL));
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-row", NULL));
  text = dup_selected_name (view);
  g_assert_cmpstr (text, ==, "EnemyAI");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.collapse-row", NULL));
  text = dup_selected_name (view);
  g_assert_cmpstr (text, ==, "Heartbeat");
  g_free (text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.collapse-row", NULL));
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat");
  g_free (text);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-all", NULL));
  hearth_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view))), ==, 6);

  /* averaging scales the table: 1 min over a 1000 ms session is ×60 */
  hearth_document_set_average (document, HEARTH_AVERAGE_1MIN);
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_nonnull (strstr (text, "\n0,Heartbeat,Heartbeat,,,360.000,0.000,\n"));
  g_assert_nonnull (strstr (text, ",ReplicatedStorage.Pathing,10,180.000,180.000,\n"));
  g_free (text);
  redraw (window);
  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|findPath|ReplicatedStorage.Pathing:10|180.000 ms|180.000 ms|50.000%|"));
  g_free (text);
  hearth_document_set_average (document, HEARTH_AVERAGE_OFF);

  /* search: only the path to WorldRoot.Raycast, expanded */
  hearth_document_set_search_text (document, "raycast");
  hearth_test_flush ();
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI|<anonymous>|updateTargets <native>|WorldRoot.Raycast");
  g_free (text);
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, TREE_HEADER TREE_HEARTBEAT TREE_ENEMY TREE_CHUNK TREE_UPDATE TREE_RAYCAST);
  g_free (text);
  screenshot (window, "call-tree-view-search");

  hearth_document_set_search_text (document, "no such function");
  hearth_test_flush ();
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "no-matches");
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, TREE_HEADER);
  g_free (text);
  screenshot (window, "call-tree-view-no-matches");

  hearth_document_set_search_text (document, "");
  hearth_test_flush ();
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "tree");
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Heartbeat|EnemyAI");
  g_free (text);

  /* removing the capture empties the view */
  hearth_document_clear (document);
  hearth_test_flush ();
  g_assert_null (gtk_column_view_get_model (column_view));
  text = hearth_call_tree_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, TREE_HEADER);
  g_free (text);

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

#define FUNCTIONS_HEADER "name,source,line,total_ms,self_ms,calls\n"
#define FUNCTIONS_ROWS \
  "<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n" \
  "EnemyAI,,,6.000,0.000,\n" \
  "updateTargets <native>,ServerScriptService.EnemyAI,42,6.000,1.000,\n" \
  "findPath,ReplicatedStorage.Pathing,10,3.000,3.000,\n" \
  "WorldRoot.Raycast,[C],,2.000,2.000,\n"

static void
test_functions_view (void)
{
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile = build_example ();
  HearthFunctionsView *view = HEARTH_FUNCTIONS_VIEW (hearth_functions_view_new ());
  GtkColumnView *column_view = hearth_functions_view_get_column_view (view);
  GtkSingleSelection *selection;
  GtkWidget *window;
  char *text;

  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (view)), ==, "functions");
  g_assert_cmpstr (hearth_functions_view_get_table_name (view), ==, "functions");

  hearth_document_add_profile (document, profile);
  hearth_functions_view_set_document (view, document);
  window = present (GTK_WIDGET (view));
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (column_view));

  /* five functions (not the Heartbeat category), by total, equal totals by name */
  text = dup_function_rows (view);
  g_assert_cmpstr (text, ==, "<anonymous>|EnemyAI|updateTargets <native>|findPath|WorldRoot.Raycast");
  g_free (text);
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "table");
  g_assert_false (gtk_column_view_column_get_visible (get_column (column_view, 6)));   /* no calls */
  g_assert_false (gtk_column_view_column_get_visible (get_column (column_view, 2)));   /* no groups */

  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|updateTargets <native>|ServerScriptService.EnemyAI|42|6.000 ms|1.000 ms|"));
  g_assert_nonnull (strstr (text, "|WorldRoot.Raycast|[C]|2.000 ms|2.000 ms|"));
  g_free (text);
  screenshot (window, "functions-view");

  text = hearth_functions_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, FUNCTIONS_HEADER FUNCTIONS_ROWS);
  g_free (text);

  /* selecting a row selects the function in the document, and back */
  gtk_single_selection_set_selected (selection, 3);
  {
    g_autoptr(HearthFunctionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), 3);

    g_assert_cmpuint (hearth_document_get_selected_function (document), ==,
                      hearth_function_item_get_function (item));
  }
  {
    g_autoptr(HearthFunctionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), 1);

    hearth_document_set_selected_function (document, hearth_function_item_get_function (item));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  }

  /* the table follows the sort order */
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 5), GTK_SORT_DESCENDING);   /* Self */
  hearth_test_flush ();
  text = dup_function_rows (view);
  g_assert_cmpstr (text, ==, "findPath|WorldRoot.Raycast|updateTargets <native>|<anonymous>|EnemyAI");
  g_free (text);
  text = hearth_functions_view_dup_table (view, '\t');
  g_assert_true (g_str_has_prefix (text, "name\tsource\tline\ttotal_ms\tself_ms\tcalls\n"
                                         "findPath\tReplicatedStorage.Pathing\t10\t3.000\t3.000\t\n"));
  g_free (text);
  gtk_column_view_sort_by_column (column_view, get_column (column_view, 4), GTK_SORT_DESCENDING);   /* Total */
  hearth_test_flush ();

  /* search on name or source; the table follows the filter */
  hearth_document_set_search_text (document, "PATH");
  hearth_test_flush ();
  text = dup_function_rows (view);
  g_assert_cmpstr (text, ==, "findPath");
  g_free (text);
  text = hearth_functions_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, FUNCTIONS_HEADER "findPath,ReplicatedStorage.Pathing,10,3.000,3.000,\n");
  g_free (text);

  hearth_document_set_search_text (document, "serverscriptservice");
  hearth_test_flush ();
  text = dup_function_rows (view);
  g_assert_cmpstr (text, ==, "<anonymous>|updateTargets <native>");
  g_free (text);

  hearth_document_set_search_text (document, "no such function");
  hearth_test_flush ();
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "no-matches");
  screenshot (window, "functions-view-no-matches");
  hearth_document_set_search_text (document, NULL);
  hearth_test_flush ();
  g_assert_cmpstr (visible_page (GTK_WIDGET (view)), ==, "table");

  /* percent unit */
  hearth_document_set_unit (document, HEARTH_UNIT_PERCENT);
  redraw (window);
  text = dup_texts (GTK_WIDGET (view));
  g_assert_nonnull (strstr (text, "|updateTargets <native>|ServerScriptService.EnemyAI|42|100.000%|16.667%|"));
  g_free (text);

  /* a new profile replaces the list; the selection is reset */
  hearth_document_clear (document);
  hearth_test_flush ();
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, HEARTH_NO_INDEX);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  text = hearth_functions_view_dup_table (view, ',');
  g_assert_cmpstr (text, ==, FUNCTIONS_HEADER);
  g_free (text);
  hearth_document_add_profile (document, profile);
  hearth_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

/* The CSS proposed for ui/style.css: deep stacks keep their names on screen */
#ifndef DEEP_LEVELS
#define DEEP_LEVELS 60
#define DEEP_LEAF f59
#endif
#define DEEP_TREE_CSS "calltree treeexpander > indent:nth-child(n+16) { -gtk-icon-size: 0; }"

static void
test_call_tree_deep (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  HearthDocument *document = hearth_document_new ();
  HearthProfile *profile;
  HearthCallTreeView *view;
  GtkWidget *window;
  guint node = HEARTH_ROOT_NODE;
  char *text;

  /* Main → f1 → … → f59, each with a lighter sibling "side<i>" */
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  node = hearth_profile_builder_add_child (b, node,
                                           hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD,
                                                                                   "Main", NULL, 0, NULL, 0));
  for (guint i = 1; i < DEEP_LEVELS; i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u", i);
      g_autofree char *side = g_strdup_printf ("side%u", i);
      guint side_node;

      side_node = hearth_profile_builder_add_child (b, node,
                                                    hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                            side, NULL, 0, NULL, 0));
      hearth_profile_builder_add_value (b, side_node, HEARTH_METRIC_CPU_TIME, 1000);
      node = hearth_profile_builder_add_child (b, node,
                                               hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                       name, NULL, 0, NULL, 0));
    }
  hearth_profile_builder_add_value (b, node, HEARTH_METRIC_CPU_TIME, 100000);
  profile = hearth_profile_builder_finish (b);

  gtk_css_provider_load_from_data (css, DEEP_TREE_CSS, -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  hearth_document_add_profile (document, profile);
  view = HEARTH_CALL_TREE_VIEW (hearth_call_tree_view_new ());
  hearth_call_tree_view_set_document (view, document);
  window = present (GTK_WIDGET (view));

  /* Main expanded: f1 (heavier) then side1 */
  text = dup_tree_rows (view);
  g_assert_cmpstr (text, ==, "Main|f1|side1");
  g_free (text);

  /* Main, the path rows and their side rows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tree.expand-heaviest", NULL));
  hearth_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (hearth_call_tree_view_get_column_view (view)))),
                    ==, 1 + 2 * (DEEP_LEVELS - 1));
  text = dup_selected_name (view);
  g_assert_cmpstr (text, ==, G_STRINGIFY (DEEP_LEAF));
  g_free (text);
  screenshot (window, "call-tree-view-deep");

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_assert_finalize_object (document);
  g_assert_finalize_object (profile);
}

static void
test_views_lifecycle (void)
{
  HearthDocument *document = hearth_document_new ();
  GtkWidget *tree = g_object_ref_sink (hearth_call_tree_view_new ());
  GtkWidget *functions = g_object_ref_sink (hearth_functions_view_new ());

  /* a view without a document or a profile is empty, not broken */
  g_assert_cmpstr (visible_page (tree), ==, "tree");
  {
    g_autofree char *text = hearth_call_tree_view_dup_table (HEARTH_CALL_TREE_VIEW (tree), ',');
    g_assert_cmpstr (text, ==, TREE_HEADER);
  }

  g_object_set (tree, "document", document, NULL);
  g_object_set (functions, "document", document, NULL);
  {
    g_autofree char *text = hearth_functions_view_dup_table (HEARTH_FUNCTIONS_VIEW (functions), ',');
    g_assert_cmpstr (text, ==, FUNCTIONS_HEADER);
  }

  g_assert_finalize_object (tree);
  g_assert_finalize_object (functions);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hearth_register_resource ();

  g_test_add_func ("/hearth/views/call-tree", test_call_tree_view);
  g_test_add_func ("/hearth/views/call-tree-deep", test_call_tree_deep);
  g_test_add_func ("/hearth/views/functions", test_functions_view);
  g_test_add_func ("/hearth/views/lifecycle", test_views_lifecycle);

  return g_test_run ();
}
