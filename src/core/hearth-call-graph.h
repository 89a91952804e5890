/* hearth-call-graph.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-profile.h"
#include "hearth-profile-builder.h"

G_BEGIN_DECLS

/**
 * HearthCallEdge:
 * @caller: function id of the caller
 * @callee: function id of the callee
 * @count: samples (time mode) or calls (call mode, tree formats) along the edge
 * @time: inclusive time of the callee when called from @caller, in nanoseconds
 * @ambiguous: the importer could not tell which of several functions with
 *   the same name the edge belongs to (profiler.lua `report()` text)
 */
typedef struct
{
  guint32 caller;
  guint32 callee;
  double  count;
  double  time;
  guint   ambiguous : 1;
} HearthCallEdge;

typedef struct _HearthCallGraph HearthCallGraph;

#define HEARTH_TYPE_CALL_GRAPH (hearth_call_graph_get_type ())

GType                 hearth_call_graph_get_type              (void) G_GNUC_CONST;

HearthCallGraph      *hearth_call_graph_new                   (guint            n_functions);
HearthCallGraph      *hearth_call_graph_ref                   (HearthCallGraph *self);
void                  hearth_call_graph_unref                 (HearthCallGraph *self);

/* Building (before hearth_call_graph_seal() or attaching) */
void                  hearth_call_graph_set_function          (HearthCallGraph *self,
                                                               guint            function,
                                                               double           count,
                                                               double           total,
                                                               double           self_time,
                                                               double           children);
void                  hearth_call_graph_add_edge              (HearthCallGraph *self,
                                                               guint            caller,
                                                               guint            callee,
                                                               double           count,
                                                               double           time,
                                                               gboolean         ambiguous);
void                  hearth_call_graph_seal                  (HearthCallGraph *self);

/* Attaching to a profile */
void                  hearth_call_graph_attach                (HearthProfile   *profile,
                                                               HearthCallGraph *graph);
HearthCallGraph      *hearth_call_graph_get_for_profile       (HearthProfile   *profile);
gboolean              hearth_call_graph_is_derived            (HearthCallGraph *self);

/* Per-function figures (times in nanoseconds) */
guint                 hearth_call_graph_get_n_functions       (HearthCallGraph *self);
gboolean              hearth_call_graph_function_has_record   (HearthCallGraph *self,
                                                               guint            function);
double                hearth_call_graph_function_get_count    (HearthCallGraph *self,
                                                               guint            function);
double                hearth_call_graph_function_get_total    (HearthCallGraph *self,
                                                               guint            function);
double                hearth_call_graph_function_get_self     (HearthCallGraph *self,
                                                               guint            function);
double                hearth_call_graph_function_get_children (HearthCallGraph *self,
                                                               guint            function);
double                hearth_call_graph_function_get_total_per_count (HearthCallGraph *self,
                                                                      guint            function);
double                hearth_call_graph_function_get_self_per_count  (HearthCallGraph *self,
                                                                      guint            function);

/* Edges */
guint                 hearth_call_graph_get_n_edges           (HearthCallGraph *self);
const HearthCallEdge *hearth_call_graph_get_edge              (HearthCallGraph *self,
                                                               guint            edge);
const guint32        *hearth_call_graph_get_callees           (HearthCallGraph *self,
                                                               guint            function,
                                                               guint           *n_edges);
const guint32        *hearth_call_graph_get_callers           (HearthCallGraph *self,
                                                               guint            function,
                                                               guint           *n_edges);
gboolean              hearth_call_graph_find_edge             (HearthCallGraph *self,
                                                               guint            caller,
                                                               guint            callee,
                                                               HearthCallEdge  *edge);

/* Derived profiles */
void                  hearth_call_graph_build_tree            (HearthCallGraph      *self,
                                                               HearthProfileBuilder *builder);
HearthProfile        *hearth_call_graph_merge_by_name         (HearthProfile   *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthCallGraph, hearth_call_graph_unref)

G_END_DECLS
