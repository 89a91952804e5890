/* hearth-combine.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-profile.h"
#include "hearth-profile-builder.h"

G_BEGIN_DECLS

HearthProfile *hearth_profile_combine (HearthProfile * const *profiles,
                                       guint                  n_profiles);
HearthProfile *hearth_profile_scale   (HearthProfile         *profile,
                                       double                 factor,
                                       const char            *normalisation);
HearthProfile *hearth_profile_per_frame (HearthProfile       *profile);

/* Shared by the derived views of core (combine, scale, bottom-up) */
guint32       *_hearth_profile_intern_functions (HearthProfileBuilder  *builder,
                                                 HearthProfile         *profile);
void           _hearth_profile_copy_info        (HearthProfileBuilder  *builder,
                                                 HearthProfile         *profile,
                                                 gboolean               keep_thread_nodes);
void           _hearth_profile_copy_annotations (HearthProfileBuilder  *builder,
                                                 HearthProfile         *profile,
                                                 guint                  node,
                                                 guint                  target);

G_END_DECLS
