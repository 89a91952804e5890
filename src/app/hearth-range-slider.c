/* hearth-range-slider.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-range-slider"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hearth-range-slider.h"

/* The sensitivity bar of the Compare view: one track from 0 to @upper with
 * two handles, low and high. The track itself is the legend of the colour
 * ramp: gray below low, a ramp between, full colour above high. Keyboard:
 * arrows move the active handle, Page Up/Down by ten steps, Home/End to
 * the ends; Tab goes from the low to the high handle before leaving. */

#define PAD          10.0
#define HANDLE_R     7.0
#define TRACK_H      6.0

struct _HearthRangeSlider
{
  GtkWidget  parent_instance;

  double     upper;
  double     low;
  double     high;
  char      *unit;
  GdkRGBA    gray;
  GdkRGBA    full;
  GdkRGBA    full2;
  gboolean   two_bands;
  guint      active;
  double     drag_start_x;
};

G_DEFINE_FINAL_TYPE (HearthRangeSlider, hearth_range_slider, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UPPER,
  PROP_LOW,
  PROP_HIGH,
  PROP_UNIT,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static double
nice_step (double upper)
{
  double raw = upper / 200.0;
  double mag, f;

  if (!(raw > 0))
    return 1;
  mag = pow (10, floor (log10 (raw)));
  f = raw / mag;
  if (f < 1.5)
    return mag;
  if (f < 3.5)
    return 2 * mag;
  if (f < 7.5)
    return 5 * mag;
  return 10 * mag;
}

static double
snap (HearthRangeSlider *self,
      double             value)
{
  double step = nice_step (self->upper);

  value = round (value / step) * step;
  return CLAMP (value, 0, self->upper);
}

char *
hearth_range_slider_format_value (HearthRangeSlider *self,
                                  double             value)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), NULL);

  if (fabs (value - round (value)) < 1e-9)
    number = g_strdup_printf ("%.0f", value);
  else if (fabs (value * 10 - round (value * 10)) < 1e-9)
    number = g_strdup_printf ("%.1f", value);
  else
    number = g_strdup_printf ("%.2f", value);

  if (self->unit == NULL || self->unit[0] == '\0')
    return g_steal_pointer (&number);

  return g_strdup_printf ("%s %s", number, self->unit);
}

/**
 * hearth_range_slider_dup_text:
 *
 * Returns: (transfer full): the range in words, e.g. "Gray below 5 %,
 *   full colour above 70 %"
 */
char *
hearth_range_slider_dup_text (HearthRangeSlider *self)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), NULL);

  low = hearth_range_slider_format_value (self, self->low);
  high = hearth_range_slider_format_value (self, self->high);

  /* Translators: the sensitivity bar of the Compare view */
  return g_strdup_printf (_("Gray below %s, full colour above %s"), low, high);
}

static void
hearth_range_slider_update_accessible (HearthRangeSlider *self)
{
  g_autofree char *text = hearth_range_slider_dup_text (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, self->upper,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, self->active == 0 ? self->low : self->high,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

double
hearth_range_slider_x_of (HearthRangeSlider *self,
                          double             value)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD;

  if (!(self->upper > 0))
    return PAD;
  return PAD + MAX (width, 1) * CLAMP (value / self->upper, 0, 1);
}

double
hearth_range_slider_value_at (HearthRangeSlider *self,
                              double             x)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PAD, 1);

  return snap (self, (x - PAD) / width * self->upper);
}

static void
hearth_range_slider_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 280;
    }
  else
    {
      *minimum = *natural = 26;
    }
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
hearth_range_slider_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  HearthRangeSlider *self = HEARTH_RANGE_SLIDER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double cy = height / 2.0;
  double xl = hearth_range_slider_x_of (self, self->low);
  double xh = hearth_range_slider_x_of (self, self->high);
  gboolean focused = gtk_widget_has_focus (widget);
  GdkRGBA fg, ramp0;
  cairo_pattern_t *ramp;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* the track is the legend: gray, ramp, full colour (two bands, one per
   * side, when a second colour is set) */
  set_source (cr, &self->gray);
  cairo_rectangle (cr, PAD, cy - TRACK_H / 2, MAX (xl - PAD, 0), TRACK_H);
  cairo_fill (cr);

  for (guint band = 0; band < (self->two_bands ? 2u : 1u); band++)
    {
      const GdkRGBA *full = band == 0 ? &self->full : &self->full2;
      double top = self->two_bands ? cy - TRACK_H / 2 + band * TRACK_H / 2 : cy - TRACK_H / 2;
      double h = self->two_bands ? TRACK_H / 2 : TRACK_H;

      ramp0.red = self->gray.red + (full->red - self->gray.red) * 0.3;
      ramp0.green = self->gray.green + (full->green - self->gray.green) * 0.3;
      ramp0.blue = self->gray.blue + (full->blue - self->gray.blue) * 0.3;
      ramp0.alpha = 1;

      ramp = cairo_pattern_create_linear (xl, 0, MAX (xh, xl + 1), 0);
      cairo_pattern_add_color_stop_rgb (ramp, 0, ramp0.red, ramp0.green, ramp0.blue);
      cairo_pattern_add_color_stop_rgb (ramp, 1, full->red, full->green, full->blue);
      cairo_set_source (cr, ramp);
      cairo_rectangle (cr, xl, top, MAX (xh - xl, 0), h);
      cairo_fill (cr);
      cairo_pattern_destroy (ramp);

      set_source (cr, full);
      cairo_rectangle (cr, xh, top, MAX (width - PAD - xh, 0), h);
      cairo_fill (cr);
    }

  for (guint h = 0; h < 2; h++)
    {
      double x = h == 0 ? xl : xh;

      cairo_arc (cr, x, cy, HANDLE_R, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.55);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      if (focused && h == self->active)
        {
          cairo_arc (cr, x, cy, HANDLE_R + 2.5, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.8);
          cairo_set_line_width (cr, 2);
          cairo_stroke (cr);
        }
    }

  cairo_destroy (cr);
}

