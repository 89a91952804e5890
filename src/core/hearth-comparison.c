/* hearth-comparison.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-comparison"

#include "config.h"

#include "hearth-comparison.h"

#include "hearth-bottom-up.h"
#include "hearth-enums.h"

/* The state of the Compare view: two sides of captures, the diff built from
 * them in a worker thread, and how it is classified (metric, mode,
 * thresholds, noise filter) and coloured. Changing the classification never
 * rebuilds the diff: it emits ::classification-changed, and views recolour. */

struct _HearthComparison
{
  GObject            parent_instance;

  GListStore        *sides[2];
  HearthMetric       metric;
  HearthDiffMode     mode;
  double             low;
  double             high;
  gboolean           noise;
  HearthDiffPalette  palette;
  gboolean           inverted;

  HearthDiff        *diff;
  GCancellable      *cancellable;
  guint              generation;
};

G_DEFINE_FINAL_TYPE (HearthComparison, hearth_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEFT,
  PROP_RIGHT,
  PROP_METRIC,
  PROP_MODE,
  PROP_LOW,
  PROP_HIGH,
  PROP_NOISE,
  PROP_CAN_NOISE,
  PROP_PALETTE,
  PROP_INVERTED,
  PROP_DIFF,
  PROP_BUSY,
  N_PROPS
};

enum {
  CLASSIFICATION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  GPtrArray *sides[2];
  gboolean   inverted;
} DiffJob;

static void
diff_job_free (gpointer data)
{
  DiffJob *job = data;

  g_ptr_array_unref (job->sides[0]);
  g_ptr_array_unref (job->sides[1]);
  g_free (job);
}

static void
diff_job_run (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DiffJob *job = task_data;
  GError *error = NULL;
  HearthDiff *diff;

  /* bottom-up: the diff of the inverted trees of every capture */
  if (job->inverted)
    for (guint s = 0; s < 2; s++)
      {
        GPtrArray *inverted = g_ptr_array_new_full (job->sides[s]->len, g_object_unref);

        for (guint i = 0; i < job->sides[s]->len; i++)
          g_ptr_array_add (inverted, hearth_profile_bottom_up (g_ptr_array_index (job->sides[s], i)));
        g_ptr_array_unref (job->sides[s]);
        job->sides[s] = inverted;
      }

  diff = hearth_diff_new ((HearthProfile * const *) job->sides[0]->pdata, job->sides[0]->len,
                          (HearthProfile * const *) job->sides[1]->pdata, job->sides[1]->len,
                          cancellable, &error);
  if (diff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diff, (GDestroyNotify) hearth_diff_unref);
}

static void
hearth_comparison_set_diff (HearthComparison *self,
                            HearthDiff       *diff)
{
  gboolean could_noise = hearth_comparison_get_can_noise (self);

  if (self->diff == diff)
    return;

  g_clear_pointer (&self->diff, hearth_diff_unref);
  self->diff = diff != NULL ? hearth_diff_ref (diff) : NULL;
  self->generation++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
  if (could_noise != hearth_comparison_get_can_noise (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_NOISE]);
}

static void
diff_job_done (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HearthComparison) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthDiff) diff = NULL;

  diff = g_task_propagate_pointer (G_TASK (result), &error);
  if (diff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not compare the captures: %s", error->message);
      return;
    }

  /* a newer request superseded this one */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;

  g_clear_object (&self->cancellable);
  hearth_comparison_set_diff (self, diff);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static GPtrArray *
side_array (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (G_LIST_MODEL (store), i));

  return array;
}

static void
hearth_comparison_rebuild (HearthComparison *self)
{
  gboolean was_busy = self->cancellable != NULL;
  g_autoptr(GTask) task = NULL;
  DiffJob *job;

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sides[0])) == 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->sides[1])) == 0)
    {
      hearth_comparison_set_diff (self, NULL);
      if (was_busy)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  job = g_new0 (DiffJob, 1);
  job->sides[0] = side_array (self->sides[0]);
  job->sides[1] = side_array (self->sides[1]);
  job->inverted = self->inverted;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, diff_job_done, g_object_ref (self));
  g_task_set_source_tag (task, hearth_comparison_rebuild);
  g_task_set_name (task, "[hearth] compare captures");
  g_task_set_task_data (task, job, diff_job_free);
  g_task_run_in_thread (task, diff_job_run);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
