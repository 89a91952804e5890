/* hearth-frame-timeline.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-frame-timeline"

#include "config.h"

#include "hearth-frame-timeline.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hearth-frame-filter.h"

/* The frame timeline of MicroProfiler captures: one bar per frame (height =
 * frame time, colour = bottleneck class, microprofiler.md §13.3), the
 * reference frame time as a line, two grey X-Ray strips of allocation
 * intensity above, and frame selection by click or drag, which the document
 * turns into a profile of only those frames (in a worker thread). */

#define STRIP_HEIGHT 5.0
#define STRIP_GAP 2.0
#define BARS_TOP (2 * STRIP_HEIGHT + 2 * STRIP_GAP + 2.0)
#define SLOWEST_N 10

static const double reference_presets[] = { 1000.0 / 60.0, 1000.0 / 30.0, 50.0, 100.0 };

struct _HearthFrameTimeline
{
  GtkWidget       parent_instance;

  HearthDocument *document;
  HearthProfile  *profile;        /* the document's full profile */
  gulong          notify_ids[4];

  double          reference_ms;
  double          max_ms;         /* 0: fit every bar */

  guint           hover;          /* frame under the pointer, or G_MAXUINT */
  guint           drag_anchor;    /* G_MAXUINT when not dragging */
  guint           drag_current;
  double          drag_start_x;
  guint           key_anchor;     /* Shift+arrows: where the range starts */

  /* template */
  GtkWidget      *toolbar;
  GtkWidget      *chip;
  GtkWidget      *chip_label;
  GtkWidget      *spinner;
  GtkWidget      *legend;
  GtkWidget      *select_button;
  GtkWidget      *compare_button;
  GtkWidget      *reference_dropdown;
  GtkWidget      *area;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_REFERENCE_MS,
  PROP_MAX_MS,
  N_PROPS
};

enum {
  COMPARE_SPIKES,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HearthFrameTimeline, hearth_frame_timeline, GTK_TYPE_WIDGET)

/* Class colours: GNOME palette orange 3, blue 3, red 3 */
static const GdkRGBA color_cpu = { 1.0, 0.471, 0.0, 1.0 };
static const GdkRGBA color_render = { 0.208, 0.518, 0.894, 1.0 };
static const GdkRGBA color_gpu = { 0.878, 0.106, 0.141, 1.0 };
static const GdkRGBA color_clobbered = { 0.965, 0.827, 0.176, 1.0 };

static guint
n_frames (HearthFrameTimeline *self)
{
  return self->profile ? hearth_profile_get_n_frames (self->profile) : 0;
}

static double
fit_ms (HearthFrameTimeline *self)
{
  double max = self->reference_ms * 1.25;

  for (guint f = 0; f < n_frames (self); f++)
    {
      double ms = hearth_frame_get_ms (hearth_profile_get_frame (self->profile, f));

      if (isfinite (ms))
        max = MAX (max, ms * 1.05);
    }
  return max;
}

static double
upper_ms (HearthFrameTimeline *self)
{
  double fit = fit_ms (self);

  if (self->max_ms > 0)
    return MIN (self->max_ms, fit);
  return fit;
}

static const GdkRGBA *
class_color (HearthFrameClass klass)
{
  switch (klass)
    {
    case HEARTH_FRAME_CLASS_CPU:
      return &color_cpu;
    case HEARTH_FRAME_CLASS_RENDER:
      return &color_render;
    case HEARTH_FRAME_CLASS_GPU:
      return &color_gpu;
    case HEARTH_FRAME_CLASS_UNKNOWN:
    default:
      return NULL;
    }
}

static void
update_legend (HearthFrameTimeline *self)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gboolean classes = FALSE, clobbered = FALSE, paused = FALSE;

  for (guint f = 0; f < n_frames (self); f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (self->profile, f);

      classes |= hearth_frame_classify (fr) != HEARTH_FRAME_CLASS_UNKNOWN;
      clobbered |= fr->clobbered;
      paused |= fr->paused;
    }

  if (classes)
    {
      g_string_append_printf (s, "<span foreground=\"#ff7800\">■</span> %s   ", _("CPU (jobs)"));
      g_string_append_printf (s, "<span foreground=\"#3584e4\">■</span> %s   ", _("Render"));
      g_string_append_printf (s, "<span foreground=\"#e01b24\">■</span> %s   ", _("GPU"));
    }
  else
    g_string_append_printf (s, "■ %s   ", _("Frame time"));
  if (clobbered)
    g_string_append_printf (s, "<span foreground=\"#f6d32d\">▬</span> %s   ", _("Clobbered"));
  if (paused)
    g_string_append_printf (s, "▯ %s   ", _("Paused"));
  g_string_append_printf (s, "┄ %s", _("Reference"));
  gtk_label_set_markup (GTK_LABEL (self->legend), s->str);
}

