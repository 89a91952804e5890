/* hearth-annotation-text.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

gboolean  hearth_annotation_text_is_partial      (HearthProfile *profile,
                                                  double         display_factor);
char     *hearth_annotation_text_dup_node        (HearthProfile *profile,
                                                  guint          node,
                                                  gboolean       whole_capture);
char     *hearth_annotation_text_dup_function    (HearthProfile *profile,
                                                  guint          function,
                                                  gboolean       whole_capture);

G_END_DECLS
