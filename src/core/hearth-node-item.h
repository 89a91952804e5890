/* hearth-node-item.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_NODE_ITEM (hearth_node_item_get_type ())

G_DECLARE_FINAL_TYPE (HearthNodeItem, hearth_node_item, HEARTH, NODE_ITEM, GObject)

HearthNodeItem *hearth_node_item_new          (HearthProfile  *profile,
                                               guint           node,
                                               HearthMetric    metric);
HearthProfile  *hearth_node_item_get_profile  (HearthNodeItem *self);
guint           hearth_node_item_get_node     (HearthNodeItem *self);
guint           hearth_node_item_get_function (HearthNodeItem *self);
HearthMetric    hearth_node_item_get_metric   (HearthNodeItem *self);
char           *hearth_node_item_dup_name     (HearthNodeItem *self);
char           *hearth_node_item_dup_location (HearthNodeItem *self);
double          hearth_node_item_get_total    (HearthNodeItem *self);
double          hearth_node_item_get_self     (HearthNodeItem *self);
double          hearth_node_item_get_calls    (HearthNodeItem *self);
gboolean        hearth_node_item_has_children (HearthNodeItem *self);
double          hearth_node_item_get_percent  (HearthNodeItem *self);
gboolean        hearth_node_item_is_root_label (HearthNodeItem *self);

G_END_DECLS
