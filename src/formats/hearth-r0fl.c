/* hearth-r0fl.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-r0fl"

#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <string.h>
#include <zlib.h>
#ifdef HEARTH_R0FL_LIBDEFLATE
#include <libdeflate.h>
#endif

#include "hearth-r0fl.h"

/* The R0FL container of modern Roblox MicroProfiler dumps
 * (docs/formats/roblox-r0fl.md §2, microprofiler.md §9). Messages carry no
 * file name: the reader puts "<file>: " in front. Errors are in the
 * HEARTH_FORMAT_ERROR domain. */

static const guint8 raw_magic[8] = { 0, 0, 0, 0, 'R', '0', 'F', 'L' };

static inline gboolean
is_ascii_ws (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static gsize
skip_bom_ws (const guint8 *data,
             gsize         length,
             gsize         i)
{
  if (i == 0 && length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < length && is_ascii_ws (data[i]))
    i++;
  return i;
}

/**
 * hearth_r0fl_detect:
 *
 * Looks only at the start of the file (microprofiler.md §2, checks 1 and 2).
 */
HearthR0flKind
hearth_r0fl_detect (const guint8 *data,
                    gsize         length)
{
  gsize i;

  if (length >= 8 && memcmp (data, raw_magic, 8) == 0)
    return HEARTH_R0FL_RAW;

  i = skip_bom_ws (data, length, 0);
  if (length - i >= 8 && memcmp (data + i, "<!--R0FL", 8) == 0)
    return HEARTH_R0FL_HTML;

  return HEARTH_R0FL_NONE;
}

#define B64_ROW(base) \
  (base) + 0, (base) + 1, (base) + 2, (base) + 3, (base) + 4, (base) + 5, (base) + 6, (base) + 7, \
  (base) + 8, (base) + 9
#define B64_NONE8 -1, -1, -1, -1, -1, -1, -1, -1
#define B64_NONE64 B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8

static const signed char b64_table[256] = {
  B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8, B64_NONE8,       /* 0x00 .. 0x27 */
  -1, -1, -1, 62, -1, -1, -1, 63,                               /* 0x28 .. 0x2f: + / */
  B64_ROW (52), -1, -1, -1, -1, -1, -1,                         /* 0x30 .. 0x3f: 0-9 */
  -1, B64_ROW (0), B64_ROW (10), 20, 21, 22, 23, 24, 25, -1, -1, -1, -1, -1,   /* 0x40 .. 0x5f: A-Z */
  -1, B64_ROW (26), B64_ROW (36), 46, 47, 48, 49, 50, 51, -1, -1, -1, -1, -1,  /* 0x60 .. 0x7f: a-z */
  B64_NONE64, B64_NONE64,                                       /* 0x80 .. 0xff */
};

static inline int
b64_value (guchar c)
{
  return b64_table[c];
}

/**
 * hearth_r0fl_base64_decode:
 * @base_offset: file offset of @text[0], for messages
 * @what: names the comment in messages ("R0FL data", "parser")
 *
 * WHATWG forgiving-base64 decode, exactly what the browser's atob() does.
 *
 * Returns: (transfer full) (nullable): the bytes
 */
GBytes *
hearth_r0fl_base64_decode (const char  *text,
                           gsize        len,
                           gsize        base_offset,
                           const char  *what,
                           GError     **error)
{
  guint8 *out = g_malloc (len / 4 * 3 + 3);
  gsize o = 0, pad_at = 0;
  guint32 acc = 0;
  guint bits = 0, npad = 0;
  gsize nchars = 0;

  for (gsize i = 0; i < len; i++)
    {
      guchar c;
      int v;

      /* fast path: four alphabet characters at a group boundary */
      while (bits == 0 && npad == 0 && i + 4 <= len)
        {
          int a = b64_value (text[i]), b = b64_value (text[i + 1]);
          int d = b64_value (text[i + 2]), e = b64_value (text[i + 3]);
          guint32 group;

          if ((a | b | d | e) < 0)
            break;
          group = (guint32) a << 18 | (guint32) b << 12 | (guint32) d << 6 | (guint32) e;
          out[o++] = group >> 16;
          out[o++] = (group >> 8) & 0xff;
          out[o++] = group & 0xff;
          nchars += 4;
          i += 4;
        }
      if (i >= len)
        break;
      c = text[i];

      if (is_ascii_ws (c))
        continue;
      if (c == '=')
        {
          if (npad++ == 0)
            pad_at = i;
          continue;
        }
      v = b64_value (c);
      if (v < 0 || npad > 0)
        {
          gsize at = v < 0 ? i : pad_at;

          g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                       "invalid base64 in the %s comment at byte %" G_GSIZE_FORMAT " (character 0x%02x)",
                       what, base_offset + at, (guchar) text[at]);
          g_free (out);
          return NULL;
        }
      acc = (acc << 6) | (guint32) v;
      bits += 6;
      nchars++;
      if (bits >= 8)
        {
          bits -= 8;
          out[o++] = (acc >> bits) & 0xff;
        }
    }

  if (npad > 2 || (npad > 0 && (nchars + npad) % 4 != 0) || nchars % 4 == 1)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                   "invalid base64 in the %s comment: bad length or padding", what);
      g_free (out);
      return NULL;
    }

  return g_bytes_new_take (out, o);
}

