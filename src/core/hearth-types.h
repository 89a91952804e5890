/* hearth-types.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forward typedefs so headers need not include each other (C11 allows the
 * repeated typedef that G_DECLARE_* adds). */
typedef struct _HearthProfile        HearthProfile;
typedef struct _HearthProfileBuilder HearthProfileBuilder;
typedef struct _HearthDocument       HearthDocument;
typedef struct _HearthNodeItem       HearthNodeItem;
typedef struct _HearthNodeList       HearthNodeList;
typedef struct _HearthFunctionItem   HearthFunctionItem;
typedef struct _HearthFunctionList   HearthFunctionList;

/**
 * HearthMetric:
 * @HEARTH_METRIC_CPU_TIME: CPU or wall time, in nanoseconds
 * @HEARTH_METRIC_CALLS: calls (or samples) counted at the node itself
 * @HEARTH_METRIC_ALLOC_COUNT: allocations
 * @HEARTH_METRIC_ALLOC_BYTES: allocated bytes
 * @HEARTH_METRIC_FREE_COUNT: frees
 * @HEARTH_METRIC_FREE_BYTES: freed bytes
 * @HEARTH_METRIC_QUEUE_WAIT: Papyrus queue wait (PUSH - QUEUE_PUSH), nanoseconds
 * @HEARTH_METRIC_RETURN_WAIT: Papyrus return wait (POP - QUEUE_POP), nanoseconds
 *
 * Metrics are columns, not special cases. Every metric has a self value per
 * node (what the node itself accounts for) and an inclusive value (self plus
 * the inclusive values of its children). For %HEARTH_METRIC_CALLS the self
 * value is the number of calls of that call path.
 */
typedef enum
{
  HEARTH_METRIC_CPU_TIME,
  HEARTH_METRIC_CALLS,
  HEARTH_METRIC_ALLOC_COUNT,
  HEARTH_METRIC_ALLOC_BYTES,
  HEARTH_METRIC_FREE_COUNT,
  HEARTH_METRIC_FREE_BYTES,
  HEARTH_METRIC_QUEUE_WAIT,
  HEARTH_METRIC_RETURN_WAIT,
  HEARTH_N_METRICS
} HearthMetric;

/**
 * HearthFunctionKind:
 * @HEARTH_FUNCTION_KIND_FUNCTION: a real function, scope or timer
 * @HEARTH_FUNCTION_KIND_ROOT: the synthetic `<root>` (node 0 only)
 * @HEARTH_FUNCTION_KIND_CATEGORY: a tree root such as a Script Profiler category
 * @HEARTH_FUNCTION_KIND_THREAD: a tree root that is a thread or timeline
 * @HEARTH_FUNCTION_KIND_STACK: a tree root that is a Papyrus stack
 *
 * Tree roots (categories, threads, stacks) are labels, not functions: per-function
 * tables leave them out.
 */
typedef enum
{
  HEARTH_FUNCTION_KIND_FUNCTION,
  HEARTH_FUNCTION_KIND_ROOT,
  HEARTH_FUNCTION_KIND_CATEGORY,
  HEARTH_FUNCTION_KIND_THREAD,
  HEARTH_FUNCTION_KIND_STACK,
} HearthFunctionKind;

/**
 * HearthFunctionFlags:
 * @HEARTH_FUNCTION_FLAG_NATIVE: ran under Luau native code generation (` <native>`)
 * @HEARTH_FUNCTION_FLAG_PLUGIN: ran as part of a Studio plugin (` <plugin>`)
 * @HEARTH_FUNCTION_FLAG_C: a C function / engine API
 * @HEARTH_FUNCTION_FLAG_GC: garbage-collection pseudo-function
 * @HEARTH_FUNCTION_FLAG_GPU: a GPU timer or GPU thread
 * @HEARTH_FUNCTION_FLAG_EXCL: a bottom-up `Name (Excl)` pseudo node
 */
typedef enum
{
  HEARTH_FUNCTION_FLAG_NONE   = 0,
  HEARTH_FUNCTION_FLAG_NATIVE = 1 << 0,
  HEARTH_FUNCTION_FLAG_PLUGIN = 1 << 1,
  HEARTH_FUNCTION_FLAG_C      = 1 << 2,
  HEARTH_FUNCTION_FLAG_GC     = 1 << 3,
  HEARTH_FUNCTION_FLAG_GPU    = 1 << 4,
  HEARTH_FUNCTION_FLAG_EXCL   = 1 << 5,
} HearthFunctionFlags;

/**
 * HearthUnit:
 * @HEARTH_UNIT_MS: milliseconds (or the metric's natural unit)
 * @HEARTH_UNIT_PERCENT: percent of the `<root>` total
 */
typedef enum
{
  HEARTH_UNIT_MS,
  HEARTH_UNIT_PERCENT,
} HearthUnit;

/**
 * HearthAverage:
 *
 * The Script Profiler "Average" option: totals extrapolated to a time window
 * (value × window / session length).
 */
typedef enum
{
  HEARTH_AVERAGE_OFF,
  HEARTH_AVERAGE_1S,
  HEARTH_AVERAGE_1MIN,
  HEARTH_AVERAGE_5MIN,
  HEARTH_AVERAGE_10MIN,
} HearthAverage;

/**
 * HearthFrameClass:
 *
 * MicroProfiler frame bottleneck classes (family C).
 */
typedef enum
{
  HEARTH_FRAME_CLASS_UNKNOWN,
  HEARTH_FRAME_CLASS_CPU,
  HEARTH_FRAME_CLASS_GPU,
  HEARTH_FRAME_CLASS_RENDER,
} HearthFrameClass;

/**
 * HearthAnnotationKind:
 * @HEARTH_ANNOTATION_LABEL: a text attached to a scope (MicroProfiler
 *   labels); the value is how many times it was attached
 * @HEARTH_ANNOTATION_COUNTER: a named counter of a scope (MicroProfiler meta
 *   counters); the value is the sum of its increments
 *
 * What a #HearthAnnotation says about a call-tree node.
 */
typedef enum
{
  HEARTH_ANNOTATION_LABEL,
  HEARTH_ANNOTATION_COUNTER,
} HearthAnnotationKind;

/* Sentinel for "no node" / "no function" in arena indices */
#define HEARTH_NO_INDEX G_MAXUINT32

G_END_DECLS
