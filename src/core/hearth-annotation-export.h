/* hearth-annotation-export.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

const char *hearth_annotation_kind_to_string (HearthAnnotationKind  kind);
char       *hearth_annotation_export_csv     (HearthProfile        *profile,
                                              char                  separator);

G_END_DECLS