#ifdef HEARTH_R0FL_LIBDEFLATE
/* The helper's build: libdeflate inflates a whole buffer about 1.6 times as
 * fast as zlib. It only takes streams that zlib would accept with the same
 * result (complete, exactly @size bytes, nothing after the end); for
 * anything else it returns NULL and zlib runs again for the exact message. */
static guint8 *
inflate_whole (const guint8 *in,
               gsize         in_len,
               guint32       size,
               const char   *prefix,
               gsize         prefix_len)
{
  struct libdeflate_decompressor *d = libdeflate_alloc_decompressor ();
  guint8 *out;
  size_t used = 0, got = 0;
  enum libdeflate_result r;

  if (d == NULL)
    return NULL;
  out = g_malloc (prefix_len + (gsize) size + 2);
  if (prefix_len > 0)
    memcpy (out, prefix, prefix_len);
  /* the spare byte makes a longer stream fail */
  r = libdeflate_zlib_decompress_ex (d, in, in_len, out + prefix_len, (size_t) size + 1, &used, &got);
  libdeflate_free_decompressor (d);
  if (r == LIBDEFLATE_SUCCESS && got == size && used == in_len)
    {
      out[prefix_len + size] = 0;
      return out;
    }
  g_free (out);
  return NULL;
}
#endif

/* Inflates blob = u32le size | u32 unused | zlib stream. With @keep, returns
 * the inflated bytes (NUL-terminated); otherwise inflates through a scratch
 * buffer and only counts, so a 1 GiB body costs no memory. */
static gboolean
inflate_blob (GBytes      *blob,
              const char  *what,
              gsize        cap,
              const char  *prefix,
              gsize        prefix_len,
              guint32     *size_out,
              GBytes     **keep,
              GError     **error)
{
  gsize n;
  const guint8 *p = g_bytes_get_data (blob, &n);
  guint32 size;
  z_stream z = { 0 };
  guint8 scratch[64 * 1024];
  guint8 *out = NULL;
  gsize got = 0;
  int rc;
  gboolean left_over, longer = FALSE;
  g_autofree char *msg = NULL;

  if (n < 8)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED,
                   "the %s comment is too short: %" G_GSIZE_FORMAT " bytes after base64 decoding, need at least 8",
                   what, n);
      return FALSE;
    }

  size = p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
  if (size > cap || n - 8 > G_MAXUINT32)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TOO_LARGE,
                   "the %s comment declares %u bytes; the limit is %" G_GSIZE_FORMAT,
                   what, size, cap);
      return FALSE;
    }