/**
 * hearth_frame_timeline_dup_chip_text:
 *
 * Returns: (transfer full) (nullable): "frames 120–180 of 512" (or "3 frames
 *   of 512" for a scattered selection), %NULL without a selection
 */
char *
hearth_frame_timeline_dup_chip_text (HearthFrameTimeline *self)
{
  guint n = 0, first, last, total;

  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), NULL);

  if (self->document == NULL)
    return NULL;
  hearth_document_get_selected_frames (self->document, &n);
  if (n == 0)
    return NULL;
  first = hearth_document_get_frame_first (self->document);
  last = hearth_document_get_frame_last (self->document);
  total = n_frames (self);
  if (n == 1)
    return g_strdup_printf (_("frame %u of %u"), first, total);
  if (last - first + 1 == n)
    return g_strdup_printf (_("frames %u–%u of %u"), first, last, total);
  return g_strdup_printf (_("%u frames of %u"), n, total);
}

static void
update_actions (HearthFrameTimeline *self)
{
  gboolean has = self->profile != NULL && hearth_profile_has_frame_values (self->profile);
  gboolean selected = self->document && hearth_document_get_n_selected_frames (self->document) > 0;
  gboolean spikes = FALSE, typical = FALSE;

  for (guint f = 0; has && f < n_frames (self); f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (self->profile, f);
      double ms = hearth_frame_get_ms (fr);

      if (fr->paused || !isfinite (ms))
        continue;
      if (ms > self->reference_ms)
        spikes = TRUE;
      else
        typical = TRUE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-slowest", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-spikes", has && spikes);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.select-typical", has && typical);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.compare-spikes", has && spikes && typical);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.clear-selection", selected);
}

static void
update_chip (HearthFrameTimeline *self)
{
  g_autofree char *text = hearth_frame_timeline_dup_chip_text (self);

  gtk_widget_set_visible (self->chip, text != NULL);
  gtk_label_set_text (GTK_LABEL (self->chip_label), text ? text : "");
  update_actions (self);
  gtk_widget_queue_draw (self->area);
}

static void
update_busy (HearthFrameTimeline *self)
{
  gboolean busy = self->document && hearth_document_get_frames_busy (self->document) &&
                  hearth_document_get_n_selected_frames (self->document) > 0;

  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->spinner, busy);
}

static void
update_profile (HearthFrameTimeline *self)
{
  HearthProfile *profile = self->document ? hearth_document_get_full_profile (self->document) : NULL;

  g_set_object (&self->profile, profile);
  self->hover = G_MAXUINT;
  self->drag_anchor = G_MAXUINT;
  gtk_widget_set_visible (self->select_button, n_frames (self) > 0);
  gtk_widget_set_visible (self->compare_button, n_frames (self) > 0);
  update_legend (self);
  update_chip (self);
}

/* Drawing */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *c,
           double         alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

static void
draw_strip (HearthFrameTimeline *self,
            cairo_t             *cr,
            double               y,
            double               width,
            gboolean             selection_only,
            const GdkRGBA       *fg)
{
  guint n = n_frames (self);
  double max = 0;
  double w = width / MAX (n, 1);

  for (guint f = 0; f < n; f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (self->profile, f);

      if (selection_only && !hearth_document_is_frame_selected (self->document, f))
        continue;
      if (isfinite (fr->alloc_count))
        max = MAX (max, fr->alloc_count);
    }

  /* the track */
  set_color (cr, fg, 0.08);
  cairo_rectangle (cr, 0, y, width, STRIP_HEIGHT);
  cairo_fill (cr);
  if (max <= 0)
    return;

  for (guint f = 0; f < n; f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (self->profile, f);
      double v;

      if (selection_only && !hearth_document_is_frame_selected (self->document, f))
        continue;
      if (!isfinite (fr->alloc_count))
        continue;
      /* brighter = more allocations (X-Ray) */
      v = 0.15 + 0.85 * fr->alloc_count / max;
      cairo_set_source_rgba (cr, v, v, v, 1);
      cairo_rectangle (cr, floor (f * w), y, MAX (1, ceil ((f + 1) * w) - floor (f * w)), STRIP_HEIGHT);
      cairo_fill (cr);
    }
}

