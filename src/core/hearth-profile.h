/* hearth-profile.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-types.h"

G_BEGIN_DECLS

/**
 * HearthCallTree:
 * @n_nodes: number of nodes, including the synthetic `<root>` at index 0
 * @parent: parent node (%HEARTH_NO_INDEX for the root)
 * @first_child: first child or %HEARTH_NO_INDEX
 * @next_sibling: next sibling or %HEARTH_NO_INDEX
 * @function: function id of the node (the root has the `<root>` function)
 * @depth: 0 for `<root>`, 1 for the tree roots (categories, threads), ...
 * @subtree_end: nodes are stored in depth-first pre-order, so the
 *   descendants of node n are exactly n+1 .. subtree_end[n]-1
 * @total: per metric, inclusive values, %NULL when the metric is absent
 * @self: per metric, self values, %NULL when the metric is absent
 *
 * The call-tree arena in struct-of-arrays form. Read-only: it belongs to the
 * immutable #HearthProfile, so any thread may read it while it holds a
 * reference on the profile. Children keep the order the importer added them in;
 * views sort.
 */
typedef struct
{
  guint    n_nodes;
  guint32 *parent;
  guint32 *first_child;
  guint32 *next_sibling;
  guint32 *function;
  guint32 *depth;
  guint32 *subtree_end;
  double  *total[HEARTH_N_METRICS];
  double  *self[HEARTH_N_METRICS];
} HearthCallTree;

/**
 * HearthFrame:
 *
 * One captured frame. Times are milliseconds from the start of the capture;
 * fields that a capture does not have are NAN (flags are 0).
 */
typedef struct
{
  double           start_ms;
  double           end_ms;
  double           gpu_start_ms;
  double           gpu_end_ms;
  double           cpu_waits_for_gpu_ms;
  double           jobs_ms;
  double           render_ms;
  double           gpu_ms;
  double           memory_used;
  double           alloc_count;
  double           alloc_bytes;
  double           free_count;
  double           free_bytes;
  HearthFrameClass klass;
  guint            paused : 1;
  guint            incomplete : 1;
  guint            clobbered : 1;
  /* MicroProfiler family C (MakeFrame #12, #14, #15, #17); NAN when absent */
  double           cpu_frequency_mhz;
  double           memory_free;
  double           alloc_ms;
  double           free_ms;
} HearthFrame;

/**
 * HearthThreadInfo:
 * @name: thread (timeline) name
 * @node: the tree-root node of this thread, or %HEARTH_NO_INDEX
 * @gpu: a GPU queue written as a thread
 * @clobbered: the ring buffer wrapped around inside the capture
 */
typedef struct
{
  const char *name;
  guint32     node;
  guint       gpu : 1;
  guint       clobbered : 1;
} HearthThreadInfo;

/**
 * HearthFrameValue:
 * @node: call-tree node
 * @metric: a #HearthMetric
 * @value: the node's **self** value of @metric within one frame
 *
 * One entry of the sparse per-frame record: what a node did in one frame.
 * Within a frame, entries come in no particular order (sum repeated keys); zero values are
 * not stored. Summed over all frames they give the node's self values.
 */
typedef struct
{
  guint32 node;
  guint32 metric;
  double  value;
} HearthFrameValue;

/**
 * HearthAnnotation:
 * @node: call-tree node
 * @kind: a label or a counter
 * @name: the label text or the counter name; owned by the profile
 * @value: for a label, how many times it was attached; for a counter, the
 *   sum of its increments
 *
 * A fact about a node's **own** scope that is not a metric: MicroProfiler
 * labels (microprofiler.md §6.5, §8.4) and meta counters. Annotations are not
 * summed up the tree. A node keeps at most
 * %HEARTH_ANNOTATION_MAX_LABELS distinct labels; the rest are summed into one
 * label named %HEARTH_ANNOTATION_OTHER_LABELS (likewise for counters with
 * %HEARTH_ANNOTATION_OTHER_COUNTERS), which views translate.
 */
typedef struct
{
  guint32              node;
  HearthAnnotationKind kind;
  const char          *name;
  double               value;
} HearthAnnotation;

#define HEARTH_ANNOTATION_MAX_LABELS     64
#define HEARTH_ANNOTATION_MAX_COUNTERS   64
#define HEARTH_ANNOTATION_OTHER_LABELS   "(other labels)"
#define HEARTH_ANNOTATION_OTHER_COUNTERS "(other counters)"

#define HEARTH_TYPE_PROFILE (hearth_profile_get_type ())

G_DECLARE_FINAL_TYPE (HearthProfile, hearth_profile, HEARTH, PROFILE, GObject)

