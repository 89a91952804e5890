/* hearth-function-item.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "hearth-profile.h"
#include "hearth-types.h"

G_BEGIN_DECLS

#define HEARTH_TYPE_FUNCTION_ITEM (hearth_function_item_get_type ())

G_DECLARE_FINAL_TYPE (HearthFunctionItem, hearth_function_item, HEARTH, FUNCTION_ITEM, GObject)

HearthFunctionItem *hearth_function_item_new          (HearthProfile      *profile,
                                                       guint               function,
                                                       HearthMetric        metric);
HearthProfile      *hearth_function_item_get_profile  (HearthFunctionItem *self);
guint               hearth_function_item_get_function (HearthFunctionItem *self);
char               *hearth_function_item_dup_name     (HearthFunctionItem *self);
const char         *hearth_function_item_get_source   (HearthFunctionItem *self);
const char         *hearth_function_item_get_group    (HearthFunctionItem *self);
int                 hearth_function_item_get_line     (HearthFunctionItem *self);
double              hearth_function_item_get_total    (HearthFunctionItem *self);
double              hearth_function_item_get_self     (HearthFunctionItem *self);
double              hearth_function_item_get_calls    (HearthFunctionItem *self);
double              hearth_function_item_get_percent  (HearthFunctionItem *self);

G_END_DECLS
