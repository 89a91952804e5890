/* hearth-format.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-format"

#include "config.h"

#include "hearth-format.h"

G_DEFINE_QUARK (hearth-format-error-quark, hearth_format_error)

/**
 * hearth_format_set_error:
 * @source: the file being read; its display name prefixes the message
 * @code: a #HearthFormatError
 * @format: printf-style reason, e.g. "Nodes[3].TotalDuration: expected an integer"
 *
 * Sets @error to `"<display_name>: <reason>"` in the %HEARTH_FORMAT_ERROR
 * domain. The CLI prints it after `hearth-cli: `; the window shows it as is.
 */
void
hearth_format_set_error (GError                  **error,
                         const HearthImportSource *source,
                         HearthFormatError         code,
                         const char               *format,
                         ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (source != NULL && source->display_name != NULL && source->display_name[0] != '\0')
    g_set_error (error, HEARTH_FORMAT_ERROR, code, "%s: %s", source->display_name, reason);
  else
    g_set_error_literal (error, HEARTH_FORMAT_ERROR, code, reason);
}

/**
 * hearth_import_source_progress:
 * @fraction: 0..1
 *
 * Calls the source's progress callback, if any. Readers call this from
 * whatever thread they run in (the worker thread for asynchronous imports).
 */
void
hearth_import_source_progress (const HearthImportSource *source,
                               double                    fraction)
{
  if (source == NULL || source->progress == NULL)
    return;

  source->progress (CLAMP (fraction, 0.0, 1.0), source->progress_data);
}
