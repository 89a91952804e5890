/* hearth-table-export.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-csv-writer.h"
#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TABLE_ERROR (hearth_table_error_quark ())

/**
 * HearthTableError:
 * @HEARTH_TABLE_ERROR_NO_FRAMES: per-frame values need a capture with frames
 * @HEARTH_TABLE_ERROR_NO_SESSION: averaging needs a session length
 */
typedef enum
{
  HEARTH_TABLE_ERROR_NO_FRAMES,
  HEARTH_TABLE_ERROR_NO_SESSION,
} HearthTableError;

/**
 * HearthTableOptions:
 * @per_frame: divide by the capture's frame count
 * @average: extrapolate to a time window (Script Profiler "Average")
 * @separator: ',' for CSV, '\t' for TSV (clipboard)
 *
 * The rows and columns written here are the `hearth-cli` contract; the window
 * exports the same tables.
 */
typedef struct
{
  gboolean      per_frame;
  HearthAverage average;
  char          separator;
} HearthTableOptions;

GQuark    hearth_table_error_quark    (void);
void      hearth_table_options_init   (HearthTableOptions  *options);
double    hearth_table_get_factor     (HearthProfile       *profile,
                                       const HearthTableOptions *options,
                                       GError             **error);
char     *hearth_table_functions_csv  (HearthProfile       *profile,
                                       const HearthTableOptions *options,
                                       GError             **error);
char     *hearth_table_tree_csv       (HearthProfile       *profile,
                                       const HearthTableOptions *options,
                                       GError             **error);
char     *hearth_table_info           (HearthProfile       *profile);

void      hearth_table_write_functions_header (HearthCsvWriter *writer,
                                               HearthProfile   *profile);
void      hearth_table_write_function_row     (HearthCsvWriter *writer,
                                               HearthProfile   *profile,
                                               guint            function,
                                               double           factor);
void      hearth_table_write_tree_header      (HearthCsvWriter *writer,
                                               HearthProfile   *profile);
void      hearth_table_write_tree             (HearthCsvWriter *writer,
                                               HearthProfile   *profile,
                                               const guint8    *visible,
                                               double           factor);

G_END_DECLS
