/* hearth-index-item.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-index-item"

#include "config.h"

#include "hearth-index-item.h"

/* A row of a small table whose data lives elsewhere (a call-graph edge, a
 * Papyrus call or stack): the item holds only the index, and the view's
 * cells and sorters read the figures from the model it belongs to. */

struct _HearthIndexItem
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (HearthIndexItem, hearth_index_item, G_TYPE_OBJECT)

static void
hearth_index_item_class_init (HearthIndexItemClass *klass)
{
}

static void
hearth_index_item_init (HearthIndexItem *self)
{
}

HearthIndexItem *
hearth_index_item_new (guint index)
{
  HearthIndexItem *self = g_object_new (HEARTH_TYPE_INDEX_ITEM, NULL);

  self->index = index;
  return self;
}

guint
hearth_index_item_get_index (HearthIndexItem *self)
{
  g_return_val_if_fail (HEARTH_IS_INDEX_ITEM (self), 0);

  return self->index;
}
