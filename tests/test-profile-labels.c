/* test-profile-labels.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "hearth-importer.h"
#include "hearth-profile-labels.h"

/* Modes per docs/formats/lua-profiler.md §5.3: `Sample count:` is time mode,
 * `Call count:` call mode; other formats have no mode. */

static HearthProfile *
load (const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (HEARTH_IS_PROFILE (profile));
  return profile;
}

static void
test_profile_labels_modes (void)
{
  g_autoptr(HearthProfile) time_profile = load ("lua-report-time.txt");
  g_autoptr(HearthProfile) call_profile = load ("lua-report-call.txt");
  g_autoptr(HearthProfile) papyrus = load ("papyrus-stack-1247.log");
  g_autofree char *time_label = hearth_profile_dup_mode_label (time_profile);
  g_autofree char *call_label = hearth_profile_dup_mode_label (call_profile);
  g_autofree char *papyrus_label = hearth_profile_dup_mode_label (papyrus);

  g_assert_cmpstr (time_label, ==, "Time mode (sample counts)");
  g_assert_cmpstr (call_label, ==, "Call mode (call counts)");
  g_assert_null (papyrus_label);

  g_assert_cmpstr (hearth_profile_get_count_label (time_profile), ==, "Samples");
  g_assert_cmpstr (hearth_profile_get_count_label (call_profile), ==, "Calls");

  g_assert_true (hearth_profile_is_lua (time_profile));
  g_assert_true (hearth_profile_is_lua (call_profile));
  g_assert_false (hearth_profile_is_lua (papyrus));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/profile-labels/modes", test_profile_labels_modes);

  return g_test_run ();
}
