/* hearth-format.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_FORMAT_ERROR (hearth_format_error_quark ())

/**
 * HearthFormatError:
 * @HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT: not a capture Hearth knows
 * @HEARTH_FORMAT_ERROR_INVALID: malformed content
 * @HEARTH_FORMAT_ERROR_TRUNCATED: the file ends early
 * @HEARTH_FORMAT_ERROR_UNSUPPORTED: a known format in a version or flavour
 *   Hearth cannot read (yet)
 * @HEARTH_FORMAT_ERROR_EMPTY: an empty file
 * @HEARTH_FORMAT_ERROR_NO_DATA: a valid file that holds no profiling data
 * @HEARTH_FORMAT_ERROR_TOO_LARGE: beyond what Hearth can represent
 */
typedef enum
{
  HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
  HEARTH_FORMAT_ERROR_INVALID,
  HEARTH_FORMAT_ERROR_TRUNCATED,
  HEARTH_FORMAT_ERROR_UNSUPPORTED,
  HEARTH_FORMAT_ERROR_EMPTY,
  HEARTH_FORMAT_ERROR_NO_DATA,
  HEARTH_FORMAT_ERROR_TOO_LARGE,
} HearthFormatError;

/**
 * HearthFormat:
 *
 * What hearth_format_sniff() recognised, by content.
 */
typedef enum
{
  HEARTH_FORMAT_UNKNOWN,
  HEARTH_FORMAT_SCRIPT_PROFILER,
  HEARTH_FORMAT_MICROPROFILE,
  HEARTH_FORMAT_LUA_REPORT,
  HEARTH_FORMAT_LUA_TABLE,
  HEARTH_FORMAT_PAPYRUS,
  HEARTH_FORMAT_FOLDED,
} HearthFormat;

typedef void (*HearthProgressFunc) (double   fraction,
                                    gpointer user_data);

/**
 * HearthImportSource:
 * @display_name: how error messages name the file (the path as typed on the
 *   command line, or the base name in the window)
 * @path: (nullable): the file's path
 * @data: the bytes (decompressed when the file was gzip)
 * @length: number of bytes
 * @cancellable: (nullable): checked by long parsers
 * @progress: (nullable): called with 0..1 from the parsing thread
 * @progress_data: for @progress
 */
typedef struct
{
  const char         *display_name;
  const char         *path;
  const guint8       *data;
  gsize               length;
  GCancellable       *cancellable;
  HearthProgressFunc  progress;
  gpointer            progress_data;
} HearthImportSource;

GQuark         hearth_format_error_quark (void);
void           hearth_format_set_error   (GError                  **error,
                                          const HearthImportSource *source,
                                          HearthFormatError         code,
                                          const char               *format,
                                          ...) G_GNUC_PRINTF (4, 5);
void           hearth_import_source_progress (const HearthImportSource *source,
                                              double                    fraction);

G_END_DECLS
