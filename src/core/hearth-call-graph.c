/* hearth-call-graph.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-call-graph"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-call-graph.h"
#include "hearth-combine.h"
#include "hearth-hash.h"

/* A caller → callee graph: nodes are the profile's function ids, edges carry
 * a count and an inclusive time. profiler.lua reports give exactly this (and
 * no call tree); for tree formats the graph is derived from the call tree.
 *
 * A graph is built, then sealed (the caller/callee indexes are computed) and
 * from then on immutable, so any thread may read it. */

typedef struct
{
  double   count;
  double   total;
  double   self;
  double   children;
  gboolean has_record;
} FunctionFigures;

struct _HearthCallGraph
{
  gatomicrefcount  ref_count;
  guint            n_functions;
  FunctionFigures *functions;
  GArray          *edges;          /* HearthCallEdge */
  GHashTable      *edge_index;     /* (caller, callee) -> index + 1, while building */
  guint32         *callee_offsets; /* n_functions + 1 */
  guint32         *callee_edges;
  guint32         *caller_offsets;
  guint32         *caller_edges;
  guint            sealed : 1;
  guint            derived : 1;
};

G_DEFINE_BOXED_TYPE (HearthCallGraph, hearth_call_graph, hearth_call_graph_ref, hearth_call_graph_unref)

static GMutex derive_lock;

/**
 * hearth_call_graph_new:
 * @n_functions: number of function ids (grows when needed)
 *
 * Returns: (transfer full): an empty, unsealed graph
 */
HearthCallGraph *
hearth_call_graph_new (guint n_functions)
{
  HearthCallGraph *self = g_new0 (HearthCallGraph, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->n_functions = n_functions;
  self->functions = g_new0 (FunctionFigures, MAX (n_functions, 1));
  self->edges = g_array_new (FALSE, TRUE, sizeof (HearthCallEdge));
  self->edge_index = g_hash_table_new_full (hearth_uint64_hash, g_int64_equal, g_free, NULL);

  return self;
}

HearthCallGraph *
hearth_call_graph_ref (HearthCallGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hearth_call_graph_unref (HearthCallGraph *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->functions);
  g_array_unref (self->edges);
  g_clear_pointer (&self->edge_index, g_hash_table_unref);
  g_free (self->callee_offsets);
  g_free (self->callee_edges);
  g_free (self->caller_offsets);
  g_free (self->caller_edges);
  g_free (self);
}

static void
ensure_functions (HearthCallGraph *self,
                  guint            n)
{
  if (n <= self->n_functions)
    return;

  self->functions = g_renew (FunctionFigures, self->functions, n);
  memset (self->functions + self->n_functions, 0, sizeof (FunctionFigures) * (n - self->n_functions));
  self->n_functions = n;
}

static double
finite_or_zero (double value)
{
  return isfinite (value) ? value : 0.0;
}

/**
 * hearth_call_graph_set_function:
 * @count: samples or calls
 * @total: inclusive time, ns
 * @self_time: self time, ns
 * @children: time in children, ns
 *
 * Records the figures of one function (a "record" in profiler.lua terms).
 * Functions never set have no record (tree roots, placeholders).
 */
void
hearth_call_graph_set_function (HearthCallGraph *self,
                                guint            function,
                                double           count,
                                double           total,
                                double           self_time,
                                double           children)
{
  FunctionFigures *fig;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (function < HEARTH_NO_INDEX);

  ensure_functions (self, function + 1);
  fig = &self->functions[function];
  fig->count = finite_or_zero (count);
  fig->total = finite_or_zero (total);
  fig->self = finite_or_zero (self_time);
  fig->children = finite_or_zero (children);
  fig->has_record = TRUE;
}

/**
 * hearth_call_graph_add_edge:
 * @time: ns
 *
 * Adds @count and @time to the edge @caller → @callee (created when new).
 */
void
hearth_call_graph_add_edge (HearthCallGraph *self,
                            guint            caller,
                            guint            callee,
                            double           count,
                            double           time,
                            gboolean         ambiguous)
{
  gint64 key;
  gpointer found;
  HearthCallEdge *edge;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);
  g_return_if_fail (caller < HEARTH_NO_INDEX && callee < HEARTH_NO_INDEX);

  ensure_functions (self, MAX (caller, callee) + 1);

  key = ((gint64) caller << 32) | callee;
  found = g_hash_table_lookup (self->edge_index, &key);
  if (found == NULL)
    {
      HearthCallEdge new_edge = { 0 };

      new_edge.caller = caller;
      new_edge.callee = callee;
      g_array_append_val (self->edges, new_edge);
      found = GUINT_TO_POINTER (self->edges->len);
      g_hash_table_insert (self->edge_index, g_memdup2 (&key, sizeof key), found);
    }

  edge = &g_array_index (self->edges, HearthCallEdge, GPOINTER_TO_UINT (found) - 1);
  edge->count += finite_or_zero (count);
  edge->time += finite_or_zero (time);
  edge->ambiguous |= !!ambiguous;
}