#ifdef HEARTH_R0FL_LIBDEFLATE
  if (keep != NULL)
    {
      out = inflate_whole (p + 8, n - 8, size, prefix, prefix_len);
      if (out != NULL)
        {
          *size_out = size;
          *keep = g_bytes_new_take (out, prefix_len + size);
          return TRUE;
        }
    }
#endif

  if (inflateInit (&z) != Z_OK)
    g_error ("inflateInit failed");

  z.next_in = (Bytef *) p + 8;
  z.avail_in = (uInt) (n - 8);

  if (keep != NULL)
    {
      out = g_malloc (prefix_len + (gsize) size + 2);
      if (prefix_len > 0)
        memcpy (out, prefix, prefix_len);
      z.next_out = out + prefix_len;
      z.avail_out = size + 1;            /* the spare byte detects "longer" */
      rc = inflate (&z, Z_FINISH);
      got = z.total_out;
      longer = got > size;
    }
  else
    {
      do
        {
          gsize before;

          z.next_out = scratch;
          z.avail_out = sizeof scratch;
          before = z.total_out;
          rc = inflate (&z, Z_NO_FLUSH);
          got += z.total_out - before;
          if (got > size)
            {
              longer = TRUE;
              break;
            }
          if (rc == Z_BUF_ERROR && z.avail_out != 0)
            break;                       /* no progress: input ended early */
        }
      while (rc == Z_OK || (rc == Z_BUF_ERROR && z.avail_out == 0));
    }

  left_over = rc == Z_STREAM_END && z.avail_in > 0;
  msg = g_strdup (z.msg ? z.msg : "data error");
  inflateEnd (&z);

  if (rc == Z_STREAM_END && got == size && !left_over)
    {
      *size_out = size;
      if (keep != NULL)
        {
          out[prefix_len + size] = 0;
          *keep = g_bytes_new_take (out, prefix_len + size);
        }
      return TRUE;
    }
  g_free (out);

  if (rc == Z_STREAM_END && left_over && got == size)
    g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                 "the %s comment has data after the end of its compressed stream", what);
  else if (longer)
    g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                 "size mismatch in the %s comment: the header says %u bytes, the data inflates to more than %u",
                 what, size, size);
  else if (rc == Z_STREAM_END)
    g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                 "size mismatch in the %s comment: the header says %u bytes, the data inflates to %" G_GSIZE_FORMAT,
                 what, size, got);
  else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT)
    g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                 "corrupt compressed data in the %s comment (zlib: %s)", what, msg);
  else
    g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED,
                 "truncated compressed data in the %s comment", what);
  return FALSE;
}

static const guint8 *
find_bytes (const guint8 *hay,
            gsize         hay_len,
            const char   *needle)
{
  return memmem (hay, hay_len, needle, strlen (needle));
}

