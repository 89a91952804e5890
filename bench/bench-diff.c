/* bench-diff.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "hearth-diff.h"
#include "hearth-diff-flame.h"
#include "hearth-importer.h"

/* Times the comparison of two captures:
 *
 *   bench-diff LEFT RIGHT
 *
 * building the diff (worker thread in the app), the flame profile, and one
 * recolouring pass, i.e. classifying every node as a slider move does (the
 * screen only classifies the visible boxes, so this is an upper bound). */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static HearthProfile *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  HearthProfile *profile = hearth_import_file (file, NULL, NULL, NULL, NULL, &error);

  if (profile == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }
  return profile;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HearthProfile) left = NULL;
  g_autoptr(HearthProfile) right = NULL;
  g_autoptr(HearthDiff) diff = NULL;
  g_autoptr(HearthProfile) flame = NULL;
  double t0, t1, t2, t3;
  guint n_colored = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-diff LEFT RIGHT\n");
      return 2;
    }

  left = load (argv[1]);
  right = load (argv[2]);

  t0 = now_ms ();
  diff = hearth_diff_new (&left, 1, &right, 1, NULL, NULL);
  t1 = now_ms ();
  flame = hearth_diff_dup_flame_profile (diff);
  t2 = now_ms ();
  for (guint pass = 0; pass < 10; pass++)
    for (guint n = 0; n < hearth_diff_get_n_nodes (diff); n++)
      {
        double intensity;

        if (hearth_diff_classify (diff, n, HEARTH_METRIC_CPU_TIME, HEARTH_DIFF_MODE_RELATIVE,
                                  5 + pass, 70, FALSE, &intensity) != HEARTH_DIFF_CLASS_SAME)
          n_colored++;
      }
  t3 = now_ms ();

  printf ("nodes: %u (left %u, right %u)\n", hearth_diff_get_n_nodes (diff),
          hearth_profile_get_n_nodes (left), hearth_profile_get_n_nodes (right));
  printf ("diff: %.1f ms\n", t1 - t0);
  printf ("flame profile: %.1f ms\n", t2 - t1);
  printf ("classify all nodes: %.2f ms per pass (%u coloured)\n", (t3 - t2) / 10, n_colored / 10);

  return 0;
}
