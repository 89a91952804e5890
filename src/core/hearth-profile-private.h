/* hearth-profile-private.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-profile.h"

G_BEGIN_DECLS

typedef struct
{
  const char         *name;     /* interned; NULL for anonymous */
  const char         *source;   /* interned or NULL */
  const char         *group;    /* interned or NULL */
  int                 line;     /* 0 when unknown */
  HearthFunctionKind  kind;
  HearthFunctionFlags flags;
  guint32             color;
  guint               has_color : 1;
} HearthFunctionRec;

struct _HearthProfile
{
  GObject            parent_instance;

  GStringChunk      *strings;

  char              *format;
  char              *format_name;
  char              *file_name;
  char              *place_id;
  char              *mode;
  char              *normalisation;
  char             **warnings;
  GHashTable        *metadata;
  double             session_start_ms;
  double             session_end_ms;
  double             session_ms;
  gint64             capture_time_ms;
  guint              n_sources;
  guint              metrics;           /* bit per HearthMetric */
  guint              approximate : 1;

  HearthFunctionRec *functions;
  guint              n_functions;
  double            *function_total[HEARTH_N_METRICS];
  double            *function_self[HEARTH_N_METRICS];
  guint32           *function_n_nodes;

  HearthCallTree     tree;

  HearthFrame       *frames;
  guint              n_frames;
  HearthThreadInfo  *threads;
  guint              n_threads;

  /* sparse per-frame self values: frame f owns
   * frame_values[frame_value_offsets[f] .. frame_value_offsets[f + 1]) */
  HearthFrameValue  *frame_values;
  guint32           *frame_value_offsets;   /* n_frames + 1, or NULL */

  /* node n's own annotations are annotations[annotation_offsets[n] ..
   * annotation_offsets[n + 1]); names live in `strings` */
  HearthAnnotation  *annotations;
  guint32           *annotation_offsets;    /* n_nodes + 1, or NULL */
  guint              n_annotations;
};

HearthProfile *_hearth_profile_new (void);

G_END_DECLS
