/* test-speedscope-writer.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hearth-folded-reader.h"
#include "hearth-lua-report-reader.h"
#include "hearth-papyrus-reader.h"
#include "hearth-speedscope-writer.h"

/* Expected output worked out from docs/formats/interchange.md §2 and the
 * examples of papyrus.md §3 / §5.2, lua-profiler.md §5.6 and
 * interchange.md §1.1. */

static HearthProfile *
read_fixture (const char *name,
              HearthProfile *(*reader) (const HearthImportSource *, GError **))
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  HearthImportSource source = { 0 };
  HearthProfile *profile;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  source.display_name = name;
  source.path = name;
  source.data = (const guint8 *) contents;
  source.length = length;
  profile = reader (&source, &error);
  g_assert_no_error (error);
  return profile;
}

static JsonObject *
parse (const char *json,
       JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "$schema"), ==,
                   "https://www.speedscope.app/file-format-schema.json");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "exporter"), "hearth@"));
  g_assert_cmpint (json_object_get_int_member (root, "activeProfileIndex"), ==, 0);
  return root;
}

static const char *
frame_name (JsonObject *root,
            gint64      index)
{
  JsonArray *frames = json_object_get_array_member (json_object_get_object_member (root, "shared"), "frames");

  return json_object_get_string_member (json_array_get_object_element (frames, index), "name");
}

/* Papyrus: one evented profile per stack; O at PUSH (capture start for
 * calls started before it), C at POP; properly nested, `at` never
 * decreasing */
static void
test_papyrus (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("papyrus-stack-1247.log", hearth_papyrus_read);
  g_autofree char *json = hearth_speedscope_write (profile);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (json, parser);
  JsonArray *profiles = json_object_get_array_member (root, "profiles");
  JsonObject *p;
  JsonArray *events;
  static const struct
  {
    const char *type;
    const char *frame;
    gint64      at;
  } expected[] = {
    { "O", "mq101questscript..OnStageSet", 81020 },
    { "O", "Debug..StartStackProfiling", 81020 },
    { "C", "Debug..StartStackProfiling", 81020 },
    { "O", "mq101questscript..SetupGuards", 81020 },
    { "O", "Debug..Trace", 81020 },
    { "C", "Debug..Trace", 81020 },
    { "O", "ObjectReference..Enable", 81037 },
    { "C", "ObjectReference..Enable", 81054 },
    { "O", "utility..Wait", 81071 },
    { "C", "utility..Wait", 81571 },
    { "C", "mq101questscript..SetupGuards", 81571 },
    { "C", "mq101questscript..OnStageSet", 81588 },
  };

  g_assert_cmpstr (json_object_get_string_member (root, "name"), ==, "papyrus-stack-1247.log");
  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  p = json_array_get_object_element (profiles, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "type"), ==, "evented");
  g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "Papyrus stack 1247");
  g_assert_cmpstr (json_object_get_string_member (p, "unit"), ==, "milliseconds");
  g_assert_cmpint (json_object_get_int_member (p, "startValue"), ==, 81020);
  g_assert_cmpint (json_object_get_int_member (p, "endValue"), ==, 81588);

  events = json_object_get_array_member (p, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);

      g_assert_cmpstr (json_object_get_string_member (e, "type"), ==, expected[i].type);
      g_assert_cmpstr (frame_name (root, json_object_get_int_member (e, "frame")), ==, expected[i].frame);
      g_assert_cmpint (json_object_get_int_member (e, "at"), ==, expected[i].at);
    }
}

/* Papyrus calls cut by the capture still nest: a truncated frame and one
 * still running at the end */
static void
test_papyrus_nesting (void)
{
  static const char text[] =
    "5:PUSH:1:0:None:A..F\n"
    "6:PUSH:1:1:None:A..G\n"
    "7:PUSH:1:0:None:A..H\n"
    "9:PUSH:1:1:None:A..I\n"
    "3:POP:1:1:None:A..I\n";
  HearthImportSource source = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HearthProfile) profile = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *events;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last = G_MININT64;

  source.display_name = "x.log";
  source.data = (const guint8 *) text;
  source.length = strlen (text);
  profile = hearth_papyrus_read (&source, &error);
  g_assert_no_error (error);
  json = hearth_speedscope_write (profile);
  root = parse (json, parser);
  events = json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (root, "profiles"), 0),
                                         "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      gint64 frame = json_object_get_int_member (e, "frame");
      gint64 at = json_object_get_int_member (e, "at");

      g_assert_cmpint (at, >=, last);
      last = at;
      if (g_str_equal (json_object_get_string_member (e, "type"), "O"))
        {
          g_array_append_val (stack, frame);
        }
      else
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpint (g_array_index (stack, gint64, stack->len - 1), ==, frame);
          g_array_set_size (stack, stack->len - 1);
        }
    }
  g_assert_cmpuint (stack->len, ==, 0);
  g_assert_cmpuint (json_array_get_length (events), ==, 8);
}

/* profiler.lua: single-frame samples, weight = self ms; no sample for
 * pcall (self 0); frames carry file and line from the name split */
