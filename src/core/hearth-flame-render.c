/* hearth-flame-render.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-flame-render"

#include "config.h"

#include "hearth-flame-render.h"

#include <cairo-svg.h>
#include <math.h>
#include <string.h>

#include "hearth-units.h"

/* The one Cairo draw function of the flame graph. The widget runs it on an
 * image surface and caches the result as a texture node; the exporters run
 * it on SVG and PNG surfaces. Geometry helpers live here too, so hit tests
 * and drawing can never disagree. */

#define LABEL_PADDING   4.0
#define MIN_LABEL_WIDTH 12.0
#define MAX_LABEL_BYTES 480

void
hearth_flame_render_options_init (HearthFlameRenderOptions *options,
                                  int                       width,
                                  int                       height)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->width = width;
  options->height = height;
  options->content_width = width;
  options->row_height = 18;
  options->font_size = 11;
  options->font_family = "Sans";
  options->background[0] = options->background[1] = options->background[2] = 1;
  options->background[3] = 0;
  hearth_flame_xray_init (&options->xray_options);
  options->xray_full_scale = -1;
  options->highlight_function = HEARTH_NO_INDEX;
}

/**
 * hearth_flame_render_get_content_height:
 *
 * Returns: the height of all rows, in pixels
 */
double
hearth_flame_render_get_content_height (HearthFlameLayout              *layout,
                                        const HearthFlameRenderOptions *options)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  return hearth_flame_layout_get_n_rows (layout) * options->row_height;
}

static double
row_top (HearthFlameLayout              *layout,
         const HearthFlameRenderOptions *options,
         guint                           depth)
{
  if (options->root_at_bottom)
    {
      /* a short graph sits at the bottom of the view */
      double base = MAX (hearth_flame_render_get_content_height (layout, options), options->height);

      return base - (depth + 1) * options->row_height - options->scroll_y;
    }

  return depth * options->row_height - options->scroll_y;
}

/**
 * hearth_flame_render_get_rect_bounds:
 * @x: (out): left edge in pixels
 * @y: (out): top edge
 * @width: (out): width, unrounded
 * @height: (out): height, without the row gap
 *
 * Returns: %TRUE when @rect is at least partly inside the target
 */
gboolean
hearth_flame_render_get_rect_bounds (HearthFlameLayout              *layout,
                                     const HearthFlameRenderOptions *options,
                                     guint                           rect,
                                     double                         *x,
                                     double                         *y,
                                     double                         *width,
                                     double                         *height)
{
  const HearthFlameRect *rects;
  guint n_rects;
  double rx, ry, rw;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  rects = hearth_flame_layout_get_rects (layout, &n_rects);
  g_return_val_if_fail (rect < n_rects, FALSE);

  rx = (double) rects[rect].x * options->content_width - options->scroll_x;
  rw = (double) rects[rect].width * options->content_width;
  ry = row_top (layout, options, rects[rect].depth);

  *x = rx;
  *y = ry;
  *width = rw;
  *height = options->row_height - 1;

  return rx + rw > 0 && rx < options->width && ry + options->row_height > 0 && ry < options->height;
}

/**
 * hearth_flame_render_pick:
 * @x: pixel in the target
 * @y: pixel in the target
 *
 * Returns: the rectangle drawn at (@x, @y), or -1
 */
int
hearth_flame_render_pick (HearthFlameLayout              *layout,
                          const HearthFlameRenderOptions *options,
                          double                          x,
                          double                          y)
{
  double content_y, depth;

  g_return_val_if_fail (layout != NULL, -1);
  g_return_val_if_fail (options != NULL, -1);

  if (!(options->content_width > 0) || !(options->row_height > 0))
    return -1;

  content_y = y + options->scroll_y;
  if (options->root_at_bottom)
    {
      double base = MAX (hearth_flame_render_get_content_height (layout, options), options->height);

      depth = floor ((base - content_y) / options->row_height);
    }
  else
    depth = floor (content_y / options->row_height);

  if (depth < 0 || depth >= hearth_flame_layout_get_n_rows (layout))
    return -1;

  return hearth_flame_layout_hit_test (layout, (guint) depth,
                                       (x + options->scroll_x) / options->content_width);
}

static void
rgb_to_doubles (guint32 rgb,
                double  c[4])
{
  c[0] = ((rgb >> 16) & 0xff) / 255.0;
  c[1] = ((rgb >> 8) & 0xff) / 255.0;
  c[2] = (rgb & 0xff) / 255.0;
  c[3] = 1;
}