static HearthCallGraph *sort_graph;

/* Heaviest edges first; qsort_r is not portable, and sealing happens under
 * a lock or before publishing, so a file-scope pointer guarded by a mutex
 * is enough. */
static GMutex sort_lock;

static int
compare_edges_by_weight (gconstpointer a,
                         gconstpointer b)
{
  const HearthCallEdge *ea = &g_array_index (sort_graph->edges, HearthCallEdge, *(const guint32 *) a);
  const HearthCallEdge *eb = &g_array_index (sort_graph->edges, HearthCallEdge, *(const guint32 *) b);

  if (ea->time != eb->time)
    return ea->time > eb->time ? -1 : 1;
  if (ea->count != eb->count)
    return ea->count > eb->count ? -1 : 1;
  return *(const guint32 *) a < *(const guint32 *) b ? -1 : 1;
}

static void
build_index (HearthCallGraph  *self,
             gboolean          by_caller,
             guint32         **offsets_out,
             guint32         **edges_out)
{
  guint n = self->n_functions;
  guint32 *offsets = g_new0 (guint32, n + 1);
  guint32 *list = g_new (guint32, MAX (self->edges->len, 1));
  g_autofree guint32 *fill = g_new0 (guint32, n + 1);

  for (guint i = 0; i < self->edges->len; i++)
    {
      const HearthCallEdge *e = &g_array_index (self->edges, HearthCallEdge, i);
      offsets[(by_caller ? e->caller : e->callee) + 1]++;
    }
  for (guint f = 0; f < n; f++)
    offsets[f + 1] += offsets[f];
  for (guint i = 0; i < self->edges->len; i++)
    {
      const HearthCallEdge *e = &g_array_index (self->edges, HearthCallEdge, i);
      guint f = by_caller ? e->caller : e->callee;

      list[offsets[f] + fill[f]++] = i;
    }

  g_mutex_lock (&sort_lock);
  sort_graph = self;
  for (guint f = 0; f < n; f++)
    if (offsets[f + 1] - offsets[f] > 1)
      qsort (list + offsets[f], offsets[f + 1] - offsets[f], sizeof (guint32), compare_edges_by_weight);
  sort_graph = NULL;
  g_mutex_unlock (&sort_lock);

  *offsets_out = offsets;
  *edges_out = list;
}

/**
 * hearth_call_graph_seal:
 *
 * Computes the caller and callee indexes. The graph is immutable afterwards.
 * Sealing twice does nothing.
 */
void
hearth_call_graph_seal (HearthCallGraph *self)
{
  g_return_if_fail (self != NULL);

  if (self->sealed)
    return;

  build_index (self, TRUE, &self->callee_offsets, &self->callee_edges);
  build_index (self, FALSE, &self->caller_offsets, &self->caller_edges);
  g_clear_pointer (&self->edge_index, g_hash_table_unref);
  self->sealed = TRUE;
}

static GQuark
call_graph_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("hearth-call-graph");
  return quark;
}

/**
 * hearth_call_graph_attach:
 * @graph: (transfer none): the graph; it is sealed and a reference is kept
 *
 * Attaches @graph to @profile at import time, before the profile is handed
 * to anybody else. The profile stays logically immutable.
 */
void
hearth_call_graph_attach (HearthProfile   *profile,
                          HearthCallGraph *graph)
{
  g_return_if_fail (HEARTH_IS_PROFILE (profile));
  g_return_if_fail (graph != NULL);

  hearth_call_graph_seal (graph);
  g_mutex_lock (&derive_lock);
  g_object_set_qdata_full (G_OBJECT (profile), call_graph_quark (),
                           hearth_call_graph_ref (graph),
                           (GDestroyNotify) hearth_call_graph_unref);
  g_mutex_unlock (&derive_lock);
}

