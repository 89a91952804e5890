/* hearth-profile-builder.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

/**
 * HearthValueMode:
 * @HEARTH_VALUE_SELF: the importer adds self values; inclusive values are
 *   computed as self + Σ children (MicroProfiler, folded stacks, Papyrus)
 * @HEARTH_VALUE_INCLUSIVE: the importer sets inclusive values; self values
 *   are computed as inclusive − Σ children inclusive, clamped at 0
 *   (Script Profiler's TotalDuration)
 */
typedef enum
{
  HEARTH_VALUE_SELF,
  HEARTH_VALUE_INCLUSIVE,
} HearthValueMode;

/* Node 0, the synthetic `<root>`, exists from the start */
#define HEARTH_ROOT_NODE 0

HearthProfileBuilder *hearth_profile_builder_new              (void);
void                  hearth_profile_builder_free             (HearthProfileBuilder *self);

void                  hearth_profile_builder_set_format       (HearthProfileBuilder *self,
                                                               const char           *format,
                                                               const char           *format_name);
void                  hearth_profile_builder_set_file_name    (HearthProfileBuilder *self,
                                                               const char           *file_name);
void                  hearth_profile_builder_set_session      (HearthProfileBuilder *self,
                                                               double                start_ms,
                                                               double                end_ms);
void                  hearth_profile_builder_set_session_ms   (HearthProfileBuilder *self,
                                                               double                session_ms);
void                  hearth_profile_builder_set_capture_time_ms (HearthProfileBuilder *self,
                                                                  gint64                unix_ms);
void                  hearth_profile_builder_set_place_id     (HearthProfileBuilder *self,
                                                               const char           *place_id);
void                  hearth_profile_builder_set_mode         (HearthProfileBuilder *self,
                                                               const char           *mode);
void                  hearth_profile_builder_set_approximate  (HearthProfileBuilder *self,
                                                               gboolean              approximate);
void                  hearth_profile_builder_set_n_sources    (HearthProfileBuilder *self,
                                                               guint                 n_sources);
void                  hearth_profile_builder_set_normalisation (HearthProfileBuilder *self,
                                                                const char           *label);
void                  hearth_profile_builder_add_warning      (HearthProfileBuilder *self,
                                                               const char           *format,
                                                               ...) G_GNUC_PRINTF (2, 3);
guint                 hearth_profile_builder_get_n_warnings   (HearthProfileBuilder *self);
void                  hearth_profile_builder_set_metadata     (HearthProfileBuilder *self,
                                                               const char           *key,
                                                               const char           *value);

void                  hearth_profile_builder_enable_metric    (HearthProfileBuilder *self,
                                                               HearthMetric          metric,
                                                               HearthValueMode       mode);

guint                 hearth_profile_builder_intern_function  (HearthProfileBuilder *self,
                                                               HearthFunctionKind    kind,
                                                               const char           *name,
                                                               const char           *source,
                                                               int                   line,
                                                               const char           *group,
                                                               HearthFunctionFlags   flags);
guint                 hearth_profile_builder_add_function     (HearthProfileBuilder *self,
                                                               HearthFunctionKind    kind,
                                                               const char           *name,
                                                               const char           *source,
                                                               int                   line,
                                                               const char           *group,
                                                               HearthFunctionFlags   flags);
void                  hearth_profile_builder_set_function_color (HearthProfileBuilder *self,
                                                                 guint                 function,
                                                                 guint32               rgb);
guint                 hearth_profile_builder_get_n_functions  (HearthProfileBuilder *self);

guint                 hearth_profile_builder_add_child        (HearthProfileBuilder *self,
                                                               guint                 parent,
                                                               guint                 function);
guint                 hearth_profile_builder_get_child        (HearthProfileBuilder *self,
                                                               guint                 parent,
                                                               guint                 function);
guint                 hearth_profile_builder_get_n_nodes      (HearthProfileBuilder *self);
guint                 hearth_profile_builder_node_get_parent  (HearthProfileBuilder *self,
                                                               guint                 node);
guint                 hearth_profile_builder_node_get_function (HearthProfileBuilder *self,
                                                                guint                 node);
void                  hearth_profile_builder_add_value        (HearthProfileBuilder *self,
                                                               guint                 node,
                                                               HearthMetric          metric,
                                                               double                value);
void                  hearth_profile_builder_set_value        (HearthProfileBuilder *self,
                                                               guint                 node,
                                                               HearthMetric          metric,
                                                               double                value);

/* The `metric` field of the entries given to
 * hearth_profile_builder_take_frame_values() holds frame and metric */
#define HEARTH_FRAME_VALUE_METRIC_BITS 4
#define HEARTH_FRAME_VALUE_METRIC_MASK ((1u << HEARTH_FRAME_VALUE_METRIC_BITS) - 1)
#define HEARTH_FRAME_VALUE_MAX_FRAME ((G_MAXUINT32 >> HEARTH_FRAME_VALUE_METRIC_BITS) - 1)
#define HEARTH_FRAME_VALUE_KEY(frame, metric) \
  (((guint32) (frame) << HEARTH_FRAME_VALUE_METRIC_BITS) | (guint32) (metric))

G_STATIC_ASSERT (HEARTH_N_METRICS <= HEARTH_FRAME_VALUE_METRIC_MASK + 1);

guint                 hearth_profile_builder_add_frame        (HearthProfileBuilder *self,
                                                               const HearthFrame    *frame);
void                  hearth_profile_builder_reserve_frame_values (HearthProfileBuilder *self,
                                                                   guint                 n);
void                  hearth_profile_builder_add_frame_value  (HearthProfileBuilder *self,
                                                               guint                 frame,
                                                               guint                 node,
                                                               HearthMetric          metric,
                                                               double                value);
void                  hearth_profile_builder_take_frame_values (HearthProfileBuilder *self,
                                                                HearthFrameValue     *values,
                                                                gsize                 n,
                                                                const guint32        *node_map,
                                                                gsize                 n_map);
void                  hearth_frame_init                       (HearthFrame          *frame);
void                  hearth_profile_builder_add_thread       (HearthProfileBuilder *self,
                                                               const char           *name,
                                                               guint                 node,
                                                               gboolean              gpu,
                                                               gboolean              clobbered);

void                  hearth_profile_builder_add_unique_annotation (HearthProfileBuilder *self,
                                                                    guint                 node,
                                                                    HearthAnnotationKind  kind,
                                                                    const char           *name,
                                                                    double                value);
void                  hearth_profile_builder_add_annotation   (HearthProfileBuilder *self,
                                                               guint                 node,
                                                               HearthAnnotationKind  kind,
                                                               const char           *name,
                                                               double                value);

HearthProfile        *hearth_profile_builder_finish           (HearthProfileBuilder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthProfileBuilder, hearth_profile_builder_free)

G_END_DECLS
