/* hearth-script-profiler-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-script-profiler-reader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "hearth-profile-builder.h"
#include "hearth-script-profiler-reader.h"

/* Roblox Script Profiler JSON exports, V2 and V1 (docs/formats/script-profiler.md).
 *
 * What is fatal and what is a warning:
 *
 *   fatal (GError naming the file and the JSON path)
 *     invalid or truncated JSON, invalid UTF-8, nesting deeper than
 *     MAX_JSON_DEPTH, a missing or non-integer Version, an unsupported
 *     version, a missing top-level array, wrong value types, ids out of
 *     range, no categories at all
 *   warning on the profile (the rest loads)
 *     FunctionIds/NodeIds of different lengths (that node's calls skipped),
 *     a node reached twice (first edge kept), a cycle (edge skipped),
 *     unreachable nodes (one summary), negative durations (read as 0),
 *     SessionEndTime before SessionStartTime, a version newer than 2 read
 *     as V2, V1 keys that do not split into Source,Name,Line
 *
 * json-glib's parser recurses once per nesting level, so the bytes are
 * scanned first and deep nesting is refused; the trees are then walked with
 * explicit stacks. */

#define MAX_JSON_DEPTH 2000
#define SNIFF_WINDOW (64 * 1024)
#define PROGRESS_STEP 65536

#define US_TO_NS 1000.0

/* Sniffing */

static gboolean
window_has (const guint8 *data,
            gsize         length,
            const char   *needle)
{
  return g_strstr_len ((const char *) data, length, needle) != NULL;
}

/* True when "Version" is followed by ':' and an integer somewhere in the
 * window */
static gboolean
window_has_version (const guint8 *data,
                    gsize         length)
{
  const char *p = (const char *) data;
  const char *end = p + length;

  while (p < end)
    {
      const char *found = g_strstr_len (p, end - p, "\"Version\"");
      const char *q;

      if (found == NULL)
        return FALSE;
      q = found + strlen ("\"Version\"");
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q < end && *q == ':')
        {
          q++;
          while (q < end && g_ascii_isspace (*q))
            q++;
          if (q < end && (g_ascii_isdigit (*q) || *q == '-'))
            return TRUE;
        }
      p = found + 1;
    }

  return FALSE;
}

static gboolean
window_has_keys (const guint8 *data,
                 gsize         length)
{
  return window_has (data, length, "\"Categories\"") ||
         window_has (data, length, "\"Nodes\"") ||
         window_has (data, length, "\"Functions\"") ||
         window_has (data, length, "\"Children\"");
}

/**
 * hearth_script_profiler_sniff:
 *
 * A JSON object with an integer `Version` and Categories/Nodes/Functions (V2)
 * or Children (V1). Only the first and last 64 KiB are looked at (key order
 * is not significant, and Nodes can be huge); the reader validates fully.
 */
gboolean
hearth_script_profiler_sniff (const guint8 *data,
                              gsize         length)
{
  gsize i = 0;
  gsize head_len;
  const guint8 *tail;
  gsize tail_len;
  gboolean version, keys;

  if (data == NULL)
    return FALSE;

  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < length && i < SNIFF_WINDOW && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || data[i] != '{')
    return FALSE;

  data += i;
  length -= i;
  head_len = MIN (length, SNIFF_WINDOW);
  tail_len = MIN (length - head_len, SNIFF_WINDOW);
  tail = data + length - tail_len;

  version = window_has_version (data, head_len) ||
            (tail_len > 0 && window_has_version (tail, tail_len));
  keys = window_has_keys (data, head_len) ||
         (tail_len > 0 && window_has_keys (tail, tail_len));

  return version && keys;
}

/* Reading */

typedef struct
{
  const HearthImportSource *source;
  HearthProfileBuilder     *builder;
  GError                  **error;
  guint                     n_steps;
  guint                     n_steps_done;
} Reader;

static gboolean
reader_cancelled (Reader *r)
{
  if (g_cancellable_set_error_if_cancelled (r->source->cancellable, r->error))
    {
      g_prefix_error (r->error, "%s: ", r->source->display_name);
      return TRUE;
    }
  return FALSE;
}

/* Called once per node visited; reports 0.5..1.0 and checks the cancellable
 * every PROGRESS_STEP nodes. */
