/* hearth-flame-layout.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

/**
 * HearthFlameDirection:
 * @HEARTH_FLAME_TOP_DOWN: callers above callees, as recorded
 * @HEARTH_FLAME_BOTTOM_UP: one root per function where time is spent (a
 *   caller's own time as a separate `Name (Excl)` root), its callers below
 */
typedef enum
{
  HEARTH_FLAME_TOP_DOWN,
  HEARTH_FLAME_BOTTOM_UP,
} HearthFlameDirection;

/**
 * HearthFlameXRayMode:
 * @HEARTH_FLAME_XRAY_COUNT: shade by the number of events ("Count")
 * @HEARTH_FLAME_XRAY_SUM: shade by the bytes of the events ("Sum")
 */
typedef enum
{
  HEARTH_FLAME_XRAY_COUNT,
  HEARTH_FLAME_XRAY_SUM,
} HearthFlameXRayMode;

/**
 * HearthFlameXRayEvents:
 * @HEARTH_FLAME_XRAY_ALLOCS: allocations
 * @HEARTH_FLAME_XRAY_FREES: frees
 * @HEARTH_FLAME_XRAY_BOTH: allocations plus frees
 */
typedef enum
{
  HEARTH_FLAME_XRAY_ALLOCS,
  HEARTH_FLAME_XRAY_FREES,
  HEARTH_FLAME_XRAY_BOTH,
} HearthFlameXRayEvents;

#define HEARTH_TYPE_FLAME_DIRECTION    (hearth_flame_direction_get_type ())
#define HEARTH_TYPE_FLAME_XRAY_MODE    (hearth_flame_xray_mode_get_type ())
#define HEARTH_TYPE_FLAME_XRAY_EVENTS  (hearth_flame_xray_events_get_type ())

GType hearth_flame_direction_get_type   (void) G_GNUC_CONST;
GType hearth_flame_xray_mode_get_type   (void) G_GNUC_CONST;
GType hearth_flame_xray_events_get_type (void) G_GNUC_CONST;

/* The percentile that maps to full brightness in automatic X-Ray mode */
#define HEARTH_FLAME_XRAY_AUTO_PERCENTILE 95

/**
 * HearthFlameXRay:
 * @mode: count or bytes
 * @events: allocations, frees or both
 * @inclusive: shade by inclusive values instead of self values
 * @threshold: -1 for automatic, else the percentile (0–99) of the non-zero
 *   box values that maps to full brightness
 */
typedef struct
{
  HearthFlameXRayMode   mode;
  HearthFlameXRayEvents events;
  gboolean              inclusive;
  int                   threshold;
} HearthFlameXRay;

/**
 * HearthFlameRect:
 * @x: left edge, 0..1 of the zoom root's width
 * @width: 0..1
 * @depth: row; equal to the node's depth in the tree (0 = `<root>`)
 * @node: node of the layout's (display) tree
 *
 * One box. Rectangles are sorted by (depth, x), so a row is a contiguous,
 * x-sorted range that binary searches can use.
 */
typedef struct
{
  float   x;
  float   width;
  guint32 depth;
  guint32 node;
} HearthFlameRect;

/**
 * HearthFlameNodeInfo:
 *
 * The figures a tooltip or status bar shows for one node. Values are in the
 * metric's unit (nanoseconds for time); fields the profile does not have are
 * NAN.
 */
typedef struct
{
  guint        node;
  guint        function;         /* in the display profile */
  guint        source_function;  /* in the source profile (Excl boxes map to the function) */
  HearthMetric metric;
  double       total;
  double       self;
  double       root_total;       /* of `<root>` */
  double       parent_total;     /* NAN for `<root>` */
  double       calls;            /* NAN when the profile has no call counts */
  guint        n_frames;
  gboolean     has_memory;
  double       alloc_count;      /* inclusive */
  double       alloc_bytes;
  double       free_count;
  double       free_bytes;
  double       self_alloc_count;
  double       self_alloc_bytes;
} HearthFlameNodeInfo;

/**
 * HearthFlameLegendEntry:
 * @label: group name, source, or name
 * @rgb: 0xRRGGBB
 * @value: summed self values of the entry, in the layout's metric
 */
typedef struct
{
  char    *label;
  guint32  rgb;
  double   value;
} HearthFlameLegendEntry;

typedef struct _HearthFlameTree   HearthFlameTree;
typedef struct _HearthFlameLayout HearthFlameLayout;