static void
area_draw (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  HearthFrameTimeline *self = user_data;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg;
  guint n = n_frames (self);
  double upper, w, bars_h, y_ref;
  gboolean has_sel;
  guint sel_a = G_MAXUINT, sel_b = G_MAXUINT;

  gtk_style_context_get_color (style, &fg);

  if (n == 0)
    return;

  upper = upper_ms (self);
  w = (double) width / n;
  bars_h = height - BARS_TOP;
  has_sel = self->document && hearth_document_get_n_selected_frames (self->document) > 0;
  if (self->drag_anchor != G_MAXUINT)
    {
      sel_a = MIN (self->drag_anchor, self->drag_current);
      sel_b = MAX (self->drag_anchor, self->drag_current);
    }
  else if (self->key_anchor < n && self->hover < n)
    {
      sel_a = MIN (self->key_anchor, self->hover);
      sel_b = MAX (self->key_anchor, self->hover);
    }

  /* X-Ray strips: all frames, then the selection */
  draw_strip (self, cr, 0, width, FALSE, &fg);
  draw_strip (self, cr, STRIP_HEIGHT + STRIP_GAP, width, TRUE, &fg);

  /* selection background */
  for (guint f = 0; f < n; f++)
    {
      gboolean in_drag = f >= sel_a && f <= sel_b && sel_a != G_MAXUINT;
      gboolean sel = has_sel && hearth_document_is_frame_selected (self->document, f);

      if (in_drag || (sel && sel_a == G_MAXUINT))
        {
          set_color (cr, &color_render, 0.18);
          cairo_rectangle (cr, floor (f * w), BARS_TOP, ceil ((f + 1) * w) - floor (f * w), bars_h);
          cairo_fill (cr);
        }
    }

  /* bars */
  for (guint f = 0; f < n; f++)
    {
      const HearthFrame *fr = hearth_profile_get_frame (self->profile, f);
      double ms = hearth_frame_get_ms (fr);
      const GdkRGBA *c = class_color (hearth_frame_classify (fr));
      double x0 = floor (f * w), x1 = floor ((f + 1) * w);
      double bw = MAX (1.0, x1 - x0 - (w >= 4 ? 1 : 0));
      double h, alpha = 1.0;
      gboolean clipped;

      if (!isfinite (ms) || ms < 0)
        continue;
      clipped = ms > upper;
      h = MIN (ms, upper) / upper * bars_h;
      h = MAX (h, 1.0);
      if (has_sel && sel_a == G_MAXUINT && !hearth_document_is_frame_selected (self->document, f))
        alpha = 0.45;
      if (f == self->hover)
        alpha = MIN (1.0, alpha + 0.3);

      if (fr->paused)
        {
          /* paused: outline only, excluded from the totals */
          set_color (cr, c ? c : &fg, 0.6 * alpha);
          cairo_set_line_width (cr, 1);
          cairo_rectangle (cr, x0 + 0.5, height - h + 0.5, MAX (bw - 1, 0.5), h - 1);
          cairo_stroke (cr);
        }
      else
        {
          if (c != NULL)
            set_color (cr, c, (f == self->hover ? 1.0 : 0.85) * alpha);
          else
            set_color (cr, &fg, (f == self->hover ? 0.7 : 0.45) * alpha);
          cairo_rectangle (cr, x0, height - h, bw, h);
          cairo_fill (cr);
        }

      if (clipped)
        {
          /* the bar goes on above the upper limit */
          set_color (cr, &fg, 0.9 * alpha);
          cairo_rectangle (cr, x0, BARS_TOP, bw, 2);
          cairo_fill (cr);
        }
      if (fr->clobbered)
        {
          set_color (cr, &color_clobbered, 1);
          cairo_rectangle (cr, x0, height - 3, bw, 3);
          cairo_fill (cr);
        }
    }

  /* reference line and its label */
  if (self->reference_ms < upper)
    {
      PangoLayout *layout;
      g_autofree char *text = g_strdup_printf ("%.2f ms", self->reference_ms);
      int tw, th;
      double dash[] = { 4, 3 };

      y_ref = floor (height - self->reference_ms / upper * bars_h) + 0.5;
      set_color (cr, &fg, 0.75);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, 0, y_ref);
      cairo_line_to (cr, width, y_ref);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
      pango_layout_get_pixel_size (layout, &tw, &th);
      {
        GdkRGBA plate = { 1 - fg.red, 1 - fg.green, 1 - fg.blue, 0.7 };

        set_color (cr, &plate, 1);
        cairo_rectangle (cr, width - tw - 6, MAX (BARS_TOP, y_ref - th - 1), tw + 6, th);
        cairo_fill (cr);
      }
      set_color (cr, &fg, 0.8);
      cairo_move_to (cr, width - tw - 4, MAX (BARS_TOP, y_ref - th - 1));
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
    }

  /* the upper limit, on a plate so bars do not run through it */
  {
    PangoLayout *layout;
    g_autofree char *text = g_strdup_printf ("%.1f ms", upper);
    GdkRGBA plate = { 1 - fg.red, 1 - fg.green, 1 - fg.blue, 0.7 };
    int tw, th;

    layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), text);
    pango_layout_get_pixel_size (layout, &tw, &th);
    set_color (cr, &plate, 1);
    cairo_rectangle (cr, 0, BARS_TOP, tw + 4, th);
    cairo_fill (cr);
    set_color (cr, &fg, 0.7);
    cairo_move_to (cr, 2, BARS_TOP);
    pango_cairo_show_layout (cr, layout);
    g_object_unref (layout);
  }
}