static gboolean
reader_step (Reader *r)
{
  r->n_steps_done++;
  if (r->n_steps_done % PROGRESS_STEP != 0)
    return TRUE;

  /* V1 files do not say how many nodes they have: approach 1 slowly */
  if (r->n_steps > 0)
    hearth_import_source_progress (r->source,
                                   0.5 + 0.5 * r->n_steps_done / MAX (r->n_steps, r->n_steps_done));
  else
    hearth_import_source_progress (r->source,
                                   0.5 + 0.5 * r->n_steps_done / (r->n_steps_done + 4.0 * PROGRESS_STEP));
  return !reader_cancelled (r);
}

/* One pass over the bytes, outside strings: refuses nesting deeper than
 * MAX_JSON_DEPTH before json-glib's recursive parser sees it, and measures
 * how many brackets are left open at the end (a truncated file). */
static gboolean
scan_json (Reader       *r,
           const guint8 *data,
           gsize         length,
           guint        *open_at_end)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '{':
        case '[':
          if (++depth > MAX_JSON_DEPTH)
            {
              hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_TOO_LARGE,
                                       "JSON nested deeper than %d levels (at byte offset %"
                                       G_GSIZE_FORMAT ")", MAX_JSON_DEPTH, i);
              return FALSE;
            }
          break;
        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  *open_at_end = depth + (in_string ? 1 : 0);
  return TRUE;
}

/* json-glib says "<data>:2:7: Parse error: unexpected ..."; make it
 * "line 2, column 7: unexpected ..." and return the line (0 when the
 * message has another form) */
static char *
rewrite_json_error (const char *message,
                    guint64    *line_out,
                    guint64    *column_out)
{
  const char *p = message;
  char *end;
  guint64 line, column;

  *line_out = 0;
  *column_out = 0;
  if (!g_str_has_prefix (p, "<data>:"))
    return g_strdup (message);
  p += strlen ("<data>:");
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup (message);
  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    return g_strdup (message);
  p = end + 1;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "Parse error: "))
    p += strlen ("Parse error: ");

  *line_out = line;
  *column_out = column;
  return g_strdup_printf ("line %" G_GUINT64_FORMAT ", column %" G_GUINT64_FORMAT ": %s",
                          line, column, p);
}

static guint64
count_lines (const guint8 *data,
             gsize         length)
{
  const guint8 *p = data;
  const guint8 *end = data + length;
  guint64 lines = 1;

  while (p < end && (p = memchr (p, '\n', end - p)) != NULL)
    {
      lines++;
      p++;
    }
  return lines;
}

/* Byte offset of a 1-based line and column (json-glib counts columns in
 * characters; the data is valid UTF-8 by then) */
static gsize
offset_of (const guint8 *data,
           gsize         length,
           guint64       line,
           guint64       column)
{
  const guint8 *p = data;
  const guint8 *end = data + length;

  for (guint64 l = 1; l < line && p < end; l++)
    {
      p = memchr (p, '\n', end - p);
      if (p == NULL)
        return length;
      p++;
    }
  for (guint64 c = 1; c < column && p < end; c++)
    p = (const guint8 *) g_utf8_next_char (p);

  return MIN ((gsize) (p - data), length);
}

static JsonParser *
parse_json (Reader *r)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *data = r->source->data;
  gsize length = r->source->length;
  const char *invalid_utf8 = NULL;
  guint open_at_end = 0;

  if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    {
      data += 3;
      length -= 3;
    }

  if (length > G_MAXSSIZE)
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_TOO_LARGE,
                               "the file is too large");
      return NULL;
    }

  if (!g_utf8_validate_len ((const char *) data, length, &invalid_utf8))
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                               "invalid JSON: not UTF-8 text (at byte offset %" G_GSIZE_FORMAT ")",
                               (gsize) ((const guint8 *) invalid_utf8 - r->source->data));
      return NULL;
    }

  if (!scan_json (r, data, length, &open_at_end))
    return NULL;

  if (reader_cancelled (r))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) length, &local_error))
    {
      guint64 error_line = 0, error_column = 0;
      g_autofree char *detail = rewrite_json_error (local_error->message, &error_line, &error_column);
      gsize content_end = length;

      while (content_end > 0 && g_ascii_isspace (data[content_end - 1]))
        content_end--;

      /* Brackets left open and the parser failing on one of the last
       * tokens: the file was cut off (json-glib's own message is
       * misleading then) */
      if (open_at_end > 0 && error_line > 0 &&
          offset_of (data, length, error_line, error_column) + 64 >= content_end)
        hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_TRUNCATED,
                                 "truncated JSON: the file ends at line %" G_GUINT64_FORMAT
                                 " with %u unclosed %s", count_lines (data, content_end), open_at_end,
                                 open_at_end == 1 ? "bracket or string" : "brackets or strings");
      else
        hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                                 "invalid JSON: %s", detail);
      return NULL;
    }

  return g_steal_pointer (&parser);
}

