/* fuzz-papyrus.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the Papyrus profiling-log reader (one file, and the input split
 * into two files for hearth_papyrus_read_many()), its CSV tables and the
 * speedscope and folded writers over whatever loads. */

#include "config.h"

#include <stdint.h>

#include "hearth-folded.h"
#include "hearth-papyrus-reader.h"
#include "hearth-speedscope-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (HearthProfile *profile)
{
  HearthPapyrusCalls *calls = hearth_papyrus_calls_get_for_profile (profile);
  g_autofree char *csv = NULL;
  g_autofree char *stacks = NULL;
  g_autofree char *one = NULL;
  g_autofree char *json = NULL;
  g_autofree char *folded = NULL;

  g_assert (calls != NULL);
  for (guint i = 0; i < hearth_papyrus_calls_get_n_calls (calls); i++)
    {
      const HearthPapyrusCall *call = hearth_papyrus_calls_get_call (calls, i);

      g_assert (call->parent == HEARTH_NO_INDEX || call->parent < hearth_papyrus_calls_get_n_calls (calls));
      g_assert (call->node == HEARTH_NO_INDEX || call->node < hearth_profile_get_n_nodes (profile));
    }

  csv = hearth_papyrus_calls_csv (profile, ',');
  g_assert (csv != NULL && g_utf8_validate (csv, -1, NULL));
  stacks = hearth_papyrus_stack_timings_csv (profile, '\t');
  g_assert (stacks != NULL);
  if (hearth_papyrus_calls_get_n_calls (calls) > 0)
    {
      one = hearth_papyrus_function_calls_csv (profile, hearth_papyrus_calls_get_call (calls, 0)->name, ',');
      g_assert (one != NULL);
    }
  json = hearth_speedscope_write (profile);
  g_assert (json != NULL && g_utf8_validate (json, -1, NULL));
  folded = hearth_folded_write (profile, HEARTH_METRIC_CPU_TIME);
  g_assert (folded != NULL && g_utf8_validate (folded, -1, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  HearthImportSource sources[2] = { { 0 }, { 0 } };
  GError *error = NULL;
  HearthProfile *profile;

  if (!initialised)
    {
      /* a g_return_if_fail() hit is a bug */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      initialised = TRUE;
    }

  (void) hearth_papyrus_sniff (data, size);

  sources[0].display_name = "Stack_1.0.log";
  sources[0].data = data;
  sources[0].length = size;
  profile = hearth_papyrus_read (&sources[0], &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      exercise (profile);
      g_object_unref (profile);
    }
  g_clear_error (&error);

  /* the same bytes as two files */
  if (size >= 2)
    {
      sources[0].length = size / 2;
      sources[1].display_name = "Stack_2.0.log";
      sources[1].data = data + size / 2;
      sources[1].length = size - size / 2;
      profile = hearth_papyrus_read_many (sources, 2, &error);
      g_assert ((profile == NULL) != (error == NULL));
      if (profile != NULL)
        {
          exercise (profile);
          g_object_unref (profile);
        }
      g_clear_error (&error);
    }

  return 0;
}
