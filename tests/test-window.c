/* test-window.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include "hearth-application.h"
#include "hearth-capture-header.h"
#include "hearth-document.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"
#include "hearth-window-private.h"

#define EXAMPLE_FIXTURE "script-profiler-v2-example.json"
#define LOAD_TIMEOUT_MS 20000

static HearthApplication *application;

/* The example's tables in the `hearth-cli tree` / `functions` layouts, worked
 * out by hand from the spec: µs / 1000 = ms; self = total - Σ children
 * (updateTargets: 6000 - 3000 - 2000 = 1000 µs); children and functions by
 * descending total, then name; no calls column data in Script Profiler
 * exports. */
#define EXPECTED_CALLGRAPH_CSV \
  "depth,path,name,source,line,total_ms,self_ms,calls\n" \
  "0,Heartbeat,Heartbeat,,,6.000,0.000,\n" \
  "1,Heartbeat;EnemyAI,EnemyAI,,,6.000,0.000,\n" \
  "2,Heartbeat;EnemyAI;<anonymous>,<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n" \
  "3,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>,updateTargets <native>," \
    "ServerScriptService.EnemyAI,42,6.000,1.000,\n" \
  "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;findPath,findPath," \
    "ReplicatedStorage.Pathing,10,3.000,3.000,\n" \
  "4,Heartbeat;EnemyAI;<anonymous>;updateTargets <native>;WorldRoot.Raycast,WorldRoot.Raycast," \
    "[C],,2.000,2.000,\n"

#define EXPECTED_FUNCTIONS_CSV \
  "name,source,line,total_ms,self_ms,calls\n" \
  "<anonymous>,ServerScriptService.EnemyAI,1,6.000,0.000,\n" \
  "EnemyAI,,,6.000,0.000,\n" \
  "updateTargets <native>,ServerScriptService.EnemyAI,42,6.000,1.000,\n" \
  "findPath,ReplicatedStorage.Pathing,10,3.000,3.000,\n" \
  "WorldRoot.Raycast,[C],,2.000,2.000,\n"

/* The V2 example of docs/formats/script-profiler.md §3 */
static const char example_json[] =
  "{\"Version\":2,\"SessionStartTime\":1718000000000,\"SessionEndTime\":1718000001000,\n"
  " \"Categories\":[{\"Name\":\"Heartbeat\",\"NodeId\":1}],\n"
  " \"Nodes\":[{\"TotalDuration\":6000,\"FunctionIds\":[1],\"NodeIds\":[2]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[2],\"NodeIds\":[3]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[3],\"NodeIds\":[4]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[4,5],\"NodeIds\":[5,6]},\n"
  "          {\"TotalDuration\":3000},\n"
  "          {\"TotalDuration\":2000}],\n"
  " \"Functions\":[{\"Name\":\"EnemyAI\",\"TotalDuration\":6000},\n"
  "              {\"Source\":\"ServerScriptService.EnemyAI\",\"Line\":1,\"TotalDuration\":6000},\n"
  "              {\"Source\":\"ServerScriptService.EnemyAI\",\"Name\":\"updateTargets\",\"Line\":42,\"TotalDuration\":6000,\"Flags\":1},\n"
  "              {\"Source\":\"ReplicatedStorage.Pathing\",\"Name\":\"findPath\",\"Line\":10,\"TotalDuration\":3000},\n"
  "              {\"Source\":\"[C]\",\"Name\":\"WorldRoot.Raycast\",\"TotalDuration\":2000}]}\n";

static char *tmp_dir;

static GFile *
dup_tmp_file (const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (contents != NULL)
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }

  return g_file_new_for_path (path);
}

static GFile *
dup_example_file (void)
{
  g_autofree char *path = hearth_test_dup_fixture_path (EXAMPLE_FIXTURE);

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);

  /* The fixture is the spec example verbatim; fall back to the same bytes */
  return dup_tmp_file (EXAMPLE_FIXTURE, example_json);
}

