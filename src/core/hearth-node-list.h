/* hearth-node-list.h
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

#define HEARTH_TYPE_NODE_LIST (hearth_node_list_get_type ())

G_DECLARE_FINAL_TYPE (HearthNodeList, hearth_node_list, HEARTH, NODE_LIST, GObject)

HearthNodeList *hearth_node_list_new          (HearthProfile  *profile,
                                               guint           parent,
                                               HearthMetric    metric);
HearthNodeList *hearth_node_list_new_filtered (HearthProfile  *profile,
                                               guint           parent,
                                               HearthMetric    metric,
                                               GBytes         *visible);
guint           hearth_node_list_get_parent   (HearthNodeList *self);
guint           hearth_node_list_get_node     (HearthNodeList *self,
                                               guint           position);

G_END_DECLS
