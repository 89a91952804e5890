/* hearth-percent-cell.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-percent-cell"

#include "config.h"

#include "hearth-percent-cell.h"

#include <math.h>

#include "hearth-units.h"

/* A table cell showing a percentage ("16.667%") over a translucent bar whose
 * length is that percentage of the cell width. The bar takes the theme's
 * accent colour, so it follows dark mode. */

struct _HearthPercentCell
{
  GtkWidget       parent_instance;

  GtkInscription *label;
  double          percent;
};

enum {
  PROP_0,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthPercentCell, hearth_percent_cell, GTK_TYPE_WIDGET)

#define BAR_MARGIN 3

static void
hearth_percent_cell_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  HearthPercentCell *self = HEARTH_PERCENT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double fraction = CLAMP (self->percent / 100.0, 0.0, 1.0);
  GdkRGBA bar;

  /* a data bar behind the text, from the left edge */
  if (width > 0 && height > 2 * BAR_MARGIN && fraction > 0)
    {
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_bg_color", &bar))
        gdk_rgba_parse (&bar, "#3584e4");
      bar.alpha *= 0.3f;
      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (0, BAR_MARGIN,
                                                      MAX (1.0, fraction * width),
                                                      height - 2 * BAR_MARGIN));
    }

  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->label), snapshot);
}

static void
hearth_percent_cell_dispose (GObject *object)
{
  HearthPercentCell *self = HEARTH_PERCENT_CELL (object);

  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }

  G_OBJECT_CLASS (hearth_percent_cell_parent_class)->dispose (object);
}

static void
hearth_percent_cell_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthPercentCell *self = HEARTH_PERCENT_CELL (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      g_value_set_double (value, hearth_percent_cell_get_percent (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_percent_cell_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HearthPercentCell *self = HEARTH_PERCENT_CELL (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      hearth_percent_cell_set_percent (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_percent_cell_class_init (HearthPercentCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_percent_cell_dispose;
  object_class->get_property = hearth_percent_cell_get_property;
  object_class->set_property = hearth_percent_cell_set_property;

  widget_class->snapshot = hearth_percent_cell_snapshot;

  properties[PROP_PERCENT] =
    g_param_spec_double ("percent", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "percentcell");
}

static void
hearth_percent_cell_init (HearthPercentCell *self)
{
  self->label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->label, 1.0);
  gtk_inscription_set_min_chars (self->label, 8);
  gtk_inscription_set_nat_chars (self->label, 8);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  hearth_percent_cell_set_percent (self, 0);
}

GtkWidget *
hearth_percent_cell_new (void)
{
  return g_object_new (HEARTH_TYPE_PERCENT_CELL, NULL);
}

double
hearth_percent_cell_get_percent (HearthPercentCell *self)
{
  g_return_val_if_fail (HEARTH_IS_PERCENT_CELL (self), 0);

  return self->percent;
}

/**
 * hearth_percent_cell_set_percent:
 * @percent: 0 to 100 (values outside are shown, the bar is clamped)
 */
void
hearth_percent_cell_set_percent (HearthPercentCell *self,
                                 double             percent)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (HEARTH_IS_PERCENT_CELL (self));

  if (!isfinite (percent))
    percent = 0;

  number = hearth_format_ms (percent, 3);
  text = g_strconcat (number, "%", NULL);
  gtk_inscription_set_text (self->label, text);

  if (self->percent == percent)
    return;

  self->percent = percent;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

/**
 * hearth_percent_cell_get_text:
 *
 * Returns: (transfer none): the text shown, e.g. "16.667%"
 */
const char *
hearth_percent_cell_get_text (HearthPercentCell *self)
{
  g_return_val_if_fail (HEARTH_IS_PERCENT_CELL (self), NULL);

  return gtk_inscription_get_text (self->label);
}
