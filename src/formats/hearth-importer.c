/* hearth-importer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-importer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <zlib.h>

#include "hearth-format-sniff.h"
#include "hearth-importer.h"
#include "hearth-importer-private.h"
#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-microprofile-reader.h"
#include "hearth-papyrus-reader.h"
#include "hearth-script-profiler-reader.h"

/* The import pipeline: read the bytes (memory-mapped, never written to),
 * inflate gzip transparently, sniff the format by content, hand the bytes to
 * the reader. Every error message starts with the file's display name. */

static guint64 max_inflated = HEARTH_IMPORT_MAX_INFLATED;

void
_hearth_importer_set_max_inflated (guint64 max_bytes)
{
  max_inflated = max_bytes ? max_bytes : HEARTH_IMPORT_MAX_INFLATED;
}

static gboolean
is_gzip (const guint8 *data,
         gsize         length)
{
  return length >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

static char *
format_size (guint64 bytes)
{
  if (bytes >= (G_GUINT64_CONSTANT (1) << 30) && bytes % (G_GUINT64_CONSTANT (1) << 30) == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " GiB", bytes >> 30);
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " MiB", bytes >> 20);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " bytes", bytes);
}

/* Inflates a gzip stream (several concatenated members are allowed, as gzip
 * itself allows them). */
static GBytes *
inflate_gzip (const HearthImportSource  *source,
              GError                   **error)
{
  z_stream strm = { 0 };
  guint8 *out = NULL;
  gsize out_alloc, out_len = 0;
  gsize in_pos = 0;
  int zret;

  if (inflateInit2 (&strm, 16 + MAX_WBITS) != Z_OK)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                               "cannot initialise gzip decompression");
      return NULL;
    }

  out_alloc = MIN (MAX (source->length * 4, 64 * 1024), (gsize) 256 * 1024 * 1024);
  out_alloc = MIN (out_alloc, max_inflated + 1);
  out = g_try_malloc (out_alloc);
  if (out == NULL)
    goto oom;

  for (;;)
    {
      uInt in_chunk, out_chunk;
      gsize used_in, used_out;

      if (out_len == out_alloc)
        {
          gsize new_alloc;
          guint8 *new_out;

          if (out_len > max_inflated)
            goto too_large;
          new_alloc = out_alloc * 2;
          if (new_alloc > max_inflated + 1)
            new_alloc = max_inflated + 1;
          new_out = g_try_realloc (out, new_alloc);
          if (new_out == NULL)
            goto oom;
          out = new_out;
          out_alloc = new_alloc;
        }

      if (g_cancellable_set_error_if_cancelled (source->cancellable, error))
        {
          g_prefix_error (error, "%s: ", source->display_name);
          goto fail;
        }

      /* zlib counts in uInt: feed and drain in chunks of at most 1 GiB */
      in_chunk = (uInt) MIN (source->length - in_pos, (gsize) 1 << 30);
      out_chunk = (uInt) MIN (out_alloc - out_len, (gsize) 1 << 30);
      strm.next_in = (Bytef *) source->data + in_pos;
      strm.avail_in = in_chunk;
      strm.next_out = out + out_len;
      strm.avail_out = out_chunk;

      zret = inflate (&strm, Z_NO_FLUSH);

      used_in = in_chunk - strm.avail_in;
      used_out = out_chunk - strm.avail_out;
      in_pos += used_in;
      out_len += used_out;

      if (out_len > max_inflated)
        goto too_large;

      if (zret == Z_STREAM_END)
        {
          /* Another gzip member may follow; trailing zero padding is
           * tolerated (as gzip does). */
          gsize rest = source->length - in_pos;
          gboolean only_zeros = TRUE;

          for (gsize i = in_pos; i < source->length && only_zeros && i < in_pos + 4096; i++)
            only_zeros = source->data[i] == 0;
          if (rest == 0 || (only_zeros && rest <= 4096))
            break;
          if (!is_gzip (source->data + in_pos, rest))
            {
              hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                                       "corrupt gzip data: unexpected bytes after the compressed "
                                       "stream (at byte offset %" G_GSIZE_FORMAT ")", in_pos);
              goto fail;
            }
          inflateReset (&strm);
          continue;
        }

      if (zret == Z_DATA_ERROR || zret == Z_NEED_DICT || zret == Z_STREAM_ERROR)
        {
          hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                                   "corrupt gzip data: %s (at byte offset %" G_GSIZE_FORMAT ")",
                                   strm.msg ? strm.msg : "invalid stream", in_pos);
          goto fail;
        }

      if (zret == Z_MEM_ERROR)
        goto oom;

      /* Z_OK or Z_BUF_ERROR: no progress possible with all input consumed
       * and room left means the stream stops early */
      if (in_pos == source->length && strm.avail_out > 0)
        {
          hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_TRUNCATED,
                                   "truncated gzip data: the compressed stream ends early");
          goto fail;
        }
    }

  inflateEnd (&strm);
  if (out_len == 0)
    {
      g_free (out);
      return g_bytes_new (NULL, 0);
    }
  return g_bytes_new_take (g_realloc (out, out_len), out_len);