static HearthWindow *
create_window (int width,
               int height)
{
  HearthWindow *window = hearth_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static gboolean
window_not_loading (gpointer user_data)
{
  return !hearth_window_get_loading (HEARTH_WINDOW (user_data));
}

static void
load_and_wait (HearthWindow *window,
               GFile       **files,
               guint         n_files)
{
  hearth_window_load_files (window, files, n_files);
  g_assert_true (hearth_window_get_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "loading");
  hearth_test_wait_until (window_not_loading, window, LOAD_TIMEOUT_MS);
  hearth_test_flush ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
}

/* Whether @action is enabled, as a button bound to it sees it */
static gboolean
action_enabled (HearthWindow *window,
                const char   *action)
{
  GtkWidget *button = gtk_button_new ();
  gboolean sensitive;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_header_bar_pack_start (window->header_bar, button);
  hearth_test_flush ();
  sensitive = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (window->header_bar, button);

  return sensitive;
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  hearth_test_flush ();
}

static void
screenshot (HearthWindow *window,
            const char   *name)
{
  g_autofree char *path = NULL;

  hearth_test_wait (250);      /* let transitions and incremental sorting settle */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  path = hearth_test_save_screenshot (GTK_WIDGET (window), name);
  g_test_message ("screenshot: %s", path);
}

static void
screenshot_toplevel (HearthWindow *window,
                     GType         type,
                     const char   *name)
{
  GtkWindow *toplevel;
  g_autofree char *path = NULL;

  hearth_test_wait (400);
  toplevel = hearth_test_find_transient_window (GTK_WINDOW (window), type);
  g_assert_nonnull (toplevel);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (toplevel));
  path = hearth_test_save_screenshot (GTK_WIDGET (toplevel), name);
  g_test_message ("screenshot: %s", path);
  gtk_window_destroy (toplevel);
  hearth_test_flush ();
}

static void
screenshot_popover (HearthWindow  *window,
                    GtkMenuButton *button,
                    const char    *name)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autofree char *path = NULL;

  hearth_test_wait (400);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  path = hearth_test_save_screenshot (GTK_WIDGET (popover), name);
  g_test_message ("screenshot: %s", path);
  gtk_menu_button_popdown (button);
  hearth_test_flush ();
}

static void
destroy_window (HearthWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
}

static void
test_window_empty (void)
{
  HearthWindow *window = create_window (1180, 760);

  g_assert_true (hearth_window_get_is_empty (window));
  g_assert_false (hearth_window_get_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Hearth");
  g_assert_cmpstr (adw_status_page_get_title (window->empty_page), ==, "Open a Capture");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->search_button)));
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));

  g_assert_true (action_enabled (window, "win.open"));
  g_assert_true (action_enabled (window, "app.open"));
  g_assert_false (action_enabled (window, "win.export-csv"));
  g_assert_false (action_enabled (window, "win.copy-tsv"));
  g_assert_false (action_enabled (window, "win.search"));
  g_assert_false (action_enabled (window, "win.cancel-loading"));

  /* Nothing to copy or export: the actions do nothing */
  g_assert_null (hearth_window_dup_visible_table (window, ','));

  /* The shortcuts window and the about window come from resources */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  screenshot_toplevel (window, GTK_TYPE_SHORTCUTS_WINDOW, "window-shortcuts-light");
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  screenshot_toplevel (window, ADW_TYPE_ABOUT_WINDOW, "window-about-light");

  set_dark (FALSE);
  screenshot (window, "window-empty-light");
  set_dark (TRUE);
  screenshot (window, "window-empty-dark");
  /* What the loading page looks like (a real load of a fixture is too quick
   * to catch) */
  gtk_stack_set_visible_child_name (window->main_stack, "loading");
  adw_status_page_set_description (window->loading_page, "microprofile-20250101-120000.html");
  gtk_progress_bar_set_fraction (window->progress_bar, 0.4);
  screenshot (window, "window-loading-dark");
  gtk_stack_set_visible_child_name (window->main_stack, "empty");

  /* The highlight shown while files are dragged over the window */
  gtk_widget_set_visible (window->drop_overlay, TRUE);
  screenshot (window, "window-drop-dark");
  set_dark (FALSE);
  screenshot (window, "window-drop-light");
  gtk_widget_set_visible (window->drop_overlay, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 760);
  set_dark (FALSE);
  screenshot (window, "window-empty-narrow-light");
  set_dark (TRUE);
  screenshot (window, "window-empty-narrow-dark");
  set_dark (FALSE);

  destroy_window (window);
}

