/* hearth-microprofile-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-microprofile-reader"

#include "config.h"

#include <string.h>

#include "hearth-microprofile-reader.h"

/* Placeholder until the MicroProfiler importer lands: detects dumps so that
 * they get a clear message instead of "unknown format". */

gboolean
hearth_microprofile_sniff (const guint8 *data,
                           gsize         length)
{
  gsize n = MIN (length, 1024 * 1024);

  return g_strstr_len ((const char *) data, n, "DumpHost") != NULL ||
         g_strstr_len ((const char *) data, n, "<!--R0FL") != NULL ||
         g_strstr_len ((const char *) data, n, "MicroProfile") != NULL;
}

HearthProfile *
hearth_microprofile_read (const HearthImportSource *source,
                          GError                  **error)
{
  hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                           "MicroProfiler dumps are not supported yet");
  return NULL;
}
