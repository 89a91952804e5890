/* fuzz-r0fl.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes what Hearth's own process does with modern Roblox dumps
 * (docs/formats/roblox-r0fl.md): the container decoder, and the parent's
 * reader of helper records with the statement stream behind it. No helper
 * is started: the input is read both as a dump and as a record stream. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hearth-r0fl.h"
#include "hearth-r0fl-runner-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  HearthImportSource source = { 0 };
  HearthR0flInfo info;
  GBytes *body = NULL;
  GBytes *tools = NULL;
  GError *error = NULL;
  HearthProfile *profile;

  source.display_name = "fuzz";
  source.data = data;
  source.length = size;

  (void) hearth_r0fl_detect (data, size);
  if (hearth_r0fl_decode (data, size, &info, &body, &tools, &error))
    {
      g_assert (g_bytes_get_size (body) == 8 + (gsize) info.body_size);
      g_assert (memcmp (g_bytes_get_data (body, NULL), "    R0FL", 8) == 0);
      g_bytes_unref (body);
      g_bytes_unref (tools);
    }
  else
    {
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  profile = _hearth_r0fl_read_records (&source, data, size, &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      g_assert (hearth_profile_get_n_frames (profile) > 0);
      /* hostile statements never put invalid UTF-8 in front of GTK */
      for (guint f = 0; f < hearth_profile_get_n_functions (profile); f++)
        g_assert (g_utf8_validate (hearth_profile_function_get_name (profile, f), -1, NULL));
      for (guint t = 0; t < hearth_profile_get_n_threads (profile); t++)
        g_assert (g_utf8_validate (hearth_profile_get_thread (profile, t)->name, -1, NULL));
      g_object_unref (profile);
    }
  else
    g_error_free (error);
  return 0;
}
