/* hearth-combine.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-profile.h"

G_BEGIN_DECLS

HearthProfile *hearth_profile_combine (HearthProfile * const *profiles,
                                       guint                  n_profiles);
HearthProfile *hearth_profile_scale   (HearthProfile         *profile,
                                       double                 factor,
                                       const char            *normalisation);
HearthProfile *hearth_profile_per_frame (HearthProfile       *profile);

G_END_DECLS