static void
hearth_range_slider_drag_begin_cb (HearthRangeSlider *self,
                                   double             x,
                                   double             y,
                                   GtkGestureDrag    *gesture)
{
  double xl = hearth_range_slider_x_of (self, self->low);
  double xh = hearth_range_slider_x_of (self, self->high);
  double value = hearth_range_slider_value_at (self, x);

  if (fabs (xl - xh) < 1)
    hearth_range_slider_set_active (self, x < xl ? 0 : 1);
  else
    hearth_range_slider_set_active (self, fabs (x - xl) <= fabs (x - xh) ? 0 : 1);

  self->drag_start_x = x;
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->active == 0)
    hearth_range_slider_set_low (self, MIN (value, self->high));
  else
    hearth_range_slider_set_high (self, MAX (value, self->low));
}

static void
hearth_range_slider_drag_update_cb (HearthRangeSlider *self,
                                    double             offset_x,
                                    double             offset_y,
                                    GtkGestureDrag    *gesture)
{
  double value = hearth_range_slider_value_at (self, self->drag_start_x + offset_x);

  if (self->active == 0)
    hearth_range_slider_set_low (self, MIN (value, self->high));
  else
    hearth_range_slider_set_high (self, MAX (value, self->low));
}

static gboolean
hearth_range_slider_key_pressed_cb (HearthRangeSlider     *self,
                                    guint                  keyval,
                                    guint                  keycode,
                                    GdkModifierType        state,
                                    GtkEventControllerKey *controller)
{
  double step = nice_step (self->upper);
  double value = self->active == 0 ? self->low : self->high;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      value -= step;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      value += step;
      break;
    case GDK_KEY_Page_Down:
      value -= 10 * step;
      break;
    case GDK_KEY_Page_Up:
      value += 10 * step;
      break;
    case GDK_KEY_Home:
      value = self->active == 0 ? 0 : self->low;
      break;
    case GDK_KEY_End:
      value = self->active == 0 ? self->high : self->upper;
      break;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (self->active == 0 && !(state & GDK_SHIFT_MASK))
        {
          hearth_range_slider_set_active (self, 1);
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_ISO_Left_Tab:
      if (self->active == 1)
        {
          hearth_range_slider_set_active (self, 0);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }

  value = snap (self, value);
  if (self->active == 0)
    hearth_range_slider_set_low (self, MIN (value, self->high));
  else
    hearth_range_slider_set_high (self, MAX (value, self->low));

  return TRUE;
}

static gboolean
hearth_range_slider_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard_mode,
                                   GtkTooltip *tooltip)
{
  g_autofree char *text = hearth_range_slider_dup_text (HEARTH_RANGE_SLIDER (widget));

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
hearth_range_slider_focus_enter_cb (HearthRangeSlider *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hearth_range_slider_finalize (GObject *object)
{
  HearthRangeSlider *self = HEARTH_RANGE_SLIDER (object);

  g_clear_pointer (&self->unit, g_free);

  G_OBJECT_CLASS (hearth_range_slider_parent_class)->finalize (object);
}

static void
hearth_range_slider_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthRangeSlider *self = HEARTH_RANGE_SLIDER (object);

  switch (prop_id)
    {
    case PROP_UPPER:
      g_value_set_double (value, hearth_range_slider_get_upper (self));
      break;
    case PROP_LOW:
      g_value_set_double (value, hearth_range_slider_get_low (self));
      break;
    case PROP_HIGH:
      g_value_set_double (value, hearth_range_slider_get_high (self));
      break;
    case PROP_UNIT:
      g_value_set_string (value, hearth_range_slider_get_unit (self));
      break;
    case PROP_ACTIVE:
      g_value_set_uint (value, hearth_range_slider_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_range_slider_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HearthRangeSlider *self = HEARTH_RANGE_SLIDER (object);

  switch (prop_id)
    {
    case PROP_UPPER:
      hearth_range_slider_set_upper (self, g_value_get_double (value));
      break;
    case PROP_LOW:
      hearth_range_slider_set_low (self, g_value_get_double (value));
      break;
    case PROP_HIGH:
      hearth_range_slider_set_high (self, g_value_get_double (value));
      break;
    case PROP_UNIT:
      hearth_range_slider_set_unit (self, g_value_get_string (value));
      break;
    case PROP_ACTIVE:
      hearth_range_slider_set_active (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_range_slider_class_init (HearthRangeSliderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hearth_range_slider_finalize;
  object_class->get_property = hearth_range_slider_get_property;
  object_class->set_property = hearth_range_slider_set_property;

  widget_class->measure = hearth_range_slider_measure;
  widget_class->snapshot = hearth_range_slider_snapshot;
  widget_class->query_tooltip = hearth_range_slider_query_tooltip;

  properties[PROP_UPPER] =
    g_param_spec_double ("upper", NULL, NULL, 0, G_MAXDOUBLE, 100,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOW] =
    g_param_spec_double ("low", NULL, NULL, 0, G_MAXDOUBLE, 5,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH] =
    g_param_spec_double ("high", NULL, NULL, 0, G_MAXDOUBLE, 70,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, "%",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_uint ("active", NULL, NULL, 0, 1, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthRangeSlider::changed:
   *
   * The user or the program moved a handle.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "rangeslider");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
hearth_range_slider_init (HearthRangeSlider *self)
{
  GtkGesture *drag;
  GtkEventController *key, *focus;

  self->upper = 100;
  self->low = 5;
  self->high = 70;
  self->unit = g_strdup ("%");
  gdk_rgba_parse (&self->gray, "#c0bfbc");
  gdk_rgba_parse (&self->full, "#3584e4");

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (hearth_range_slider_drag_begin_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (hearth_range_slider_drag_update_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (hearth_range_slider_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (hearth_range_slider_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (hearth_range_slider_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  hearth_range_slider_update_accessible (self);
}

GtkWidget *
hearth_range_slider_new (void)
{
  return g_object_new (HEARTH_TYPE_RANGE_SLIDER, NULL);
}

double
hearth_range_slider_get_upper (HearthRangeSlider *self)
{
  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), 0);
  return self->upper;
}

/**
 * hearth_range_slider_set_upper:
 *
 * The value at the right end of the track; handles beyond it are not moved
 * (they stay at the end).
 */
void
hearth_range_slider_set_upper (HearthRangeSlider *self,
                               double             upper)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));

  if (self->upper == upper)
    return;
  self->upper = upper;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPPER]);
  hearth_range_slider_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
hearth_range_slider_get_low (HearthRangeSlider *self)
{
  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), 0);
  return self->low;
}

void
hearth_range_slider_set_low (HearthRangeSlider *self,
                             double             low)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));
  hearth_range_slider_set_range (self, low, MAX (low, self->high));
}

double
hearth_range_slider_get_high (HearthRangeSlider *self)
{
  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), 0);
  return self->high;
}