/* Tree formats: edge parent-function → child-function for every node whose
 * parent is a real function (not <root> nor a category/thread/stack label);
 * count = Σ the node's own calls, time = Σ the node's inclusive CPU time.
 * Per-function figures come from the profile's per-function totals. */
static HearthCallGraph *
derive_from_tree (HearthProfile *profile)
{
  const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
  guint n_functions = hearth_profile_get_n_functions (profile);
  HearthCallGraph *graph = hearth_call_graph_new (n_functions);
  const double *calls = tree->self[HEARTH_METRIC_CALLS];
  const double *time = tree->total[HEARTH_METRIC_CPU_TIME];
  g_autofree gboolean *label = g_new0 (gboolean, MAX (n_functions, 1));

  graph->derived = TRUE;

  for (guint f = 0; f < n_functions; f++)
    {
      double total, self_time;

      label[f] = hearth_profile_function_get_kind (profile, f) != HEARTH_FUNCTION_KIND_FUNCTION;
      if (label[f] || hearth_profile_function_get_n_nodes (profile, f) == 0)
        continue;

      total = hearth_profile_function_get_total (profile, f, HEARTH_METRIC_CPU_TIME);
      self_time = hearth_profile_function_get_self (profile, f, HEARTH_METRIC_CPU_TIME);
      hearth_call_graph_set_function (graph, f,
                                      hearth_profile_function_get_self (profile, f, HEARTH_METRIC_CALLS),
                                      total, self_time, MAX (0.0, total - self_time));
    }

  for (guint node = 1; node < tree->n_nodes; node++)
    {
      guint32 parent = tree->parent[node];
      guint32 caller;

      if (parent == HEARTH_NO_INDEX)
        continue;
      caller = tree->function[parent];
      if (label[caller] || label[tree->function[node]])
        continue;

      hearth_call_graph_add_edge (graph, caller, tree->function[node],
                                  calls != NULL ? calls[node] : 0,
                                  time != NULL ? time[node] : 0,
                                  FALSE);
    }

  hearth_call_graph_seal (graph);
  return graph;
}

/**
 * hearth_call_graph_get_for_profile:
 *
 * Returns the graph attached at import time (profiler.lua reports), or
 * derives one from the call tree (computed once, cached on the profile).
 * Safe to call from any thread.
 *
 * Returns: (transfer none): the graph, valid while @profile lives
 */
HearthCallGraph *
hearth_call_graph_get_for_profile (HearthProfile *profile)
{
  HearthCallGraph *graph;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  g_mutex_lock (&derive_lock);
  graph = g_object_get_qdata (G_OBJECT (profile), call_graph_quark ());
  if (graph == NULL)
    {
      graph = derive_from_tree (profile);
      g_object_set_qdata_full (G_OBJECT (profile), call_graph_quark (), graph,
                               (GDestroyNotify) hearth_call_graph_unref);
    }
  g_mutex_unlock (&derive_lock);

  return graph;
}

/**
 * hearth_call_graph_is_derived:
 *
 * Returns: %TRUE when the graph was derived from a call tree rather than
 *   read from the capture
 */
gboolean
hearth_call_graph_is_derived (HearthCallGraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->derived;
}

guint
hearth_call_graph_get_n_functions (HearthCallGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_functions;
}

#define FIGURES_CHECK(val) \
  G_STMT_START { \
    g_return_val_if_fail (self != NULL, (val)); \
    if (function >= self->n_functions) \
      return (val); \
  } G_STMT_END

gboolean
hearth_call_graph_function_has_record (HearthCallGraph *self,
                                       guint            function)
{
  FIGURES_CHECK (FALSE);
  return self->functions[function].has_record;
}

/**
 * hearth_call_graph_function_get_count:
 *
 * Returns: samples (time mode) or calls (call mode, tree formats)
 */
double
hearth_call_graph_function_get_count (HearthCallGraph *self,
                                      guint            function)
{
  FIGURES_CHECK (0);
  return self->functions[function].count;
}