/* Typed member access. Paths are built only for messages. JSON null counts
 * as absent for optional members. */

typedef enum
{
  FIELD_OK,
  FIELD_ABSENT,
  FIELD_WRONG_TYPE,
} FieldStatus;

static FieldStatus
get_int (JsonObject *object,
         const char *member,
         gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FIELD_ABSENT;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FIELD_WRONG_TYPE;
  *value = json_node_get_int (node);
  return FIELD_OK;
}

static FieldStatus
get_string (JsonObject  *object,
            const char  *member,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FIELD_ABSENT;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FIELD_WRONG_TYPE;
  *value = json_node_get_string (node);
  return FIELD_OK;
}

static FieldStatus
get_array (JsonObject  *object,
           const char  *member,
           JsonArray  **value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FIELD_ABSENT;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FIELD_WRONG_TYPE;
  *value = json_node_get_array (node);
  return FIELD_OK;
}

static FieldStatus
get_object (JsonObject  *object,
            const char  *member,
            JsonObject **value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FIELD_ABSENT;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FIELD_WRONG_TYPE;
  *value = json_node_get_object (node);
  return FIELD_OK;
}

static void
field_error (Reader      *r,
             const char  *path,
             FieldStatus  status,
             const char  *expected)
{
  if (status == FIELD_ABSENT)
    hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                             "%s: missing (expected %s)", path, expected);
  else
    hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                             "%s: expected %s", path, expected);
}

/* Negative durations are read as 0; one summary warning names the first */
typedef struct
{
  guint   count;
  char   *first_path;
  gint64  first_value;
} NegativeDurations;

static double
duration_ns (NegativeDurations *neg,
             gint64             us,
             const char        *path_format,
             ...) G_GNUC_PRINTF (3, 4);

static double
duration_ns (NegativeDurations *neg,
             gint64             us,
             const char        *path_format,
             ...)
{
  if (us >= 0)
    return (double) us * US_TO_NS;

  if (neg->count++ == 0)
    {
      va_list args;

      va_start (args, path_format);
      neg->first_path = g_strdup_vprintf (path_format, args);
      va_end (args);
      neg->first_value = us;
    }
  return 0;
}

static void
negative_durations_report (NegativeDurations    *neg,
                           HearthProfileBuilder *builder)
{
  if (neg->count == 1)
    hearth_profile_builder_add_warning (builder,
                                        "%s: negative duration %" G_GINT64_FORMAT " µs read as 0",
                                        neg->first_path, neg->first_value);
  else if (neg->count > 1)
    hearth_profile_builder_add_warning (builder,
                                        "%u negative durations read as 0 (the first at %s: %"
                                        G_GINT64_FORMAT " µs)",
                                        neg->count, neg->first_path, neg->first_value);
  g_clear_pointer (&neg->first_path, g_free);
}

static HearthFunctionFlags
flags_for (const char *name,
           const char *source)
{
  HearthFunctionFlags flags = 0;

  if (g_strcmp0 (source, "[C]") == 0)
    flags |= HEARTH_FUNCTION_FLAG_C;
  if (g_strcmp0 (source, "GC") == 0 && g_strcmp0 (name, "GC") == 0)
    flags |= HEARTH_FUNCTION_FLAG_GC;
  return flags;
}

static int
clamp_line (gint64 line)
{
  if (line < G_MININT || line > G_MAXINT)
    return 0;
  return (int) line;
}

static void
set_session (Reader     *r,
             JsonObject *root)
{
  gint64 start = 0, end = 0;
  FieldStatus start_status = get_int (root, "SessionStartTime", &start);
  FieldStatus end_status = get_int (root, "SessionEndTime", &end);

  if (start_status == FIELD_WRONG_TYPE)
    hearth_profile_builder_add_warning (r->builder, "SessionStartTime: expected an integer; ignored");
  if (end_status == FIELD_WRONG_TYPE)
    hearth_profile_builder_add_warning (r->builder, "SessionEndTime: expected an integer; ignored");

  if (start_status != FIELD_OK)
    return;

  hearth_profile_builder_set_capture_time_ms (r->builder, start);
  if (end_status == FIELD_OK)
    {
      if (end < start)
        hearth_profile_builder_add_warning (r->builder,
                                            "SessionEndTime is before SessionStartTime; "
                                            "the session length is unknown");
      hearth_profile_builder_set_session (r->builder, (double) start,
                                          end < start ? (double) start : (double) end);
    }
}