/* Hit test and tooltip */

/**
 * hearth_frame_timeline_get_frame_at:
 * @x: x in the bar area's coordinates
 *
 * Returns: the frame under @x, or %G_MAXUINT
 */
guint
hearth_frame_timeline_get_frame_at (HearthFrameTimeline *self,
                                    double               x)
{
  guint n;
  int width;

  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), G_MAXUINT);

  n = n_frames (self);
  width = gtk_widget_get_width (self->area);
  if (n == 0 || width <= 0)
    return G_MAXUINT;
  x = CLAMP (x, 0, width - 1);
  return MIN ((guint) (x / width * n), n - 1);
}

static void
append_ms (GString    *s,
           const char *label,
           double      value,
           gboolean    decided,
           const char *color)
{
  if (!isfinite (value))
    return;
  if (decided)
    g_string_append_printf (s, "\n<span foreground=\"%s\"><b>%s: %.2f ms</b></span>", color, label, value);
  else
    g_string_append_printf (s, "\n%s: %.2f ms", label, value);
}

/**
 * hearth_frame_timeline_dup_tooltip:
 *
 * Returns: (transfer full) (nullable): the tooltip markup of @frame; the
 *   value that decided the frame's colour is bold and coloured
 */
char *
hearth_frame_timeline_dup_tooltip (HearthFrameTimeline *self,
                                   guint                frame)
{
  const HearthFrame *fr;
  HearthFrameClass klass;
  GString *s;
  const char *class_name;

  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), NULL);

  if (frame >= n_frames (self))
    return NULL;
  fr = hearth_profile_get_frame (self->profile, frame);
  klass = hearth_frame_classify (fr);
  s = g_string_new (NULL);

  g_string_append_printf (s, "<b>%s</b>", _("Frame"));
  g_string_append_printf (s, " <b>%u</b> — %.2f ms", frame, hearth_frame_get_ms (fr));
  switch (klass)
    {
    case HEARTH_FRAME_CLASS_CPU:
      class_name = _("CPU-bound (jobs finished last)");
      break;
    case HEARTH_FRAME_CLASS_RENDER:
      class_name = _("Render-bound");
      break;
    case HEARTH_FRAME_CLASS_GPU:
      class_name = _("GPU-bound (CPU waited for the GPU)");
      break;
    case HEARTH_FRAME_CLASS_UNKNOWN:
    default:
      class_name = NULL;
      break;
    }
  if (class_name != NULL)
    g_string_append_printf (s, "\n%s", class_name);
  append_ms (s, _("Jobs wall time"), fr->jobs_ms - fr->start_ms, klass == HEARTH_FRAME_CLASS_CPU, "#ff7800");
  append_ms (s, _("Render wall time"), fr->render_ms - fr->start_ms, klass == HEARTH_FRAME_CLASS_RENDER, "#3584e4");
  append_ms (s, _("GPU wait"), fr->cpu_waits_for_gpu_ms, klass == HEARTH_FRAME_CLASS_GPU, "#e01b24");
  append_ms (s, _("GPU time"), fr->gpu_ms, FALSE, NULL);
  if (isfinite (fr->memory_used))
    g_string_append_printf (s, "\n%s: %.1f MB", _("Memory used"), fr->memory_used);
  if (isfinite (fr->alloc_count))
    g_string_append_printf (s, "\n%s: %.0f", _("Allocations"), fr->alloc_count);
  if (isfinite (fr->free_count))
    g_string_append_printf (s, "\n%s: %.0f", _("Frees"), fr->free_count);
  if (fr->clobbered)
    g_string_append_printf (s, "\n<span foreground=\"#c88800\">%s</span>",
                            _("Ring buffer wrap-around: some data of this frame was discarded"));
  if (fr->paused)
    g_string_append_printf (s, "\n<i>%s</i>", _("Captured while paused: not counted in the totals"));

  return g_string_free (s, FALSE);
}

