/* hearth-approximate-banner.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "hearth-document.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_APPROXIMATE_BANNER (hearth_approximate_banner_get_type ())

G_DECLARE_FINAL_TYPE (HearthApproximateBanner, hearth_approximate_banner, HEARTH, APPROXIMATE_BANNER, GtkWidget)

GtkWidget      *hearth_approximate_banner_new          (void);
HearthDocument *hearth_approximate_banner_get_document (HearthApproximateBanner *self);
void            hearth_approximate_banner_set_document (HearthApproximateBanner *self,
                                                        HearthDocument          *document);

G_END_DECLS
