/* hearth-index-item.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_INDEX_ITEM (hearth_index_item_get_type ())

G_DECLARE_FINAL_TYPE (HearthIndexItem, hearth_index_item, HEARTH, INDEX_ITEM, GObject)

HearthIndexItem *hearth_index_item_new       (guint            index);
guint            hearth_index_item_get_index (HearthIndexItem *self);

G_END_DECLS