/* Both comments, in order; with @body, keeps the inflated body after @prefix */
static gboolean
decode_container (const guint8    *data,
                  gsize            length,
                  HearthR0flInfo  *info,
                  const char      *prefix,
                  gsize            prefix_len,
                  GBytes         **body,
                  GBytes         **tools_out,
                  GError         **error)
{
  const guint8 *end0, *end1;
  gsize i, start0, start1;
  g_autoptr(GBytes) blob0 = NULL;
  g_autoptr(GBytes) blob1 = NULL;
  g_autoptr(GBytes) tools = NULL;
  const char *text;
  gsize text_len;

  memset (info, 0, sizeof *info);

  if (hearth_r0fl_detect (data, length) == HEARTH_R0FL_RAW)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                   "a bare .raw R0FL body has no parser; open the .html dump it came from");
      return FALSE;
    }

  i = skip_bom_ws (data, length, 0);
  if (length - i < 8 || memcmp (data + i, "<!--R0FL", 8) != 0)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                   "not a modern Roblox dump (no R0FL data comment at the start)");
      return FALSE;
    }

  start0 = i + 8;
  end0 = find_bytes (data + start0, length - start0, "-->");
  if (end0 == NULL)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED,
                   "the R0FL data comment is not terminated (no \"-->\")");
      return FALSE;
    }
  info->data_offset = start0;

  blob0 = hearth_r0fl_base64_decode ((const char *) data + start0, end0 - (data + start0),
                                     start0, "R0FL data", error);
  if (blob0 == NULL)
    return FALSE;
  if (!inflate_blob (blob0, "R0FL data", HEARTH_R0FL_DATA_CAP, prefix, prefix_len,
                     &info->body_size, body, error))
    return FALSE;
  g_clear_pointer (&blob0, g_bytes_unref);

  /* Comment 1: the parser (tools module) */
  i = skip_bom_ws (data, length, (end0 - data) + 3);
  if (length - i < 4 || memcmp (data + i, "<!--", 4) != 0)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                   "the dump has no parser comment after the R0FL data comment");
      return FALSE;
    }
  start1 = i + 4;
  end1 = find_bytes (data + start1, length - start1, "-->");
  if (end1 == NULL)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_TRUNCATED,
                   "the parser comment is not terminated (no \"-->\")");
      return FALSE;
    }
  info->parser_offset = start1;

  blob1 = hearth_r0fl_base64_decode ((const char *) data + start1, end1 - (data + start1),
                                     start1, "parser", error);
  if (blob1 == NULL)
    return FALSE;
  if (!inflate_blob (blob1, "parser", HEARTH_R0FL_PARSER_CAP, NULL, 0, &info->parser_size, &tools, error))
    return FALSE;

  text = g_bytes_get_data (tools, &text_len);
  if (!g_utf8_validate_len (text, text_len, NULL))
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                   "the parser comment is not UTF-8 text");
      return FALSE;
    }
  if (memmem (text, text_len, "ToolsModule", 11) == NULL)
    {
      g_set_error (error, HEARTH_FORMAT_ERROR, HEARTH_FORMAT_ERROR_INVALID,
                   "the parser comment does not define ToolsModule");
      return FALSE;
    }

  if (tools_out != NULL)
    *tools_out = g_steal_pointer (&tools);
  return TRUE;
}

/**
 * hearth_r0fl_validate:
 * @info: (out): sizes and offsets
 *
 * Validates an `.html` R0FL dump completely: both comments, base64, header,
 * zlib stream and inflated sizes (roblox-r0fl.md §2.8). The body itself is
 * only counted, never kept.
 *
 * Returns: %TRUE when the container is valid
 */
gboolean
hearth_r0fl_validate (const guint8    *data,
                      gsize            length,
                      HearthR0flInfo  *info,
                      GError         **error)
{
  return decode_container (data, length, info, NULL, 0, NULL, NULL, error);
}

/**
 * hearth_r0fl_decode:
 * @info: (out): sizes and offsets
 * @body: (out) (transfer full): the `ParseRaw` buffer: the 8 bytes
 *   `"    R0FL"` followed by the inflated body (roblox-r0fl.md §2.5)
 * @tools: (out) (transfer full): the tools module, UTF-8 text
 *
 * Decodes an `.html` R0FL dump with the same checks and messages as
 * hearth_r0fl_validate(), keeping both comments.
 *
 * Returns: %TRUE when the container is valid
 */
gboolean
hearth_r0fl_decode (const guint8    *data,
                    gsize            length,
                    HearthR0flInfo  *info,
                    GBytes         **body,
                    GBytes         **tools,
                    GError         **error)
{
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (tools != NULL, FALSE);

  *body = NULL;
  *tools = NULL;
  if (!decode_container (data, length, info, "    R0FL", 8, body, tools, error))
    {
      g_clear_pointer (body, g_bytes_unref);
      return FALSE;
    }
  return TRUE;
}