static void
test_window_load_example (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_example_file ();
  HearthDocument *document = hearth_window_get_document (window);

  load_and_wait (window, &file, 1);

  g_assert_null (hearth_test_find_transient_window (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (hearth_document_get_n_captures (document), ==, 1);
  g_assert_true (hearth_document_get_is_loaded (document));
  g_assert_false (hearth_window_get_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, EXAMPLE_FIXTURE);

  /* The info strip: 1000 ms session, the file name, the format */
  g_assert_nonnull (hearth_test_find_label (GTK_WIDGET (window->capture_header),
                                            "Session Duration: 00:00:01.0000"));
  g_assert_nonnull (hearth_test_find_label (GTK_WIDGET (window->capture_header), EXAMPLE_FIXTURE));
  g_assert_cmpuint (hearth_capture_header_get_n_warnings (window->capture_header), ==, 0);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->search_button)));
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  g_assert_true (action_enabled (window, "win.export-csv"));
  g_assert_true (action_enabled (window, "win.copy-tsv"));
  g_assert_true (action_enabled (window, "win.search"));
  g_assert_false (action_enabled (window, "win.cancel-loading"));

  /* Files opened into a window that holds a capture go to a new window */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))), ==, 1);

  set_dark (FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "callgraph");
  gtk_widget_activate_action (GTK_WIDGET (window), "tree.expand-heaviest", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.expand-heaviest", NULL);
  screenshot (window, "window-callgraph-light");
  set_dark (TRUE);
  screenshot (window, "window-callgraph-dark");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "functions");
  g_assert_cmpstr (hearth_window_get_visible_view (window), ==, "functions");
  screenshot (window, "window-functions-dark");
  set_dark (FALSE);
  screenshot (window, "window-functions-light");

  /* The menus, with their radio items reflecting the current state */
  gtk_menu_button_popup (window->view_options_button);
  screenshot_popover (window, window->view_options_button, "window-view-menu-light");
  gtk_menu_button_popup (window->primary_menu_button);
  screenshot_popover (window, window->primary_menu_button, "window-primary-menu-light");

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 760);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "callgraph");
  screenshot (window, "window-callgraph-narrow-light");
  set_dark (TRUE);
  screenshot (window, "window-callgraph-narrow-dark");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "functions");
  screenshot (window, "window-functions-narrow-dark");
  set_dark (FALSE);
  screenshot (window, "window-functions-narrow-light");

  destroy_window (window);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