hearth_comparison_side_items_changed_cb (HearthComparison *self)
{
  hearth_comparison_rebuild (self);
}

static void
hearth_comparison_dispose (GObject *object)
{
  HearthComparison *self = (HearthComparison *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->sides[0]);
  g_clear_object (&self->sides[1]);
  g_clear_pointer (&self->diff, hearth_diff_unref);

  G_OBJECT_CLASS (hearth_comparison_parent_class)->dispose (object);
}

static void
hearth_comparison_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HearthComparison *self = HEARTH_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_LEFT:
      g_value_set_object (value, hearth_comparison_get_left (self));
      break;
    case PROP_RIGHT:
      g_value_set_object (value, hearth_comparison_get_right (self));
      break;
    case PROP_METRIC:
      g_value_set_enum (value, hearth_comparison_get_metric (self));
      break;
    case PROP_MODE:
      g_value_set_enum (value, hearth_comparison_get_mode (self));
      break;
    case PROP_LOW:
      g_value_set_double (value, hearth_comparison_get_low (self));
      break;
    case PROP_HIGH:
      g_value_set_double (value, hearth_comparison_get_high (self));
      break;
    case PROP_NOISE:
      g_value_set_boolean (value, hearth_comparison_get_noise (self));
      break;
    case PROP_CAN_NOISE:
      g_value_set_boolean (value, hearth_comparison_get_can_noise (self));
      break;
    case PROP_PALETTE:
      g_value_set_enum (value, hearth_comparison_get_palette (self));
      break;
    case PROP_INVERTED:
      g_value_set_boolean (value, hearth_comparison_get_inverted (self));
      break;
    case PROP_DIFF:
      g_value_set_boxed (value, hearth_comparison_get_diff (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hearth_comparison_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_comparison_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HearthComparison *self = HEARTH_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_METRIC:
      hearth_comparison_set_metric (self, g_value_get_enum (value));
      break;
    case PROP_MODE:
      hearth_comparison_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_LOW:
      hearth_comparison_set_low (self, g_value_get_double (value));
      break;
    case PROP_HIGH:
      hearth_comparison_set_high (self, g_value_get_double (value));
      break;
    case PROP_NOISE:
      hearth_comparison_set_noise (self, g_value_get_boolean (value));
      break;
    case PROP_PALETTE:
      hearth_comparison_set_palette (self, g_value_get_enum (value));
      break;
    case PROP_INVERTED:
      hearth_comparison_set_inverted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_comparison_class_init (HearthComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hearth_comparison_dispose;
  object_class->get_property = hearth_comparison_get_property;
  object_class->set_property = hearth_comparison_set_property;

  properties[PROP_LEFT] =
    g_param_spec_object ("left", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT] =
    g_param_spec_object ("right", NULL, NULL, G_TYPE_LIST_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_METRIC] =
    g_param_spec_enum ("metric", NULL, NULL, HEARTH_TYPE_METRIC, HEARTH_METRIC_CPU_TIME,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, HEARTH_TYPE_DIFF_MODE, HEARTH_DIFF_MODE_RELATIVE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOW] =
    g_param_spec_double ("low", NULL, NULL, 0, G_MAXDOUBLE, 5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH] =
    g_param_spec_double ("high", NULL, NULL, 0, G_MAXDOUBLE, 70,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOISE] =
    g_param_spec_boolean ("noise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_NOISE] =
    g_param_spec_boolean ("can-noise", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PALETTE] =
    g_param_spec_enum ("palette", NULL, NULL, HEARTH_TYPE_DIFF_PALETTE, HEARTH_DIFF_PALETTE_GREEN_BLUE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVERTED] =
    g_param_spec_boolean ("inverted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFF] =
    g_param_spec_boxed ("diff", NULL, NULL, HEARTH_TYPE_DIFF,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthComparison::classification-changed:
   *
   * The metric, mode, thresholds, noise filter or palette changed: every
   * node's class, intensity or colour may differ, the diff is the same.
   */
  signals[CLASSIFICATION_CHANGED] =
    g_signal_new ("classification-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
hearth_comparison_init (HearthComparison *self)
{
  self->metric = HEARTH_METRIC_CPU_TIME;
  self->mode = HEARTH_DIFF_MODE_RELATIVE;
  self->palette = HEARTH_DIFF_PALETTE_GREEN_BLUE;
  hearth_diff_get_default_thresholds (self->mode, self->metric, &self->low, &self->high);

  for (guint s = 0; s < 2; s++)
    {
      self->sides[s] = g_list_store_new (HEARTH_TYPE_PROFILE);
      g_signal_connect_object (self->sides[s], "items-changed",
                               G_CALLBACK (hearth_comparison_side_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

HearthComparison *
hearth_comparison_new (void)
{
  return g_object_new (HEARTH_TYPE_COMPARISON, NULL);
}

/**
 * hearth_comparison_get_left:
 *
 * Returns: (transfer none): the Left captures (#HearthProfile); changing
 *   them rebuilds the diff
 */
GListStore *
hearth_comparison_get_left (HearthComparison *self)
{
  return hearth_comparison_get_side (self, HEARTH_DIFF_SIDE_LEFT);
}

/**
 * hearth_comparison_get_right:
 *
 * Returns: (transfer none): the Right captures
 */
GListStore *
hearth_comparison_get_right (HearthComparison *self)
{
  return hearth_comparison_get_side (self, HEARTH_DIFF_SIDE_RIGHT);
}

/**
 * hearth_comparison_get_side:
 *
 * Returns: (transfer none): the captures of @side
 */
GListStore *
hearth_comparison_get_side (HearthComparison *self,
                            HearthDiffSide    side)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT, NULL);

  return self->sides[side];
}

void
hearth_comparison_add (HearthComparison *self,
                       HearthDiffSide    side,
                       HearthProfile    *profile)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT);
  g_return_if_fail (HEARTH_IS_PROFILE (profile));

  g_list_store_append (self->sides[side], profile);
}

void
hearth_comparison_remove (HearthComparison *self,
                          HearthDiffSide    side,
                          guint             index)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (side <= HEARTH_DIFF_SIDE_RIGHT);
  g_return_if_fail (index < g_list_model_get_n_items (G_LIST_MODEL (self->sides[side])));

  g_list_store_remove (self->sides[side], index);
}

HearthMetric
hearth_comparison_get_metric (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), HEARTH_METRIC_CPU_TIME);
  return self->metric;
}

static void
hearth_comparison_reset_thresholds (HearthComparison *self)
{
  double low, high;

  hearth_diff_get_default_thresholds (self->mode, self->metric, &low, &high);
  if (low != self->low)
    {
      self->low = low;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOW]);
    }
  if (high != self->high)
    {
      self->high = high;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH]);
    }
}

