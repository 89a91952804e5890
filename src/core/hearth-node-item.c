/* hearth-node-item.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-node-item"

#include "config.h"

#include "hearth-node-item.h"
