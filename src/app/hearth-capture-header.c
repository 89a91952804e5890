/* hearth-capture-header.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-capture-header"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hearth-capture-header.h"
#include "hearth-document.h"
#include "hearth-profile.h"
#include "hearth-profile-labels.h"
#include "hearth-units.h"

/* The strip under the header bar that says what is loaded: file name, format,
 * session length, capture time, how many captures are combined, and the
 * importer's warnings. */

struct _HearthCaptureHeader
{
  GtkWidget       parent_instance;

  HearthDocument *document;
  GPtrArray      *warnings;

  /* Template widgets: a full and a compact variant in an AdwSqueezer */
  GtkWidget      *squeezer;
  GtkLabel       *name_label;
  GtkLabel       *format_label;
  GtkLabel       *duration_label;
  GtkLabel       *time_label;
  GtkLabel       *captures_label;
  GtkLabel       *details_label;
  GtkLabel       *compact_name_label;
  GtkLabel       *compact_duration_label;
  GtkMenuButton  *warnings_button;
  GtkLabel       *warnings_count_label;
  GtkBox         *warnings_box;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_WARNINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthCaptureHeader, hearth_capture_header, GTK_TYPE_WIDGET)

/* What a game developer asks first about a capture: how many frames, which
 * place, and for Lua reports whether it counted samples or calls */
static char *
dup_details (HearthProfile *profile)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_frames = hearth_profile_get_n_frames (profile);
  const char *place_id = hearth_profile_get_place_id (profile);
  g_autofree char *mode = hearth_profile_dup_mode_label (profile);

  if (n_frames > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Frame", "%u Frames", n_frames),
                                             n_frames));
  if (place_id != NULL && place_id[0] != '\0')
    /* Translators: %s is a Roblox place id */
    g_ptr_array_add (parts, g_strdup_printf (_("Place %s"), place_id));
  if (mode != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&mode));
  if (hearth_profile_get_normalisation (profile) != NULL)
    g_ptr_array_add (parts, g_strdup (hearth_profile_get_normalisation (profile)));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static HearthProfile *
hearth_capture_header_dup_capture (HearthCaptureHeader *self,
                                   guint                index)
{
  GListModel *captures = hearth_document_get_captures (self->document);
  g_autoptr(GObject) item = NULL;

  if (captures == NULL || index >= g_list_model_get_n_items (captures))
    return NULL;

  item = g_list_model_get_item (captures, index);
  if (!HEARTH_IS_PROFILE (item))
    return NULL;

  return HEARTH_PROFILE (g_steal_pointer (&item));
}

static char *
format_capture_time (HearthProfile *profile)
{
  g_autoptr(GDateTime) date_time = NULL;
  gint64 time_ms = hearth_profile_get_capture_time_ms (profile);
  double start_ms = hearth_profile_get_session_start_ms (profile);

  if (time_ms < 0 && !isnan (start_ms) && start_ms > 0)
    time_ms = (gint64) start_ms;
  if (time_ms < 0)
    return NULL;

  date_time = g_date_time_new_from_unix_local (time_ms / 1000);
  if (date_time == NULL)
    return NULL;

  /* Translators: the date and time a capture was taken, a strftime() format */
  return g_date_time_format (date_time, _("%Y-%m-%d %H:%M:%S"));
}