static gboolean
area_query_tooltip (GtkWidget  *widget,
                    int         x,
                    int         y,
                    gboolean    keyboard,
                    GtkTooltip *tooltip,
                    gpointer    user_data)
{
  HearthFrameTimeline *self = user_data;
  g_autofree char *markup = hearth_frame_timeline_dup_tooltip (self, hearth_frame_timeline_get_frame_at (self, x));

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* Input */

static void
motion_cb (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           HearthFrameTimeline      *self)
{
  guint frame = hearth_frame_timeline_get_frame_at (self, x);

  if (frame != self->hover)
    {
      self->hover = frame;
      gtk_widget_queue_draw (self->area);
    }
}

static void
leave_cb (GtkEventControllerMotion *motion,
          HearthFrameTimeline      *self)
{
  self->hover = G_MAXUINT;
  gtk_widget_queue_draw (self->area);
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               HearthFrameTimeline *self)
{
  gtk_widget_grab_focus (self->area);
  self->key_anchor = G_MAXUINT;
  self->drag_anchor = hearth_frame_timeline_get_frame_at (self, x);
  self->drag_current = self->drag_anchor;
  self->drag_start_x = x;
  gtk_widget_queue_draw (self->area);
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                HearthFrameTimeline *self)
{
  guint frame;

  if (self->drag_anchor == G_MAXUINT)
    return;
  frame = hearth_frame_timeline_get_frame_at (self, self->drag_start_x + dx);
  if (frame != self->drag_current)
    {
      self->drag_current = frame;
      gtk_widget_queue_draw (self->area);
    }
}

static void
drag_end_cb (GtkGestureDrag      *gesture,
             double               dx,
             double               dy,
             HearthFrameTimeline *self)
{
  guint a = self->drag_anchor, b;

  if (a == G_MAXUINT)
    return;
  b = hearth_frame_timeline_get_frame_at (self, self->drag_start_x + dx);
  self->drag_anchor = G_MAXUINT;
  if (self->document != NULL && b != G_MAXUINT)
    hearth_document_set_frame_range (self->document, MIN (a, b), MAX (a, b));
  gtk_widget_queue_draw (self->area);
}

static gboolean
scroll_cb (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           HearthFrameTimeline      *self)
{
  double fit = fit_ms (self);
  double upper = upper_ms (self);

  if (n_frames (self) == 0 || dy == 0)
    return FALSE;

  /* up: a lower limit (tall bars are cut); down: back until every bar fits */
  upper = dy < 0 ? upper / 1.25 : upper * 1.25;
  upper = MAX (upper, self->reference_ms * 0.5);
  hearth_frame_timeline_set_max_ms (self, upper >= fit ? 0 : upper);
  return TRUE;
}

/* Keyboard: arrows move the highlighted frame, Shift+arrows span a range,
 * Enter selects, Escape shows all frames again */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HearthFrameTimeline   *self)
{
  guint n = n_frames (self);
  guint cur = self->hover < n ? self->hover : 0;
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  guint next = cur;

  if (n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      next = cur > 0 ? cur - 1 : 0;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      next = MIN (cur + 1, n - 1);
      break;
    case GDK_KEY_Home:
      next = 0;
      break;
    case GDK_KEY_End:
      next = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->document != NULL)
        {
          guint a = self->key_anchor < n ? self->key_anchor : cur;

          hearth_document_set_frame_range (self->document, MIN (a, cur), MAX (a, cur));
        }
      self->key_anchor = G_MAXUINT;
      return TRUE;
    case GDK_KEY_Escape:
      self->key_anchor = G_MAXUINT;
      if (self->document != NULL && hearth_document_get_n_selected_frames (self->document) > 0)
        {
          hearth_document_clear_frame_selection (self->document);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }

  if (shift && self->key_anchor == G_MAXUINT)
    self->key_anchor = cur;
  else if (!shift)
    self->key_anchor = G_MAXUINT;
  self->hover = next;
  gtk_widget_queue_draw (self->area);
  return TRUE;
}

