/* hearth-approximate-banner.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-approximate-banner"

#include "config.h"

#include "hearth-approximate-banner.h"

/* An info bar for profiles whose call tree is derived rather than read
 * (hearth_profile_get_approximate(): profiler.lua reports). It shows and
 * hides itself as the document's profile changes; libadwaita 1.2 has no
 * AdwBanner. */

struct _HearthApproximateBanner
{
  GtkWidget       parent_instance;

  HearthDocument *document;

  /* template children */
  GtkWidget      *box;
  GtkLabel       *label;
  GtkMenuButton  *learn_more;
  GtkLabel       *explanation;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthApproximateBanner, hearth_approximate_banner, GTK_TYPE_WIDGET)

static void
hearth_approximate_banner_update (HearthApproximateBanner *self)
{
  HearthProfile *profile = self->document ? hearth_document_get_profile (self->document) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), profile != NULL && hearth_profile_get_approximate (profile));
}

static void
hearth_approximate_banner_dispose (GObject *object)
{
  HearthApproximateBanner *self = HEARTH_APPROXIMATE_BANNER (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_APPROXIMATE_BANNER);

  G_OBJECT_CLASS (hearth_approximate_banner_parent_class)->dispose (object);
}

static void
hearth_approximate_banner_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HearthApproximateBanner *self = HEARTH_APPROXIMATE_BANNER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_approximate_banner_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HearthApproximateBanner *self = HEARTH_APPROXIMATE_BANNER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_approximate_banner_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_approximate_banner_class_init (HearthApproximateBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_approximate_banner_dispose;
  object_class->get_property = hearth_approximate_banner_get_property;
  object_class->set_property = hearth_approximate_banner_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-approximate-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthApproximateBanner, box);
  gtk_widget_class_bind_template_child (widget_class, HearthApproximateBanner, label);
  gtk_widget_class_bind_template_child (widget_class, HearthApproximateBanner, learn_more);
  gtk_widget_class_bind_template_child (widget_class, HearthApproximateBanner, explanation);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "approximatebanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

/* Local to this widget, so that it needs nothing from style.css */
static const char banner_css[] =
  "approximatebanner {"
  "  background-color: alpha(@accent_bg_color, 0.15);"
  "  border-bottom: 1px solid alpha(@borders, 0.8);"
  "}";

static void
hearth_approximate_banner_init (HearthApproximateBanner *self)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_css_provider_load_from_data (provider, banner_css, -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

GtkWidget *
hearth_approximate_banner_new (void)
{
  return g_object_new (HEARTH_TYPE_APPROXIMATE_BANNER, NULL);
}

/**
 * hearth_approximate_banner_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
HearthDocument *
hearth_approximate_banner_get_document (HearthApproximateBanner *self)
{
  g_return_val_if_fail (HEARTH_IS_APPROXIMATE_BANNER (self), NULL);

  return self->document;
}

void
hearth_approximate_banner_set_document (HearthApproximateBanner *self,
                                        HearthDocument          *document)
{
  g_return_if_fail (HEARTH_IS_APPROXIMATE_BANNER (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "notify::profile",
                             G_CALLBACK (hearth_approximate_banner_update),
                             self, G_CONNECT_SWAPPED);

  hearth_approximate_banner_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
