/* test-frame-timeline.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "hearth-frame-filter.h"
#include "hearth-frame-timeline.h"
#include "hearth-functions-view.h"
#include "hearth-importer.h"
#include "hearth-profile-builder.h"
#include "hearth-resources.h"
#include "hearth-test-utils.h"

#define N_FRAMES 512
#define MS 1e6

/* 512 frames: every 8th frame (f % 8 == 3) is a spike of 20 + f % 40 ms, the
 * others take 12 + f % 4 ms. Classes cycle cpu, render, gpu; frames 100 and
 * 101 are paused, 200 is clobbered. "work" runs 10 ms in every frame,
 * "spike" 10 ms more in every spike frame. */
static gboolean
is_spike (guint f)
{
  return f % 8 == 3;
}

static HearthProfile *
build_frames (void)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  guint thread, work, spike;
  double t = 0;

  hearth_profile_builder_set_format (b, "test", "Test");
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  thread = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE,
                                             hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD,
                                                                                     "Main", NULL, 0, NULL, 0));
  work = hearth_profile_builder_add_child (b, thread,
                                           hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                   "work", NULL, 0, NULL, 0));
  spike = hearth_profile_builder_add_child (b, work,
                                            hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION,
                                                                                    "spike", NULL, 0, NULL, 0));
  for (guint f = 0; f < N_FRAMES; f++)
    {
      HearthFrame fr;
      double ms = is_spike (f) ? 20 + f % 40 : 12 + f % 4;

      hearth_frame_init (&fr);
      fr.start_ms = t;
      fr.end_ms = t + ms;
      fr.paused = f == 100 || f == 101;
      fr.clobbered = f == 200;
      fr.memory_used = 512;
      fr.alloc_count = 100 + (f * 37) % 400 + (is_spike (f) ? 1500 : 0);
      fr.free_count = 80 + (f * 53) % 300;
      fr.gpu_ms = ms * 0.5;
      switch (f % 3)
        {
        case 0:          /* jobs last: cpu */
          fr.jobs_ms = t + ms * 0.9;
          fr.render_ms = t + ms * 0.8;
          fr.cpu_waits_for_gpu_ms = 0.5;
          break;
        case 1:          /* render last, little wait: render */
          fr.jobs_ms = t + ms * 0.7;
          fr.render_ms = t + ms * 0.95;
          fr.cpu_waits_for_gpu_ms = 1.0;
          break;
        default:         /* render last, long wait: gpu */
          fr.jobs_ms = t + ms * 0.7;
          fr.render_ms = t + ms * 0.95;
          fr.cpu_waits_for_gpu_ms = 4.0;
          break;
        }
      fr.klass = hearth_frame_classify (&fr);
      t += ms;
      hearth_profile_builder_add_frame (b, &fr);
      if (fr.paused)
        continue;
      hearth_profile_builder_add_value (b, work, HEARTH_METRIC_CPU_TIME, 10 * MS);
      hearth_profile_builder_add_frame_value (b, f, work, HEARTH_METRIC_CPU_TIME, 10 * MS);
      if (is_spike (f))
        {
          hearth_profile_builder_add_value (b, spike, HEARTH_METRIC_CPU_TIME, 10 * MS);
          hearth_profile_builder_add_frame_value (b, f, spike, HEARTH_METRIC_CPU_TIME, 10 * MS);
        }
    }
  hearth_profile_builder_add_thread (b, "Main", thread, FALSE, FALSE);
  return hearth_profile_builder_finish (b);
}

typedef struct
{
  GtkWidget           *window;
  HearthFrameTimeline *timeline;
  HearthDocument      *document;
} Fixture;

static gboolean
not_busy_cb (gpointer user_data)
{
  return !hearth_document_get_frames_busy (user_data);
}

static void
fixture_setup (Fixture       *f,
               HearthProfile *profile,
               int            width)
{
  f->document = hearth_document_new ();
  f->window = gtk_window_new ();
  f->timeline = HEARTH_FRAME_TIMELINE (hearth_frame_timeline_new ());
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, -1);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->timeline));
  hearth_frame_timeline_set_document (f->timeline, f->document);
  hearth_document_add_profile (f->document, profile);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
  hearth_test_wait_until (not_busy_cb, f->document, 10000);
  hearth_test_flush ();
}

static void
fixture_teardown (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hearth_test_flush ();
  g_clear_object (&f->document);
}

