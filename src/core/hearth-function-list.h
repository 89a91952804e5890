/* hearth-function-list.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FUNCTION_LIST (hearth_function_list_get_type ())

G_DECLARE_FINAL_TYPE (HearthFunctionList, hearth_function_list, HEARTH, FUNCTION_LIST, GObject)

HearthFunctionList *hearth_function_list_new          (HearthProfile      *profile,
                                                       HearthMetric        metric);
guint               hearth_function_list_get_function (HearthFunctionList *self,
                                                       guint               position);

G_END_DECLS