#define HEARTH_TYPE_FLAME_TREE   (hearth_flame_tree_get_type ())
#define HEARTH_TYPE_FLAME_LAYOUT (hearth_flame_layout_get_type ())

GType                  hearth_flame_tree_get_type             (void) G_GNUC_CONST;
HearthFlameTree       *hearth_flame_tree_new                  (HearthProfile         *profile,
                                                               HearthFlameDirection   direction,
                                                               GCancellable          *cancellable);
HearthFlameTree       *hearth_flame_tree_ref                  (HearthFlameTree       *self);
void                   hearth_flame_tree_unref                (HearthFlameTree       *self);
HearthProfile         *hearth_flame_tree_get_profile          (HearthFlameTree       *self);
HearthProfile         *hearth_flame_tree_get_source           (HearthFlameTree       *self);
HearthFlameDirection   hearth_flame_tree_get_direction        (HearthFlameTree       *self);
guint                  hearth_flame_tree_get_source_function  (HearthFlameTree       *self,
                                                               guint                  function);
guint8                *hearth_flame_tree_match_functions      (HearthFlameTree       *self,
                                                               const char            *text);
void                   hearth_flame_tree_search_stats         (HearthFlameTree       *self,
                                                               const guint8          *match,
                                                               HearthMetric           metric,
                                                               guint                 *n_matches,
                                                               double                *fraction);
double                 hearth_flame_tree_xray_value           (HearthFlameTree       *self,
                                                               guint                  node,
                                                               const HearthFlameXRay *xray);
gboolean               hearth_flame_tree_function_get_color   (HearthFlameTree       *self,
                                                               guint                  function,
                                                               guint32               *rgb);

GType                  hearth_flame_layout_get_type           (void) G_GNUC_CONST;
HearthFlameLayout     *hearth_flame_layout_new                (HearthFlameTree       *tree,
                                                               HearthMetric           metric,
                                                               guint                  zoom_node,
                                                               double                 min_fraction,
                                                               GCancellable          *cancellable);
HearthFlameLayout     *hearth_flame_layout_ref                (HearthFlameLayout     *self);
void                   hearth_flame_layout_unref              (HearthFlameLayout     *self);
HearthFlameTree       *hearth_flame_layout_get_tree           (HearthFlameLayout     *self);
HearthProfile         *hearth_flame_layout_get_profile        (HearthFlameLayout     *self);
HearthMetric           hearth_flame_layout_get_metric         (HearthFlameLayout     *self);
guint                  hearth_flame_layout_get_zoom_node      (HearthFlameLayout     *self);
double                 hearth_flame_layout_get_zoom_total     (HearthFlameLayout     *self);
const HearthFlameRect *hearth_flame_layout_get_rects          (HearthFlameLayout     *self,
                                                               guint                 *n_rects);
guint                  hearth_flame_layout_get_n_rows         (HearthFlameLayout     *self);
void                   hearth_flame_layout_get_row            (HearthFlameLayout     *self,
                                                               guint                  depth,
                                                               guint                 *first,
                                                               guint                 *end);
int                    hearth_flame_layout_hit_test           (HearthFlameLayout     *self,
                                                               guint                  depth,
                                                               double                 x);
int                    hearth_flame_layout_find_node          (HearthFlameLayout     *self,
                                                               guint                  node);
int                    hearth_flame_layout_find_parent_rect   (HearthFlameLayout     *self,
                                                               guint                  rect);
int                    hearth_flame_layout_find_child_rect    (HearthFlameLayout     *self,
                                                               guint                  rect);
void                   hearth_flame_layout_get_node_info      (HearthFlameLayout     *self,
                                                               guint                  node,
                                                               HearthFlameNodeInfo   *info);
GArray                *hearth_flame_layout_dup_legend         (HearthFlameLayout     *self,
                                                               guint                  max_entries);
double                 hearth_flame_layout_xray_full_scale    (HearthFlameLayout     *self,
                                                               const HearthFlameXRay *xray);
GArray                *hearth_flame_layout_dup_matches        (HearthFlameLayout     *self,
                                                               const guint8          *match);

void                   hearth_flame_xray_init                 (HearthFlameXRay       *xray);
double                 hearth_flame_xray_intensity            (double                 value,
                                                               double                 full_scale);
guint32                hearth_flame_hash_color                (const char            *key,
                                                               const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthFlameTree, hearth_flame_tree_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearthFlameLayout, hearth_flame_layout_unref)

G_END_DECLS
