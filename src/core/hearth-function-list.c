/* hearth-function-list.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-function-list"

#include "config.h"

#include "hearth-function-list.h"

#include "hearth-function-item.h"

/* Every function of a profile that labels at least one call-tree node and is
 * not a tree-root label, as a GListModel of #HearthFunctionItem. Items are
 * created lazily in get_item() and kept once created. */

struct _HearthFunctionList
{
  GObject              parent_instance;

  HearthProfile       *profile;
  HearthMetric         metric;
  GArray              *functions;   /* guint function ids */
  HearthFunctionItem **items;       /* lazily created, same length */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HearthFunctionList, hearth_function_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
hearth_function_list_get_item_type (GListModel *model)
{
  return HEARTH_TYPE_FUNCTION_ITEM;
}

static guint
hearth_function_list_get_n_items (GListModel *model)
{
  HearthFunctionList *self = HEARTH_FUNCTION_LIST (model);

  return self->functions->len;
}

static gpointer
hearth_function_list_get_item (GListModel *model,
                               guint       position)
{
  HearthFunctionList *self = HEARTH_FUNCTION_LIST (model);

  if (position >= self->functions->len)
    return NULL;

  if (self->items == NULL)
    self->items = g_new0 (HearthFunctionItem *, self->functions->len);

  if (self->items[position] == NULL)
    self->items[position] = hearth_function_item_new (self->profile,
                                                       g_array_index (self->functions, guint, position),
                                                       self->metric);

  return g_object_ref (self->items[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hearth_function_list_get_item_type;
  iface->get_n_items = hearth_function_list_get_n_items;
  iface->get_item = hearth_function_list_get_item;
}

static void
hearth_function_list_dispose (GObject *object)
{
  HearthFunctionList *self = HEARTH_FUNCTION_LIST (object);

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->functions->len; i++)
        g_clear_object (&self->items[i]);
      g_clear_pointer (&self->items, g_free);
    }
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_function_list_parent_class)->dispose (object);
}

static void
hearth_function_list_finalize (GObject *object)
{
  HearthFunctionList *self = HEARTH_FUNCTION_LIST (object);

  g_clear_pointer (&self->functions, g_array_unref);

  G_OBJECT_CLASS (hearth_function_list_parent_class)->finalize (object);
}

static void
hearth_function_list_class_init (HearthFunctionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_function_list_dispose;
  object_class->finalize = hearth_function_list_finalize;
}

static void
hearth_function_list_init (HearthFunctionList *self)
{
  self->functions = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * hearth_function_list_new:
 * @profile: the profile
 * @metric: the metric the items read
 *
 * Returns: (transfer full): the functions of @profile that have at least one
 *   node and are not tree-root labels, in function-table order
 */
HearthFunctionList *
hearth_function_list_new (HearthProfile *profile,
                          HearthMetric   metric)
{
  HearthFunctionList *self;
  guint n_functions;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  self = g_object_new (HEARTH_TYPE_FUNCTION_LIST, NULL);
  self->profile = g_object_ref (profile);
  self->metric = metric;

  n_functions = hearth_profile_get_n_functions (profile);
  for (guint f = 0; f < n_functions; f++)
    {
      if (hearth_profile_function_get_n_nodes (profile, f) == 0 ||
          hearth_profile_function_is_root_label (profile, f))
        continue;
      g_array_append_val (self->functions, f);
    }

  return self;
}

/**
 * hearth_function_list_get_function:
 *
 * Returns: the function at @position, without creating an item
 */
guint
hearth_function_list_get_function (HearthFunctionList *self,
                                   guint               position)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_LIST (self), HEARTH_NO_INDEX);
  g_return_val_if_fail (position < self->functions->len, HEARTH_NO_INDEX);

  return g_array_index (self->functions, guint, position);
}
