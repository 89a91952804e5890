/* hearth-importer.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

HearthProfile *hearth_import_bytes        (const char          *display_name,
                                           const char          *path,
                                           const guint8        *data,
                                           gsize                length,
                                           GCancellable        *cancellable,
                                           HearthProgressFunc   progress,
                                           gpointer             progress_data,
                                           GError             **error);
HearthProfile *hearth_import_file         (GFile               *file,
                                           const char          *display_name,
                                           GCancellable        *cancellable,
                                           HearthProgressFunc   progress,
                                           gpointer             progress_data,
                                           GError             **error);
void           hearth_import_file_async   (GFile               *file,
                                           GCancellable        *cancellable,
                                           HearthProgressFunc   progress,
                                           gpointer             progress_data,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HearthProfile *hearth_import_file_finish  (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