/**
 * hearth_comparison_set_metric:
 *
 * Sets the metric (CPU time, allocation count or size). In absolute mode
 * the thresholds go back to the metric's defaults (their unit changes).
 */
void
hearth_comparison_set_metric (HearthComparison *self,
                              HearthMetric      metric)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (hearth_diff_metric_is_supported (metric));

  if (self->metric == metric)
    return;

  self->metric = metric;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METRIC]);
  if (self->mode == HEARTH_DIFF_MODE_ABSOLUTE)
    hearth_comparison_reset_thresholds (self);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CLASSIFICATION_CHANGED], 0);
}

HearthDiffMode
hearth_comparison_get_mode (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), HEARTH_DIFF_MODE_RELATIVE);
  return self->mode;
}

/**
 * hearth_comparison_set_mode:
 *
 * Switches between relative and absolute differences; the thresholds go
 * back to the defaults of the mode (and metric).
 */
void
hearth_comparison_set_mode (HearthComparison *self,
                            HearthDiffMode    mode)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (mode <= HEARTH_DIFF_MODE_ABSOLUTE);

  if (self->mode == mode)
    return;

  self->mode = mode;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
  hearth_comparison_reset_thresholds (self);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CLASSIFICATION_CHANGED], 0);
}

/**
 * hearth_comparison_get_low:
 *
 * Returns: the low threshold: percent in relative mode; ms, allocations or
 *   bytes in absolute mode
 */
double
hearth_comparison_get_low (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), 0);
  return self->low;
}

void
hearth_comparison_set_low (HearthComparison *self,
                           double            low)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  hearth_comparison_set_thresholds (self, low, MAX (low, self->high));
}

double
hearth_comparison_get_high (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), 0);
  return self->high;
}

void
hearth_comparison_set_high (HearthComparison *self,
                            double            high)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  hearth_comparison_set_thresholds (self, MIN (self->low, high), high);
}

