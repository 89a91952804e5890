/* hearth-frame-table.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-frame-table"

#include "config.h"

#include "hearth-frame-table.h"

#include <math.h>

#include "hearth-csv-writer.h"
#include "hearth-frame-filter.h"

static void
add_ms (HearthCsvWriter *writer,
        double           value)
{
  if (isfinite (value))
    hearth_csv_writer_add_number (writer, value, 3);
  else
    hearth_csv_writer_add_empty (writer);
}

/**
 * hearth_table_frames_csv:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The `hearth-cli frames` table, one row per frame:
 * `index,start_ms,end_ms,frame_ms,class,cpu_waits_for_gpu_ms,jobs_ms,render_ms,gpu_ms,allocs,frees`.
 * `jobs_ms` and `render_ms` are relative to the frame start (the MicroProfiler
 * writes absolute wall times; microprofiler.md §13.3). `class` is `cpu`,
 * `gpu`, `render` or empty; fields a capture does not have are empty.
 *
 * Returns: (transfer full): the text, with a header row even without frames
 */
char *
hearth_table_frames_csv (HearthProfile *profile,
                         char           separator)
{
  g_autoptr(HearthCsvWriter) writer = NULL;
  static const char * const columns[] = {
    "index", "start_ms", "end_ms", "frame_ms", "class", "cpu_waits_for_gpu_ms",
    "jobs_ms", "render_ms", "gpu_ms", "allocs", "frees",
  };

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  writer = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    hearth_csv_writer_add_field (writer, columns[i]);
  hearth_csv_writer_end_row (writer);

  for (guint f = 0; f < hearth_profile_get_n_frames (profile); f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (profile, f);

      hearth_csv_writer_add_int (writer, f);
      add_ms (writer, fr->start_ms);
      add_ms (writer, fr->end_ms);
      add_ms (writer, hearth_frame_get_ms (fr));
      hearth_csv_writer_add_field (writer, hearth_frame_class_to_string (hearth_frame_classify (fr)));
      add_ms (writer, fr->cpu_waits_for_gpu_ms);
      add_ms (writer, fr->jobs_ms - fr->start_ms);
      add_ms (writer, fr->render_ms - fr->start_ms);
      add_ms (writer, fr->gpu_ms);
      if (isfinite (fr->alloc_count))
        hearth_csv_writer_add_int (writer, (gint64) fr->alloc_count);
      else
        hearth_csv_writer_add_empty (writer);
      if (isfinite (fr->free_count))
        hearth_csv_writer_add_int (writer, (gint64) fr->free_count);
      else
        hearth_csv_writer_add_empty (writer);
      hearth_csv_writer_end_row (writer);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}