/**
 * hearth_call_graph_function_get_total:
 *
 * Returns: the inclusive time in ns
 */
double
hearth_call_graph_function_get_total (HearthCallGraph *self,
                                      guint            function)
{
  FIGURES_CHECK (0);
  return self->functions[function].total;
}

double
hearth_call_graph_function_get_self (HearthCallGraph *self,
                                     guint            function)
{
  FIGURES_CHECK (0);
  return self->functions[function].self;
}

double
hearth_call_graph_function_get_children (HearthCallGraph *self,
                                         guint            function)
{
  FIGURES_CHECK (0);
  return self->functions[function].children;
}

/**
 * hearth_call_graph_function_get_total_per_count:
 *
 * Returns: total ÷ count in ns ("Time spent per sample/call"), 0 without count
 */
double
hearth_call_graph_function_get_total_per_count (HearthCallGraph *self,
                                                guint            function)
{
  FIGURES_CHECK (0);
  if (self->functions[function].count <= 0)
    return 0;
  return self->functions[function].total / self->functions[function].count;
}

double
hearth_call_graph_function_get_self_per_count (HearthCallGraph *self,
                                               guint            function)
{
  FIGURES_CHECK (0);
  if (self->functions[function].count <= 0)
    return 0;
  return self->functions[function].self / self->functions[function].count;
}

guint
hearth_call_graph_get_n_edges (HearthCallGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->edges->len;
}

const HearthCallEdge *
hearth_call_graph_get_edge (HearthCallGraph *self,
                            guint            edge)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (edge < self->edges->len, NULL);
  return &g_array_index (self->edges, HearthCallEdge, edge);
}

/**
 * hearth_call_graph_get_callees:
 * @n_edges: (out): number of edges
 *
 * The edges from @function to its callees, heaviest (by time, then count)
 * first. Seals the graph if needed (do that before sharing it).
 *
 * Returns: (transfer none) (array length=n_edges): edge indices
 */
const guint32 *
hearth_call_graph_get_callees (HearthCallGraph *self,
                               guint            function,
                               guint           *n_edges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_edges != NULL, NULL);

  hearth_call_graph_seal (self);
  if (function >= self->n_functions)
    {
      *n_edges = 0;
      return self->callee_edges;
    }
  *n_edges = self->callee_offsets[function + 1] - self->callee_offsets[function];
  return self->callee_edges + self->callee_offsets[function];
}

/**
 * hearth_call_graph_get_callers:
 * @n_edges: (out): number of edges
 *
 * The edges from @function's callers to it, heaviest first.
 *
 * Returns: (transfer none) (array length=n_edges): edge indices
 */
const guint32 *
hearth_call_graph_get_callers (HearthCallGraph *self,
                               guint            function,
                               guint           *n_edges)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_edges != NULL, NULL);

  hearth_call_graph_seal (self);
  if (function >= self->n_functions)
    {
      *n_edges = 0;
      return self->caller_edges;
    }
  *n_edges = self->caller_offsets[function + 1] - self->caller_offsets[function];
  return self->caller_edges + self->caller_offsets[function];
}

/**
 * hearth_call_graph_find_edge:
 * @edge: (out) (optional): the edge
 *
 * Returns: whether @caller calls @callee
 */
