/* fuzz-main.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A standalone driver for fuzz targets, used when Hearth is not built with
 * libFuzzer: it runs LLVMFuzzerTestOneInput once over every file named on
 * the command line and every file inside the named directories (recursively,
 * in sorted order), so each fuzz target doubles as a regression test over its
 * corpus. Each input is copied into a buffer of exactly its size so that
 * AddressSanitizer sees reads past the end. Also usable with AFL++ in its
 * file mode (`afl-fuzz ... -- ./fuzz-target @@`). */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Appends the regular files under @path (or @path itself) to @files */
static gboolean
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GPtrArray) dirs = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          fprintf (stderr, "fuzz-main: %s: no such file or directory\n", path);
          return FALSE;
        }
      g_ptr_array_add (files, g_strdup (path));
      return TRUE;
    }

  /* explicit stack of directories, no recursion */
  g_ptr_array_add (dirs, g_strdup (path));
  while (dirs->len > 0)
    {
      g_autofree char *dir_path = g_ptr_array_steal_index (dirs, dirs->len - 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
      const char *name;

      if (dir == NULL)
        {
          fprintf (stderr, "fuzz-main: %s\n", error->message);
          return FALSE;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *child = g_build_filename (dir_path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (dirs, child);
          else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (files, child);
          else
            g_free (child);
        }
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    ok &= collect (argv[i], files);
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      uint8_t *exact;
      gsize length;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          fprintf (stderr, "fuzz-main: %s\n", error->message);
          ok = FALSE;
          continue;
        }

      fprintf (stderr, "running %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
      exact = malloc (length ? length : 1);
      if (exact == NULL)
        return 1;
      memcpy (exact, contents, length);
      LLVMFuzzerTestOneInput (exact, length);
      free (exact);
    }

  fprintf (stderr, "fuzz-main: %u inputs run\n", files->len);
  return ok ? 0 : 1;
}