static void
test_lua (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-report-time.txt", hearth_lua_report_read);
  g_autofree char *json = hearth_speedscope_write (profile);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (json, parser);
  JsonArray *profiles = json_object_get_array_member (root, "profiles");
  JsonArray *frames = json_object_get_array_member (json_object_get_object_member (root, "shared"), "frames");
  JsonObject *p;
  JsonArray *samples, *weights;
  double sum = 0;
  static const struct
  {
    const char *name;
    const char *file;
    gint64      line;
    double      self_ms;
  } expected[] = {
    { "<function: 000001D2C4A8F1B0>", "scripts/update.lua", 103, 14.222 },
    { "OnUpdate", "scripts/components/locomotor.lua", 1502, 317.238 },
    { "Update", "scripts/scheduler.lua", 262, 21.438 },
    { "OnUpdate", "scripts/brain.lua", 201, 180.436 },
    { "DoDelta", "scripts/components/health.lua", 410, 85.731 },
  };

  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  p = json_array_get_object_element (profiles, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "type"), ==, "sampled");
  g_assert_cmpstr (json_object_get_string_member (p, "unit"), ==, "milliseconds");
  samples = json_object_get_array_member (p, "samples");
  weights = json_object_get_array_member (p, "weights");
  g_assert_cmpuint (json_array_get_length (samples), ==, 5);
  g_assert_cmpuint (json_array_get_length (weights), ==, 5);
  g_assert_cmpuint (json_array_get_length (frames), ==, 5);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonArray *sample = json_array_get_array_element (samples, i);
      JsonObject *frame;

      g_assert_cmpuint (json_array_get_length (sample), ==, 1);
      frame = json_array_get_object_element (frames, json_array_get_int_element (sample, 0));
      g_assert_cmpstr (json_object_get_string_member (frame, "name"), ==, expected[i].name);
      g_assert_cmpstr (json_object_get_string_member (frame, "file"), ==, expected[i].file);
      g_assert_cmpint (json_object_get_int_member (frame, "line"), ==, expected[i].line);
      g_assert_cmpfloat_with_epsilon (json_array_get_double_element (weights, i), expected[i].self_ms, 1e-9);
      sum += expected[i].self_ms;
    }
  g_assert_cmpint (json_object_get_int_member (p, "startValue"), ==, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (p, "endValue"), sum, 1e-9);
}

/* Aggregated trees: one sampled profile per metric; folded counts are
 * samples (`none`), one sample per node with self > 0, root first */
static void
test_folded (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("folded-example.folded", hearth_folded_read);
  g_autofree char *json = hearth_speedscope_write (profile);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse (json, parser);
  JsonArray *profiles = json_object_get_array_member (root, "profiles");
  JsonObject *p;
  JsonArray *samples, *weights;
  static const char * const paths[] = { "main;update;physics", "main;update;ai;findPath", "main;render" };
  static const gint64 w[] = { 1500, 800, 2000 };

  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  p = json_array_get_object_element (profiles, 0);
  g_assert_cmpstr (json_object_get_string_member (p, "type"), ==, "sampled");
  g_assert_cmpstr (json_object_get_string_member (p, "unit"), ==, "none");
  g_assert_cmpint (json_object_get_int_member (p, "endValue"), ==, 4300);
  samples = json_object_get_array_member (p, "samples");
  weights = json_object_get_array_member (p, "weights");
  g_assert_cmpuint (json_array_get_length (samples), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      JsonArray *sample = json_array_get_array_element (samples, i);
      g_autoptr(GString) path = g_string_new (NULL);

      for (guint k = 0; k < json_array_get_length (sample); k++)
        {
          if (k > 0)
            g_string_append_c (path, ';');
          g_string_append (path, frame_name (root, json_array_get_int_element (sample, k)));
        }
      g_assert_cmpstr (path->str, ==, paths[i]);
      g_assert_cmpint (json_array_get_int_element (weights, i), ==, w[i]);
    }

  /* with a time unit: microseconds */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "folded-example.folded", NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(HearthProfile) timed = NULL;
    g_autoptr(JsonParser) parser2 = json_parser_new ();
    g_autofree char *json2 = NULL;
    HearthImportSource source = { 0 };
    gsize length;
    JsonObject *root2, *p2;

    g_file_get_contents (path, &contents, &length, &error);
    g_assert_no_error (error);
    source.display_name = "out.folded";
    source.data = (const guint8 *) contents;
    source.length = length;
    timed = hearth_folded_read_with_unit (&source, "ms", &error);
    g_assert_no_error (error);
    json2 = hearth_speedscope_write (timed);
    root2 = parse (json2, parser2);
    p2 = json_array_get_object_element (json_object_get_array_member (root2, "profiles"), 0);
    g_assert_cmpstr (json_object_get_string_member (p2, "unit"), ==, "microseconds");
    g_assert_cmpint (json_object_get_int_member (p2, "endValue"), ==, 4300000);
  }
}

/* Numbers never follow the locale */
static void
test_locale (void)
{
  g_autoptr(HearthProfile) profile = read_fixture ("lua-report-time.txt", hearth_lua_report_read);
  g_autofree char *json = NULL;
  const char *comma_locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "fr_FR.utf8" };
  char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  gboolean switched = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (comma_locales) && !switched; i++)
    switched = setlocale (LC_NUMERIC, comma_locales[i]) != NULL;

  json = hearth_speedscope_write (profile);
  setlocale (LC_NUMERIC, old);
  g_free (old);

  g_assert_nonnull (strstr (json, "14.22"));
  g_assert_null (strstr (json, "14,22"));
  if (!switched)
    g_test_message ("no comma locale installed; checked in the C locale only");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hearth/speedscope-writer/papyrus", test_papyrus);
  g_test_add_func ("/hearth/speedscope-writer/papyrus-nesting", test_papyrus_nesting);
  g_test_add_func ("/hearth/speedscope-writer/lua", test_lua);
  g_test_add_func ("/hearth/speedscope-writer/folded", test_folded);
  g_test_add_func ("/hearth/speedscope-writer/locale", test_locale);

  return g_test_run ();
}
