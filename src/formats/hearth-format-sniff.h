/* hearth-format-sniff.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

HearthFormat  hearth_format_sniff        (const guint8 *data,
                                          gsize         length);
const char   *hearth_format_to_string    (HearthFormat  format);

G_END_DECLS