static void
hearth_capture_header_update (HearthCaptureHeader *self)
{
  g_autoptr(HearthProfile) first = NULL;
  g_autofree char *name = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *time = NULL;
  g_autofree char *captures = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  HearthProfile *profile = NULL;
  guint n_captures = 0;
  guint old_n_warnings = self->warnings->len;

  g_ptr_array_set_size (self->warnings, 0);

  if (self->document != NULL)
    {
      profile = hearth_document_get_profile (self->document);
      n_captures = hearth_document_get_n_captures (self->document);
      first = hearth_capture_header_dup_capture (self, 0);
    }

  if (first == NULL && profile != NULL)
    first = g_object_ref (profile);

  if (first != NULL)
    {
      double session_ms;

      name = hearth_profile_dup_display_name (first);
      tooltip = g_strdup (hearth_profile_get_file_name (first));

      session_ms = profile != NULL ? hearth_profile_get_session_ms (profile) : 0;
      if (n_captures <= 1 && !(session_ms > 0))
        session_ms = hearth_profile_get_session_ms (first);
      if (session_ms > 0 && !isnan (session_ms))
        {
          g_autofree char *value = hearth_format_session_duration (session_ms);

          /* Translators: %s is a duration such as 00:01:30.2500 */
          duration = g_strdup_printf (_("Session Duration: %s"), value);
        }

      if (n_captures <= 1)
        time = format_capture_time (first);
    }

  if (n_captures > 1)
    captures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u Capture Combined",
                                             "%u Captures Combined",
                                             n_captures),
                                n_captures);

  set_label (self->name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), tooltip);
  set_label (self->compact_name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->compact_name_label), tooltip);
  set_label (self->format_label, first != NULL ? hearth_profile_get_format_name (first) : NULL);
  set_label (self->duration_label, duration);
  set_label (self->compact_duration_label, duration);
  set_label (self->time_label, time);
  set_label (self->captures_label, captures);
  {
    g_autofree char *details = profile != NULL ? dup_details (profile) : NULL;

    set_label (self->details_label, details);
  }

  /* Warnings: every capture's, named by file when several are combined */
  for (guint i = 0; i < MAX (n_captures, 1); i++)
    {
      g_autoptr(HearthProfile) capture = NULL;
      g_autofree char *capture_name = NULL;
      const char * const *warnings;

      if (self->document != NULL)
        capture = hearth_capture_header_dup_capture (self, i);
      if (capture == NULL && i == 0 && first != NULL)
        capture = g_object_ref (first);
      if (capture == NULL)
        continue;

      capture_name = hearth_profile_dup_display_name (capture);
      warnings = hearth_profile_get_warnings (capture);
      for (guint j = 0; warnings != NULL && warnings[j] != NULL; j++)
        {
          if (n_captures > 1)
            g_ptr_array_add (self->warnings, g_strdup_printf ("%s: %s", capture_name, warnings[j]));
          else
            g_ptr_array_add (self->warnings, g_strdup (warnings[j]));
        }
    }

  /* One label per warning: wrapped lines stay readable */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box))) != NULL)
    gtk_box_remove (self->warnings_box, child);
  for (guint i = 0; i < self->warnings->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (self->warnings, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 30);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_focusable (label, FALSE);
      gtk_box_append (self->warnings_box, label);
    }

  count = g_strdup_printf ("%u", self->warnings->len);
  gtk_label_set_label (self->warnings_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_button), self->warnings->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->warnings_button),
                               g_dngettext (GETTEXT_PACKAGE,
                                            "Show Warning",
                                            "Show Warnings",
                                            self->warnings->len));

  if (old_n_warnings != self->warnings->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WARNINGS]);
}

static void
hearth_capture_header_dispose (GObject *object)
{
  HearthCaptureHeader *self = (HearthCaptureHeader *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_CAPTURE_HEADER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (hearth_capture_header_parent_class)->dispose (object);
}

static void
hearth_capture_header_finalize (GObject *object)
{
  HearthCaptureHeader *self = (HearthCaptureHeader *)object;

  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (hearth_capture_header_parent_class)->finalize (object);
}

static void
hearth_capture_header_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearthCaptureHeader *self = HEARTH_CAPTURE_HEADER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, hearth_capture_header_get_document (self));
      break;

    case PROP_N_WARNINGS:
      g_value_set_uint (value, hearth_capture_header_get_n_warnings (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_capture_header_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HearthCaptureHeader *self = HEARTH_CAPTURE_HEADER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_capture_header_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_capture_header_class_init (HearthCaptureHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_capture_header_dispose;
  object_class->finalize = hearth_capture_header_finalize;
  object_class->get_property = hearth_capture_header_get_property;
  object_class->set_property = hearth_capture_header_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-capture-header.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "captureheader");
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, squeezer);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, format_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, duration_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, time_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, captures_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, details_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, compact_name_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, compact_duration_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, warnings_button);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, warnings_count_label);
  gtk_widget_class_bind_template_child (widget_class, HearthCaptureHeader, warnings_box);
}

static void
hearth_capture_header_init (HearthCaptureHeader *self)
{
  self->warnings = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  hearth_capture_header_update (self);
}

GtkWidget *
hearth_capture_header_new (void)
{
  return g_object_new (HEARTH_TYPE_CAPTURE_HEADER, NULL);
}

HearthDocument *
hearth_capture_header_get_document (HearthCaptureHeader *self)
{
  g_return_val_if_fail (HEARTH_IS_CAPTURE_HEADER (self), NULL);

  return self->document;
}

void
hearth_capture_header_set_document (HearthCaptureHeader *self,
                                    HearthDocument      *document)
{
  g_return_if_fail (HEARTH_IS_CAPTURE_HEADER (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_capture_header_update),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::n-captures",
                               G_CALLBACK (hearth_capture_header_update),
                               self, G_CONNECT_SWAPPED);
    }

  hearth_capture_header_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

guint
hearth_capture_header_get_n_warnings (HearthCaptureHeader *self)
{
  g_return_val_if_fail (HEARTH_IS_CAPTURE_HEADER (self), 0);

  return self->warnings->len;
}

void
hearth_capture_header_show_warnings (HearthCaptureHeader *self)
{
  g_return_if_fail (HEARTH_IS_CAPTURE_HEADER (self));

  if (self->warnings->len > 0)
    gtk_menu_button_popup (self->warnings_button);
}
