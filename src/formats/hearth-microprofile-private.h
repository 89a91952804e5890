/* hearth-microprofile-private.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-microprofile-reader.h"

G_BEGIN_DECLS

/* Inspection API for tests, fuzzing and tools: the reader can report every
 * reconstructed scope instance (the "global tree" of microprofiler.md §12.2)
 * and a summary of what it parsed that the profile model has no place for. */

typedef enum
{
  HEARTH_MICROPROFILE_FAMILY_NONE,
  HEARTH_MICROPROFILE_FAMILY_A,
  HEARTH_MICROPROFILE_FAMILY_B_VAR,
  HEARTH_MICROPROFILE_FAMILY_B_S,
  HEARTH_MICROPROFILE_FAMILY_C,
  HEARTH_MICROPROFILE_FAMILY_R0FL,
  HEARTH_MICROPROFILE_FAMILY_R0FL_RAW,
  HEARTH_MICROPROFILE_FAMILY_DATA_LOST,
  HEARTH_MICROPROFILE_FAMILY_TEMPLATE,
} HearthMicroprofileFamily;

#define HEARTH_MICROPROFILE_MAX_META 8

/**
 * HearthMicroprofileScope:
 *
 * One closed scope instance, reported when it is closed (or at the end of
 * the capture for scopes that are still open). Values are exclusive: what
 * sits directly in the scope.
 */
typedef struct
{
  guint         thread;
  guint         timer;
  const char   *name;                 /* after `$` re-targeting */
  double        start_ms;             /* thread's time base (GPU ms on GPU threads) */
  double        end_ms;
  guint         depth;
  guint         frame;                /* frame of the ENTER */
  gboolean      started_before_capture;
  gboolean      still_open;
  const char  **labels;               /* NULL-terminated; NULL when none */
  guint         n_labels;
  double        meta[HEARTH_MICROPROFILE_MAX_META];
  double        alloc_count;
  double        alloc_bytes;
  double        free_count;
  double        free_bytes;
  double        cpu_issue_start_ms;   /* GPU scopes: CPU time of the ENTER marker, else NAN */
  double        cpu_issue_end_ms;
  int           issuing_thread;       /* -1 when unknown */
} HearthMicroprofileScope;

typedef void (*HearthMicroprofileScopeFunc) (const HearthMicroprofileScope *scope,
                                             gpointer                       user_data);

typedef struct
{
  char    *name;
  double   min;
  GArray  *history;                   /* double, min added back */
} HearthMicroprofileCounter;

/**
 * HearthMicroprofileInfo:
 *
 * What the reader parsed, including what the model has no column for.
 */
typedef struct
{
  HearthMicroprofileFamily family;
  guint      n_frames;
  guint      n_threads;
  guint      n_timers;
  guint      n_groups;
  guint      n_categories;
  GArray    *thread_ids;              /* guint64 */
  GPtrArray *meta_names;
  GPtrArray *counters;                /* HearthMicroprofileCounter */
  GArray    *thread_group_time_ms;    /* double, n_threads × thread_group_stride */
  guint      thread_group_stride;
  double     tick_scale;              /* the last MakeTimesType scale, or NAN */
  guint      n_stale_entries;
  gboolean   truncated;
  gsize      truncated_at;
} HearthMicroprofileInfo;

HearthProfile *hearth_microprofile_read_full   (const HearthImportSource     *source,
                                                HearthMicroprofileScopeFunc   scope_func,
                                                gpointer                      user_data,
                                                HearthMicroprofileInfo      **info,
                                                GError                      **error);
HearthMicroprofileFamily hearth_microprofile_detect (const guint8 *data,
                                                     gsize         length);
void           hearth_microprofile_info_free   (HearthMicroprofileInfo       *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthMicroprofileInfo, hearth_microprofile_info_free)

/* Statement streams: the C-logical statements of a modern Roblox dump, as
 * its own parser delivers them (hearth-r0fl-runner.c). */
typedef struct _HearthMicroprofileStream HearthMicroprofileStream;

HearthMicroprofileStream *hearth_microprofile_stream_new          (const HearthImportSource  *source);
void                      hearth_microprofile_stream_feed         (HearthMicroprofileStream  *stream,
                                                                   const char                *chunk,
                                                                   gsize                      length);
guint                     hearth_microprofile_stream_get_n_frames (HearthMicroprofileStream  *stream,
                                                                   gint64                    *declared);
void                      hearth_microprofile_stream_add_warning  (HearthMicroprofileStream  *stream,
                                                                   const char                *format,
                                                                   ...) G_GNUC_PRINTF (2, 3);
HearthProfile            *hearth_microprofile_stream_finish       (HearthMicroprofileStream  *stream,
                                                                   GError                   **error);
void                      hearth_microprofile_stream_free         (HearthMicroprofileStream  *stream);

G_END_DECLS