result_ready (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

static char *
export_and_read (HearthWindow *window,
                 const char   *name)
{
  g_autoptr(GFile) target = dup_tmp_file (name, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  hearth_window_export_table_async (window, target, NULL, export_cb, &result);
  hearth_test_wait_until (result_ready, &result, LOAD_TIMEOUT_MS);
  g_assert_true (hearth_window_export_table_finish (window, result, &error));
  g_assert_no_error (error);

  g_file_load_contents (target, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_window_export (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_example_file ();
  g_autofree char *name = NULL;
  g_autofree char *callgraph = NULL;
  g_autofree char *functions = NULL;
  g_autofree char *tsv = NULL;

  load_and_wait (window, &file, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "callgraph");
  name = hearth_window_dup_export_name (window);
  g_assert_cmpstr (name, ==, "script-profiler-v2-example_callgraph.csv");

  /* Worked out from the spec: times in µs / 1000 = ms; self =
   * total - children; rows depth first, children by descending total */
  callgraph = export_and_read (window, "callgraph.csv");
  g_test_message ("%s", callgraph);
  g_assert_cmpstr (callgraph, ==, EXPECTED_CALLGRAPH_CSV);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "functions");
  g_clear_pointer (&name, g_free);
  name = hearth_window_dup_export_name (window);
  g_assert_cmpstr (name, ==, "script-profiler-v2-example_functions.csv");

  functions = export_and_read (window, "functions.csv");
  g_test_message ("%s", functions);
  g_assert_cmpstr (functions, ==, EXPECTED_FUNCTIONS_CSV);

  /* The clipboard gets the same table with tabs */
  tsv = hearth_window_dup_visible_table (window, '\t');
  g_assert_nonnull (tsv);
  g_assert_nonnull (strchr (tsv, '\t'));
  g_assert_null (strchr (tsv, ','));

  destroy_window (window);
}

static void
assert_error_dialog (HearthWindow *window,
                     const char   *heading,
                     const char   *body)
{
  GtkWindow *dialog = hearth_test_find_transient_window (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  gtk_window_destroy (dialog);
  hearth_test_flush ();
}

static void
test_window_error_nonexistent (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_tmp_file ("does-not-exist.json", NULL);

  load_and_wait (window, &file, 1);

  assert_error_dialog (window, "Could Not Open Capture",
                       "does-not-exist.json: No such file or directory");
  g_assert_true (hearth_window_get_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");
  g_assert_false (action_enabled (window, "win.export-csv"));

  destroy_window (window);
}

static void
test_window_error_junk (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_tmp_file ("blank.json", "  \n\t\n");

  load_and_wait (window, &file, 1);

  assert_error_dialog (window, "Could Not Open Capture",
                       "blank.json: the file is empty (only whitespace)");
  g_assert_true (hearth_window_get_is_empty (window));

  destroy_window (window);
}

static void
test_window_partial_batch (void)
{
  HearthWindow *window = create_window (1180, 760);
  GFile *files[2];

  files[0] = dup_tmp_file ("missing.json", NULL);
  files[1] = dup_example_file ();

  load_and_wait (window, files, 2);

  /* The good file loads, the bad one is reported */
  assert_error_dialog (window, "Could Not Open Capture",
                       "missing.json: No such file or directory");
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (window)), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "content");

  g_object_unref (files[0]);
  g_object_unref (files[1]);
  destroy_window (window);
}

static void
test_window_combined (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) first = dup_example_file ();
  g_autoptr(GFile) second = dup_tmp_file ("second.json", example_json);
  GFile *files[2] = { first, second };
  g_autofree char *name = NULL;

  load_and_wait (window, files, 2);

  g_assert_null (hearth_test_find_transient_window (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (window)), ==, 2);
  g_assert_nonnull (hearth_test_find_label (GTK_WIDGET (window->capture_header), "2 Captures Combined"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, EXAMPLE_FIXTURE " and 1 More");

  /* Combined captures export under the first file's name */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "callgraph");
  name = hearth_window_dup_export_name (window);
  g_assert_cmpstr (name, ==, "script-profiler-v2-example_callgraph.csv");

  destroy_window (window);
}

static void
test_window_open_into_new_window (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_example_file ();
  HearthWindow *other = NULL;
  GList *windows;

  load_and_wait (window, &file, 1);

  /* A window holding a capture passes new files on to a fresh window */
  hearth_window_open_files (window, &file, 1);
  windows = gtk_application_get_windows (GTK_APPLICATION (application));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != window)
      other = l->data;
  g_assert_true (HEARTH_IS_WINDOW (other));
  hearth_test_wait_until (window_not_loading, other, LOAD_TIMEOUT_MS);
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (other)), ==, 1);
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (window)), ==, 1);

  destroy_window (other);
  destroy_window (window);
}

static void
test_window_cancel (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_example_file ();

  hearth_window_load_files (window, &file, 1);
  g_assert_true (hearth_window_get_loading (window));

  /* No main-loop iteration in between: the small file would finish */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  g_assert_false (hearth_window_get_loading (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "empty");

  /* The worker's late result is dropped, silently */
  hearth_test_wait (300);
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (window)), ==, 0);
  g_assert_null (hearth_test_find_transient_window (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));

  destroy_window (window);
}

static gboolean
search_text_is (gpointer user_data)
{
  HearthWindow *window = user_data;

  return g_strcmp0 (hearth_document_get_search_text (hearth_window_get_document (window)),
                    "findPath") == 0;
}

