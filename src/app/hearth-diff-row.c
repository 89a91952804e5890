/* hearth-diff-row.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-diff-row"

#include "config.h"

#include "hearth-diff-row.h"

/* One row of the diff table: a node of the union tree. Its figures depend on
 * the comparison's metric and thresholds, so cells compute them when bound. */

struct _HearthDiffRow
{
  GObject     parent_instance;

  HearthDiff *diff;
  guint       node;
  char       *name;
};

G_DEFINE_FINAL_TYPE (HearthDiffRow, hearth_diff_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hearth_diff_row_finalize (GObject *object)
{
  HearthDiffRow *self = HEARTH_DIFF_ROW (object);

  g_clear_pointer (&self->diff, hearth_diff_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hearth_diff_row_parent_class)->finalize (object);
}

static void
hearth_diff_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HearthDiffRow *self = HEARTH_DIFF_ROW (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_uint (value, self->node);
      break;
    case PROP_NAME:
      g_value_set_string (value, hearth_diff_row_get_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_diff_row_class_init (HearthDiffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hearth_diff_row_finalize;
  object_class->get_property = hearth_diff_row_get_property;

  properties[PROP_NODE] =
    g_param_spec_uint ("node", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_diff_row_init (HearthDiffRow *self)
{
}

HearthDiffRow *
hearth_diff_row_new (HearthDiff *diff,
                     guint       node)
{
  HearthDiffRow *self;

  g_return_val_if_fail (diff != NULL, NULL);
  g_return_val_if_fail (node < hearth_diff_get_n_nodes (diff), NULL);

  self = g_object_new (HEARTH_TYPE_DIFF_ROW, NULL);
  self->diff = hearth_diff_ref (diff);
  self->node = node;

  return self;
}

/**
 * hearth_diff_row_get_diff:
 *
 * Returns: (transfer none): the diff
 */
HearthDiff *
hearth_diff_row_get_diff (HearthDiffRow *self)
{
  g_return_val_if_fail (HEARTH_IS_DIFF_ROW (self), NULL);
  return self->diff;
}

guint
hearth_diff_row_get_node (HearthDiffRow *self)
{
  g_return_val_if_fail (HEARTH_IS_DIFF_ROW (self), 0);
  return self->node;
}

/**
 * hearth_diff_row_get_name:
 *
 * Returns: the display name of the node's function (made on first use)
 */
const char *
hearth_diff_row_get_name (HearthDiffRow *self)
{
  g_return_val_if_fail (HEARTH_IS_DIFF_ROW (self), NULL);

  if (self->name == NULL)
    self->name = hearth_diff_node_dup_name (self->diff, self->node);
  return self->name;
}

/**
 * hearth_diff_row_dup_path:
 *
 * Returns: (transfer full): the call path, names joined by " → "
 */
char *
hearth_diff_row_dup_path (HearthDiffRow *self)
{
  g_return_val_if_fail (HEARTH_IS_DIFF_ROW (self), NULL);
  return hearth_diff_node_dup_path (self->diff, self->node, " → ");
}