static void
mix (double       c[4],
     const double with[3],
     double       amount)
{
  for (guint i = 0; i < 3; i++)
    c[i] = c[i] * (1 - amount) + with[i] * amount;
}

static const double neutral_light[3] = { 0.80, 0.79, 0.77 };
static const double neutral_dark[3] = { 0.34, 0.34, 0.37 };
static const double faded_light[3] = { 0.92, 0.92, 0.91 };
static const double faded_dark[3] = { 0.20, 0.20, 0.22 };
static const double match_light[3] = { 0.84, 0.16, 0.56 };
static const double match_dark[3] = { 0.93, 0.38, 0.72 };

/**
 * hearth_flame_render_get_colors:
 * @fill: (out caller-allocates): RGBA of the box
 * @text: (out caller-allocates): RGBA of its label, chosen for contrast
 *
 * The colour rules, in order: X-Ray grey (brightness = allocation
 * intensity); search matches in a distinct colour with the other boxes
 * faded; `<root>` and tree-root labels neutral; otherwise the function's
 * group colour or a stable hash of its source. Breadcrumbs above the zoom
 * root are faded. Dark mode darkens colours. The label is near-black or
 * white, whichever contrasts more with the fill.
 */
void
hearth_flame_render_get_colors (HearthFlameLayout              *layout,
                                const HearthFlameRenderOptions *options,
                                guint                           rect,
                                double                          fill[4],
                                double                          text[4])
{
  HearthFlameTree *tree = hearth_flame_layout_get_tree (layout);
  HearthProfile *profile = hearth_flame_tree_get_profile (tree);
  const HearthCallTree *ct = hearth_profile_get_call_tree (profile);
  const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
  guint node = rects[rect].node;
  guint function = ct->function[node];
  gboolean dark = options->dark;
  gboolean matched = options->search_match != NULL && options->search_match[function];
  gboolean hatch = FALSE;
  double luminance;

  if (matched)
    {
      const double *m = dark ? match_dark : match_light;

      fill[0] = m[0], fill[1] = m[1], fill[2] = m[2], fill[3] = 1;
    }
  else if (options->color_func != NULL &&
           options->color_func (node, dark, fill, &hatch, options->color_data))
    {
      /* the hook's colour */
    }
  else if (options->xray)
    {
      double full = options->xray_full_scale;
      double value = hearth_flame_tree_xray_value (tree, node, &options->xray_options);
      double level;

      if (full < 0)
        full = hearth_flame_layout_xray_full_scale (layout, &options->xray_options);
      level = 0.14 + 0.82 * hearth_flame_xray_intensity (value, full);
      fill[0] = fill[1] = fill[2] = level;
      fill[3] = 1;
    }
  else if (node == 0 || hearth_profile_function_is_root_label (profile, function))
    {
      const double *n = dark ? neutral_dark : neutral_light;

      fill[0] = n[0], fill[1] = n[1], fill[2] = n[2], fill[3] = 1;
    }
  else
    {
      guint32 rgb;

      hearth_flame_tree_function_get_color (tree, function, &rgb);
      rgb_to_doubles (rgb, fill);
      if (dark)
        for (guint i = 0; i < 3; i++)
          fill[i] *= 0.78;
    }

  if (options->search_match != NULL && !matched)
    mix (fill, dark ? faded_dark : faded_light, 0.72);

  /* breadcrumbs: ancestors of the zoom root */
  if (rects[rect].depth < ct->depth[hearth_flame_layout_get_zoom_node (layout)])
    mix (fill, dark ? faded_dark : faded_light, 0.45);

  luminance = 0.2126 * fill[0] + 0.7152 * fill[1] + 0.0722 * fill[2];
  if (luminance > 0.5)
    text[0] = text[1] = text[2] = 0.08, text[3] = 1;
  else
    text[0] = text[1] = text[2] = 1, text[3] = 1;
}

/**
 * hearth_flame_render_dup_label:
 *
 * Returns: (transfer full): the text drawn in @rect when it fits: the
 *   function's display name (`all` for `<root>`), plus the X-Ray count or size
 */
