/* hearth-range-slider.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARTH_TYPE_RANGE_SLIDER (hearth_range_slider_get_type ())

G_DECLARE_FINAL_TYPE (HearthRangeSlider, hearth_range_slider, HEARTH, RANGE_SLIDER, GtkWidget)

GtkWidget  *hearth_range_slider_new          (void);
double      hearth_range_slider_get_upper    (HearthRangeSlider *self);
void        hearth_range_slider_set_upper    (HearthRangeSlider *self,
                                              double             upper);
double      hearth_range_slider_get_low      (HearthRangeSlider *self);
void        hearth_range_slider_set_low      (HearthRangeSlider *self,
                                              double             low);
double      hearth_range_slider_get_high     (HearthRangeSlider *self);
void        hearth_range_slider_set_high     (HearthRangeSlider *self,
                                              double             high);
void        hearth_range_slider_set_range    (HearthRangeSlider *self,
                                              double             low,
                                              double             high);
const char *hearth_range_slider_get_unit     (HearthRangeSlider *self);
void        hearth_range_slider_set_unit     (HearthRangeSlider *self,
                                              const char        *unit);
void        hearth_range_slider_set_colors   (HearthRangeSlider *self,
                                              const GdkRGBA     *gray,
                                              const GdkRGBA     *full,
                                              const GdkRGBA     *full2);
guint       hearth_range_slider_get_active   (HearthRangeSlider *self);
void        hearth_range_slider_set_active   (HearthRangeSlider *self,
                                              guint              handle);
char       *hearth_range_slider_dup_text     (HearthRangeSlider *self);
char       *hearth_range_slider_format_value (HearthRangeSlider *self,
                                              double             value);
double      hearth_range_slider_value_at     (HearthRangeSlider *self,
                                              double             x);
double      hearth_range_slider_x_of         (HearthRangeSlider *self,
                                              double             value);

G_END_DECLS