/* V2 */

typedef struct
{
  gint64   total_us;
  JsonArray *function_ids;   /* NULL on leaves and when skipped */
  JsonArray *node_ids;
  guint    n_edges;
  guint    visited : 1;
  guint    on_path : 1;
} V2Node;

typedef struct
{
  guint32 file_node;
  guint32 builder_node;
  guint   next_edge;
} V2Frame;

static gboolean
check_id (Reader     *r,
          JsonArray  *array,
          guint       index,
          guint       n_valid,
          const char *what,
          guint       node_index,
          const char *member,
          guint32    *id_out)
{
  JsonNode *element = json_array_get_element (array, index);
  gint64 id;

  if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                               "Nodes[%u].%s[%u]: expected an integer", node_index, member, index);
      return FALSE;
    }
  id = json_node_get_int (element);
  if (id < 1 || id > (gint64) n_valid)
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                               "Nodes[%u].%s[%u]: %s id %" G_GINT64_FORMAT " out of range (1..%u)",
                               node_index, member, index, what, id, n_valid);
      return FALSE;
    }
  *id_out = (guint32) (id - 1);
  return TRUE;
}

static guint32
edge_id (JsonArray *array,
         guint      index)
{
  /* validated before the walk */
  return (guint32) (json_node_get_int (json_array_get_element (array, index)) - 1);
}

