/* test-papyrus-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hearth-document.h"
#include "hearth-index-item.h"
#include "hearth-papyrus-reader.h"
#include "hearth-papyrus-view.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

/* Expected rows come from docs/formats/papyrus.md §3 (the example log) and
 * §5.2 (its pairing): stack 1247 runs from 81020 to 81588 with six calls;
 * Enable was queued at 81020, pushed at 81037, popped at 81054; Wait queued
 * at 81054, pushed at 81071, popped at 81571; OnStageSet has no PUSH
 * (started before the capture), QUEUE_POP 81571 and POP 81588. */

static guint
find_function (HearthProfile *profile,
               const char    *suffix)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_str_has_suffix (hearth_profile_function_get_name (profile, f), suffix) &&
        !g_str_has_prefix (hearth_profile_function_get_name (profile, f), "queued: "))
      return f;

  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

static GtkWidget *
present (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 420);
  gtk_window_set_child (GTK_WINDOW (window), child);
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

static GtkColumnViewColumn *
get_column (GtkColumnView *view,
            guint          index)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), index);

  return column;   /* the view keeps its columns */
}

/* The first mapped GtkInscription (table cell) showing @text, in
 * depth-first order: cells of a row come left to right */
static GtkWidget *
find_inscription (GtkWidget  *root,
                  const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (GTK_IS_INSCRIPTION (root) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_inscription (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_function_names (HearthPapyrusView *view,
                    HearthProfile     *profile)
{
  GListModel *model = hearth_papyrus_view_get_functions (view);
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HearthIndexItem) item = g_list_model_get_item (model, i);

      if (str->len > 0)
        g_string_append_c (str, '|');
      g_string_append (str, hearth_profile_function_get_name (profile, hearth_index_item_get_index (item)));
    }

  return g_string_free (str, FALSE);
}

static void
test_papyrus_view_example (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = hearth_test_load_profile ("papyrus-stack-1247.log");
  HearthPapyrusView *view = HEARTH_PAPYRUS_VIEW (hearth_papyrus_view_new ());
  GtkWidget *window;
  g_autofree char *table = NULL;
  g_autofree char *names = NULL;
  GtkWidget *search;
  GtkColumnView *calls_view = hearth_papyrus_view_get_calls_view (view);

  hearth_papyrus_view_set_document (view, document);
  window = present (GTK_WIDGET (view));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "No Papyrus Log")));

  hearth_document_add_profile (document, profile);
  redraw (window);

  /* Stack Timings */
  g_assert_cmpstr (hearth_papyrus_view_get_page (view), ==, "stack-timings");
  g_assert_cmpstr (hearth_papyrus_view_get_table_name (view), ==, "stack-timings");
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,first,last,duration_ms,calls\n"
                   "1247,81020,81588,568,6\n");
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "1 stack · 6 calls")));
  g_free (hearth_test_save_screenshot (window, "papyrus-view-stack-timings"));

  /* the functions list: every function with a call, by name */
  names = dup_function_names (view, profile);
  g_assert_cmpstr (names, ==,
                   "Debug..StartStackProfiling|Debug..Trace|mq101questscript..OnStageSet|"
                   "mq101questscript..SetupGuards|ObjectReference..Enable|utility..Wait");

  /* Function Calls follows the document's selected function */
  hearth_papyrus_view_set_page (view, "function-calls");
  g_assert_cmpstr (hearth_papyrus_view_get_table_name (view), ==, "function-calls");
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==, "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n");

  hearth_document_set_selected_function (document, find_function (profile, ".Enable"));
  redraw (window);
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  /* queue wait 81037 − 81020 = 17, run 81054 − 81037 = 17, total 34 */
  g_assert_cmpstr (table, ==,
                   "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n"
                   "1247, (0001A68E),81020,81037,,81054,17,17,34\n");
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "ObjectReference..Enable — 1 call")));

  /* picking a function in the list selects it in the document */
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (hearth_papyrus_view_get_functions (view));

    gtk_single_selection_set_selected (selection, 5);
    hearth_test_flush ();
    g_assert_cmpuint (hearth_document_get_selected_function (document), ==, find_function (profile, ".Wait"));
  }
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, '\t');
  /* queue wait 81071 − 81054 = 17, run 81571 − 81071 = 500 */
  g_assert_cmpstr (table, ==,
                   "stack_id\tobject\tqueue_push\tpush\tqueue_pop\tpop\tqueue_wait_ms\trun_ms\ttotal_ms\n"
                   "1247\tNone\t81054\t81071\t\t81571\t17\t500\t517\n");

  /* started before the capture: no PUSH, run from the first timestamp
   * 81020 to the POP 81588 = 568 (a lower bound) */
  hearth_document_set_selected_function (document, find_function (profile, ".OnStageSet"));
  redraw (window);
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n"
                   "1247,MQ101 (0003372B),,,81571,81588,,568,568\n");
  {
    GtkWidget *cell;

    /* shown: "—" with the reason for the missing PUSH, the run as a lower
     * bound; never "undefined" */
    cell = find_inscription (GTK_WIDGET (calls_view), "≥ 568 ms");
    g_assert_nonnull (cell);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "At least: started before the capture");
    cell = find_inscription (GTK_WIDGET (calls_view), "—");
    g_assert_nonnull (cell);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Started before the capture");
    g_assert_nonnull (find_inscription (GTK_WIDGET (calls_view), "81588"));
    g_assert_null (find_inscription (GTK_WIDGET (calls_view), "undefined"));
  }
  g_free (hearth_test_save_screenshot (window, "papyrus-view-function-calls"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  redraw (window);
  g_free (hearth_test_save_screenshot (window, "papyrus-view-function-calls-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* the searchable list */
  search = hearth_test_find_widget_by_type (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "GUARD");
  g_signal_emit_by_name (search, "search-changed");
  hearth_test_flush ();
  g_clear_pointer (&names, g_free);
  names = dup_function_names (view, profile);
  g_assert_cmpstr (names, ==, "mq101questscript..SetupGuards");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  hearth_test_flush ();

  /* other formats: the empty state */
  hearth_document_clear (document);
  {
    g_autoptr(HearthProfile) lua = hearth_test_load_profile ("lua-report-time.txt");

    hearth_document_add_profile (document, lua);
    redraw (window);
    g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "No Papyrus Log")));
    g_clear_pointer (&table, g_free);
    table = hearth_papyrus_view_dup_table (view, ',');
    g_assert_cmpstr (table, ==, "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n");
  }

  {
    g_autoptr(HearthDocument) other = hearth_document_new ();

    hearth_test_assert_notify_contract (view, "document", other, NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two stacks calling utility.Wait: stack 7 from 100 to 300 (run 200),
 * stack 9 from 105 to 150 (run 45), then a Wait queued on stack 7 at 310
 * that never started (papyrus.md §5 step 7): stack 7 lasts 100–310 with
 * two calls */
static const char two_stacks[] =
  "Stack_7 log opened (PC)\n"
  "100:START:7\n"
  "100:PUSH:7:0:None:utility..Wait\n"
  "105:PUSH:9:0:None:utility..Wait\n"
  "150:POP:9:0:None:utility..Wait\n"
  "300:POP:7:0:None:utility..Wait\n"
  "310:QUEUE_PUSH:7:0:None:utility.??.Wait\n"
  "Log closed\n";

static void
test_papyrus_view_sorting (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  HearthImportSource source = { 0 };
  HearthPapyrusView *view = HEARTH_PAPYRUS_VIEW (hearth_papyrus_view_new ());
  GtkColumnView *stacks, *calls;
  GtkWidget *window;
  g_autofree char *table = NULL;

  source.display_name = "Stack_7.0.log";
  source.data = (const guint8 *) two_stacks;
  source.length = strlen (two_stacks);
  profile = hearth_papyrus_read (&source, &error);
  g_assert_no_error (error);

  hearth_document_add_profile (document, profile);
  hearth_papyrus_view_set_document (view, document);
  window = present (GTK_WIDGET (view));
  stacks = hearth_papyrus_view_get_stacks_view (view);
  calls = hearth_papyrus_view_get_calls_view (view);

  /* first-seen order, then by duration */
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,first,last,duration_ms,calls\n"
                   "7,100,310,210,2\n"
                   "9,105,150,45,1\n");
  gtk_column_view_sort_by_column (stacks, get_column (stacks, 3), GTK_SORT_ASCENDING);
  g_assert_cmpstr (gtk_column_view_column_get_title (get_column (stacks, 3)), ==, "Duration");
  hearth_test_flush ();
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,first,last,duration_ms,calls\n"
                   "9,105,150,45,1\n"
                   "7,100,310,210,2\n");

  /* the calls of Wait, never-started one included: file order, then by
   * run (missing values below every value) */
  hearth_papyrus_view_set_page (view, "function-calls");
  hearth_document_set_selected_function (document, find_function (profile, ".Wait"));
  hearth_test_flush ();
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n"
                   "7,None,,100,,300,,200,200\n"
                   "9,None,,105,,150,,45,45\n"
                   "7,None,310,,,,,,\n");
  gtk_column_view_sort_by_column (calls, get_column (calls, 7), GTK_SORT_ASCENDING);
  hearth_test_flush ();
  g_clear_pointer (&table, g_free);
  table = hearth_papyrus_view_dup_table (view, ',');
  g_assert_cmpstr (table, ==,
                   "stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms\n"
                   "7,None,310,,,,,,\n"
                   "9,None,,105,,150,,45,45\n"
                   "7,None,,100,,300,,200,200\n");
  {
    GtkWidget *cell;

    redraw (window);
    cell = find_inscription (GTK_WIDGET (calls), "—");
    g_assert_nonnull (cell);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (cell), ==, "Queued but never started in the capture");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  hearth_test_isolate_dirs ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hearth_register_resource ();

  g_test_add_func ("/hearth/papyrus-view/example", test_papyrus_view_example);
  g_test_add_func ("/hearth/papyrus-view/sorting", test_papyrus_view_sorting);

  return g_test_run ();
}