too_large:
  {
    g_autofree char *limit = format_size (max_inflated);

    hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_TOO_LARGE,
                             "the gzip file inflates to more than %s", limit);
  }
  goto fail;

oom:
  hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_TOO_LARGE,
                           "not enough memory to inflate the gzip file");

fail:
  inflateEnd (&strm);
  g_free (out);
  return NULL;
}

static gboolean
only_whitespace (const guint8 *data,
                 gsize         length)
{
  gsize i = 0;

  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  for (; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static HearthProfile *
import_source (const HearthImportSource  *source,
               GError                   **error)
{
  g_autoptr(GBytes) inflated = NULL;
  HearthImportSource plain;
  HearthFormat format;

  if (source->length == 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  plain = *source;

  if (is_gzip (source->data, source->length))
    {
      inflated = inflate_gzip (source, error);
      if (inflated == NULL)
        return NULL;
      plain.data = g_bytes_get_data (inflated, &plain.length);
      if (plain.length == 0)
        {
          hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY,
                                   "the file is empty (an empty gzip stream)");
          return NULL;
        }
    }

  if (g_cancellable_set_error_if_cancelled (source->cancellable, error))
    {
      g_prefix_error (error, "%s: ", source->display_name);
      return NULL;
    }

  if (only_whitespace (plain.data, plain.length))
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY,
                               "the file is empty (only whitespace)");
      return NULL;
    }

  format = hearth_format_sniff (plain.data, plain.length);
  g_debug ("%s: sniffed as %s", source->display_name, hearth_format_to_string (format));

  switch (format)
    {
    case HEARTH_FORMAT_SCRIPT_PROFILER:
      return hearth_script_profiler_read (&plain, error);

    case HEARTH_FORMAT_MICROPROFILE:
      return hearth_microprofile_read (&plain, error);

    case HEARTH_FORMAT_LUA_REPORT:
    case HEARTH_FORMAT_LUA_TABLE:
      return hearth_lua_report_read (&plain, error);

    case HEARTH_FORMAT_PAPYRUS:
      return hearth_papyrus_read (&plain, error);

    case HEARTH_FORMAT_FOLDED:
      return hearth_folded_read (&plain, error);

    case HEARTH_FORMAT_UNKNOWN:
    default:
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                               "not a capture Hearth can open (expected a Roblox Script "
                               "Profiler export, a MicroProfiler dump, a profiler.lua "
                               "report, a Papyrus profiling log or folded stacks)");
      return NULL;
    }
}