static HearthProfile *
read_v2 (Reader     *r,
         JsonObject *root,
         gint64      version)
{
  JsonArray *categories = NULL, *nodes = NULL, *functions = NULL;
  g_autofree V2Node *v2_nodes = NULL;
  g_autofree guint32 *function_map = NULL;
  g_autoptr(GArray) stack = NULL;
  NegativeDurations neg = { 0 };
  FieldStatus status;
  guint n_categories, n_nodes, n_functions;
  guint n_reached = 0;

  if ((status = get_array (root, "Categories", &categories)) != FIELD_OK)
    {
      field_error (r, "Categories", status, "an array");
      return NULL;
    }
  if ((status = get_array (root, "Nodes", &nodes)) != FIELD_OK)
    {
      field_error (r, "Nodes", status, "an array");
      return NULL;
    }
  if ((status = get_array (root, "Functions", &functions)) != FIELD_OK)
    {
      field_error (r, "Functions", status, "an array");
      return NULL;
    }

  n_categories = json_array_get_length (categories);
  n_nodes = json_array_get_length (nodes);
  n_functions = json_array_get_length (functions);

  if (version > 2)
    hearth_profile_builder_add_warning (r->builder,
                                        "Script Profiler export version %" G_GINT64_FORMAT
                                        " read as version 2", version);

  /* Validate Functions (types only) */
  for (guint i = 0; i < n_functions; i++)
    {
      JsonNode *element = json_array_get_element (functions, i);
      JsonObject *object;
      const char *s;
      gint64 v;
      char path[64];

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_snprintf (path, sizeof path, "Functions[%u]", i);
          field_error (r, path, FIELD_WRONG_TYPE, "an object");
          return NULL;
        }
      object = json_node_get_object (element);
      if (get_string (object, "Name", &s) == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Functions[%u].Name", i);
          field_error (r, path, FIELD_WRONG_TYPE, "a string");
          return NULL;
        }
      if (get_string (object, "Source", &s) == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Functions[%u].Source", i);
          field_error (r, path, FIELD_WRONG_TYPE, "a string");
          return NULL;
        }
      if (get_int (object, "Line", &v) == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Functions[%u].Line", i);
          field_error (r, path, FIELD_WRONG_TYPE, "an integer");
          return NULL;
        }
      if (get_int (object, "Flags", &v) == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Functions[%u].Flags", i);
          field_error (r, path, FIELD_WRONG_TYPE, "an integer");
          return NULL;
        }
    }

  /* Validate Nodes: types, ids in range; lengths that differ are a warning */
  v2_nodes = g_new0 (V2Node, MAX (n_nodes, 1));
  for (guint i = 0; i < n_nodes; i++)
    {
      JsonNode *element = json_array_get_element (nodes, i);
      JsonObject *object;
      JsonArray *fids = NULL, *nids = NULL;
      FieldStatus fstatus, nstatus;
      char path[64];

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_snprintf (path, sizeof path, "Nodes[%u]", i);
          field_error (r, path, FIELD_WRONG_TYPE, "an object");
          return NULL;
        }
      object = json_node_get_object (element);

      if ((status = get_int (object, "TotalDuration", &v2_nodes[i].total_us)) != FIELD_OK)
        {
          g_snprintf (path, sizeof path, "Nodes[%u].TotalDuration", i);
          field_error (r, path, status, "an integer");
          return NULL;
        }

      fstatus = get_array (object, "FunctionIds", &fids);
      nstatus = get_array (object, "NodeIds", &nids);
      if (fstatus == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Nodes[%u].FunctionIds", i);
          field_error (r, path, fstatus, "an array");
          return NULL;
        }
      if (nstatus == FIELD_WRONG_TYPE)
        {
          g_snprintf (path, sizeof path, "Nodes[%u].NodeIds", i);
          field_error (r, path, nstatus, "an array");
          return NULL;
        }

      for (guint k = 0; fids != NULL && k < json_array_get_length (fids); k++)
        {
          guint32 id;

          if (!check_id (r, fids, k, n_functions, "function", i, "FunctionIds", &id))
            return NULL;
        }
      for (guint k = 0; nids != NULL && k < json_array_get_length (nids); k++)
        {
          guint32 id;

          if (!check_id (r, nids, k, n_nodes, "node", i, "NodeIds", &id))
            return NULL;
        }

      {
        guint n_f = fids ? json_array_get_length (fids) : 0;
        guint n_n = nids ? json_array_get_length (nids) : 0;

        if (n_f != n_n)
          {
            hearth_profile_builder_add_warning (r->builder,
                                                "Nodes[%u]: FunctionIds and NodeIds differ in "
                                                "length (%u and %u); its calls were skipped",
                                                i, n_f, n_n);
            continue;
          }
        v2_nodes[i].function_ids = fids;
        v2_nodes[i].node_ids = nids;
        v2_nodes[i].n_edges = n_f;
      }
    }

  /* Validate Categories */
  for (guint i = 0; i < n_categories; i++)
    {
      JsonNode *element = json_array_get_element (categories, i);
      JsonObject *object;
      const char *name;
      gint64 id;
      char path[64];

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_snprintf (path, sizeof path, "Categories[%u]", i);
          field_error (r, path, FIELD_WRONG_TYPE, "an object");
          return NULL;
        }
      object = json_node_get_object (element);
      if ((status = get_string (object, "Name", &name)) != FIELD_OK)
        {
          g_snprintf (path, sizeof path, "Categories[%u].Name", i);
          field_error (r, path, status, "a string");
          return NULL;
        }
      if ((status = get_int (object, "NodeId", &id)) != FIELD_OK)
        {
          g_snprintf (path, sizeof path, "Categories[%u].NodeId", i);
          field_error (r, path, status, "an integer");
          return NULL;
        }
      if (id < 1 || id > (gint64) n_nodes)
        {
          hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_INVALID,
                                   "Categories[%u].NodeId: node id %" G_GINT64_FORMAT
                                   " out of range (1..%u)", i, id, n_nodes);
          return NULL;
        }
    }

  if (n_categories == 0)
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_NO_DATA,
                               "the export has no categories (no script ran during the session)");
      return NULL;
    }

  hearth_profile_builder_set_format (r->builder, "script-profiler-v2", "Roblox Script Profiler (V2)");
  set_session (r, root);
  hearth_profile_builder_enable_metric (r->builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);

  /* File function index -> Hearth function id, interned on first use so
   * that unreferenced functions do not show up */
  function_map = g_new (guint32, MAX (n_functions, 1));
  for (guint i = 0; i < n_functions; i++)
    function_map[i] = HEARTH_NO_INDEX;

  r->n_steps = n_nodes;
  stack = g_array_new (FALSE, FALSE, sizeof (V2Frame));

  for (guint c = 0; c < n_categories; c++)
    {
      JsonObject *object = json_array_get_object_element (categories, c);
      const char *name = json_object_get_string_member (object, "Name");
      guint32 root_node = (guint32) (json_object_get_int_member (object, "NodeId") - 1);
      guint function;
      V2Frame frame;

      if (v2_nodes[root_node].visited)
        {
          hearth_profile_builder_add_warning (r->builder,
                                              "Categories[%u].NodeId: node id %u is already "
                                              "reached elsewhere; the category was skipped",
                                              c, root_node + 1);
          continue;
        }

      function = hearth_profile_builder_intern_function (r->builder, HEARTH_FUNCTION_KIND_CATEGORY,
                                                         name, NULL, 0, NULL, 0);
      frame.file_node = root_node;
      frame.builder_node = hearth_profile_builder_add_child (r->builder, HEARTH_ROOT_NODE, function);
      frame.next_edge = 0;
      v2_nodes[root_node].visited = TRUE;
      v2_nodes[root_node].on_path = TRUE;
      n_reached++;
      hearth_profile_builder_set_value (r->builder, frame.builder_node, HEARTH_METRIC_CPU_TIME,
                                        duration_ns (&neg, v2_nodes[root_node].total_us,
                                                     "Nodes[%u].TotalDuration", root_node));
      g_array_append_val (stack, frame);
      if (!reader_step (r))
        goto fail;

      while (stack->len > 0)
        {
          V2Frame *top = &g_array_index (stack, V2Frame, stack->len - 1);
          V2Node *node = &v2_nodes[top->file_node];
          guint32 fid, nid;
          guint edge;
          V2Frame child;

          if (top->next_edge >= node->n_edges)
            {
              node->on_path = FALSE;
              g_array_set_size (stack, stack->len - 1);
              continue;
            }

          edge = top->next_edge++;
          fid = edge_id (node->function_ids, edge);
          nid = edge_id (node->node_ids, edge);

          if (v2_nodes[nid].on_path)
            {
              hearth_profile_builder_add_warning (r->builder,
                                                  "Nodes[%u].NodeIds[%u]: node id %u calls back "
                                                  "into its own call path (a cycle); that call "
                                                  "was skipped", top->file_node, edge, nid + 1);
              continue;
            }
          if (v2_nodes[nid].visited)
            {
              hearth_profile_builder_add_warning (r->builder,
                                                  "Nodes[%u].NodeIds[%u]: node id %u is reached "
                                                  "a second time; the first path was kept",
                                                  top->file_node, edge, nid + 1);
              continue;
            }

          if (function_map[fid] == HEARTH_NO_INDEX)
            {
              JsonObject *fobj = json_array_get_object_element (functions, fid);
              const char *fname = NULL, *fsource = NULL;
              gint64 line = 0, flags_bits = 0;
              HearthFunctionFlags flags;

              get_string (fobj, "Name", &fname);
              get_string (fobj, "Source", &fsource);
              get_int (fobj, "Line", &line);
              get_int (fobj, "Flags", &flags_bits);

              flags = flags_for (fname, fsource);
              if (flags_bits & 1)
                flags |= HEARTH_FUNCTION_FLAG_NATIVE;
              if (flags_bits & 2)
                flags |= HEARTH_FUNCTION_FLAG_PLUGIN;

              function_map[fid] = hearth_profile_builder_intern_function (r->builder,
                                                                          HEARTH_FUNCTION_KIND_FUNCTION,
                                                                          fname, fsource,
                                                                          clamp_line (line),
                                                                          NULL, flags);
            }

          child.file_node = nid;
          child.builder_node = hearth_profile_builder_add_child (r->builder, top->builder_node,
                                                                 function_map[fid]);
          child.next_edge = 0;
          v2_nodes[nid].visited = TRUE;
          v2_nodes[nid].on_path = TRUE;
          n_reached++;
          hearth_profile_builder_set_value (r->builder, child.builder_node, HEARTH_METRIC_CPU_TIME,
                                            duration_ns (&neg, v2_nodes[nid].total_us,
                                                         "Nodes[%u].TotalDuration", nid));
          /* top is invalid from here on */
          g_array_append_val (stack, child);
          if (!reader_step (r))
            goto fail;
        }
    }

  if (n_reached < n_nodes)
    {
      guint n_unreached = n_nodes - n_reached;

      if (n_unreached == 1)
        hearth_profile_builder_add_warning (r->builder,
                                            "1 node is not reachable from any category and was "
                                            "ignored");
      else
        hearth_profile_builder_add_warning (r->builder,
                                            "%u nodes are not reachable from any category and "
                                            "were ignored", n_unreached);
    }

  negative_durations_report (&neg, r->builder);
  return hearth_profile_builder_finish (r->builder);

