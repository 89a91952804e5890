/* hearth-profile-labels.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

char       *hearth_profile_dup_mode_label    (HearthProfile *profile);
const char *hearth_profile_get_count_label   (HearthProfile *profile);
gboolean    hearth_profile_is_lua            (HearthProfile *profile);

G_END_DECLS