char *
hearth_flame_render_dup_label (HearthFlameLayout              *layout,
                               const HearthFlameRenderOptions *options,
                               guint                           rect)
{
  HearthFlameTree *tree = hearth_flame_layout_get_tree (layout);
  HearthProfile *profile = hearth_flame_tree_get_profile (tree);
  const HearthFlameRect *rects = hearth_flame_layout_get_rects (layout, NULL);
  guint node = rects[rect].node;
  g_autofree char *name = NULL;

  if (node == 0)
    name = g_strdup ("all");
  else
    name = hearth_profile_function_dup_display_name (profile, hearth_profile_node_get_function (profile, node));

  /* `<root>` and thread or category labels carry no allocations of their own */
  if (options->xray && node != 0 &&
      !hearth_profile_function_is_root_label (profile, hearth_profile_node_get_function (profile, node)))
    {
      double value = hearth_flame_tree_xray_value (tree, node, &options->xray_options);
      g_autofree char *figure = NULL;

      if (options->xray_options.mode == HEARTH_FLAME_XRAY_SUM)
        figure = hearth_format_value (HEARTH_METRIC_ALLOC_BYTES, value, HEARTH_UNIT_MS, 0);
      else
        figure = hearth_format_value (HEARTH_METRIC_ALLOC_COUNT, value, HEARTH_UNIT_MS, 0);

      return g_strdup_printf ("%s · %s", name, figure);
    }

  return g_steal_pointer (&name);
}

typedef struct
{
  double advance[128];
  double ellipsis;
  double baseline;   /* from the row top */
} TextMetrics;

static void
text_metrics_init (TextMetrics                    *tm,
                   cairo_t                        *cr,
                   const HearthFlameRenderOptions *options)
{
  cairo_font_extents_t fe;
  cairo_text_extents_t te;
  char s[2] = { 0, 0 };

  cairo_select_font_face (cr, options->font_family != NULL ? options->font_family : "Sans",
                          CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, options->font_size);

  memset (tm->advance, 0, sizeof tm->advance);
  for (int c = 32; c < 127; c++)
    {
      s[0] = (char) c;
      cairo_text_extents (cr, s, &te);
      tm->advance[c] = te.x_advance;
    }
  cairo_text_extents (cr, "…", &te);
  tm->ellipsis = te.x_advance;

  cairo_font_extents (cr, &fe);
  tm->baseline = floor ((options->row_height - 1 + fe.ascent - fe.descent) / 2 + 0.5);
}

static double
char_width (TextMetrics *tm,
            cairo_t     *cr,
            const char  *p,
            const char  *next)
{
  cairo_text_extents_t te;
  char buf[8];
  gsize len = next - p;

  if ((guchar) *p < 128)
    return tm->advance[(guchar) *p];

  len = MIN (len, sizeof buf - 1);
  memcpy (buf, p, len);
  buf[len] = '\0';
  cairo_text_extents (cr, buf, &te);
  return te.x_advance;
}

/* Draws @label left-aligned in @avail pixels, cut with an ellipsis when it
 * does not fit; nothing when not even one character and the ellipsis fit */
static void
draw_label (TextMetrics *tm,
            cairo_t     *cr,
            const char  *label,
            double       x,
            double       baseline,
            double       avail)
{
  char buf[MAX_LABEL_BYTES + 8];
  double used = 0;
  const char *p = label;
  const char *cut = NULL;
  double cut_used = 0;

  if (!g_utf8_validate (label, -1, NULL))
    return;

  while (*p != '\0' && (gsize) (p - label) < MAX_LABEL_BYTES)
    {
      const char *next = g_utf8_next_char (p);
      double w = char_width (tm, cr, p, next);

      if (cut == NULL && used + w + tm->ellipsis > avail)
        {
          cut = p;
          cut_used = used;
        }
      used += w;
      if (used > avail)
        break;
      p = next;
    }

  if (*p == '\0' && used <= avail)
    {
      cairo_move_to (cr, x, baseline);
      cairo_show_text (cr, label);
      return;
    }

  if (cut == NULL || cut == label)
    return;

  (void) cut_used;
  memcpy (buf, label, cut - label);
  strcpy (buf + (cut - label), "…");
  cairo_move_to (cr, x, baseline);
  cairo_show_text (cr, buf);
}

/* Diagonal stripes in the label colour, for boxes the colour hook marks
 * (nodes present on one side of a diff only) */
