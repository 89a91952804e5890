/* hearth-node-item.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-node-item"

#include "config.h"

#include "hearth-node-item.h"

#include "hearth-enums.h"

/* One call-tree node as a GObject, for list views. Items are created lazily by
 * #HearthNodeList for the rows GTK asks for; the arena itself never holds
 * GObjects. Immutable: every property is read-only. */

struct _HearthNodeItem
{
  GObject        parent_instance;

  HearthProfile *profile;
  guint          node;
  HearthMetric   metric;
  char          *name;      /* cached display name */
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_NODE,
  PROP_METRIC,
  PROP_FUNCTION,
  PROP_NAME,
  PROP_LOCATION,
  PROP_TOTAL,
  PROP_SELF,
  PROP_CALLS,
  PROP_PERCENT,
  PROP_IS_ROOT_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthNodeItem, hearth_node_item, G_TYPE_OBJECT)

static void
hearth_node_item_dispose (GObject *object)
{
  HearthNodeItem *self = HEARTH_NODE_ITEM (object);

  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_node_item_parent_class)->dispose (object);
}

static void
hearth_node_item_finalize (GObject *object)
{
  HearthNodeItem *self = HEARTH_NODE_ITEM (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hearth_node_item_parent_class)->finalize (object);
}

static void
hearth_node_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HearthNodeItem *self = HEARTH_NODE_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_NODE:
      g_value_set_uint (value, self->node);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    case PROP_FUNCTION:
      g_value_set_uint (value, hearth_node_item_get_function (self));
      break;

    case PROP_NAME:
      g_value_take_string (value, hearth_node_item_dup_name (self));
      break;

    case PROP_LOCATION:
      g_value_take_string (value, hearth_node_item_dup_location (self));
      break;

    case PROP_TOTAL:
      g_value_set_double (value, hearth_node_item_get_total (self));
      break;

    case PROP_SELF:
      g_value_set_double (value, hearth_node_item_get_self (self));
      break;

    case PROP_CALLS:
      g_value_set_double (value, hearth_node_item_get_calls (self));
      break;

    case PROP_PERCENT:
      g_value_set_double (value, hearth_node_item_get_percent (self));
      break;

    case PROP_IS_ROOT_LABEL:
      g_value_set_boolean (value, hearth_node_item_is_root_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_node_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HearthNodeItem *self = HEARTH_NODE_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_NODE:
      self->node = g_value_get_uint (value);
      break;

    case PROP_METRIC:
      self->metric = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_node_item_class_init (HearthNodeItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_node_item_dispose;
  object_class->finalize = hearth_node_item_finalize;
  object_class->get_property = hearth_node_item_get_property;
  object_class->set_property = hearth_node_item_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         HEARTH_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NODE] =
    g_param_spec_uint ("node", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FUNCTION] =
    g_param_spec_uint ("function", NULL, NULL,
                       0, G_MAXUINT, HEARTH_NO_INDEX,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL] =
    g_param_spec_double ("total", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELF] =
    g_param_spec_double ("self", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CALLS] =
    g_param_spec_double ("calls", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERCENT] =
    g_param_spec_double ("percent", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_ROOT_LABEL] =
    g_param_spec_boolean ("is-root-label", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_node_item_init (HearthNodeItem *self)
{
}

/**
 * hearth_node_item_new:
 * @profile: the profile whose arena holds @node
 * @node: a node index
 * @metric: the metric `total`, `self` and `percent` read
 *
 * Returns: (transfer full): a new item
 */
HearthNodeItem *
hearth_node_item_new (HearthProfile *profile,
                      guint          node,
                      HearthMetric   metric)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (node < hearth_profile_get_n_nodes (profile), NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  return g_object_new (HEARTH_TYPE_NODE_ITEM,
                       "profile", profile,
                       "node", node,
                       "metric", metric,
                       NULL);
}

/**
 * hearth_node_item_get_profile:
 *
 * Returns: (transfer none): the profile
 */
HearthProfile *
hearth_node_item_get_profile (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), NULL);

  return self->profile;
}

guint
hearth_node_item_get_node (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), HEARTH_NO_INDEX);

  return self->node;
}

guint
hearth_node_item_get_function (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), HEARTH_NO_INDEX);

  return hearth_profile_node_get_function (self->profile, self->node);
}

HearthMetric
hearth_node_item_get_metric (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), HEARTH_METRIC_CPU_TIME);

  return self->metric;
}

/**
 * hearth_node_item_dup_name:
 *
 * Returns: (transfer full): the display name, with ` <native>` / ` <plugin>`
 *   suffixes
 */
char *
hearth_node_item_dup_name (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), NULL);

  if (self->name == NULL)
    self->name = hearth_profile_function_dup_display_name (self->profile,
                                                           hearth_node_item_get_function (self));

  return g_strdup (self->name);
}

/**
 * hearth_node_item_dup_location:
 *
 * Returns: (transfer full): `Source:Line`, or "" for tree roots, which are
 *   labels without a source
 */
char *
hearth_node_item_dup_location (HearthNodeItem *self)
{
  guint function;

  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), NULL);

  function = hearth_node_item_get_function (self);
  if (hearth_profile_function_is_root_label (self->profile, function))
    return g_strdup ("");

  return hearth_profile_function_dup_location (self->profile, function);
}

double
hearth_node_item_get_total (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), 0);

  return hearth_profile_node_get_total (self->profile, self->node, self->metric);
}

double
hearth_node_item_get_self (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), 0);

  return hearth_profile_node_get_self (self->profile, self->node, self->metric);
}

/**
 * hearth_node_item_get_calls:
 *
 * Returns: the calls of this call path, 0 when the profile has no
 *   %HEARTH_METRIC_CALLS
 */
double
hearth_node_item_get_calls (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), 0);

  return hearth_profile_node_get_self (self->profile, self->node, HEARTH_METRIC_CALLS);
}

/**
 * hearth_node_item_get_percent:
 *
 * Returns: the inclusive value as a percentage of the `<root>` total (0 when
 *   that is 0)
 */
double
hearth_node_item_get_percent (HearthNodeItem *self)
{
  double root;

  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), 0);

  root = hearth_profile_get_root_total (self->profile, self->metric);
  if (root == 0)
    return 0;

  return hearth_node_item_get_total (self) / root * 100.0;
}

gboolean
hearth_node_item_has_children (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), FALSE);

  return hearth_profile_node_get_n_children (self->profile, self->node) > 0;
}

/**
 * hearth_node_item_is_root_label:
 *
 * Returns: %TRUE for tree roots (categories, threads, stacks)
 */
gboolean
hearth_node_item_is_root_label (HearthNodeItem *self)
{
  g_return_val_if_fail (HEARTH_IS_NODE_ITEM (self), FALSE);

  return hearth_profile_function_is_root_label (self->profile, hearth_node_item_get_function (self));
}