/* Actions */

static void
select_array (HearthFrameTimeline *self,
              GArray              *frames)
{
  if (self->document != NULL && frames->len > 0)
    hearth_document_select_frames (self->document, (const guint *) frames->data, frames->len);
}

static void
select_slowest_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (widget);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->profile == NULL)
    return;
  hearth_frames_slowest (self->profile, SLOWEST_N, frames);
  select_array (self, frames);
}

static void
select_spikes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (widget);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->profile == NULL)
    return;
  hearth_frames_spikes (self->profile, self->reference_ms, frames);
  select_array (self, frames);
}

static void
select_typical_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (widget);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->profile == NULL)
    return;
  hearth_frames_typical (self->profile, self->reference_ms, frames);
  select_array (self, frames);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (widget);

  if (self->document != NULL)
    hearth_document_clear_frame_selection (self->document);
}

static void
compare_spikes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_signal_emit (widget, signals[COMPARE_SPIKES], 0);
}

/* Document */

static void
document_selection_cb (HearthFrameTimeline *self)
{
  update_chip (self);
}

static void
document_profile_cb (HearthFrameTimeline *self)
{
  update_profile (self);
}

/* every selection change starts a job, even one that keeps the first and
 * last frame and the count */
static void
document_busy_cb (HearthFrameTimeline *self)
{
  update_busy (self);
  update_chip (self);
}

static void
reference_selected_cb (HearthFrameTimeline *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->reference_dropdown));

  /* a preset that shows the current value (33.33 for 33.333…) keeps it */
  if (i < G_N_ELEMENTS (reference_presets) && fabs (reference_presets[i] - self->reference_ms) >= 0.01)
    hearth_frame_timeline_set_reference_ms (self, reference_presets[i]);
}

HearthDocument *
hearth_frame_timeline_get_document (HearthFrameTimeline *self)
{
  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), NULL);
  return self->document;
}

void
hearth_frame_timeline_set_document (HearthFrameTimeline *self,
                                    HearthDocument      *document)
{
  g_return_if_fail (HEARTH_IS_FRAME_TIMELINE (self));
  g_return_if_fail (document == NULL || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (self->notify_ids); i++)
        g_clear_signal_handler (&self->notify_ids[i], self->document);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      self->notify_ids[0] = g_signal_connect_swapped (document, "notify::full-profile",
                                                      G_CALLBACK (document_profile_cb), self);
      self->notify_ids[1] = g_signal_connect_swapped (document, "notify::n-selected-frames",
                                                      G_CALLBACK (document_selection_cb), self);
      self->notify_ids[2] = g_signal_connect_swapped (document, "notify::frame-first",
                                                      G_CALLBACK (document_selection_cb), self);
      self->notify_ids[3] = g_signal_connect_swapped (document, "notify::frames-busy",
                                                      G_CALLBACK (document_busy_cb), self);
    }
  update_profile (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

double
hearth_frame_timeline_get_reference_ms (HearthFrameTimeline *self)
{
  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), 0);
  return self->reference_ms;
}

/**
 * hearth_frame_timeline_set_reference_ms:
 *
 * The reference frame time: the dashed line, and the limit between
 * "spikes" and "typical" frames.
 */
