/* test-callers-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "hearth-approximate-banner.h"
#include "hearth-callers-view.h"
#include "hearth-document.h"
#include "hearth-lua-report-reader.h"
#include "hearth-profile-labels.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

/* Expected rows come from docs/formats/lua-profiler.md §5.6 (time mode) and
 * §5.7 (call mode): edges are the `Child` lines of a block (callees) and
 * every block whose Child lines name the function (callers); percent is
 * edge time ÷ the selected function's "Time spend total". */

static guint
find_function (HearthProfile *profile,
               const char    *name,
               const char    *source)
{
  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0 &&
        g_strcmp0 (hearth_profile_function_get_source (profile, f), source) == 0)
      return f;

  g_assert_not_reached ();
  return HEARTH_NO_INDEX;
}

static guint
count_named (HearthProfile *profile,
             const char    *name)
{
  guint n = 0;

  for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, f), name) == 0)
      n++;

  return n;
}

static GtkWidget *
present (GtkWidget *child,
         int        width,
         int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
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

static void
activate_row (GtkColumnView *view,
              guint          position)
{
  g_signal_emit_by_name (view, "activate", position);
  hearth_test_flush ();
}

static GtkColumnViewColumn *
get_column (GtkColumnView *view,
            guint          index)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view), index);

  return column;   /* the view keeps its columns */
}