void
hearth_range_slider_set_high (HearthRangeSlider *self,
                              double             high)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));
  hearth_range_slider_set_range (self, MIN (self->low, high), high);
}

/**
 * hearth_range_slider_set_range:
 *
 * Moves both handles, with one ::changed emission.
 */
void
hearth_range_slider_set_range (HearthRangeSlider *self,
                               double             low,
                               double             high)
{
  gboolean changed = FALSE;

  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));

  low = MAX (low, 0);
  high = MAX (high, low);

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
    {
      hearth_range_slider_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

const char *
hearth_range_slider_get_unit (HearthRangeSlider *self)
{
  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), NULL);
  return self->unit;
}

/**
 * hearth_range_slider_set_unit:
 * @unit: (nullable): written after values, e.g. "%", "ms", "bytes"
 */
void
hearth_range_slider_set_unit (HearthRangeSlider *self,
                              const char        *unit)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;
  g_free (self->unit);
  self->unit = g_strdup (unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
  hearth_range_slider_update_accessible (self);
}

/**
 * hearth_range_slider_set_colors:
 * @gray: the colour below the low threshold
 * @full: the colour above the high threshold
 * @full2: (nullable): a second colour: the track then shows two bands
 */
void
hearth_range_slider_set_colors (HearthRangeSlider *self,
                                const GdkRGBA     *gray,
                                const GdkRGBA     *full,
                                const GdkRGBA     *full2)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));
  g_return_if_fail (gray != NULL && full != NULL);

  self->gray = *gray;
  self->full = *full;
  self->two_bands = full2 != NULL;
  if (full2 != NULL)
    self->full2 = *full2;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * hearth_range_slider_get_active:
 *
 * Returns: the handle the keyboard moves: 0 low, 1 high
 */
guint
hearth_range_slider_get_active (HearthRangeSlider *self)
{
  g_return_val_if_fail (HEARTH_IS_RANGE_SLIDER (self), 0);
  return self->active;
}

void
hearth_range_slider_set_active (HearthRangeSlider *self,
                                guint              handle)
{
  g_return_if_fail (HEARTH_IS_RANGE_SLIDER (self));
  g_return_if_fail (handle <= 1);

  if (self->active == handle)
    return;
  self->active = handle;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  hearth_range_slider_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