/**
 * hearth_import_bytes:
 * @display_name: names the data in error messages
 * @path: (nullable): the file the bytes came from, recorded in the profile
 * @data: the bytes, possibly gzip-compressed; never modified
 * @cancellable: (nullable): checked while reading
 * @progress: (nullable): called with 0..1 from the calling thread
 *
 * Sniffs the format of @data by content and reads it.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_import_bytes (const char          *display_name,
                     const char          *path,
                     const guint8        *data,
                     gsize                length,
                     GCancellable        *cancellable,
                     HearthProgressFunc   progress,
                     gpointer             progress_data,
                     GError             **error)
{
  HearthImportSource source = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source.display_name = display_name ? display_name : (path ? path : "<data>");
  source.path = path;
  source.data = data ? data : (const guint8 *) "";
  source.length = length;
  source.cancellable = cancellable;
  source.progress = progress;
  source.progress_data = progress_data;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_prefix_error (error, "%s: ", source.display_name);
      return NULL;
    }

  return import_source (&source, error);
}

static char *
dup_display_name (GFile *file)
{
  if (g_file_is_native (file))
    {
      char *basename = g_file_get_basename (file);

      if (basename != NULL)
        return basename;
    }
  return g_file_get_parse_name (file);
}

/* Maps a local regular file; other local files (FIFOs, devices) and
 * non-local GFiles are read into memory. Returns NULL with @error set (I/O
 * codes kept, message prefixed with the display name). */
static GBytes *
load_file (GFile         *file,
           const char    *display_name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (path != NULL)
    {
      GMappedFile *mapped;
      struct stat st;
      int fd;
      int saved_errno;

      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (fstat (fd, &st) != 0)
        {
          saved_errno = errno;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", display_name, g_strerror (saved_errno));
          return NULL;
        }
      if (S_ISDIR (st.st_mode))
        {
          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       "%s: %s", display_name, g_strerror (EISDIR));
          return NULL;
        }
      if (S_ISREG (st.st_mode))
        {
          GError *local_error = NULL;

          /* writable = FALSE: the mapping is read-only, the file is never
           * written to */
          mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
          close (fd);
          if (mapped == NULL)
            {
              g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           "%s: %s", display_name, local_error->message);
              g_error_free (local_error);
              return NULL;
            }
          {
            GBytes *bytes = g_mapped_file_get_bytes (mapped);

            g_mapped_file_unref (mapped);
            return bytes;
          }
        }
      close (fd);
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/**
 * hearth_import_file:
 * @display_name: (nullable): names the file in error messages; %NULL for the
 *   file's base name
 * @cancellable: (nullable): checked while reading
 * @progress: (nullable): called with 0..1 from the calling thread
 *
 * Reads a capture. Local files are memory-mapped read-only; gzip files are
 * inflated in memory.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_import_file (GFile               *file,
                    const char          *display_name,
                    GCancellable        *cancellable,
                    HearthProgressFunc   progress,
                    gpointer             progress_data,
                    GError             **error)
{
  g_autofree char *default_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint8 *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = default_name = dup_display_name (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  bytes = load_file (file, display_name, cancellable, error);
  if (bytes == NULL)
    return NULL;

  path = g_file_get_path (file);
  if (path == NULL)
    path = g_file_get_uri (file);

  data = g_bytes_get_data (bytes, &length);
  return hearth_import_bytes (display_name, path, data, length, cancellable,
                              progress, progress_data, error);
}

typedef struct
{
  GFile              *file;
  HearthProgressFunc  progress;
  gpointer            progress_data;
} ImportTaskData;

static void
import_task_data_free (ImportTaskData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportTaskData *data = task_data;
  HearthProfile *profile;
  GError *error = NULL;

  profile = hearth_import_file (data->file, NULL, cancellable,
                                data->progress, data->progress_data, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

/**
 * hearth_import_file_async:
 * @cancellable: (nullable): cancels the import
 * @progress: (nullable): called with 0..1 **from the worker thread**; a UI
 *   must hand the value over to the main context itself (e.g. store it under a
 *   mutex and schedule one coalesced idle)
 * @callback: called in the thread-default main context of the caller
 *
 * Reads a capture in a worker thread. Error messages name the file by its
 * base name (its parse name when it is not a local file).
 */
void
hearth_import_file_async (GFile               *file,
                          GCancellable        *cancellable,
                          HearthProgressFunc   progress,
                          gpointer             progress_data,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTaskData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (ImportTaskData, 1);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hearth_import_file_async);
  g_task_set_name (task, "[hearth] import file");
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_data_free);
  g_task_run_in_thread (task, import_file_thread);
}

/**
 * hearth_import_file_finish:
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_import_file_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hearth_import_file_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
