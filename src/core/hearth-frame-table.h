/* hearth-frame-table.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-profile.h"

G_BEGIN_DECLS

char *hearth_table_frames_csv (HearthProfile *profile,
                               char           separator);

G_END_DECLS