static guint
find_function (HearthProfile *profile,
               const char    *name)
{
  for (guint i = 0; i < hearth_profile_get_n_functions (profile); i++)
    if (g_strcmp0 (hearth_profile_function_get_name (profile, i), name) == 0)
      return i;
  return HEARTH_NO_INDEX;
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_selection (void)
{
  g_autoptr(HearthProfile) profile = build_frames ();
  g_autofree char *chip = NULL;
  HearthProfile *sel;
  HearthFrameStat st;
  guint n_spikes = 0, n_typical = 0, compare = 0;
  Fixture f;

  for (guint i = 0; i < N_FRAMES; i++)
    if (i != 100 && i != 101)
      {
        if (is_spike (i))
          n_spikes++;
        else
          n_typical++;
      }
  g_assert_cmpuint (n_spikes, ==, 64);

  fixture_setup (&f, profile, 1000);
  g_assert_cmpstr (gtk_widget_get_css_name (GTK_WIDGET (f.timeline)), ==, "frametimeline");
  g_assert_true (hearth_frame_timeline_get_document (f.timeline) == f.document);

  /* statistics of the whole capture: work 10 ms in 510 frames; spike 10 ms
   * in 64 of 510 frames → mean 640/510, p50 0 and p95 10 (rank ⌈484.5⌉ =
   * 485 > 446 zeros) */
  g_assert_nonnull (hearth_document_get_frame_stats (f.document));
  g_assert_true (hearth_frame_stats_get (hearth_document_get_frame_stats (f.document),
                                         find_function (profile, "spike"), &st));
  g_assert_cmpfloat_with_epsilon (st.mean_ms, 640.0 / 510, 1e-9);
  g_assert_cmpfloat (st.p50_ms, ==, 0);
  g_assert_cmpfloat_with_epsilon (st.p95_ms, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (st.max_ms, 10, 1e-9);

  /* bars: 512 over the area's width */
  {
    int w = gtk_widget_get_width (GTK_WIDGET (f.timeline));

    g_assert_cmpint (w, >, 0);
    g_assert_cmpuint (hearth_frame_timeline_get_frame_at (f.timeline, 0), ==, 0);
    g_assert_cmpuint (hearth_frame_timeline_get_frame_at (f.timeline, 100000), ==, N_FRAMES - 1);
  }

  /* a range: the chip, then the document's profile has only those frames */
  hearth_document_set_frame_range (f.document, 120, 180);
  g_assert_true (hearth_document_get_frames_busy (f.document));
  hearth_test_wait_until (not_busy_cb, f.document, 10000);
  chip = hearth_frame_timeline_dup_chip_text (f.timeline);
  g_assert_cmpstr (chip, ==, "frames 120–180 of 512");
  sel = hearth_document_get_profile (f.document);
  g_assert_cmpuint (hearth_profile_get_n_frames (sel), ==, 61);
  /* work 61 × 10 ms; spikes in 120..180: 123, 131, ..., 179 → 8 */
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_self (sel, find_function (sel, "work"),
                                                                    HEARTH_METRIC_CPU_TIME) / MS, 610, 1e-6);
  g_assert_cmpfloat_with_epsilon (hearth_profile_function_get_total (sel, find_function (sel, "spike"),
                                                                     HEARTH_METRIC_CPU_TIME) / MS, 80, 1e-6);
  g_assert_true (hearth_document_get_full_profile (f.document) == profile);

  /* quick selections */
  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.select-spikes", NULL);
  hearth_test_wait_until (not_busy_cb, f.document, 10000);
  g_assert_cmpuint (hearth_document_get_n_selected_frames (f.document), ==, n_spikes);
  g_clear_pointer (&chip, g_free);
  chip = hearth_frame_timeline_dup_chip_text (f.timeline);
  g_assert_cmpstr (chip, ==, "64 frames of 512");

  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.select-typical", NULL);
  hearth_test_wait_until (not_busy_cb, f.document, 10000);
  g_assert_cmpuint (hearth_document_get_n_selected_frames (f.document), ==, n_typical);
  sel = hearth_document_get_profile (f.document);
  g_assert_cmpuint (hearth_profile_function_get_n_nodes (sel, find_function (sel, "spike")), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.select-slowest", NULL);
  hearth_test_wait_until (not_busy_cb, f.document, 10000);
  g_assert_cmpuint (hearth_document_get_n_selected_frames (f.document), ==, 10);

  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.clear-selection", NULL);
  hearth_test_wait_until (not_busy_cb, f.document, 10000);
  g_assert_cmpuint (hearth_document_get_n_selected_frames (f.document), ==, 0);
  g_assert_true (hearth_document_get_profile (f.document) == profile);
  g_assert_null (hearth_frame_timeline_dup_chip_text (f.timeline));

  /* compare spikes with typical frames */
  g_signal_connect (f.timeline, "compare-spikes", G_CALLBACK (count_cb), &compare);
  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.compare-spikes", NULL);
  g_assert_cmpuint (compare, ==, 1);

  fixture_teardown (&f);
}

static void
test_tooltip (void)
{
  g_autoptr(HearthProfile) profile = build_frames ();
  g_autofree char *cpu = NULL;
  g_autofree char *gpu = NULL;
  g_autofree char *paused = NULL;
  Fixture f;

  fixture_setup (&f, profile, 800);

  /* frame 0: 12 ms, jobs at 10.8, render at 9.6: cpu, jobs highlighted */
  cpu = hearth_frame_timeline_dup_tooltip (f.timeline, 0);
  g_assert_nonnull (strstr (cpu, "Frame</b> <b>0</b> — 12.00 ms"));
  g_assert_nonnull (strstr (cpu, "<b>Jobs wall time: 10.80 ms</b>"));
  g_assert_nonnull (strstr (cpu, "\nRender wall time: 9.60 ms"));
  g_assert_nonnull (strstr (cpu, "Allocations: 100"));
  /* frame 2: 14 ms, gpu: the GPU wait is highlighted */
  gpu = hearth_frame_timeline_dup_tooltip (f.timeline, 2);
  g_assert_nonnull (strstr (gpu, "<b>GPU wait: 4.00 ms</b>"));
  g_assert_nonnull (strstr (gpu, "\nGPU time: 7.00 ms"));
  paused = hearth_frame_timeline_dup_tooltip (f.timeline, 100);
  g_assert_nonnull (strstr (paused, "paused"));
  g_assert_null (hearth_frame_timeline_dup_tooltip (f.timeline, N_FRAMES));

  fixture_teardown (&f);
}

static gboolean
press (GtkEventController *key,
       guint               keyval,
       GdkModifierType     state)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (key, "key-pressed", keyval, 0, state, &handled);
  return handled;
}

static void
test_keyboard (void)
{
  g_autoptr(HearthProfile) profile = build_frames ();
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *key = NULL;
  GtkWidget *area;
  Fixture f;

  fixture_setup (&f, profile, 800);
  area = hearth_test_find_widget_by_type (GTK_WIDGET (f.timeline), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (area);
  g_assert_true (gtk_widget_get_focusable (area));
  controllers = gtk_widget_observe_controllers (area);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        key = c;
    }
  g_assert_nonnull (key);

  /* frames 10-13: Home, 10 × Right, Shift+Right × 3, Enter */
  g_assert_true (press (key, GDK_KEY_Home, 0));
  for (guint i = 0; i < 10; i++)
    press (key, GDK_KEY_Right, 0);
  for (guint i = 0; i < 3; i++)
    press (key, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_true (press (key, GDK_KEY_Return, 0));
  g_assert_cmpuint (hearth_document_get_frame_first (f.document), ==, 10);
  g_assert_cmpuint (hearth_document_get_frame_last (f.document), ==, 13);
  hearth_test_wait_until (not_busy_cb, f.document, 10000);

  /* Escape: all frames again */
  g_assert_true (press (key, GDK_KEY_Escape, 0));
  g_assert_cmpuint (hearth_document_get_n_selected_frames (f.document), ==, 0);
  g_assert_false (press (key, GDK_KEY_Escape, 0));
  hearth_test_wait_until (not_busy_cb, f.document, 10000);

  fixture_teardown (&f);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_properties (void)
{
  GtkWidget *timeline = hearth_frame_timeline_new ();
  guint count = 0;

  g_object_ref_sink (timeline);
  g_assert_cmpfloat_with_epsilon (hearth_frame_timeline_get_reference_ms (HEARTH_FRAME_TIMELINE (timeline)),
                                  1000.0 / 60, 1e-9);
  g_signal_connect (timeline, "notify::reference-ms", G_CALLBACK (notify_count_cb), &count);
  g_object_set (timeline, "reference-ms", 33.33, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (timeline, "reference-ms", 33.33, NULL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (timeline, "reference-ms", 50.0, NULL);
  g_assert_cmpuint (count, ==, 2);

  count = 0;
  g_signal_connect (timeline, "notify::max-ms", G_CALLBACK (notify_count_cb), &count);
  g_object_set (timeline, "max-ms", 40.0, NULL);
  g_object_set (timeline, "max-ms", 40.0, NULL);
  g_assert_cmpuint (count, ==, 1);

  g_assert_finalize_object (timeline);
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *path = NULL;

  gtk_test_widget_wait_for_draw (widget);
  hearth_test_flush ();
  path = hearth_test_save_screenshot (widget, name);
  g_test_message ("screenshot: %s", path);
}

/* Screenshots: of a generated dump when HEARTH_FRAME_DUMP names one
 * (bench/gen-microprofile OUT 6 512 8 spikes), else of the built frames */
static void
test_screenshots (void)
{
  const char *dump = g_getenv ("HEARTH_FRAME_DUMP");
  g_autoptr(HearthProfile) profile = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  Fixture f;

  if (dump != NULL && dump[0])
    {
      g_autoptr(GFile) file = g_file_new_for_path (dump);
      g_autoptr(GError) error = NULL;

      profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    profile = build_frames ();

  fixture_setup (&f, profile, 1100);
  save (f.window, "frame-timeline-light");

  hearth_document_set_frame_range (f.document, 120, 180);
  hearth_test_wait_until (not_busy_cb, f.document, 20000);
  save (f.window, "frame-timeline-light-range");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hearth_test_flush ();
  save (f.window, "frame-timeline-dark-range");

  gtk_widget_activate_action (GTK_WIDGET (f.timeline), "timeline.select-spikes", NULL);
  hearth_test_wait_until (not_busy_cb, f.document, 20000);
  hearth_frame_timeline_set_max_ms (f.timeline, 30);
  save (f.window, "frame-timeline-dark-spikes");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hearth_test_flush ();
  fixture_teardown (&f);
}

static guint
n_visible_columns (GtkColumnView *view,
                   const char    *title_suffix)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (title != NULL && g_str_has_suffix (title, title_suffix) && gtk_column_view_column_get_visible (column))
        n++;
    }
  return n;
}

/* The timeline above the functions table: a range selected, the table shows
 * that range with the per-frame statistics columns */
static void
test_with_functions (void)
{
  const char *dump = g_getenv ("HEARTH_FRAME_DUMP");
  g_autoptr(HearthProfile) profile = NULL;
  g_autoptr(HearthProfile) script = NULL;
  HearthDocument *document = hearth_document_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *timeline = hearth_frame_timeline_new ();
  GtkWidget *functions = hearth_functions_view_new ();
  GtkColumnView *view;

  if (dump != NULL && dump[0])
    {
      g_autoptr(GFile) file = g_file_new_for_path (dump);
      g_autoptr(GError) error = NULL;

      profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    profile = build_frames ();

  gtk_widget_set_vexpand (functions, TRUE);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), functions);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 560);
  hearth_frame_timeline_set_document (HEARTH_FRAME_TIMELINE (timeline), document);
  hearth_functions_view_set_document (HEARTH_FUNCTIONS_VIEW (functions), document);
  view = hearth_functions_view_get_column_view (HEARTH_FUNCTIONS_VIEW (functions));

  hearth_document_add_profile (document, profile);
  gtk_window_present (GTK_WINDOW (window));
  hearth_test_wait_until (not_busy_cb, document, 20000);
  g_assert_cmpuint (n_visible_columns (view, "/Frame"), ==, 4);

  hearth_document_set_frame_range (document, 120, 180);
  hearth_test_wait_until (not_busy_cb, document, 20000);
  g_assert_cmpuint (hearth_profile_get_n_frames (hearth_document_get_profile (document)), ==, 61);
  g_assert_cmpuint (n_visible_columns (view, "/Frame"), ==, 4);
  save (window, "frame-timeline-functions");

  /* a capture without frames: no statistics columns */
  hearth_document_clear (document);
  script = hearth_test_load_profile ("script-profiler-v2-example.json");
  hearth_document_add_profile (document, script);
  hearth_test_flush ();
  g_assert_cmpuint (n_visible_columns (view, "/Frame"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  hearth_test_flush ();
  g_object_unref (document);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  hearth_register_resource ();

  g_test_add_func ("/hearth/frame-timeline/selection", test_selection);
  g_test_add_func ("/hearth/frame-timeline/tooltip", test_tooltip);
  g_test_add_func ("/hearth/frame-timeline/properties", test_properties);
  g_test_add_func ("/hearth/frame-timeline/keyboard", test_keyboard);
  g_test_add_func ("/hearth/frame-timeline/screenshots", test_screenshots);
  g_test_add_func ("/hearth/frame-timeline/with-functions", test_with_functions);

  return g_test_run ();
}
