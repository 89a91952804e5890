/* fuzz-script-profiler.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the import pipeline (gzip, sniffing, dispatch) and the Roblox
 * Script Profiler reader, plus the folded-stacks writer over whatever loads. */

#include "config.h"

#include <stdint.h>

#include "hearth-folded.h"
#include "hearth-importer.h"
#include "hearth-script-profiler-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
exercise (HearthProfile *profile)
{
  g_autofree char *folded = NULL;

  if (profile == NULL)
    return;

  folded = hearth_folded_write (profile, HEARTH_METRIC_CPU_TIME);
  g_assert (folded != NULL);
  g_assert (g_utf8_validate (folded, -1, NULL));
  g_object_unref (profile);
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

  /* the whole pipeline, as a user opening a file */
  profile = hearth_import_bytes ("fuzz.json", NULL, data, size, NULL, NULL, NULL, &error);
  g_assert ((profile == NULL) != (error == NULL));
  exercise (profile);
  g_clear_error (&error);

  /* the reader directly, so that inputs the sniffer declines still reach it */
  source.display_name = "fuzz.json";
  source.data = data;
  source.length = size;
  profile = hearth_script_profiler_read (&source, &error);
  g_assert ((profile == NULL) != (error == NULL));
  exercise (profile);
  g_clear_error (&error);

  return 0;
}