fail:
  g_clear_pointer (&neg.first_path, g_free);
  return NULL;
}

/* V1 */

/* Splits "<Source>,<Name>,<Line>" on the last two commas. The line part
 * must be digits or empty. */
static gboolean
split_v1_key (const char  *key,
              char       **source,
              char       **name,
              int         *line)
{
  const char *last = strrchr (key, ',');
  const char *second;
  gint64 value = 0;

  if (last == NULL || last == key)
    return FALSE;
  second = g_strrstr_len (key, last - key, ",");
  if (second == NULL)
    return FALSE;

  for (const char *p = last + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (value <= G_MAXINT)
        value = value * 10 + (*p - '0');
    }

  *source = g_strndup (key, second - key);
  *name = g_strndup (second + 1, last - second - 1);
  *line = value > G_MAXINT ? 0 : (int) value;
  return TRUE;
}

typedef struct
{
  GList       *members;   /* owned list of the keys of @children */
  GList       *next;
  JsonObject  *children;
  guint32      builder_node;
  const char  *key;       /* the key that led here, NULL at the top */
} V1Frame;

static char *
v1_path (GArray     *stack,
         const char *key,
         const char *member)
{
  GString *path = g_string_new (NULL);

  for (guint i = 1; i < stack->len; i++)
    g_string_append_printf (path, "%sChildren[\"%s\"]", i > 1 ? "." : "",
                            g_array_index (stack, V1Frame, i).key);
  if (key != NULL)
    g_string_append_printf (path, "%sChildren[\"%s\"]", path->len ? "." : "", key);
  if (member != NULL)
    g_string_append_printf (path, "%s%s", path->len ? "." : "", member);

  return g_string_free (path, FALSE);
}