/* Metadata */
const char           *hearth_profile_get_format              (HearthProfile *self);
const char           *hearth_profile_get_format_name         (HearthProfile *self);
const char           *hearth_profile_get_file_name           (HearthProfile *self);
char                 *hearth_profile_dup_display_name        (HearthProfile *self);
double                hearth_profile_get_session_start_ms    (HearthProfile *self);
double                hearth_profile_get_session_end_ms      (HearthProfile *self);
double                hearth_profile_get_session_ms          (HearthProfile *self);
gint64                hearth_profile_get_capture_time_ms     (HearthProfile *self);
const char           *hearth_profile_get_place_id            (HearthProfile *self);
const char           *hearth_profile_get_mode                (HearthProfile *self);
gboolean              hearth_profile_get_approximate         (HearthProfile *self);
guint                 hearth_profile_get_n_sources           (HearthProfile *self);
const char           *hearth_profile_get_normalisation       (HearthProfile *self);
const char * const   *hearth_profile_get_warnings            (HearthProfile *self);
const char           *hearth_profile_get_metadata            (HearthProfile *self,
                                                              const char    *key);
char                **hearth_profile_list_metadata_keys      (HearthProfile *self);
gboolean              hearth_profile_has_metric              (HearthProfile *self,
                                                              HearthMetric   metric);
gboolean              hearth_profile_has_memory              (HearthProfile *self);

/* Functions */
guint                 hearth_profile_get_n_functions         (HearthProfile *self);
const char           *hearth_profile_function_get_name       (HearthProfile *self,
                                                              guint          function);
const char           *hearth_profile_function_get_source     (HearthProfile *self,
                                                              guint          function);
int                   hearth_profile_function_get_line       (HearthProfile *self,
                                                              guint          function);
const char           *hearth_profile_function_get_group      (HearthProfile *self,
                                                              guint          function);
HearthFunctionKind    hearth_profile_function_get_kind       (HearthProfile *self,
                                                              guint          function);
HearthFunctionFlags   hearth_profile_function_get_flags      (HearthProfile *self,
                                                              guint          function);
gboolean              hearth_profile_function_get_color      (HearthProfile *self,
                                                              guint          function,
                                                              guint32       *rgb);
gboolean              hearth_profile_function_is_root_label  (HearthProfile *self,
                                                              guint          function);
char                 *hearth_profile_function_dup_display_name (HearthProfile *self,
                                                                guint          function);
char                 *hearth_profile_function_dup_location   (HearthProfile *self,
                                                              guint          function);
double                hearth_profile_function_get_total      (HearthProfile *self,
                                                              guint          function,
                                                              HearthMetric   metric);
double                hearth_profile_function_get_self       (HearthProfile *self,
                                                              guint          function,
                                                              HearthMetric   metric);
guint                 hearth_profile_function_get_n_nodes    (HearthProfile *self,
                                                              guint          function);

/* Call tree */
const HearthCallTree *hearth_profile_get_call_tree           (HearthProfile *self);
guint                 hearth_profile_get_n_nodes             (HearthProfile *self);
guint                 hearth_profile_node_get_function       (HearthProfile *self,
                                                              guint          node);
guint                 hearth_profile_node_get_parent         (HearthProfile *self,
                                                              guint          node);
guint                 hearth_profile_node_get_depth          (HearthProfile *self,
                                                              guint          node);
guint                 hearth_profile_node_get_n_children     (HearthProfile *self,
                                                              guint          node);
double                hearth_profile_node_get_total          (HearthProfile *self,
                                                              guint          node,
                                                              HearthMetric   metric);
double                hearth_profile_node_get_self           (HearthProfile *self,
                                                              guint          node,
                                                              HearthMetric   metric);
double                hearth_profile_get_root_total          (HearthProfile *self,
                                                              HearthMetric   metric);
guint                *hearth_profile_node_dup_children_sorted (HearthProfile *self,
                                                               guint          node,
                                                               HearthMetric   metric,
                                                               guint         *n_children);
char                 *hearth_profile_node_dup_path           (HearthProfile *self,
                                                              guint          node,
                                                              const char    *separator);

/* Frames and threads */
guint                 hearth_profile_get_n_frames            (HearthProfile *self);
const HearthFrame    *hearth_profile_get_frame               (HearthProfile *self,
                                                              guint          index);
guint                 hearth_profile_get_n_threads           (HearthProfile *self);
const HearthThreadInfo *hearth_profile_get_thread            (HearthProfile *self,
                                                              guint          index);
gboolean              hearth_profile_has_frame_values        (HearthProfile *self);
const HearthFrameValue *hearth_profile_get_frame_values      (HearthProfile *self,
                                                              guint          frame,
                                                              guint         *n_values);

/* Annotations */
gboolean              hearth_profile_has_annotations         (HearthProfile *self);
int                    hearth_annotation_compare              (const void    *a,
                                                               const void    *b);
const HearthAnnotation *hearth_profile_get_annotations       (HearthProfile *self,
                                                              guint          node,
                                                              guint         *n_out);

const char           *hearth_metric_to_string                (HearthMetric   metric);
gboolean              hearth_metric_from_string              (const char    *str,
                                                              HearthMetric  *metric);
gboolean              hearth_metric_is_time                  (HearthMetric   metric);

G_END_DECLS
