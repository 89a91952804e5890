/* hearth-r0fl.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

/**
 * HearthR0flKind:
 * @HEARTH_R0FL_NONE: not an R0FL dump
 * @HEARTH_R0FL_HTML: an `.html` dump whose first node is `<!--R0FL…-->`
 * @HEARTH_R0FL_RAW: a bare `.raw` body (`00 00 00 00 52 30 46 4C` …)
 */
typedef enum
{
  HEARTH_R0FL_NONE,
  HEARTH_R0FL_HTML,
  HEARTH_R0FL_RAW,
} HearthR0flKind;

/**
 * HearthR0flInfo:
 * @body_size: inflated size of the data comment (the R0FL body)
 * @parser_size: inflated size of the parser comment (the tools module)
 * @data_offset: byte offset of the base64 text of the data comment
 * @parser_offset: byte offset of the base64 text of the parser comment
 */
typedef struct
{
  guint32 body_size;
  guint32 parser_size;
  gsize   data_offset;
  gsize   parser_offset;
} HearthR0flInfo;

#define HEARTH_R0FL_DATA_CAP   ((gsize) 1 << 30)
#define HEARTH_R0FL_PARSER_CAP ((gsize) 16 << 20)

HearthR0flKind hearth_r0fl_detect        (const guint8   *data,
                                          gsize           length);
GBytes        *hearth_r0fl_base64_decode (const char     *text,
                                          gsize           len,
                                          gsize           base_offset,
                                          const char     *what,
                                          GError        **error);
gboolean       hearth_r0fl_validate      (const guint8   *data,
                                          gsize           length,
                                          HearthR0flInfo *info,
                                          GError        **error);
gboolean       hearth_r0fl_decode        (const guint8   *data,
                                          gsize           length,
                                          HearthR0flInfo *info,
                                          GBytes        **body,
                                          GBytes        **tools,
                                          GError        **error);

G_END_DECLS
