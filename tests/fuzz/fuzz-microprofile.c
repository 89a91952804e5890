/* fuzz-microprofile.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Fuzzes the MicroProfiler dump reader: detection, the R0FL container
 * checks, the statement lexer/parser and the scope-tree reconstruction (with
 * the inspection callback, so that the label and meta paths run too). Each
 * input is read as is, and again behind the first statement of each family,
 * so that random bytes reach the statement parser. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hearth-microprofile-private.h"
#include "hearth-r0fl.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
scope_cb (const HearthMicroprofileScope *scope,
          gpointer                       user_data)
{
  guint *n = user_data;

  g_assert (scope->name != NULL);
  for (guint i = 0; i < scope->n_labels; i++)
    g_assert (scope->labels[i] != NULL);
  (*n)++;
}

static void
read_one (const guint8 *data,
          gsize         size)
{
  HearthImportSource source = { 0 };
  GError *error = NULL;
  HearthMicroprofileInfo *info = NULL;
  HearthProfile *profile;
  guint n_scopes = 0;

  source.display_name = "fuzz.html";
  source.data = data;
  source.length = size;
  profile = hearth_microprofile_read_full (&source, scope_cb, &n_scopes, &info, &error);
  g_assert ((profile == NULL) != (error == NULL));
  if (profile != NULL)
    {
      g_assert (hearth_profile_get_n_frames (profile) > 0);
      g_object_unref (profile);
    }
  g_clear_error (&error);
  hearth_microprofile_info_free (info);

  /* the plain entry point, without inspection */
  profile = hearth_microprofile_read (&source, &error);
  g_assert ((profile == NULL) != (error == NULL));
  g_clear_object (&profile);
  g_clear_error (&error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *const prefixes[] = {
    "DumpHost = '';\n",
    "S.DumpHost = '';\n",
    "var DumpHost = '';\nvar ThreadNames = ['a','b'];\nvar Frames = Array(1);\n"
    "var ts_0_0 = [0.0];\n",
  };
  static gboolean initialised;
  HearthR0flInfo rinfo;
  GError *error = NULL;

  if (!initialised)
    {
      /* a g_return_if_fail() hit is a bug */
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      initialised = TRUE;
    }

  (void) hearth_microprofile_sniff (data, size);
  (void) hearth_microprofile_detect (data, size);
  if (!hearth_r0fl_validate (data, size, &rinfo, &error))
    g_clear_error (&error);

  read_one (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize n = strlen (prefixes[i]);
      guint8 *buf = g_malloc (n + size);

      memcpy (buf, prefixes[i], n);
      if (size > 0)
        memcpy (buf + n, data, size);
      read_one (buf, n + size);
      g_free (buf);
    }

  return 0;
}