static void
test_window_search_and_options (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_example_file ();
  HearthDocument *document;
  const char *text;

  load_and_wait (window, &file, 1);
  document = hearth_window_get_document (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));
  g_assert_true (gtk_toggle_button_get_active (window->search_button));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "findPath");
  hearth_test_wait_until (search_text_is, window, 5000);

  /* Closing the bar clears the search */
  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  text = hearth_document_get_search_text (document);
  g_assert_true (text == NULL || text[0] == '\0');
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (window->search_entry)), ==, "");

  /* View options are radio actions over the document's enum properties */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unit", "s", "percent");
  g_assert_cmpint (hearth_document_get_unit (document), ==, HEARTH_UNIT_PERCENT);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unit", "s", "ms");
  g_assert_cmpint (hearth_document_get_unit (document), ==, HEARTH_UNIT_MS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.average", "s", "1min");
  g_assert_cmpint (hearth_document_get_average (document), ==, HEARTH_AVERAGE_1MIN);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.average", "s", "off");
  g_assert_cmpint (hearth_document_get_average (document), ==, HEARTH_AVERAGE_OFF);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "functions");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "functions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "callgraph");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "callgraph");

  destroy_window (window);
}

static gboolean
recent_visible (gpointer user_data)
{
  HearthWindow *window = user_data;

  return gtk_widget_get_visible (window->recent_box);
}

static void
test_window_recent (void)
{
  g_autoptr(GFile) file = dup_example_file ();
  HearthWindow *window;
  GtkWidget *row;

  /* A capture opened earlier is offered on the empty page */
  window = create_window (800, 600);
  load_and_wait (window, &file, 1);
  destroy_window (window);

  window = create_window (1180, 760);
  hearth_test_wait_until (recent_visible, window, LOAD_TIMEOUT_MS);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (window->recent_list, 0));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, EXAMPLE_FIXTURE);
  screenshot (window, "window-empty-recent-light");

  /* Activating it opens the capture in this window (the list is rebuilt
   * whenever the recent files change: look the row up again) */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (window->recent_list, 0));
  g_assert_nonnull (row);
  g_signal_emit_by_name (window->recent_list, "row-activated", row);
  g_assert_true (hearth_window_get_loading (window));
  hearth_test_wait_until (window_not_loading, window, LOAD_TIMEOUT_MS);
  g_assert_cmpuint (hearth_document_get_n_captures (hearth_window_get_document (window)), ==, 1);

  destroy_window (window);
}