static void
draw_hatch (cairo_t                        *cr,
            const HearthFlameRenderOptions *options,
            guint                           node,
            double                          x,
            double                          y,
            double                          w,
            double                          h,
            const double                    text[4])
{
  double fill[4];
  gboolean hatch = FALSE;

  if (!options->color_func (node, options->dark, fill, &hatch, options->color_data) || !hatch)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  cairo_set_source_rgba (cr, text[0], text[1], text[2], 0.35);
  cairo_set_line_width (cr, 1.5);
  for (double sx = x - h; sx < x + w; sx += 6)
    {
      cairo_move_to (cr, sx, y + h);
      cairo_line_to (cr, sx + h, y);
    }
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, text[0], text[1], text[2], 0.8);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * hearth_flame_render:
 * @cr: any Cairo context (image, SVG, or GTK's)
 *
 * Draws the visible part of @layout: boxes at least one pixel wide, in
 * their colours, a pixel gap between boxes and rows, labels where at least a
 * character and an ellipsis fit. A label of a box that starts left of the
 * view starts at the view's edge, so it stays readable when zoomed.
 */
void
hearth_flame_render (HearthFlameLayout              *layout,
                     const HearthFlameRenderOptions *options,
                     cairo_t                        *cr)
{
  HearthFlameRenderOptions local;
  const HearthFlameRect *rects;
  TextMetrics tm;
  guint n_rows;
  double cw, fx0, fx1;
  const HearthCallTree *ct;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  local = *options;
  if (local.xray && local.xray_full_scale < 0)
    local.xray_full_scale = hearth_flame_layout_xray_full_scale (layout, &local.xray_options);
  options = &local;

  cairo_save (cr);

  if (options->background[3] > 0)
    {
      cairo_set_source_rgba (cr, options->background[0], options->background[1],
                             options->background[2], options->background[3]);
      cairo_rectangle (cr, 0, 0, options->width, options->height);
      cairo_fill (cr);
    }

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  text_metrics_init (&tm, cr, options);
  {
    cairo_font_options_t *fo = cairo_font_options_create ();

    cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_SLIGHT);
    cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_ON);
    cairo_set_font_options (cr, fo);
    cairo_font_options_destroy (fo);
  }

  rects = hearth_flame_layout_get_rects (layout, NULL);
  n_rows = hearth_flame_layout_get_n_rows (layout);
  ct = hearth_profile_get_call_tree (hearth_flame_layout_get_profile (layout));
  cw = options->content_width;
  if (!(cw > 0))
    goto out;
  fx0 = options->scroll_x / cw;
  fx1 = (options->scroll_x + options->width) / cw;

  for (guint d = 0; d < n_rows; d++)
    {
      double y = row_top (layout, options, d);
      guint first, end, lo, hi;

      if (y + options->row_height <= 0 || y >= options->height)
        continue;

      hearth_flame_layout_get_row (layout, d, &first, &end);

      /* the first box that may reach into the view */
      lo = first;
      hi = end;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (rects[mid].x <= fx0)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo > first)
        lo--;

      for (guint i = lo; i < end && rects[i].x < fx1; i++)
        {
          double px = (double) rects[i].x * cw - options->scroll_x;
          double pw = (double) rects[i].width * cw;
          double fill[4], text[4];
          double x0, x1, w;

          if (pw < 1.0 || px + pw <= 0)
            continue;

          /* whole pixels; clamped so huge zoomed coordinates stay in range */
          x0 = CLAMP (floor (px + 0.5), -2, options->width + 2);
          x1 = CLAMP (floor (px + pw + 0.5), -2, options->width + 2);
          w = x1 - x0 >= 2 ? x1 - x0 - 1 : 1;

          hearth_flame_render_get_colors (layout, options, i, fill, text);
          cairo_set_source_rgba (cr, fill[0], fill[1], fill[2], fill[3]);
          cairo_rectangle (cr, x0, y, w, options->row_height - 1);
          cairo_fill (cr);

          if (options->color_func != NULL && w >= 3)
            draw_hatch (cr, options, rects[i].node, x0, y, w, options->row_height - 1, text);

          if (options->highlight_function != HEARTH_NO_INDEX &&
              ct->function[rects[i].node] == options->highlight_function && w >= 3)
            {
              double *fg = text;

              cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.9);
              cairo_rectangle (cr, x0 + 1, y + 1, w - 2, options->row_height - 3);
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }

          if (w >= MIN_LABEL_WIDTH + 2 * LABEL_PADDING)
            {
              double lx = MAX (x0, 0);
              double avail = x0 + w - lx - 2 * LABEL_PADDING;
              g_autofree char *label = NULL;

              if (avail < MIN_LABEL_WIDTH)
                continue;

              label = hearth_flame_render_dup_label (layout, options, i);
              cairo_set_source_rgba (cr, text[0], text[1], text[2], text[3]);
              draw_label (&tm, cr, label, lx + LABEL_PADDING, y + tm.baseline, avail);
            }
        }
    }

