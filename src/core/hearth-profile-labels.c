/* hearth-profile-labels.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-profile-labels"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearth-profile-labels.h"

/* User-facing words that depend on what a capture measured: profiler.lua
 * reports count samples ("time" mode) or calls ("call" mode). */

/**
 * hearth_profile_dup_mode_label:
 *
 * The text a window header shows for a capture with a counting mode.
 *
 * Returns: (transfer full) (nullable): "Time mode (sample counts)", "Call
 *   mode (call counts)", or %NULL when the capture has no mode
 */
char *
hearth_profile_dup_mode_label (HearthProfile *profile)
{
  const char *mode;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  mode = hearth_profile_get_mode (profile);
  if (g_strcmp0 (mode, "time") == 0)
    return g_strdup (_("Time mode (sample counts)"));
  if (g_strcmp0 (mode, "call") == 0)
    return g_strdup (_("Call mode (call counts)"));

  return NULL;
}

/**
 * hearth_profile_get_count_label:
 *
 * The title of a count column or figure: "Samples" for time-mode reports,
 * "Calls" for call-mode reports and for captures with a calls metric.
 *
 * Returns: (nullable): the label, %NULL when the capture counts nothing
 */
const char *
hearth_profile_get_count_label (HearthProfile *profile)
{
  const char *mode;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  mode = hearth_profile_get_mode (profile);
  if (g_strcmp0 (mode, "time") == 0)
    return _("Samples");
  if (g_strcmp0 (mode, "call") == 0 || hearth_profile_has_metric (profile, HEARTH_METRIC_CALLS))
    return _("Calls");

  return NULL;
}

/**
 * hearth_profile_is_lua:
 *
 * Returns: %TRUE for profiler.lua captures (`report()` or `lua_report()`
 *   text), the captures "Merge Duplicate Names" applies to
 */
gboolean
hearth_profile_is_lua (HearthProfile *profile)
{
  const char *format;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), FALSE);

  format = hearth_profile_get_format (profile);
  return format != NULL && g_str_has_prefix (format, "lua-");
}