void
hearth_frame_timeline_set_reference_ms (HearthFrameTimeline *self,
                                        double               reference_ms)
{
  g_return_if_fail (HEARTH_IS_FRAME_TIMELINE (self));
  g_return_if_fail (reference_ms > 0);

  if (self->reference_ms == reference_ms)
    return;
  self->reference_ms = reference_ms;
  for (guint i = 0; i < G_N_ELEMENTS (reference_presets); i++)
    if (fabs (reference_presets[i] - reference_ms) < 0.01)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->reference_dropdown), i);
  update_actions (self);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE_MS]);
}

double
hearth_frame_timeline_get_max_ms (HearthFrameTimeline *self)
{
  g_return_val_if_fail (HEARTH_IS_FRAME_TIMELINE (self), 0);
  return self->max_ms;
}

/**
 * hearth_frame_timeline_set_max_ms:
 * @max_ms: the upper limit of the bars, or 0 to fit every bar
 */
void
hearth_frame_timeline_set_max_ms (HearthFrameTimeline *self,
                                  double               max_ms)
{
  g_return_if_fail (HEARTH_IS_FRAME_TIMELINE (self));

  max_ms = MAX (max_ms, 0);
  if (self->max_ms == max_ms)
    return;
  self->max_ms = max_ms;
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_MS]);
}

/* GObject */

static void
hearth_frame_timeline_dispose (GObject *object)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (object);

  hearth_frame_timeline_set_document (self, NULL);
  g_clear_object (&self->profile);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_FRAME_TIMELINE);

  G_OBJECT_CLASS (hearth_frame_timeline_parent_class)->dispose (object);
}

static void
hearth_frame_timeline_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_REFERENCE_MS:
      g_value_set_double (value, self->reference_ms);
      break;

    case PROP_MAX_MS:
      g_value_set_double (value, self->max_ms);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_frame_timeline_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HearthFrameTimeline *self = HEARTH_FRAME_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_frame_timeline_set_document (self, g_value_get_object (value));
      break;

    case PROP_REFERENCE_MS:
      hearth_frame_timeline_set_reference_ms (self, g_value_get_double (value));
      break;

    case PROP_MAX_MS:
      hearth_frame_timeline_set_max_ms (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_frame_timeline_class_init (HearthFrameTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_frame_timeline_dispose;
  object_class->get_property = hearth_frame_timeline_get_property;
  object_class->set_property = hearth_frame_timeline_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REFERENCE_MS] =
    g_param_spec_double ("reference-ms", NULL, NULL,
                         0.001, 100000, HEARTH_FRAME_REFERENCE_MS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MAX_MS] =
    g_param_spec_double ("max-ms", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HearthFrameTimeline::compare-spikes:
   *
   * "Compare spikes with typical frames" was chosen. The handler splits the
   * document's full profile with hearth_profile_split_spikes() at
   * hearth_frame_timeline_get_reference_ms() (in a worker thread, with
   * @per_frame %FALSE: the comparison normalises per frame) and opens the
   * comparison with the spikes on one side and the typical frames on the
   * other.
   */
  signals[COMPARE_SPIKES] =
    g_signal_new ("compare-spikes",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-frame-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, toolbar);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, chip);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, chip_label);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, legend);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, select_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, compare_button);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, reference_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearthFrameTimeline, area);

  gtk_widget_class_install_action (widget_class, "timeline.select-slowest", NULL, select_slowest_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-spikes", NULL, select_spikes_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-typical", NULL, select_typical_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "timeline.compare-spikes", NULL, compare_spikes_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "frametimeline");
}

static void
hearth_frame_timeline_init (HearthFrameTimeline *self)
{
  GtkEventController *motion, *scroll, *key;
  GtkGesture *drag;

  self->reference_ms = HEARTH_FRAME_REFERENCE_MS;
  self->hover = G_MAXUINT;
  self->drag_anchor = G_MAXUINT;
  self->key_anchor = G_MAXUINT;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), area_draw, self, NULL);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (area_query_tooltip), self);
  g_signal_connect_swapped (self->reference_dropdown, "notify::selected",
                            G_CALLBACK (reference_selected_cb), self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (self->area, motion);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (drag));

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->area, key);
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Frame timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("One bar per frame. Arrows move between frames, Shift+arrows span a range, "
                                    "Enter selects, Escape shows all frames."),
                                  -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (self->area, scroll);

  update_profile (self);
  update_busy (self);
}

GtkWidget *
hearth_frame_timeline_new (void)
{
  return g_object_new (HEARTH_TYPE_FRAME_TIMELINE, NULL);
}
