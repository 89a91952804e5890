/* hearth-function-item.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-function-item"

#include "config.h"

#include "hearth-function-item.h"

#include "hearth-enums.h"

/* One function of a profile as a GObject, for the functions table. Created
 * lazily by #HearthFunctionList. Immutable: every property is read-only. */

struct _HearthFunctionItem
{
  GObject        parent_instance;

  HearthProfile *profile;
  guint          function;
  HearthMetric   metric;
  char          *name;      /* cached display name */
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_FUNCTION,
  PROP_METRIC,
  PROP_NAME,
  PROP_SOURCE,
  PROP_GROUP,
  PROP_LINE,
  PROP_TOTAL,
  PROP_SELF,
  PROP_CALLS,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthFunctionItem, hearth_function_item, G_TYPE_OBJECT)

static void
hearth_function_item_dispose (GObject *object)
{
  HearthFunctionItem *self = HEARTH_FUNCTION_ITEM (object);

  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_function_item_parent_class)->dispose (object);
}

static void
hearth_function_item_finalize (GObject *object)
{
  HearthFunctionItem *self = HEARTH_FUNCTION_ITEM (object);

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (hearth_function_item_parent_class)->finalize (object);
}

static void
hearth_function_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HearthFunctionItem *self = HEARTH_FUNCTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_FUNCTION:
      g_value_set_uint (value, self->function);
      break;

    case PROP_METRIC:
      g_value_set_enum (value, self->metric);
      break;

    case PROP_NAME:
      g_value_take_string (value, hearth_function_item_dup_name (self));
      break;

    case PROP_SOURCE:
      g_value_set_string (value, hearth_function_item_get_source (self));
      break;

    case PROP_GROUP:
      g_value_set_string (value, hearth_function_item_get_group (self));
      break;

    case PROP_LINE:
      g_value_set_int (value, hearth_function_item_get_line (self));
      break;

    case PROP_TOTAL:
      g_value_set_double (value, hearth_function_item_get_total (self));
      break;

    case PROP_SELF:
      g_value_set_double (value, hearth_function_item_get_self (self));
      break;

    case PROP_CALLS:
      g_value_set_double (value, hearth_function_item_get_calls (self));
      break;

    case PROP_PERCENT:
      g_value_set_double (value, hearth_function_item_get_percent (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_function_item_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HearthFunctionItem *self = HEARTH_FUNCTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      self->profile = g_value_dup_object (value);
      break;

    case PROP_FUNCTION:
      self->function = g_value_get_uint (value);
      break;

    case PROP_METRIC:
      self->metric = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_function_item_class_init (HearthFunctionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_function_item_dispose;
  object_class->finalize = hearth_function_item_finalize;
  object_class->get_property = hearth_function_item_get_property;
  object_class->set_property = hearth_function_item_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         HEARTH_TYPE_PROFILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FUNCTION] =
    g_param_spec_uint ("function", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL,
                       HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINE] =
    g_param_spec_int ("line", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hearth_function_item_init (HearthFunctionItem *self)
{
}

/**
 * hearth_function_item_new:
 * @profile: the profile
 * @function: a function of @profile
 * @metric: the metric `total`, `self` and `percent` read
 *
 * Returns: (transfer full): a new item
 */
HearthFunctionItem *
hearth_function_item_new (HearthProfile *profile,
                          guint          function,
                          HearthMetric   metric)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (function < hearth_profile_get_n_functions (profile), NULL);
  g_return_val_if_fail (metric < HEARTH_N_METRICS, NULL);

  return g_object_new (HEARTH_TYPE_FUNCTION_ITEM,
                       "profile", profile,
                       "function", function,
                       "metric", metric,
                       NULL);
}

/**
 * hearth_function_item_get_profile:
 *
 * Returns: (transfer none): the profile
 */
HearthProfile *
hearth_function_item_get_profile (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), NULL);

  return self->profile;
}

guint
hearth_function_item_get_function (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), HEARTH_NO_INDEX);

  return self->function;
}

/**
 * hearth_function_item_dup_name:
 *
 * Returns: (transfer full): the display name
 */
char *
hearth_function_item_dup_name (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), NULL);

  if (self->name == NULL)
    self->name = hearth_profile_function_dup_display_name (self->profile, self->function);

  return g_strdup (self->name);
}

/**
 * hearth_function_item_get_group:
 *
 * Returns: (nullable): the MicroProfiler group (or category) of the function
 */
const char *
hearth_function_item_get_group (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), NULL);

  return hearth_profile_function_get_group (self->profile, self->function);
}

/**
 * hearth_function_item_get_source:
 *
 * Returns: (nullable): the source (script, file), or %NULL
 */
const char *
hearth_function_item_get_source (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), NULL);

  return hearth_profile_function_get_source (self->profile, self->function);
}

/**
 * hearth_function_item_get_line:
 *
 * Returns: the line, 0 when unknown
 */
int
hearth_function_item_get_line (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), 0);

  return hearth_profile_function_get_line (self->profile, self->function);
}

double
hearth_function_item_get_total (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), 0);

  return hearth_profile_function_get_total (self->profile, self->function, self->metric);
}

double
hearth_function_item_get_self (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), 0);

  return hearth_profile_function_get_self (self->profile, self->function, self->metric);
}

/**
 * hearth_function_item_get_calls:
 *
 * Returns: the calls of the function over all its call paths, 0 when the
 *   profile has no %HEARTH_METRIC_CALLS
 */
double
hearth_function_item_get_calls (HearthFunctionItem *self)
{
  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), 0);

  return hearth_profile_function_get_self (self->profile, self->function, HEARTH_METRIC_CALLS);
}

/**
 * hearth_function_item_get_percent:
 *
 * Returns: the total as a percentage of the `<root>` total
 */
double
hearth_function_item_get_percent (HearthFunctionItem *self)
{
  double root;

  g_return_val_if_fail (HEARTH_IS_FUNCTION_ITEM (self), 0);

  root = hearth_profile_get_root_total (self->profile, self->metric);
  if (root == 0)
    return 0;

  return hearth_function_item_get_total (self) / root * 100.0;
}