out:
  cairo_restore (cr);
}

/* Export */

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} WriteClosure;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  WriteClosure *wc = closure;

  if (wc->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (wc->stream, data, length, NULL, NULL, &wc->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
full_picture_options (HearthFlameLayout              *layout,
                      const HearthFlameRenderOptions *options,
                      HearthFlameRenderOptions       *out)
{
  *out = *options;
  out->scroll_x = 0;
  out->scroll_y = 0;
  out->content_width = out->width;
  out->height = (int) ceil (hearth_flame_render_get_content_height (layout, out));
  if (out->background[3] <= 0)
    {
      double v = out->dark ? 0.14 : 1.0;

      out->background[0] = out->background[1] = out->background[2] = v;
      out->background[3] = 1;
    }
}

static GOutputStream *
open_output (GFile   *file,
             GError **error)
{
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                          NULL, error));
}

/* Keeps the old file when something failed: closing a replace stream with a
 * cancelled cancellable drops the temporary file instead of renaming it */
static gboolean
close_output (GOutputStream  *stream,
              gboolean        ok,
              GError        **error)
{
  if (!ok)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();

      g_cancellable_cancel (cancellable);
      g_output_stream_close (stream, cancellable, NULL);
      return FALSE;
    }

  return g_output_stream_close (stream, NULL, error);
}

static gboolean
check_options (const HearthFlameRenderOptions *options,
               GError                        **error)
{
  if (options->width <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Cannot export a flame graph %d pixels wide", options->width);
      return FALSE;
    }

  return TRUE;
}

/**
 * hearth_flame_export_svg:
 * @options: the view's options; the width is the image width, and the
 *   image is as tall as all rows (scroll offsets are ignored)
 * @file: where to write, atomically
 *
 * Writes the layout as an SVG image with the same draw function as the
 * screen.
 *
 * Returns: %TRUE on success
 */