static void
v1_stack_clear (GArray *stack)
{
  for (guint i = 0; i < stack->len; i++)
    g_list_free (g_array_index (stack, V1Frame, i).members);
  g_array_set_size (stack, 0);
}

static HearthProfile *
read_v1 (Reader     *r,
         JsonObject *root)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (V1Frame));
  NegativeDurations neg = { 0 };
  JsonObject *children = NULL;
  FieldStatus status;
  guint n_bad_keys = 0;
  char *first_bad_key = NULL;
  V1Frame frame = { 0 };

  status = get_object (root, "Children", &children);
  if (status == FIELD_WRONG_TYPE)
    {
      field_error (r, "Children", status, "an object");
      return NULL;
    }
  if (children == NULL || json_object_get_size (children) == 0)
    {
      hearth_format_set_error (r->error, r->source, HEARTH_FORMAT_ERROR_NO_DATA,
                               "the export has no categories (no script ran during the session)");
      return NULL;
    }

  hearth_profile_builder_set_format (r->builder, "script-profiler-v1", "Roblox Script Profiler (V1)");
  hearth_profile_builder_enable_metric (r->builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_INCLUSIVE);
  /* Raw V1 files have no session; accept one if present */
  set_session (r, root);

  frame.members = json_object_get_members (children);
  frame.next = frame.members;
  frame.children = children;
  frame.builder_node = HEARTH_ROOT_NODE;
  frame.key = NULL;
  g_array_append_val (stack, frame);

  while (stack->len > 0)
    {
      V1Frame *top = &g_array_index (stack, V1Frame, stack->len - 1);
      gboolean is_category = stack->len == 1;
      const char *key;
      JsonNode *element;
      JsonObject *object;
      JsonObject *grandchildren = NULL;
      g_autofree char *source = NULL;
      g_autofree char *name = NULL;
      int line = 0;
      gint64 total = 0, v = 0;
      const char *s = NULL;
      HearthFunctionFlags flags;
      guint function;
      V1Frame child = { 0 };
      JsonNode *native;

      if (top->next == NULL)
        {
          g_list_free (top->members);
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      key = top->next->data;
      top->next = top->next->next;

      element = json_object_get_member (top->children, key);
      if (element == NULL || !JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *path = v1_path (stack, key, NULL);

          field_error (r, path, FIELD_WRONG_TYPE, "an object");
          goto fail;
        }
      object = json_node_get_object (element);

      if ((status = get_int (object, "TotalDuration", &total)) != FIELD_OK)
        {
          g_autofree char *path = v1_path (stack, key, "TotalDuration");

          field_error (r, path, status, "an integer");
          goto fail;
        }
      status = get_object (object, "Children", &grandchildren);
      if (status == FIELD_WRONG_TYPE)
        {
          g_autofree char *path = v1_path (stack, key, "Children");

          field_error (r, path, status, "an object");
          goto fail;
        }

      if (!split_v1_key (key, &source, &name, &line))
        {
          /* Not "<Source>,<Name>,<Line>": keep the whole key as the name */
          if (n_bad_keys++ == 0)
            first_bad_key = v1_path (stack, key, NULL);
          name = g_strdup (key);
        }

      /* Optional fields of the deserialized table */
      if (get_string (object, "Source", &s) == FIELD_OK)
        {
          g_free (source);
          source = g_strdup (s);
        }
      if (get_int (object, "Line", &v) == FIELD_OK)
        line = clamp_line (v);

      if (source != NULL && source[0] == '\0')
        g_clear_pointer (&source, g_free);
      if (name != NULL && name[0] == '\0')
        g_clear_pointer (&name, g_free);

      /* "Heartbeat,," or "main,,": a bare label in the Source slot */
      if (name == NULL && line == 0 && source != NULL &&
          json_object_get_member (object, "Source") == NULL)
        {
          name = g_steal_pointer (&source);
        }
      if (name == NULL && get_string (object, "Name", &s) == FIELD_OK && s[0] != '\0')
        name = g_strdup (s);

      flags = flags_for (name, source);
      native = json_object_get_member (object, "IsNative");
      if (native != NULL && JSON_NODE_HOLDS_VALUE (native) &&
          json_node_get_value_type (native) == G_TYPE_BOOLEAN && json_node_get_boolean (native))
        flags |= HEARTH_FUNCTION_FLAG_NATIVE;

      if (is_category)
        function = hearth_profile_builder_intern_function (r->builder, HEARTH_FUNCTION_KIND_CATEGORY,
                                                           name ? name : source, NULL, 0, NULL, 0);
      else
        function = hearth_profile_builder_intern_function (r->builder, HEARTH_FUNCTION_KIND_FUNCTION,
                                                           name, source, line, NULL, flags);

      child.builder_node = hearth_profile_builder_add_child (r->builder, top->builder_node, function);
      if (total < 0)
        {
          g_autofree char *path = v1_path (stack, key, "TotalDuration");

          duration_ns (&neg, total, "%s", path);
        }
      else
        hearth_profile_builder_set_value (r->builder, child.builder_node, HEARTH_METRIC_CPU_TIME,
                                          (double) total * US_TO_NS);

      if (!reader_step (r))
        goto fail;

      if (grandchildren != NULL && json_object_get_size (grandchildren) > 0)
        {
          child.children = grandchildren;
          child.members = json_object_get_members (grandchildren);
          child.next = child.members;
          child.key = key;
          /* top is invalid from here on */
          g_array_append_val (stack, child);
        }
    }

  if (n_bad_keys > 0)
    hearth_profile_builder_add_warning (r->builder,
                                        "%u %s not of the form \"Source,Name,Line\" and %s read "
                                        "as a name (the first: %s)",
                                        n_bad_keys, n_bad_keys == 1 ? "key is" : "keys are",
                                        n_bad_keys == 1 ? "was" : "were", first_bad_key);
  g_free (first_bad_key);
  negative_durations_report (&neg, r->builder);
  return hearth_profile_builder_finish (r->builder);

fail:
  v1_stack_clear (stack);
  g_free (first_bad_key);
  g_clear_pointer (&neg.first_path, g_free);
  return NULL;
}