static void
test_callers_view_empty (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = hearth_test_load_profile ("lua-report-time.txt");
  HearthCallersView *view = HEARTH_CALLERS_VIEW (hearth_callers_view_new ());
  GtkWidget *window;
  g_autofree char *callers = NULL;

  hearth_callers_view_set_document (view, document);
  hearth_document_add_profile (document, profile);
  window = present (GTK_WIDGET (view), 900, 360);

  g_assert_null (hearth_callers_view_dup_figures (view));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Select a Function")));
  callers = hearth_callers_view_dup_table (view, TRUE, ',');
  g_assert_cmpstr (callers, ==, "function,source,line,count,time_ms,percent\n");

  {
    g_autoptr(HearthDocument) other = hearth_document_new ();

    hearth_test_assert_notify_contract (view, "document", other, NULL);
    g_assert_null (hearth_callers_view_get_document (view));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_callers_view_time_mode (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = hearth_test_load_profile ("lua-report-time.txt");
  HearthCallersView *view = HEARTH_CALLERS_VIEW (hearth_callers_view_new ());
  GtkWidget *window;
  guint update, pcall, brain;
  g_autofree char *figures = NULL;
  g_autofree char *callers = NULL;
  g_autofree char *callees = NULL;

  hearth_document_add_profile (document, profile);
  hearth_callers_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 900, 360);

  update = find_function (profile, "Update", "scripts/scheduler.lua");
  pcall = find_function (profile, "pcall", "=[C]");
  brain = find_function (profile, "OnUpdate", "scripts/brain.lua");
  hearth_document_set_selected_function (document, update);
  redraw (window);

  g_assert_false (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Select a Function")));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Callers (1)")));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Callees (1)")));
  g_assert_cmpstr (gtk_column_view_column_get_title (get_column (hearth_callers_view_get_callers_view (view), 1)),
                   ==, "Samples");

  /* Update: 134 samples, 201.874 total, 21.438 self, 180.436 children;
   * 201.874 / 134 = 1.506522 ms/sample, 21.438 / 134 = 0.159985 */
  figures = hearth_callers_view_dup_figures (view);
  g_assert_cmpstr (figures, ==,
                   "Samples 134  ·  Total 201.874 ms  ·  Self 21.438 ms  ·  Children 180.436 ms  ·  "
                   "1.50652 ms per sample (self 0.15999 ms)");

  /* caller: the update.lua:103 closure, Child line 134 samples 201.87 ms,
   * 201.87 / 201.874 = 99.998019 %; callee: pcall 120 samples 180.44 ms,
   * 180.44 / 201.874 = 89.382486 % */
  callers = hearth_callers_view_dup_table (view, TRUE, ',');
  g_assert_cmpstr (callers, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "<function: 000001D2C4A8F1B0>,scripts/update.lua,103,134,201.870,99.998019\n");
  callees = hearth_callers_view_dup_table (view, FALSE, ',');
  g_assert_cmpstr (callees, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "pcall,=[C],,120,180.440,89.382486\n");

  /* walking the graph: Update → pcall → brain OnUpdate, and back up */
  activate_row (hearth_callers_view_get_callees_view (view), 0);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, pcall);
  g_clear_pointer (&callers, g_free);
  callers = hearth_callers_view_dup_table (view, TRUE, ',');
  g_assert_cmpstr (callers, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "Update,scripts/scheduler.lua,262,120,180.440,100.002217\n");
  /* pcall, a C function in time mode: 0 self */
  g_clear_pointer (&figures, g_free);
  figures = hearth_callers_view_dup_figures (view);
  g_assert_cmpstr (figures, ==,
                   "Samples 120  ·  Total 180.436 ms  ·  Self 0.000 ms  ·  Children 180.436 ms  ·  "
                   "1.50363 ms per sample (self 0.00000 ms)");

  activate_row (hearth_callers_view_get_callees_view (view), 0);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, brain);
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Callees (0)")));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (GTK_WIDGET (view), "Calls nothing in this capture")));

  activate_row (hearth_callers_view_get_callers_view (view), 0);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, pcall);
  activate_row (hearth_callers_view_get_callers_view (view), 0);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==, update);

  /* the percent unit of the document applies to times (of <root> total
   * 619.065 ms: 201.874 / 619.065 = 32.6095 %) */
  hearth_document_set_unit (document, HEARTH_UNIT_PERCENT);
  g_clear_pointer (&figures, g_free);
  figures = hearth_callers_view_dup_figures (view);
  g_assert_true (g_str_has_prefix (figures, "Samples 134  ·  Total 32.609%  ·  "));
  hearth_document_set_unit (document, HEARTH_UNIT_MS);

  /* screenshots: the closure at the top of the report */
  hearth_document_set_selected_function (document, find_function (profile, "<function: 000001D2C4A8F1B0>",
                                                                   "scripts/update.lua"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 340);
  redraw (window);
  g_free (hearth_test_save_screenshot (window, "callers-view-lua-time"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  redraw (window);
  g_free (hearth_test_save_screenshot (window, "callers-view-lua-time-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_callers_view_call_mode (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = hearth_test_load_profile ("lua-report-call.txt");
  HearthCallersView *view = HEARTH_CALLERS_VIEW (hearth_callers_view_new ());
  GtkColumnView *callees_view = hearth_callers_view_get_callees_view (view);
  GtkWidget *window;
  g_autofree char *figures = NULL;
  g_autofree char *callees = NULL;

  hearth_document_add_profile (document, profile);
  hearth_callers_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 900, 360);

  hearth_document_set_selected_function (document, find_function (profile, "<function: 000001D2C4A8F1B0>",
                                                                  "scripts/update.lua"));
  redraw (window);

  g_assert_cmpstr (gtk_column_view_column_get_title (get_column (callees_view, 1)), ==, "Calls");
  /* 241.2 / 30 = 8.04 ms/call, 27.7 / 30 = 0.923333 */
  figures = hearth_callers_view_dup_figures (view);
  g_assert_cmpstr (figures, ==,
                   "Calls 30  ·  Total 241.200 ms  ·  Self 27.700 ms  ·  Children 213.500 ms  ·  "
                   "8.04000 ms per call (self 0.92333 ms)");

  /* heaviest first: DoDelta 150 calls 151.20 ms (62.686567 % of 241.2),
   * locomotor OnUpdate 30 calls 62.30 ms (25.829187 %) */
  callees = hearth_callers_view_dup_table (view, FALSE, ',');
  g_assert_cmpstr (callees, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "DoDelta,scripts/components/health.lua,410,150,151.200,62.686567\n"
                   "OnUpdate,scripts/components/locomotor.lua,1502,30,62.300,25.829187\n");

  /* sortable: by count, ascending; by name, descending */
  gtk_column_view_sort_by_column (callees_view, get_column (callees_view, 1), GTK_SORT_ASCENDING);
  hearth_test_flush ();
  g_clear_pointer (&callees, g_free);
  callees = hearth_callers_view_dup_table (view, FALSE, '\t');
  g_assert_cmpstr (callees, ==,
                   "function\tsource\tline\tcount\ttime_ms\tpercent\n"
                   "OnUpdate\tscripts/components/locomotor.lua\t1502\t30\t62.300\t25.829187\n"
                   "DoDelta\tscripts/components/health.lua\t410\t150\t151.200\t62.686567\n");
  gtk_column_view_sort_by_column (callees_view, get_column (callees_view, 0), GTK_SORT_DESCENDING);
  hearth_test_flush ();
  g_clear_pointer (&callees, g_free);
  callees = hearth_callers_view_dup_table (view, FALSE, ',');
  g_assert_true (strstr (callees, "\nOnUpdate,") < strstr (callees, "\nDoDelta,"));

  /* the row order on screen follows: activating the first row selects
   * OnUpdate */
  activate_row (callees_view, 0);
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==,
                    find_function (profile, "OnUpdate", "scripts/components/locomotor.lua"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two closures from one source line: two records with the same name
 * (lua-profiler.md §3); merged they are one function of 6 samples */
static const char duplicates[] =
  "------------------- L:<function: 0x1>@scripts/update.lua:1 -------------------\n"
  "Sample count:           10\n"
  "Time spend total:       10.000ms\n"
  "Time spent in children: 6.000ms\n"
  "Time spent in self:     4.000ms\n"
  "Time spent per sample:  1.00000ms/sample\n"
  "Time spent in self per sample: 0.40000ms/sample\n"
  "\n"
  "Child L:f@scripts/a.lua:7                         sampled      4 times. Took 4.00ms\n"
  "Child L:f@scripts/a.lua:7                         sampled      2 times. Took 2.00ms\n"
  "\n"
  "------------------------------ L:f@scripts/a.lua:7 ------------------------------\n"
  "Sample count:            4\n"
  "Time spend total:       4.000ms\n"
  "Time spent in children: 0.000ms\n"
  "Time spent in self:     4.000ms\n"
  "Time spent per sample:  1.00000ms/sample\n"
  "Time spent in self per sample: 1.00000ms/sample\n"
  "\n"
  "------------------------------ L:f@scripts/a.lua:7 ------------------------------\n"
  "Sample count:            2\n"
  "Time spend total:       2.000ms\n"
  "Time spent in children: 0.000ms\n"
  "Time spent in self:     2.000ms\n"
  "Time spent per sample:  1.00000ms/sample\n"
  "Time spent in self per sample: 1.00000ms/sample\n"
  "\n"
  "\n"
  "\n"
  "Total time spent in profiled functions:    10ms\n"
  "END";

static HearthProfile *
read_duplicates (void)
{
  HearthImportSource source = { 0 };
  g_autoptr(GError) error = NULL;
  HearthProfile *profile;

  source.display_name = "duplicates.txt";
  source.data = (const guint8 *) duplicates;
  source.length = strlen (duplicates);
  profile = hearth_lua_report_read (&source, &error);
  g_assert_no_error (error);

  return profile;
}

static void
test_callers_view_merge_duplicates (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) profile = read_duplicates ();
  g_autoptr(HearthProfile) papyrus = hearth_test_load_profile ("papyrus-stack-1247.log");
  HearthCallersView *view = HEARTH_CALLERS_VIEW (hearth_callers_view_new ());
  GtkWidget *window;
  g_autofree char *callees = NULL;

  hearth_callers_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 900, 360);

  /* only Lua captures can be merged */
  hearth_document_add_profile (document, papyrus);
  hearth_test_flush ();
  g_assert_false (gtk_widget_get_visible (hearth_test_find_widget_by_type (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON)));
  hearth_document_clear (document);

  hearth_document_add_profile (document, profile);
  hearth_test_flush ();
  g_assert_true (gtk_widget_get_visible (hearth_test_find_widget_by_type (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON)));
  g_assert_cmpuint (count_named (hearth_document_get_profile (document), "f"), ==, 2);

  hearth_document_set_selected_function (document, find_function (profile, "<function: 0x1>", "scripts/update.lua"));
  callees = hearth_callers_view_dup_table (view, FALSE, ',');
  /* both Child lines resolve to the first block: one edge of 6 samples */
  g_assert_cmpstr (callees, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "f,scripts/a.lua,7,6,6.000,60.000\n");

  gtk_widget_activate_action (GTK_WIDGET (view), "callers.merge-duplicates", NULL);
  hearth_test_flush ();
  g_assert_true (hearth_callers_view_get_merge_duplicates (view));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (hearth_test_find_widget_by_type (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON))));
  g_assert_cmpuint (hearth_document_get_n_captures (document), ==, 1);
  g_assert_true (hearth_document_get_profile (document) != profile);
  g_assert_cmpuint (count_named (hearth_document_get_profile (document), "f"), ==, 1);

  /* the selection survives the swap; f is one function of 6 samples and
   * 6 ms (4 + 2), all of it from the closure */
  g_assert_cmpuint (hearth_document_get_selected_function (document), ==,
                    find_function (hearth_document_get_profile (document), "<function: 0x1>", "scripts/update.lua"));
  g_clear_pointer (&callees, g_free);
  callees = hearth_callers_view_dup_table (view, FALSE, ',');
  g_assert_cmpstr (callees, ==,
                   "function,source,line,count,time_ms,percent\n"
                   "f,scripts/a.lua,7,6,6.000,60.000\n");
  activate_row (hearth_callers_view_get_callees_view (view), 0);
  {
    g_autofree char *figures = hearth_callers_view_dup_figures (view);

    g_assert_cmpstr (figures, ==,
                     "Samples 6  ·  Total 6.000 ms  ·  Self 6.000 ms  ·  Children 0.000 ms  ·  "
                     "1.00000 ms per sample (self 1.00000 ms)");
  }

  /* off again: the capture as opened comes back */
  hearth_callers_view_set_merge_duplicates (view, FALSE);
  hearth_test_flush ();
  g_assert_true (hearth_document_get_profile (document) == profile);
  g_assert_cmpuint (count_named (hearth_document_get_profile (document), "f"), ==, 2);
  g_assert_cmpstr (hearth_profile_function_get_name (profile, hearth_document_get_selected_function (document)),
                   ==, "f");

  /* a Lua capture opened while merging is on is merged too */
  hearth_callers_view_set_merge_duplicates (view, TRUE);
  hearth_test_flush ();
  {
    g_autoptr(HearthProfile) second = read_duplicates ();
    g_autoptr(HearthProfile) first = NULL;

    hearth_document_add_profile (document, second);
    hearth_test_wait (100);
    hearth_test_flush ();
    g_assert_cmpuint (hearth_document_get_n_captures (document), ==, 2);
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(HearthProfile) capture = g_list_model_get_item (hearth_document_get_captures (document), i);

        g_assert_true (capture != profile && capture != second);
        g_assert_cmpuint (count_named (capture, "f"), ==, 1);
      }
    hearth_callers_view_set_merge_duplicates (view, FALSE);
    first = g_list_model_get_item (hearth_document_get_captures (document), 0);
    g_assert_true (first == profile);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_callers_view_labels_and_banner (void)
{
  g_autoptr(HearthDocument) document = hearth_document_new ();
  g_autoptr(HearthProfile) time_profile = hearth_test_load_profile ("lua-report-time.txt");
  g_autoptr(HearthProfile) call_profile = hearth_test_load_profile ("lua-report-call.txt");
  g_autoptr(HearthProfile) papyrus = hearth_test_load_profile ("papyrus-stack-1247.log");
  g_autofree char *time_label = hearth_profile_dup_mode_label (time_profile);
  g_autofree char *call_label = hearth_profile_dup_mode_label (call_profile);
  g_autofree char *papyrus_label = hearth_profile_dup_mode_label (papyrus);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *banner = hearth_approximate_banner_new ();
  GtkWidget *window;

  g_assert_cmpstr (time_label, ==, "Time mode (sample counts)");
  g_assert_cmpstr (call_label, ==, "Call mode (call counts)");
  g_assert_null (papyrus_label);
  g_assert_cmpstr (hearth_profile_get_count_label (time_profile), ==, "Samples");
  g_assert_cmpstr (hearth_profile_get_count_label (call_profile), ==, "Calls");
  g_assert_true (hearth_profile_is_lua (time_profile));
  g_assert_false (hearth_profile_is_lua (papyrus));

  gtk_box_append (GTK_BOX (box), banner);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Callgraph"));
  hearth_approximate_banner_set_document (HEARTH_APPROXIMATE_BANNER (banner), document);
  window = present (box, 700, 120);
  g_assert_false (gtk_widget_get_visible (banner));

  hearth_document_add_profile (document, time_profile);
  redraw (window);
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_true (gtk_widget_get_mapped (hearth_test_find_label (banner, "This tree is derived from caller→callee totals and is approximate")));
  g_free (hearth_test_save_screenshot (window, "approximate-banner"));

  hearth_document_clear (document);
  hearth_document_add_profile (document, papyrus);
  g_assert_false (gtk_widget_get_visible (banner));

  {
    g_autoptr(HearthDocument) other = hearth_document_new ();

    hearth_test_assert_notify_contract (banner, "document", other, NULL);
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

  g_test_add_func ("/hearth/callers-view/empty", test_callers_view_empty);
  g_test_add_func ("/hearth/callers-view/time-mode", test_callers_view_time_mode);
  g_test_add_func ("/hearth/callers-view/call-mode", test_callers_view_call_mode);
  g_test_add_func ("/hearth/callers-view/merge-duplicates", test_callers_view_merge_duplicates);
  g_test_add_func ("/hearth/callers-view/labels-and-banner", test_callers_view_labels_and_banner);

  return g_test_run ();
}