gboolean
hearth_call_graph_find_edge (HearthCallGraph *self,
                             guint            caller,
                             guint            callee,
                             HearthCallEdge  *edge)
{
  const guint32 *list;
  guint n;

  g_return_val_if_fail (self != NULL, FALSE);

  list = hearth_call_graph_get_callees (self, caller, &n);
  for (guint i = 0; i < n; i++)
    {
      const HearthCallEdge *e = &g_array_index (self->edges, HearthCallEdge, list[i]);

      if (e->callee == callee)
        {
          if (edge != NULL)
            *edge = *e;
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------------
 * The approximate tree
 *
 * A caller → callee graph cannot be turned back into stacks; this builds a
 * tree that is *labelled approximate* and keeps every function's totals:
 *
 * 1. Roots. A function with no callers (other than itself) is a root with its
 *    whole total time T(f) and count N(f). A function with callers is also a
 *    root for the part its callers do not explain: R = T(f) − Σ incoming edge
 *    times (and N(f) − Σ incoming counts), when that residue is more than 1 %
 *    of T(f) (N(f)); smaller residues are the rounding of the report's
 *    two-decimal child times. (In call mode, calls from functions that were
 *    already running at start() have no caller record, so they land here.)
 * 2. Expansion. A node of function f carrying time w and count c has scale
 *    k = w / T(f) (and c / N(f) for counts). Each callee edge f → g becomes a
 *    child of g carrying k × edge time and (c / N(f)) × edge count: a callee's
 *    time is distributed over its callers in proportion to the edge weights,
 *    and the share of f's callees under this node is the share of f that
 *    this node holds. If the children would exceed w (rounding), they are
 *    scaled down to fit.
 * 3. Self time of a node = w − Σ its children's times, so every node's
 *    inclusive time is exactly w. Because the shares of all nodes of f add up
 *    to 1, f's nodes add up to T(f) (total), S(f) (self) and N(f) (count):
 *    per-function tables of the tree match the report.
 * 4. Limits. A callee already on the path (recursion, cycles) becomes a leaf;
 *    expansion stops at depth 64 and after 200 000 nodes; children carrying
 *    less than a millionth of the grand total are not created. What is not
 *    expanded stays in the node's self time, so totals never change.
 * ------------------------------------------------------------------------ */

#define TREE_MAX_DEPTH 64
#define TREE_MAX_NODES 200000

typedef struct
{
  HearthCallGraph      *graph;
  HearthProfileBuilder *builder;
  guint8               *on_path;
  guint                 n_nodes;
  double                min_time;
  double                min_count;
} TreeJob;

static void
tree_expand (TreeJob *job,
             guint    node,
             guint    function,
             double   w_time,
             double   w_count,
             guint    depth)
{
  HearthCallGraph *graph = job->graph;
  const FunctionFigures *fig = &graph->functions[function];
  const guint32 *callees;
  guint n_callees;
  double k_time = fig->total > 0 ? w_time / fig->total : 0;
  double k_count = fig->count > 0 ? w_count / fig->count : 0;
  double edge_sum = 0;
  double children = 0;

  hearth_profile_builder_add_value (job->builder, node, HEARTH_METRIC_CALLS, w_count);

  callees = hearth_call_graph_get_callees (graph, function, &n_callees);
  if (depth >= TREE_MAX_DEPTH || job->n_nodes >= TREE_MAX_NODES || n_callees == 0)
    {
      hearth_profile_builder_add_value (job->builder, node, HEARTH_METRIC_CPU_TIME, w_time);
      return;
    }

  for (guint i = 0; i < n_callees; i++)
    edge_sum += g_array_index (graph->edges, HearthCallEdge, callees[i]).time;
  if (edge_sum * k_time > w_time && edge_sum > 0)
    k_time = w_time / edge_sum;

  job->on_path[function] = TRUE;
  for (guint i = 0; i < n_callees && job->n_nodes < TREE_MAX_NODES; i++)
    {
      const HearthCallEdge *e = &g_array_index (graph->edges, HearthCallEdge, callees[i]);
      double wt = e->time * k_time;
      double wc = e->count * k_count;
      guint child;

      if (wt <= job->min_time && wc <= job->min_count)
        continue;

      child = hearth_profile_builder_add_child (job->builder, node, e->callee);
      job->n_nodes++;
      children += wt;

      if (job->on_path[e->callee])
        {
          hearth_profile_builder_add_value (job->builder, child, HEARTH_METRIC_CPU_TIME, wt);
          hearth_profile_builder_add_value (job->builder, child, HEARTH_METRIC_CALLS, wc);
        }
      else
        {
          tree_expand (job, child, e->callee, wt, wc, depth + 1);
        }
    }
  job->on_path[function] = FALSE;

  hearth_profile_builder_add_value (job->builder, node, HEARTH_METRIC_CPU_TIME,
                                    MAX (0.0, w_time - children));
}

/**
 * hearth_call_graph_build_tree:
 * @builder: a builder whose function ids are the graph's function ids
 *
 * Adds the approximate call tree described above under `<root>`, with
 * %HEARTH_METRIC_CPU_TIME and %HEARTH_METRIC_CALLS (enabled here, self
 * values). Callers must also call hearth_profile_builder_set_approximate().
 */
void
hearth_call_graph_build_tree (HearthCallGraph      *self,
                              HearthProfileBuilder *builder)
{
  TreeJob job = { 0 };
  g_autofree guint8 *on_path = NULL;
  double grand_time = 0, grand_count = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (builder != NULL);

  hearth_call_graph_seal (self);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);

  on_path = g_new0 (guint8, MAX (self->n_functions, 1));
  job.graph = self;
  job.builder = builder;
  job.on_path = on_path;

  for (guint f = 0; f < self->n_functions; f++)
    {
      grand_time += self->functions[f].self;
      grand_count += self->functions[f].count;
    }
  job.min_time = grand_time * 1e-6;
  job.min_count = grand_count * 1e-6;

  for (guint f = 0; f < self->n_functions; f++)
    {
      const FunctionFigures *fig = &self->functions[f];
      const guint32 *callers;
      guint n_callers;
      gboolean has_callers = FALSE;
      double in_time = 0, in_count = 0;
      double r_time, r_count;
      guint node;

      if (!fig->has_record || f >= hearth_profile_builder_get_n_functions (builder))
        continue;

      callers = hearth_call_graph_get_callers (self, f, &n_callers);
      for (guint i = 0; i < n_callers; i++)
        {
          const HearthCallEdge *e = &g_array_index (self->edges, HearthCallEdge, callers[i]);

          if (e->caller == f)
            continue;
          has_callers = TRUE;
          in_time += e->time;
          in_count += e->count;
        }

      if (!has_callers)
        {
          r_time = fig->total;
          r_count = fig->count;
          if (r_time <= 0 && r_count <= 0)
            continue;
        }
      else
        {
          r_time = fig->total - in_time;
          r_count = fig->count - in_count;
          if (r_time <= fig->total * 0.01)
            r_time = 0;
          if (r_count < 0.5 || r_count <= fig->count * 0.01)
            r_count = 0;
          if (r_time == 0 && r_count == 0)
            continue;
        }

      if (job.n_nodes >= TREE_MAX_NODES)
        break;
      node = hearth_profile_builder_add_child (builder, HEARTH_ROOT_NODE, f);
      job.n_nodes++;
      tree_expand (&job, node, f, r_time, r_count, 1);
    }
}

/**
 * hearth_call_graph_merge_by_name:
 *
 * The "merge duplicate names" view option: functions with the same kind,
 * name, source, line and group (profiler.lua records of closures from one
 * source line) become one function. Figures and edges are summed and the
 * approximate tree is rebuilt from the merged graph.
 *
 * Returns: (transfer full): a new profile with its own graph attached
 */
HearthProfile *
hearth_call_graph_merge_by_name (HearthProfile *profile)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autoptr(HearthCallGraph) merged = NULL;
  g_autofree guint32 *map = NULL;
  HearthCallGraph *graph;
  HearthProfile *result;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  graph = hearth_call_graph_get_for_profile (profile);

  builder = hearth_profile_builder_new ();
  _hearth_profile_copy_info (builder, profile, FALSE);
  map = _hearth_profile_intern_functions (builder, profile);
  merged = hearth_call_graph_new (hearth_profile_builder_get_n_functions (builder));

  for (guint f = 0; f < graph->n_functions && f < hearth_profile_get_n_functions (profile); f++)
    {
      const FunctionFigures *fig = &graph->functions[f];
      FunctionFigures *to;

      if (!fig->has_record)
        continue;
      to = &merged->functions[map[f]];
      to->count += fig->count;
      to->total += fig->total;
      to->self += fig->self;
      to->children += fig->children;
      to->has_record = TRUE;
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      const HearthCallEdge *e = &g_array_index (graph->edges, HearthCallEdge, i);

      if (e->caller >= hearth_profile_get_n_functions (profile) ||
          e->callee >= hearth_profile_get_n_functions (profile))
        continue;
      hearth_call_graph_add_edge (merged, map[e->caller], map[e->callee], e->count, e->time, FALSE);
    }

  hearth_call_graph_seal (merged);
  hearth_call_graph_build_tree (merged, builder);
  hearth_profile_builder_set_approximate (builder, TRUE);
  hearth_profile_builder_set_metadata (builder, "merged-by-name", "true");

  result = hearth_profile_builder_finish (builder);
  hearth_call_graph_attach (result, merged);

  return result;
}