/**
 * hearth_script_profiler_read:
 *
 * Reads a V1 or V2 export (docs/formats/script-profiler.md). Inclusive
 * TotalDuration µs become inclusive CPU time in ns; the builder derives self
 * times and `<root>`.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_script_profiler_read (const HearthImportSource *source,
                             GError                  **error)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root_node;
  JsonObject *root;
  HearthProfile *profile = NULL;
  Reader r = { 0 };
  gint64 version = 0;
  FieldStatus status;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  r.source = source;
  r.error = error;

  if (source->length == 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  hearth_import_source_progress (source, 0.0);

  parser = parse_json (&r);
  if (parser == NULL)
    return NULL;

  hearth_import_source_progress (source, 0.5);

  root_node = json_parser_get_root (parser);
  if (root_node == NULL)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_EMPTY,
                               "the file is empty (no JSON value)");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                               "not a Roblox Script Profiler export (the JSON is not an object)");
      return NULL;
    }
  root = json_node_get_object (root_node);

  status = get_int (root, "Version", &version);
  if (status == FIELD_ABSENT)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                               "not a Roblox Script Profiler export (no \"Version\")");
      return NULL;
    }
  if (status == FIELD_WRONG_TYPE)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                               "Version: expected an integer");
      return NULL;
    }

  builder = hearth_profile_builder_new ();
  hearth_profile_builder_set_file_name (builder, source->path ? source->path : source->display_name);
  r.builder = builder;

  if (version == 1)
    profile = read_v1 (&r, root);
  else if (version == 2 ||
           (version > 2 && json_object_has_member (root, "Nodes") &&
            json_object_has_member (root, "Functions")))
    profile = read_v2 (&r, root, version);
  else
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                               "unsupported Script Profiler export version %" G_GINT64_FORMAT,
                               version);
      return NULL;
    }

  if (profile != NULL)
    hearth_import_source_progress (source, 1.0);

  return profile;
}