static void
test_window_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.hearthprof.Hearth");
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  HearthWindow *window = create_window (1180, 760);
  HearthDocument *document = hearth_window_get_document (window);
  g_autofree char *unit = NULL;
  g_autofree char *average = NULL;
  g_autofree char *view = NULL;

  /* View options are written back to the settings... */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unit", "s", "percent");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.average", "s", "5min");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "functions");
  unit = g_settings_get_string (settings, "unit");
  average = g_settings_get_string (settings, "average");
  view = g_settings_get_string (settings, "view");
  g_assert_cmpstr (unit, ==, "percent");
  g_assert_cmpstr (average, ==, "5min");
  g_assert_cmpstr (view, ==, "functions");
  destroy_window (window);

  /* ...and a new window starts with them */
  window = create_window (1180, 760);
  document = hearth_window_get_document (window);
  g_assert_cmpint (hearth_document_get_unit (document), ==, HEARTH_UNIT_PERCENT);
  g_assert_cmpint (hearth_document_get_average (document), ==, HEARTH_AVERAGE_5MIN);
  g_assert_cmpstr (hearth_window_get_visible_view (window), ==, "functions");
  g_settings_reset (settings, "unit");
  g_settings_reset (settings, "average");
  g_settings_reset (settings, "view");

  /* The style menu follows the setting */
  g_action_group_activate_action (G_ACTION_GROUP (application), "style-variant",
                                  g_variant_new_string ("dark"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_clear_pointer (&view, g_free);
  view = g_settings_get_string (settings, "style-variant");
  g_assert_cmpstr (view, ==, "dark");
  g_action_group_activate_action (G_ACTION_GROUP (application), "style-variant",
                                  g_variant_new_string ("default"));
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  destroy_window (window);
}

/* Node 4's edge arrays differ in length: its edges are skipped with a
 * warning (spec §2.2), and nodes 5 and 6 become unreachable */
static const char warnings_json[] =
  "{\"Version\":2,\"SessionStartTime\":1718000000000,\"SessionEndTime\":1718000001000,\n"
  " \"Categories\":[{\"Name\":\"Heartbeat\",\"NodeId\":1}],\n"
  " \"Nodes\":[{\"TotalDuration\":6000,\"FunctionIds\":[1],\"NodeIds\":[2]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[2],\"NodeIds\":[3]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[3],\"NodeIds\":[4]},\n"
  "          {\"TotalDuration\":6000,\"FunctionIds\":[4,5],\"NodeIds\":[5]},\n"
  "          {\"TotalDuration\":3000},\n"
  "          {\"TotalDuration\":2000}],\n"
  " \"Functions\":[{\"Name\":\"EnemyAI\",\"TotalDuration\":6000},\n"
  "              {\"Source\":\"ServerScriptService.EnemyAI\",\"Line\":1,\"TotalDuration\":6000},\n"
  "              {\"Source\":\"ServerScriptService.EnemyAI\",\"Name\":\"updateTargets\",\"Line\":42,\"TotalDuration\":6000,\"Flags\":1},\n"
  "              {\"Source\":\"ReplicatedStorage.Pathing\",\"Name\":\"findPath\",\"Line\":10,\"TotalDuration\":3000},\n"
  "              {\"Source\":\"[C]\",\"Name\":\"WorldRoot.Raycast\",\"TotalDuration\":2000}]}\n";

static void
test_window_warnings (void)
{
  HearthWindow *window = create_window (1180, 760);
  g_autoptr(GFile) file = dup_tmp_file ("warnings.json", warnings_json);
  GtkWidget *button;

  load_and_wait (window, &file, 1);

  g_assert_null (hearth_test_find_transient_window (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (hearth_capture_header_get_n_warnings (window->capture_header), >, 0);
  button = hearth_test_find_widget_by_type (GTK_WIDGET (window->capture_header), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));

  /* The toast's "Show" button runs win.show-warnings */
  set_dark (FALSE);
  screenshot (window, "window-warnings-light");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-warnings", NULL);
  screenshot_popover (window, GTK_MENU_BUTTON (button), "window-warnings-popover-light");

  destroy_window (window);
}

static void
test_window_lifecycle (void)
{
  HearthWindow *window = create_window (800, 600);
  g_autoptr(GFile) file = dup_example_file ();
  HearthDocument *document;

  load_and_wait (window, &file, 1);

  document = g_object_ref (hearth_window_get_document (window));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();

  g_assert_null (window);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  hearth_test_isolate_dirs ();
  /* Software rendering only: probing the GL driver leaks inside Mesa */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  /* No session bus in the test environment: register as a local instance */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hearth-test-bus", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  hearth_register_resource ();
  g_set_application_name ("Hearth");

  tmp_dir = g_dir_make_tmp ("hearth-window-XXXXXX", &error);
  g_assert_no_error (error);

  application = hearth_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/hearth/window/empty", test_window_empty);
  g_test_add_func ("/hearth/window/load-example", test_window_load_example);
  g_test_add_func ("/hearth/window/export", test_window_export);
  g_test_add_func ("/hearth/window/error-nonexistent", test_window_error_nonexistent);
  g_test_add_func ("/hearth/window/error-junk", test_window_error_junk);
  g_test_add_func ("/hearth/window/partial-batch", test_window_partial_batch);
  g_test_add_func ("/hearth/window/combined", test_window_combined);
  g_test_add_func ("/hearth/window/open-into-new-window", test_window_open_into_new_window);
  g_test_add_func ("/hearth/window/cancel", test_window_cancel);
  g_test_add_func ("/hearth/window/search-and-options", test_window_search_and_options);
  g_test_add_func ("/hearth/window/recent", test_window_recent);
  g_test_add_func ("/hearth/window/settings", test_window_settings);
  g_test_add_func ("/hearth/window/warnings", test_window_warnings);
  g_test_add_func ("/hearth/window/lifecycle", test_window_lifecycle);

  ret = g_test_run ();

  g_clear_object (&application);

  return ret;
}
