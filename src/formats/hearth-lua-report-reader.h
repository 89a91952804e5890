/* hearth-lua-report-reader.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

/**
 * HearthLuaKind:
 * @HEARTH_LUA_KIND_UNKNOWN: no recognised prefix
 * @HEARTH_LUA_KIND_LUA: `L:` a Lua function
 * @HEARTH_LUA_KIND_C: `C:` a C function
 * @HEARTH_LUA_KIND_MAIN: ` :` a main chunk
 * @HEARTH_LUA_KIND_TAIL: no prefix, `@=(tail call):-1`, the tail-call placeholder
 */
typedef enum
{
  HEARTH_LUA_KIND_UNKNOWN,
  HEARTH_LUA_KIND_LUA,
  HEARTH_LUA_KIND_C,
  HEARTH_LUA_KIND_MAIN,
  HEARTH_LUA_KIND_TAIL,
} HearthLuaKind;

gboolean       hearth_lua_report_sniff    (const guint8             *data,
                                           gsize                     length);
gboolean       hearth_lua_table_sniff     (const guint8             *data,
                                           gsize                     length);
HearthProfile *hearth_lua_report_read     (const HearthImportSource *source,
                                           GError                  **error);

gboolean       hearth_lua_split_name      (const char               *display_name,
                                           HearthLuaKind            *kind,
                                           char                    **name,
                                           char                    **source,
                                           char                    **line);
const char    *hearth_lua_kind_to_string  (HearthLuaKind             kind);
HearthLuaKind  hearth_lua_kind_from_group (const char               *group);

HearthProfile *hearth_lua_merge_by_name   (HearthProfile            *profile);

G_END_DECLS
