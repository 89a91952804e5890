/* hearth-units.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "hearth-types.h"

G_BEGIN_DECLS

double      hearth_average_get_window_ms   (HearthAverage  average);
double      hearth_average_get_factor      (HearthAverage  average,
                                            double         session_ms);
const char *hearth_average_to_string       (HearthAverage  average);
gboolean    hearth_average_from_string     (const char    *str,
                                            HearthAverage *average);
double      hearth_metric_value_to_display (HearthMetric   metric,
                                            double         value,
                                            HearthUnit     unit,
                                            double         root_total);
char       *hearth_format_value            (HearthMetric   metric,
                                            double         value,
                                            HearthUnit     unit,
                                            double         root_total);
char       *hearth_format_session_duration (double         session_ms);
char       *hearth_format_ms               (double         ms,
                                            int            decimals);

G_END_DECLS
