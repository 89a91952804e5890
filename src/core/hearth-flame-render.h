/* hearth-flame-render.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hearth-flame-layout.h"

G_BEGIN_DECLS

/* PNG (cairo image surface) limit, in pixels, for both sides */
#define HEARTH_FLAME_PNG_MAX_SIZE 32767

/**
 * HearthFlameColorFunc:
 * @node: node of the layout's (display) tree
 * @dark: colours for a dark background
 * @fill: (out caller-allocates): RGBA of the box
 * @hatch: (out): set to %TRUE to hatch the box (diagonal stripes)
 * @user_data: the options' @color_data
 *
 * Overrides the colour of a box (the diff flame graph colours by which side
 * consumes more). Search matches still win.
 *
 * Returns: %TRUE when @fill was set, %FALSE for the default colour
 */
typedef gboolean (*HearthFlameColorFunc) (guint     node,
                                          gboolean  dark,
                                          double    fill[4],
                                          gboolean *hatch,
                                          gpointer  user_data);

/**
 * HearthFlameRenderOptions:
 * @width: target width in pixels (device-independent)
 * @height: target height
 * @content_width: width of the whole zoom root, >= @width when zoomed
 *   horizontally (Ctrl+wheel)
 * @scroll_x: horizontal offset into the content, in pixels
 * @scroll_y: vertical offset into the content, in pixels
 * @row_height: pixels per row, including the 1 px gap
 * @font_size: label size, in pixels
 * @font_family: Cairo "toy" font family
 * @root_at_bottom: draw `<root>` at the bottom (a flame graph) instead of at
 *   the top (an icicle graph)
 * @dark: colours for a dark background
 * @background: RGBA painted first; alpha 0 paints nothing
 * @search_match: (nullable): per displayed function, 1 for a search match
 * @xray: grayscale boxes, brightness = allocation intensity
 * @xray_options: what X-Ray shades by
 * @xray_full_scale: value drawn at full brightness; < 0 computes it with
 *   hearth_flame_layout_xray_full_scale()
 * @highlight_function: displayed function whose boxes are outlined (the
 *   document's selected function), or %HEARTH_NO_INDEX
 * @color_func: (nullable): overrides box colours (X-Ray is ignored then)
 * @color_data: passed to @color_func
 *
 * Everything the one draw function needs. Screen and export fill the same
 * struct, so they draw the same picture.
 */
typedef struct
{
  int              width;
  int              height;
  double           content_width;
  double           scroll_x;
  double           scroll_y;
  double           row_height;
  double           font_size;
  const char      *font_family;
  gboolean         root_at_bottom;
  gboolean         dark;
  double           background[4];
  const guint8    *search_match;
  gboolean         xray;
  HearthFlameXRay  xray_options;
  double           xray_full_scale;
  guint            highlight_function;
  HearthFlameColorFunc color_func;
  gpointer         color_data;
} HearthFlameRenderOptions;

/**
 * HearthFlameExportOptions:
 * @direction: top-down or bottom-up
 * @metric: box widths (CPU time, allocation count or bytes)
 * @xray: X-Ray shading (needs memory data)
 * @xray_options: X-Ray settings
 * @width: image width in pixels
 * @root_at_bottom: flame (root at the bottom) rather than icicle
 * @dark: dark colours
 * @search: (nullable): highlight boxes matching this text
 *
 * The options of `hearth-cli flamegraph`.
 */
typedef struct
{
  HearthFlameDirection direction;
  HearthMetric         metric;
  gboolean             xray;
  HearthFlameXRay      xray_options;
  int                  width;
  gboolean             root_at_bottom;
  gboolean             dark;
  const char          *search;
} HearthFlameExportOptions;

void     hearth_flame_render_options_init        (HearthFlameRenderOptions       *options,
                                                  int                             width,
                                                  int                             height);
double   hearth_flame_render_get_content_height  (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options);
gboolean hearth_flame_render_get_rect_bounds     (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  guint                           rect,
                                                  double                         *x,
                                                  double                         *y,
                                                  double                         *width,
                                                  double                         *height);
int      hearth_flame_render_pick                (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  double                          x,
                                                  double                          y);
void     hearth_flame_render_get_colors          (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  guint                           rect,
                                                  double                          fill[4],
                                                  double                          text[4]);
char    *hearth_flame_render_dup_label           (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  guint                           rect);
void     hearth_flame_render                     (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  cairo_t                        *cr);

gboolean hearth_flame_export_svg                 (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  GFile                          *file,
                                                  GError                        **error);
gboolean hearth_flame_export_png                 (HearthFlameLayout              *layout,
                                                  const HearthFlameRenderOptions *options,
                                                  GFile                          *file,
                                                  GError                        **error);

void     hearth_flame_export_options_init        (HearthFlameExportOptions       *options);
gboolean hearth_flame_export_profile             (HearthProfile                  *profile,
                                                  const HearthFlameExportOptions *options,
                                                  GFile                          *file,
                                                  GError                        **error);

G_END_DECLS
