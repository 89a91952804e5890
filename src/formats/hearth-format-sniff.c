/* hearth-format-sniff.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-format-sniff"

#include "config.h"

#include "hearth-format-sniff.h"
#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-microprofile-reader.h"
#include "hearth-papyrus-reader.h"
#include "hearth-script-profiler-reader.h"

/* Every sniffer looks at bounded windows of the data (a prefix, sometimes a
 * suffix), never the whole file: sniffing a 100 MB file of junk must be
 * instant. The readers validate fully. */

/**
 * hearth_format_sniff:
 * @data: the file's bytes (already inflated when the file was gzip)
 * @length: number of bytes
 *
 * Recognises a capture by its content, never by its file name. The most
 * specific formats are tried first.
 *
 * Returns: the format, or %HEARTH_FORMAT_UNKNOWN
 */
HearthFormat
hearth_format_sniff (const guint8 *data,
                     gsize         length)
{
  if (data == NULL || length == 0)
    return HEARTH_FORMAT_UNKNOWN;

  /* JSON objects with an integer "Version" and Categories/Nodes/Functions
   * (V2) or Children (V1). Skips the BOM and whitespace itself. */
  if (hearth_script_profiler_sniff (data, length))
    return HEARTH_FORMAT_SCRIPT_PROFILER;

  if (hearth_microprofile_sniff (data, length))
    return HEARTH_FORMAT_MICROPROFILE;

  /* Most specific first; folded stacks last (interchange.md §1.2: folded
   * detection runs only after every specific format has declined) */
  if (hearth_lua_table_sniff (data, length))
    return HEARTH_FORMAT_LUA_TABLE;

  if (hearth_lua_report_sniff (data, length))
    return HEARTH_FORMAT_LUA_REPORT;

  if (hearth_papyrus_sniff (data, length))
    return HEARTH_FORMAT_PAPYRUS;

  if (hearth_folded_sniff (data, length))
    return HEARTH_FORMAT_FOLDED;

  return HEARTH_FORMAT_UNKNOWN;
}

/**
 * hearth_format_to_string:
 *
 * Returns: a short stable id for @format, e.g. `script-profiler`
 */
const char *
hearth_format_to_string (HearthFormat format)
{
  switch (format)
    {
    case HEARTH_FORMAT_SCRIPT_PROFILER:
      return "script-profiler";
    case HEARTH_FORMAT_MICROPROFILE:
      return "microprofile";
    case HEARTH_FORMAT_LUA_REPORT:
      return "lua-report";
    case HEARTH_FORMAT_LUA_TABLE:
      return "lua-table";
    case HEARTH_FORMAT_PAPYRUS:
      return "papyrus";
    case HEARTH_FORMAT_FOLDED:
      return "folded";
    case HEARTH_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}
