/* hearth-folded.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

char          *hearth_folded_write (HearthProfile *profile,
                                    HearthMetric   metric);

G_END_DECLS