gboolean
hearth_flame_export_svg (HearthFlameLayout              *layout,
                         const HearthFlameRenderOptions *options,
                         GFile                          *file,
                         GError                        **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  HearthFlameRenderOptions full;
  WriteClosure wc = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  full_picture_options (layout, options, &full);

  stream = open_output (file, error);
  if (stream == NULL)
    return FALSE;

  wc.stream = stream;
  surface = cairo_svg_surface_create_for_stream (write_cb, &wc, full.width, MAX (full.height, 1));
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  hearth_flame_render (layout, &full, cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (wc.error != NULL)
    {
      close_output (stream, FALSE, NULL);
      g_propagate_error (error, wc.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      close_output (stream, FALSE, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write “%s”: %s", name, cairo_status_to_string (status));
      return FALSE;
    }

  return close_output (stream, TRUE, error);
}

/**
 * hearth_flame_export_png:
 *
 * As hearth_flame_export_svg(), as a PNG image. PNG images are limited to
 * %HEARTH_FLAME_PNG_MAX_SIZE pixels on each side: wider or taller requests
 * fail with %G_IO_ERROR_INVALID_ARGUMENT (SVG has no such limit).
 *
 * Returns: %TRUE on success
 */
gboolean
hearth_flame_export_png (HearthFlameLayout              *layout,
                         const HearthFlameRenderOptions *options,
                         GFile                          *file,
                         GError                        **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  HearthFlameRenderOptions full;
  WriteClosure wc = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, error))
    return FALSE;

  full_picture_options (layout, options, &full);

  if (full.width > HEARTH_FLAME_PNG_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "A PNG image cannot be %d pixels wide: the limit is %d pixels. "
                   "Use a smaller width or export as SVG",
                   full.width, HEARTH_FLAME_PNG_MAX_SIZE);
      return FALSE;
    }
  if (full.height > HEARTH_FLAME_PNG_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "A PNG image cannot be %d pixels tall (%u rows): the limit is %d pixels. "
                   "Zoom into a deeper box or export as SVG",
                   full.height, hearth_flame_layout_get_n_rows (layout), HEARTH_FLAME_PNG_MAX_SIZE);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, full.width, MAX (full.height, 1));
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   "Could not allocate a %d × %d image: %s",
                   full.width, full.height, cairo_status_to_string (status));
      return FALSE;
    }

  cr = cairo_create (surface);
  hearth_flame_render (layout, &full, cr);
  cairo_destroy (cr);

  stream = open_output (file, error);
  if (stream == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  wc.stream = stream;
  status = cairo_surface_write_to_png_stream (surface, write_cb, &wc);
  cairo_surface_destroy (surface);

  if (wc.error != NULL)
    {
      close_output (stream, FALSE, NULL);
      g_propagate_error (error, wc.error);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      close_output (stream, FALSE, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write “%s”: %s", name, cairo_status_to_string (status));
      return FALSE;
    }

  return close_output (stream, TRUE, error);
}

void
hearth_flame_export_options_init (HearthFlameExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->direction = HEARTH_FLAME_TOP_DOWN;
  options->metric = HEARTH_METRIC_CPU_TIME;
  options->width = 1200;
  hearth_flame_xray_init (&options->xray_options);
}

static const char *
metric_description (HearthMetric metric)
{
  switch (metric)
    {
    case HEARTH_METRIC_CPU_TIME:
      return "CPU time";
    case HEARTH_METRIC_CALLS:
      return "call count";
    case HEARTH_METRIC_ALLOC_COUNT:
      return "allocation count";
    case HEARTH_METRIC_ALLOC_BYTES:
      return "allocation size";
    case HEARTH_METRIC_FREE_COUNT:
      return "free count";
    case HEARTH_METRIC_FREE_BYTES:
      return "free size";
    case HEARTH_METRIC_QUEUE_WAIT:
      return "queue wait";
    case HEARTH_METRIC_RETURN_WAIT:
      return "return wait";
    case HEARTH_N_METRICS:
    default:
      return "unknown";
    }
}

/**
 * hearth_flame_export_profile:
 * @profile: the (combined) profile
 * @options: what `hearth-cli flamegraph` was asked for
 * @file: an `.svg` or `.png` file (by extension, case-insensitive)
 *
 * Lays out and exports a whole flame graph synchronously, for the command
 * line.
 *
 * Returns: %TRUE on success; otherwise @error says why (unknown extension,
 *   metric or memory data missing from the capture, PNG too large, I/O)
 */
gboolean
hearth_flame_export_profile (HearthProfile                  *profile,
                             const HearthFlameExportOptions *options,
                             GFile                          *file,
                             GError                        **error)
{
  g_autoptr(HearthFlameTree) tree = NULL;
  g_autoptr(HearthFlameLayout) layout = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autofree guint8 *match = NULL;
  HearthFlameRenderOptions render;
  gboolean svg;

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename != NULL ? basename : "", -1);
  if (g_str_has_suffix (lower, ".svg"))
    svg = TRUE;
  else if (g_str_has_suffix (lower, ".png"))
    svg = FALSE;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Cannot tell the image format of “%s”: the name must end in .svg or .png",
                   basename != NULL ? basename : "");
      return FALSE;
    }

  if (options->metric >= HEARTH_N_METRICS || !hearth_profile_has_metric (profile, options->metric))
    {
      g_autofree char *name = hearth_profile_dup_display_name (profile);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” has no %s data", name, metric_description (options->metric));
      return FALSE;
    }

  if (options->xray && !hearth_profile_has_memory (profile))
    {
      g_autofree char *name = hearth_profile_dup_display_name (profile);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” has no memory data, so X-Ray shading is not available", name);
      return FALSE;
    }

  if (options->width <= 0 || (!svg && options->width > HEARTH_FLAME_PNG_MAX_SIZE))
    {
      if (options->width <= 0)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "Cannot export a flame graph %d pixels wide", options->width);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "A PNG image cannot be %d pixels wide: the limit is %d pixels. "
                     "Use a smaller width or export as SVG",
                     options->width, HEARTH_FLAME_PNG_MAX_SIZE);
      return FALSE;
    }

  tree = hearth_flame_tree_new (profile, options->direction, NULL);
  /* half a pixel: anything narrower is never drawn */
  layout = hearth_flame_layout_new (tree, options->metric, 0, 0.5 / options->width, NULL);
  match = hearth_flame_tree_match_functions (tree, options->search);

  hearth_flame_render_options_init (&render, options->width, 0);
  render.root_at_bottom = options->root_at_bottom;
  render.dark = options->dark;
  render.xray = options->xray;
  render.xray_options = options->xray_options;
  render.search_match = match;

  if (svg)
    return hearth_flame_export_svg (layout, &render, file, error);

  return hearth_flame_export_png (layout, &render, file, error);
}
