/* hearth-speedscope-writer.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-profile.h"

G_BEGIN_DECLS

char *hearth_speedscope_write (HearthProfile *profile);

G_END_DECLS
