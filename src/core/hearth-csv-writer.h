/* hearth-csv-writer.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HearthCsvWriter HearthCsvWriter;

HearthCsvWriter *hearth_csv_writer_new         (char             separator);
void             hearth_csv_writer_free        (HearthCsvWriter *self);
void             hearth_csv_writer_add_field   (HearthCsvWriter *self,
                                                const char      *field);
void             hearth_csv_writer_add_number  (HearthCsvWriter *self,
                                                double           value,
                                                int              min_decimals);
void             hearth_csv_writer_add_int     (HearthCsvWriter *self,
                                                gint64           value);
void             hearth_csv_writer_add_empty   (HearthCsvWriter *self);
void             hearth_csv_writer_end_row     (HearthCsvWriter *self);
const char      *hearth_csv_writer_peek        (HearthCsvWriter *self);
char            *hearth_csv_writer_free_to_string (HearthCsvWriter *self);
char            *hearth_format_number          (double           value,
                                                int              min_decimals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthCsvWriter, hearth_csv_writer_free)

G_END_DECLS
