/* fuzz-folded.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the folded-stacks reader (samples and a time unit), its sniffer,
 * the derived call graph and the writers over whatever loads; what the
 * folded writer writes must read back. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hearth-call-graph.h"
#include "hearth-folded.h"
#include "hearth-folded-reader.h"
#include "hearth-speedscope-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (HearthProfile *profile,
          HearthMetric   metric)
{
  g_autofree char *json = hearth_speedscope_write (profile);
  g_autofree char *folded = hearth_folded_write (profile, metric);
  HearthCallGraph *graph = hearth_call_graph_get_for_profile (profile);

  g_assert (json != NULL && g_utf8_validate (json, -1, NULL));
  g_assert (folded != NULL && g_utf8_validate (folded, -1, NULL));
  g_assert (graph != NULL);

  /* what the writer writes reads back; except when the first frame name
   * starts with U+FEFF, which reads as a byte-order mark */
  if (folded[0] != '\0' && !g_str_has_prefix (folded, "\xef\xbb\xbf"))
    {
      HearthImportSource source = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(HearthProfile) again = NULL;

      source.display_name = "again.folded";
      source.data = (const guint8 *) folded;
      source.length = strlen (folded);
      again = hearth_folded_read (&source, &error);
      g_assert_no_error (error);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  HearthImportSource source = { 0 };
  GError *error = NULL;
  HearthProfile *profile;

  if (!initialised)
    {
      /* a g_return_if_fail() hit is a bug */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      initialised = TRUE;
    }

  (void) hearth_folded_sniff (data, size);

  source.display_name = "fuzz.folded";
  source.data = data;
  source.length = size;
  profile = hearth_folded_read (&source, &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      exercise (profile, HEARTH_METRIC_CALLS);
      g_object_unref (profile);
    }
  g_clear_error (&error);

  profile = hearth_folded_read_with_unit (&source, "us", &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      exercise (profile, HEARTH_METRIC_CPU_TIME);
      g_object_unref (profile);
    }
  g_clear_error (&error);

  return 0;
}