/**
 * hearth_comparison_set_thresholds:
 * @low: the difference below which a box is gray
 * @high: the difference from which a box has its full colour (>= @low)
 *
 * Sets both thresholds with one ::classification-changed emission.
 */
void
hearth_comparison_set_thresholds (HearthComparison *self,
                                  double            low,
                                  double            high)
{
  gboolean changed = FALSE;

  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (low >= 0 && high >= low);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->low != low)
    {
      self->low = low;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOW]);
    }
  if (self->high != high)
    {
      self->high = high;
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  if (changed)
    g_signal_emit (self, signals[CLASSIFICATION_CHANGED], 0);
}

gboolean
hearth_comparison_get_noise (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), FALSE);
  return self->noise;
}

/**
 * hearth_comparison_set_noise:
 *
 * Turns the noise filter on or off. It only acts when
 * #HearthComparison:can-noise (two or more captures on each side).
 */
void
hearth_comparison_set_noise (HearthComparison *self,
                             gboolean          noise)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));

  noise = !!noise;
  if (self->noise == noise)
    return;

  self->noise = noise;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOISE]);
  g_signal_emit (self, signals[CLASSIFICATION_CHANGED], 0);
}

/**
 * hearth_comparison_get_can_noise:
 *
 * Returns: whether the current diff has the per-capture data the noise
 *   filter needs
 */
gboolean
hearth_comparison_get_can_noise (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), FALSE);
  return self->diff != NULL && hearth_diff_has_noise_data (self->diff);
}

HearthDiffPalette
hearth_comparison_get_palette (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), HEARTH_DIFF_PALETTE_GREEN_BLUE);
  return self->palette;
}

void
hearth_comparison_set_palette (HearthComparison  *self,
                               HearthDiffPalette  palette)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));
  g_return_if_fail (palette <= HEARTH_DIFF_PALETTE_COLORBLIND);

  if (self->palette == palette)
    return;

  self->palette = palette;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
  g_signal_emit (self, signals[CLASSIFICATION_CHANGED], 0);
}

gboolean
hearth_comparison_get_inverted (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), FALSE);
  return self->inverted;
}

/**
 * hearth_comparison_set_inverted:
 *
 * Compares the bottom-up (inverted) trees instead of the call trees: the
 * diff is rebuilt.
 */
void
hearth_comparison_set_inverted (HearthComparison *self,
                                gboolean          inverted)
{
  g_return_if_fail (HEARTH_IS_COMPARISON (self));

  inverted = !!inverted;
  if (self->inverted == inverted)
    return;

  self->inverted = inverted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVERTED]);
  hearth_comparison_rebuild (self);
}

/**
 * hearth_comparison_get_diff:
 *
 * Returns: (transfer none) (nullable): the diff of the current sides, %NULL
 *   while a side is empty (or before the first diff is ready)
 */
HearthDiff *
hearth_comparison_get_diff (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), NULL);
  return self->diff;
}

/**
 * hearth_comparison_get_busy:
 *
 * Returns: whether a diff is being built
 */
gboolean
hearth_comparison_get_busy (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), FALSE);
  return self->cancellable != NULL;
}

/**
 * hearth_comparison_get_generation:
 *
 * Returns: how many times #HearthComparison:diff has been replaced
 */
guint
hearth_comparison_get_generation (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), 0);
  return self->generation;
}

/**
 * hearth_comparison_classify:
 * @intensity: (out) (optional): 0–1
 *
 * hearth_diff_classify() with the comparison's settings.
 */
HearthDiffClass
hearth_comparison_classify (HearthComparison *self,
                            guint             node,
                            double           *intensity)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), HEARTH_DIFF_CLASS_SAME);
  g_return_val_if_fail (self->diff != NULL, HEARTH_DIFF_CLASS_SAME);

  return hearth_diff_classify (self->diff, node, self->metric, self->mode,
                               self->low, self->high, self->noise, intensity);
}

/**
 * hearth_comparison_dup_csv:
 *
 * Returns: (transfer full) (nullable): hearth_diff_csv() with the
 *   comparison's settings, %NULL without a diff
 */
char *
hearth_comparison_dup_csv (HearthComparison *self)
{
  g_return_val_if_fail (HEARTH_IS_COMPARISON (self), NULL);

  if (self->diff == NULL)
    return NULL;

  return hearth_diff_csv (self->diff, self->metric, self->mode, self->low, self->high, self->noise);
}
