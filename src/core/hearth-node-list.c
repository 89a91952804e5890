/* hearth-node-list.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-node-list"

#include "config.h"

#include "hearth-node-list.h"

#include "hearth-node-item.h"

/* The children of one call-tree node as a GListModel of #HearthNodeItem.
 * Only the child indices are stored up front; item objects are created in
 * get_item() when GTK asks for them, then kept so that sorting and re-binding
 * do not create them again. */

struct _HearthNodeList
{
  GObject          parent_instance;

  HearthProfile   *profile;
  guint            parent;
  HearthMetric     metric;
  GArray          *children;   /* guint node indices, arena order */
  HearthNodeItem **items;      /* lazily created, same length */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HearthNodeList, hearth_node_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
hearth_node_list_get_item_type (GListModel *model)
{
  return HEARTH_TYPE_NODE_ITEM;
}

static guint
hearth_node_list_get_n_items (GListModel *model)
{
  HearthNodeList *self = HEARTH_NODE_LIST (model);

  return self->children->len;
}

static gpointer
hearth_node_list_get_item (GListModel *model,
                           guint       position)
{
  HearthNodeList *self = HEARTH_NODE_LIST (model);

  if (position >= self->children->len)
    return NULL;

  if (self->items == NULL)
    self->items = g_new0 (HearthNodeItem *, self->children->len);

  if (self->items[position] == NULL)
    self->items[position] = hearth_node_item_new (self->profile,
                                                   g_array_index (self->children, guint, position),
                                                   self->metric);

  return g_object_ref (self->items[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hearth_node_list_get_item_type;
  iface->get_n_items = hearth_node_list_get_n_items;
  iface->get_item = hearth_node_list_get_item;
}

static void
hearth_node_list_dispose (GObject *object)
{
  HearthNodeList *self = HEARTH_NODE_LIST (object);

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->children->len; i++)
        g_clear_object (&self->items[i]);
      g_clear_pointer (&self->items, g_free);
    }
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_node_list_parent_class)->dispose (object);
}

static void
hearth_node_list_finalize (GObject *object)
{
  HearthNodeList *self = HEARTH_NODE_LIST (object);

  g_clear_pointer (&self->children, g_array_unref);

  G_OBJECT_CLASS (hearth_node_list_parent_class)->finalize (object);
}

static void
hearth_node_list_class_init (HearthNodeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_node_list_dispose;
  object_class->finalize = hearth_node_list_finalize;
}

static void
hearth_node_list_init (HearthNodeList *self)
{
  self->children = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * hearth_node_list_new_filtered:
 * @profile: the profile
 * @parent: the node whose children are listed; node 0 (`<root>`) lists the
 *   tree roots
 * @metric: the metric the items read
 * @visible: (nullable): one byte per node, nonzero for the nodes to list
 *   (see hearth_document_get_visible_nodes()), or %NULL to list every child
 *
 * Returns: (transfer full): a new list
 */
HearthNodeList *
hearth_node_list_new_filtered (HearthProfile *profile,
                               guint          parent,
                               HearthMetric   metric,
                               GBytes        *visible)
{
  const HearthCallTree *tree;
  const guint8 *bits = NULL;
  gsize n_bits = 0;
  HearthNodeList *self;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  self = g_object_new (HEARTH_TYPE_NODE_LIST, NULL);
  self->profile = g_object_ref (profile);
  self->parent = parent;
  self->metric = metric;

  tree = hearth_profile_get_call_tree (profile);
  if (parent >= tree->n_nodes)
    return self;

  if (visible != NULL)
    bits = g_bytes_get_data (visible, &n_bits);

  for (guint32 c = tree->first_child[parent]; c != HEARTH_NO_INDEX; c = tree->next_sibling[c])
    {
      guint node = c;

      if (bits != NULL && (c >= n_bits || bits[c] == 0))
        continue;
      g_array_append_val (self->children, node);
    }

  return self;
}

/**
 * hearth_node_list_new:
 * @profile: the profile
 * @parent: the node whose children are listed
 * @metric: the metric the items read
 *
 * Returns: (transfer full): a new list of every child of @parent
 */
HearthNodeList *
hearth_node_list_new (HearthProfile *profile,
                      guint          parent,
                      HearthMetric   metric)
{
  return hearth_node_list_new_filtered (profile, parent, metric, NULL);
}

guint
hearth_node_list_get_parent (HearthNodeList *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_LIST (self), HEARTH_NO_INDEX);

  return self->parent;
}

/**
 * hearth_node_list_get_node:
 *
 * Returns: the node at @position, without creating an item
 */
guint
hearth_node_list_get_node (HearthNodeList *self,
                           guint           position)
{
  g_return_val_if_fail (HEARTH_IS_NODE_LIST (self), HEARTH_NO_INDEX);
  g_return_val_if_fail (position < self->children->len, HEARTH_NO_INDEX);

  return g_array_index (self->children, guint, position);
}
