/* hearth-papyrus-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-papyrus-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-csv-writer.h"
#include "hearth-hash.h"
#include "hearth-papyrus-reader.h"
#include "hearth-profile-builder.h"

/* Skyrim / Fallout 4 Papyrus profiling logs (docs/formats/papyrus.md):
 *
 *   <time>:<event>:<stackId>:<depth>:<object>:<function>
 *
 * Events are paired per stack and depth in file order (never sorted by
 * time: many events share a millisecond): QUEUE_PUSH → PUSH → QUEUE_POP →
 * POP. Every call is kept as a HearthPapyrusCall record attached to the
 * profile; the call tree is root → "Papyrus stack <id>" → calls, merged by
 * function per path.
 *
 * Time attribution (§5.1): a child's queue wait happens while its parent is
 * on the stack, and is charged to the child, not to the parent's self time.
 * In the tree it appears as a synthetic child "queued: <function>" placed
 * next to the call (CPU time = the queue wait, no calls), so that every call
 * node keeps inclusive CPU time = run (POP − PUSH) and self = run − Σ
 * children (queue wait + run), exactly the figures of §5.2. The call node
 * itself also carries the queue wait as HEARTH_METRIC_QUEUE_WAIT. */

#define MAX_LINE_WARNINGS 10

struct _HearthPapyrusCalls
{
  GStringChunk *strings;
  GArray       *calls;   /* HearthPapyrusCall */
  GArray       *stacks;  /* HearthPapyrusStack */
  GPtrArray    *files;   /* char *, display names */
};

typedef enum
{
  EVENT_QUEUE_PUSH,
  EVENT_PUSH,
  EVENT_QUEUE_POP,
  EVENT_POP,
  EVENT_START,
  EVENT_STOP,
} EventKind;

typedef struct
{
  gint64      time;
  EventKind   kind;
  guint64     stack;
  guint32     depth;
  const char *object;
  const char *object_name;
  guint32     form_id;
  gboolean    has_form_id;
  const char *script;
  const char *state;
  const char *name;
  gboolean    fallback;
} Event;

typedef struct
{
  Event ev;
  guint line;
} Pending;

typedef struct
{
  guint64     stack_id;
  guint       stack_index;   /* in calls->stacks */
  GArray     *open;          /* guint32 call indices, increasing depth */
  GArray     *roots;         /* guint32 call indices without parent */
  GHashTable *pending;       /* depth -> Pending* */
} StackState;

typedef struct
{
  HearthPapyrusCalls       *calls;
  HearthProfileBuilder     *builder;
  const HearthImportSource *source;
  const char               *prefix;        /* "file: " for warnings with several files */
  guint                     file;
  GHashTable               *stacks;        /* guint64* -> StackState* */
  GHashTable               *stack_rows;    /* guint64* -> stacks index + 1, all files */
  gint64                    first_time;
  gint64                    last_time;
  gboolean                  have_time;
  guint                     n_events;
  guint                     n_skipped;
  guint                     first_skipped;
  guint                     n_fallback;
} FileParse;

static void
stack_state_free (gpointer data)
{
  StackState *st = data;

  g_array_unref (st->open);
  g_array_unref (st->roots);
  g_hash_table_unref (st->pending);
  g_free (st);
}

static void
papyrus_calls_free (gpointer data)
{
  HearthPapyrusCalls *self = data;

  g_string_chunk_free (self->strings);
  g_array_unref (self->calls);
  g_array_unref (self->stacks);
  g_ptr_array_unref (self->files);
  g_free (self);
}

static HearthPapyrusCalls *
papyrus_calls_new (void)
{
  HearthPapyrusCalls *self = g_new0 (HearthPapyrusCalls, 1);

  self->strings = g_string_chunk_new (4096);
  self->calls = g_array_new (FALSE, TRUE, sizeof (HearthPapyrusCall));
  self->stacks = g_array_new (FALSE, TRUE, sizeof (HearthPapyrusStack));
  self->files = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static const char *
intern (HearthPapyrusCalls *calls,
        const char         *str)
{
  return g_string_chunk_insert_const (calls->strings, str);
}

/* ------------------------------------------------------------- splitting */

static gboolean
is_hex8_formid (const char *p)
{
  /* p points at '(' ; expects (XXXXXXXX) */
  if (p[0] != '(')
    return FALSE;
  for (int i = 1; i <= 8; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;
  return p[9] == ')';
}

static gboolean
parse_i64 (const char *text,
           gint64     *value)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64 + 1, G_MAXINT64, value, NULL);
}

/* Splits one event line in place (papyrus.md §2.2). */
static gboolean
parse_event (FileParse *fp,
             char      *line,
             Event     *ev)
{
  char *fields[4];
  char *p = line;
  char *rest, *split = NULL;
  char *object, *function;
  char *dot, *dot2;
  guint64 value;

  memset (ev, 0, sizeof *ev);

  for (int i = 0; i < 2; i++)
    {
      char *colon = strchr (p, ':');

      fields[i] = p;
      if (colon == NULL)
        {
          if (i == 0)
            return FALSE;
          p = NULL;
          break;
        }
      *colon = '\0';
      p = colon + 1;
    }

  if (!parse_i64 (fields[0], &ev->time))
    return FALSE;

  if (g_str_equal (fields[1], "START") || g_str_equal (fields[1], "STOP"))
    {
      ev->kind = fields[1][2] == 'A' ? EVENT_START : EVENT_STOP;
      if (p == NULL || !g_ascii_string_to_unsigned (p, 10, 0, G_MAXUINT64, &ev->stack, NULL))
        return FALSE;
      return TRUE;
    }

  if (g_str_equal (fields[1], "QUEUE_PUSH"))
    ev->kind = EVENT_QUEUE_PUSH;
  else if (g_str_equal (fields[1], "PUSH"))
    ev->kind = EVENT_PUSH;
  else if (g_str_equal (fields[1], "QUEUE_POP"))
    ev->kind = EVENT_QUEUE_POP;
  else if (g_str_equal (fields[1], "POP"))
    ev->kind = EVENT_POP;
  else
    return FALSE;

  for (int i = 2; i < 4; i++)
    {
      char *colon;

      if (p == NULL)
        return FALSE;
      colon = strchr (p, ':');
      if (colon == NULL)
        return FALSE;
      fields[i] = p;
      *colon = '\0';
      p = colon + 1;
    }

  if (!g_ascii_string_to_unsigned (fields[2], 10, 0, G_MAXUINT64, &ev->stack, NULL))
    return FALSE;
  if (!g_ascii_string_to_unsigned (fields[3], 10, 0, G_MAXUINT32 - 1, &value, NULL))
    return FALSE;
  ev->depth = (guint32) value;

  /* <object>:<function>, both may contain ':' */
  rest = p;
  if (g_str_has_prefix (rest, "None:"))
    {
      split = rest + 4;
    }
  else
    {
      for (char *c = strchr (rest, ':'); c != NULL; c = strchr (c + 1, ':'))
        if (c - rest >= 10 && is_hex8_formid (c - 10))
          {
            split = c;
            break;
          }
      if (split == NULL)
        {
          split = strrchr (rest, ':');
          if (split == NULL)
            return FALSE;
          ev->fallback = TRUE;
        }
    }
  *split = '\0';
  object = rest;
  function = split + 1;
  if (function[0] == '\0')
    return FALSE;

  ev->object = intern (fp->calls, object);
  {
    gsize len = strlen (object);

    if (len >= 10 && is_hex8_formid (object + len - 10))
      {
        g_autofree char *hex = g_strndup (object + len - 9, 8);
        g_autofree char *name = NULL;
        gsize name_len = len - 10;

        ev->form_id = (guint32) g_ascii_strtoull (hex, NULL, 16);
        ev->has_form_id = TRUE;
        if (name_len > 0 && object[name_len - 1] == ' ')
          name_len--;
        name = g_strndup (object, name_len);
        ev->object_name = intern (fp->calls, name);
      }
    else
      {
        ev->object_name = ev->object;
      }
  }

  /* Script.State.Function, split from the right */
  dot = strrchr (function, '.');
  if (dot == NULL)
    {
      ev->script = intern (fp->calls, "");
      ev->state = ev->script;
      ev->name = intern (fp->calls, function);
      return TRUE;
    }
  *dot = '\0';
  ev->name = intern (fp->calls, dot + 1);
  dot2 = strrchr (function, '.');
  if (dot2 == NULL)
    {
      ev->state = intern (fp->calls, "");
      ev->script = intern (fp->calls, function);
    }
  else
    {
      *dot2 = '\0';
      ev->state = intern (fp->calls, dot2 + 1);
      ev->script = intern (fp->calls, function);
    }

  return TRUE;
}

/* ------------------------------------------------------------- pairing */

static HearthPapyrusCall *
call_at (FileParse *fp,
         guint      index)
{
  return &g_array_index (fp->calls->calls, HearthPapyrusCall, index);
}

static StackState *
get_stack (FileParse *fp,
           guint64    stack_id,
           gint64     time)
{
  StackState *st = g_hash_table_lookup (fp->stacks, &stack_id);
  HearthPapyrusStack *row;
  guint row_index;

  if (st == NULL)
    {
      st = g_new0 (StackState, 1);
      st->stack_id = stack_id;
      st->open = g_array_new (FALSE, FALSE, sizeof (guint32));
      st->roots = g_array_new (FALSE, FALSE, sizeof (guint32));
      st->pending = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
      g_hash_table_insert (fp->stacks, g_memdup2 (&stack_id, sizeof stack_id), st);

      row_index = GPOINTER_TO_UINT (g_hash_table_lookup (fp->stack_rows, &stack_id));
      if (row_index == 0)
        {
          HearthPapyrusStack new_row = { 0 };

          new_row.stack_id = stack_id;
          new_row.first = time;
          new_row.last = time;
          new_row.node = HEARTH_NO_INDEX;
          g_array_append_val (fp->calls->stacks, new_row);
          row_index = fp->calls->stacks->len;
          g_hash_table_insert (fp->stack_rows, g_memdup2 (&stack_id, sizeof stack_id),
                               GUINT_TO_POINTER (row_index));
        }
      st->stack_index = row_index - 1;
    }

  row = &g_array_index (fp->calls->stacks, HearthPapyrusStack, st->stack_index);
  row->first = MIN (row->first, time);
  row->last = MAX (row->last, time);

  return st;
}

static guint
new_call (FileParse   *fp,
          StackState  *st,
          const Event *ev,
          guint        line)
{
  HearthPapyrusCall call = { 0 };

  call.stack_id = st->stack_id;
  call.depth = ev->depth;
  call.file = fp->file;
  call.line = line;
  call.parent = HEARTH_NO_INDEX;
  call.function = HEARTH_NO_INDEX;
  call.node = HEARTH_NO_INDEX;
  call.object = ev->object;
  call.object_name = ev->object_name;
  call.form_id = ev->form_id;
  call.has_form_id = ev->has_form_id;
  call.script = ev->script;
  call.state = ev->state;
  call.name = ev->name;
  call.queue_push = call.push = call.queue_pop = call.pop = HEARTH_PAPYRUS_NO_TIME;
  call.start = call.end = HEARTH_PAPYRUS_NO_TIME;
  if (ev->fallback)
    call.flags |= HEARTH_PAPYRUS_CALL_SPLIT_FALLBACK;
  g_array_append_val (fp->calls->calls, call);

  g_array_index (fp->calls->stacks, HearthPapyrusStack, st->stack_index).n_calls++;

  return fp->calls->calls->len - 1;
}

static void
emit_never_started (FileParse     *fp,
                    StackState    *st,
                    const Pending *pending)
{
  guint idx = new_call (fp, st, &pending->ev, pending->line);
  HearthPapyrusCall *call = call_at (fp, idx);

  call->queue_push = pending->ev.time;
  call->flags |= HEARTH_PAPYRUS_CALL_NEVER_STARTED;
}

static guint32
open_top (StackState *st)
{
  return st->open->len > 0 ? g_array_index (st->open, guint32, st->open->len - 1) : HEARTH_NO_INDEX;
}

/* Closes open frames deeper than @depth (or at @depth too when @inclusive) */
static void
close_deeper (FileParse  *fp,
              StackState *st,
              guint32     depth,
              gboolean    inclusive,
              gint64      time)
{
  while (st->open->len > 0)
    {
      HearthPapyrusCall *call = call_at (fp, open_top (st));

      if (call->depth < depth || (call->depth == depth && !inclusive))
        break;
      call->end = time;
      call->flags |= HEARTH_PAPYRUS_CALL_TRUNCATED;
      g_array_set_size (st->open, st->open->len - 1);
    }
}

static void
attach_parent (FileParse  *fp,
               StackState *st,
               guint       idx)
{
  guint32 top = open_top (st);

  call_at (fp, idx)->parent = top;
  if (top == HEARTH_NO_INDEX)
    g_array_append_val (st->roots, idx);
}

/* A POP or QUEUE_POP with nothing open at its depth: the call began before
 * logging started. It starts at the file's first timestamp and adopts every
 * earlier root frame of the stack that is deeper (§5 step 5). */
static guint
create_started_before (FileParse   *fp,
                       StackState  *st,
                       const Event *ev,
                       guint        line)
{
  guint idx = new_call (fp, st, ev, line);
  HearthPapyrusCall *call = call_at (fp, idx);
  guint kept = 0;

  call->flags |= HEARTH_PAPYRUS_CALL_STARTED_BEFORE;
  call->start = fp->first_time;

  for (guint i = 0; i < st->roots->len; i++)
    {
      guint32 root = g_array_index (st->roots, guint32, i);
      HearthPapyrusCall *r = call_at (fp, root);

      if (root != idx && r->depth > ev->depth)
        r->parent = idx;
      else
        g_array_index (st->roots, guint32, kept++) = root;
    }
  g_array_set_size (st->roots, kept);

  attach_parent (fp, st, idx);
  return idx;
}

static void
handle_event (FileParse   *fp,
              const Event *ev,
              guint        line)
{
  StackState *st = get_stack (fp, ev->stack, ev->time);
  gpointer key = GUINT_TO_POINTER (ev->depth);
  Pending *pending;
  guint idx;

  switch (ev->kind)
    {
    case EVENT_START:
    case EVENT_STOP:
      break;

    case EVENT_QUEUE_PUSH:
      pending = g_hash_table_lookup (st->pending, key);
      if (pending != NULL)
        emit_never_started (fp, st, pending);
      pending = g_new0 (Pending, 1);
      pending->ev = *ev;
      pending->line = line;
      g_hash_table_replace (st->pending, key, pending);
      break;

    case EVENT_PUSH:
      close_deeper (fp, st, ev->depth, TRUE, ev->time);
      idx = new_call (fp, st, ev, line);
      call_at (fp, idx)->push = ev->time;
      call_at (fp, idx)->start = ev->time;
      attach_parent (fp, st, idx);
      pending = g_hash_table_lookup (st->pending, key);
      if (pending != NULL)
        {
          if (g_ascii_strcasecmp (pending->ev.name, ev->name) == 0)
            {
              call_at (fp, idx)->queue_push = pending->ev.time;
              call_at (fp, idx)->line = pending->line;
            }
          else
            {
              emit_never_started (fp, st, pending);
            }
          g_hash_table_remove (st->pending, key);
        }
      g_array_append_val (st->open, idx);
      break;

    case EVENT_QUEUE_POP:
      close_deeper (fp, st, ev->depth, FALSE, ev->time);
      idx = open_top (st);
      if (idx == HEARTH_NO_INDEX || call_at (fp, idx)->depth != ev->depth)
        {
          idx = create_started_before (fp, st, ev, line);
          g_array_append_val (st->open, idx);
        }
      call_at (fp, idx)->queue_pop = ev->time;
      break;

    case EVENT_POP:
      close_deeper (fp, st, ev->depth, FALSE, ev->time);
      idx = open_top (st);
      if (idx != HEARTH_NO_INDEX && call_at (fp, idx)->depth == ev->depth)
        g_array_set_size (st->open, st->open->len - 1);
      else
        idx = create_started_before (fp, st, ev, line);
      call_at (fp, idx)->pop = ev->time;
      call_at (fp, idx)->end = ev->time;
      break;

    default:
      g_assert_not_reached ();
    }
}

static gint
compare_depth (gconstpointer a,
               gconstpointer b)
{
  guint da = GPOINTER_TO_UINT (*(gconstpointer const *) a);
  guint db = GPOINTER_TO_UINT (*(gconstpointer const *) b);

  return da < db ? -1 : da > db;
}

static void
finish_file (FileParse *fp)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) states = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, fp->stacks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (states, value);

  for (guint s = 0; s < states->len; s++)
    {
      StackState *st = g_ptr_array_index (states, s);
      g_autoptr(GPtrArray) keys = NULL;

      for (guint i = 0; i < st->open->len; i++)
        {
          HearthPapyrusCall *call = call_at (fp, g_array_index (st->open, guint32, i));

          call->end = fp->last_time;
          call->flags |= HEARTH_PAPYRUS_CALL_STILL_RUNNING;
        }
      g_array_set_size (st->open, 0);

      /* pending QUEUE_PUSHes, in depth order for a stable result */
      keys = g_ptr_array_new ();
      {
        GHashTableIter piter;
        gpointer pkey;

        g_hash_table_iter_init (&piter, st->pending);
        while (g_hash_table_iter_next (&piter, &pkey, NULL))
          g_ptr_array_add (keys, pkey);
      }
      g_ptr_array_sort (keys, compare_depth);
      for (guint i = 0; i < keys->len; i++)
        emit_never_started (fp, st, g_hash_table_lookup (st->pending, g_ptr_array_index (keys, i)));
      g_hash_table_remove_all (st->pending);
    }
}

static void
warn (FileParse  *fp,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
warn (FileParse  *fp,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  hearth_profile_builder_add_warning (fp->builder, "%s%s", fp->prefix, message);
}

static gboolean
is_header_line (const char *line)
{
  const char *opened = strstr (line, " log opened (");
  gsize len = strlen (line);

  if (opened == NULL || opened == line || len == 0 || line[len - 1] != ')')
    return FALSE;
  for (const char *p = line; p < opened; p++)
    if (g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Parses one file into fp->calls. Returns FALSE (with @error) when the file
 * holds no event line at all. */
static gboolean
parse_file (FileParse  *fp,
            GError    **error)
{
  const HearthImportSource *source = fp->source;
  const char *data = (const char *) source->data;
  gsize length = source->length;
  gsize pos = 0;
  guint lineno = 0;
  gboolean closed = FALSE;
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autofree char *header = NULL;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;

  while (pos < length)
    {
      const char *start = data + pos;
      const char *end = memchr (start, '\n', length - pos);
      Event ev;

      if (end == NULL)
        end = data + length;
      pos = (end - data) + 1;
      lineno++;

      if ((lineno & 0xffff) == 0)
        {
          hearth_import_source_progress (source, (double) pos / length);
          if (g_cancellable_set_error_if_cancelled (source->cancellable, error))
            {
              g_prefix_error (error, "%s: ", source->display_name);
              return FALSE;
            }
        }

      if (end > start && end[-1] == '\r')
        end--;
      g_string_truncate (buf, 0);
      for (const char *c = start; c < end; c++)
        g_string_append_c (buf, *c != '\0' ? *c : '?');
      if (!g_utf8_validate (buf->str, buf->len, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid (buf->str, buf->len);
          g_string_assign (buf, valid);
        }

      if (buf->len == 0 || buf->str[strspn (buf->str, " \t")] == '\0')
        continue;

      if (is_header_line (buf->str))
        {
          if (header == NULL)
            header = g_strndup (buf->str, strstr (buf->str, " log opened (") - buf->str);
          continue;
        }

      if (g_str_equal (buf->str, "Log closed"))
        {
          closed = TRUE;
          continue;
        }

      if (!parse_event (fp, buf->str, &ev))
        {
          if (fp->n_skipped < MAX_LINE_WARNINGS)
            warn (fp, "line %u: skipped, not a Papyrus event line (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)",
                  lineno);
          if (fp->n_skipped++ == 0)
            fp->first_skipped = lineno;
          continue;
        }

      if (ev.fallback)
        {
          if (fp->n_fallback < MAX_LINE_WARNINGS)
            warn (fp, "line %u: no FormID or None in the object field; split at the last ':'", lineno);
          fp->n_fallback++;
        }

      if (!fp->have_time)
        {
          fp->first_time = fp->last_time = ev.time;
          fp->have_time = TRUE;
        }
      fp->last_time = MAX (fp->last_time, ev.time);
      fp->n_events++;

      handle_event (fp, &ev, lineno);
    }

  if (fp->n_events == 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                               "no Papyrus event lines (TIME:EVENT:STACK:DEPTH:OBJECT:FUNCTION)");
      return FALSE;
    }

  finish_file (fp);

  if (fp->n_skipped > MAX_LINE_WARNINGS)
    warn (fp, "%u lines skipped in all, first at line %u", fp->n_skipped, fp->first_skipped);
  if (fp->n_fallback > MAX_LINE_WARNINGS)
    warn (fp, "%u lines split at the last ':' in all", fp->n_fallback);
  if (!closed)
    warn (fp, "no 'Log closed' line: the game may have crashed or the log was copied while open");

  if (header != NULL)
    hearth_profile_builder_set_metadata (fp->builder, fp->file == 0 ? "log" : "log-more", header);
  hearth_profile_builder_set_metadata (fp->builder, "log-closed", closed ? "true" : "false");

  return TRUE;
}

/* ----------------------------------------------------------- the profile */

static int
compare_calls (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *calls = user_data;
  guint32 ia = *(const guint32 *) a;
  guint32 ib = *(const guint32 *) b;
  const HearthPapyrusCall *ca = &g_array_index (calls, HearthPapyrusCall, ia);
  const HearthPapyrusCall *cb = &g_array_index (calls, HearthPapyrusCall, ib);

  if (ca->file != cb->file)
    return ca->file < cb->file ? -1 : 1;
  if (ca->line != cb->line)
    return ca->line < cb->line ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* File order: by file, then by the line of each call's first event */
static void
sort_calls (HearthPapyrusCalls *calls)
{
  guint n = calls->calls->len;
  g_autofree guint32 *order = g_new (guint32, MAX (n, 1));
  g_autofree guint32 *new_index = g_new (guint32, MAX (n, 1));
  GArray *sorted;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint32), compare_calls, calls->calls);
  for (guint i = 0; i < n; i++)
    new_index[order[i]] = i;

  sorted = g_array_sized_new (FALSE, TRUE, sizeof (HearthPapyrusCall), MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      HearthPapyrusCall call = g_array_index (calls->calls, HearthPapyrusCall, order[i]);

      if (call.parent != HEARTH_NO_INDEX)
        call.parent = new_index[call.parent];
      g_array_append_val (sorted, call);
    }
  g_array_unref (calls->calls);
  calls->calls = sorted;
}

static double
ms_or_zero (double value)
{
  return isnan (value) ? 0 : value;
}

static guint
function_for (HearthProfileBuilder *builder,
              GHashTable           *map,
              const HearthPapyrusCall *call,
              gboolean              queued)
{
  g_autofree char *lower_script = g_ascii_strdown (call->script, -1);
  g_autofree char *lower_name = g_ascii_strdown (call->name, -1);
  char *key = g_strconcat (queued ? "q:" : "f:", lower_script, ".", lower_name, NULL);
  gpointer found = g_hash_table_lookup (map, key);
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  guint id;

  if (found != NULL)
    {
      g_free (key);
      return GPOINTER_TO_UINT (found) - 1;
    }

  display = hearth_papyrus_call_dup_display_name (call);
  name = queued ? g_strconcat ("queued: ", display, NULL) : g_strdup (display);
  id = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_FUNCTION, name,
                                               NULL, 0, call->script, 0);
  g_hash_table_insert (map, key, GUINT_TO_POINTER (id + 1));
  return id;
}

static void
build_tree (HearthPapyrusCalls   *calls,
            HearthProfileBuilder *builder)
{
  GArray *arr = calls->calls;
  guint n = arr->len;
  g_autofree double *child_sum = g_new0 (double, MAX (n, 1));
  g_autoptr(GHashTable) functions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) stack_nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint32));

  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_QUEUE_WAIT, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (builder, HEARTH_METRIC_RETURN_WAIT, HEARTH_VALUE_SELF);

  /* one track per stack id, in first-seen order */
  for (guint s = 0; s < calls->stacks->len; s++)
    {
      HearthPapyrusStack *row = &g_array_index (calls->stacks, HearthPapyrusStack, s);
      g_autofree char *label = g_strdup_printf ("Papyrus stack %" G_GUINT64_FORMAT, row->stack_id);
      guint fn = hearth_profile_builder_intern_function (builder, HEARTH_FUNCTION_KIND_STACK, label,
                                                         NULL, 0, NULL, 0);

      row->node = hearth_profile_builder_add_child (builder, HEARTH_ROOT_NODE, fn);
      hearth_profile_builder_add_thread (builder, label, row->node, FALSE, FALSE);
      g_hash_table_insert (stack_nodes, g_memdup2 (&row->stack_id, sizeof row->stack_id),
                           GUINT_TO_POINTER (row->node + 1));
    }

  /* self = run − Σ children (queue wait + run), clamped at 0 */
  for (guint i = 0; i < n; i++)
    {
      HearthPapyrusCall *call = &g_array_index (arr, HearthPapyrusCall, i);

      if (call->parent != HEARTH_NO_INDEX)
        child_sum[call->parent] += ms_or_zero (hearth_papyrus_call_get_queue_wait_ms (call)) +
                                   ms_or_zero (hearth_papyrus_call_get_run_ms (call));
    }
  for (guint i = 0; i < n; i++)
    {
      HearthPapyrusCall *call = &g_array_index (arr, HearthPapyrusCall, i);
      double run = hearth_papyrus_call_get_run_ms (call);

      call->self_ms = isnan (run) ? NAN : MAX (0.0, run - child_sum[i]);
    }

  /* nodes: parents first (a parent can come later in file order when it
   * started before the capture), resolved along each parent chain */
  for (guint i = 0; i < n; i++)
    {
      g_array_set_size (chain, 0);
      for (guint32 c = i; c != HEARTH_NO_INDEX; c = g_array_index (arr, HearthPapyrusCall, c).parent)
        {
          HearthPapyrusCall *call = &g_array_index (arr, HearthPapyrusCall, c);

          if (call->node != HEARTH_NO_INDEX || (call->flags & HEARTH_PAPYRUS_CALL_NEVER_STARTED))
            break;
          g_array_append_val (chain, c);
        }

      for (guint k = chain->len; k-- > 0;)
        {
          guint32 c = g_array_index (chain, guint32, k);
          HearthPapyrusCall *call = &g_array_index (arr, HearthPapyrusCall, c);
          guint parent_node;
          double qw = hearth_papyrus_call_get_queue_wait_ms (call);
          double rw = hearth_papyrus_call_get_return_wait_ms (call);

          if (call->parent != HEARTH_NO_INDEX)
            parent_node = g_array_index (arr, HearthPapyrusCall, call->parent).node;
          else
            parent_node = GPOINTER_TO_UINT (g_hash_table_lookup (stack_nodes, &call->stack_id)) - 1;

          if (!isnan (qw) && qw > 0)
            {
              guint qfn = function_for (builder, functions, call, TRUE);
              guint qnode = hearth_profile_builder_get_child (builder, parent_node, qfn);

              hearth_profile_builder_add_value (builder, qnode, HEARTH_METRIC_CPU_TIME, qw * 1e6);
            }

          call->function = function_for (builder, functions, call, FALSE);
          call->node = hearth_profile_builder_get_child (builder, parent_node, call->function);
          hearth_profile_builder_add_value (builder, call->node, HEARTH_METRIC_CPU_TIME,
                                            call->self_ms * 1e6);
          hearth_profile_builder_add_value (builder, call->node, HEARTH_METRIC_CALLS, 1);
          if (!isnan (qw))
            hearth_profile_builder_add_value (builder, call->node, HEARTH_METRIC_QUEUE_WAIT, qw * 1e6);
          if (!isnan (rw))
            hearth_profile_builder_add_value (builder, call->node, HEARTH_METRIC_RETURN_WAIT, rw * 1e6);
        }
    }
}

static GQuark
calls_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("hearth-papyrus-calls");
  return quark;
}

/**
 * hearth_papyrus_read_many:
 * @sources: (array length=n_sources): the log files
 *
 * Reads one or more Papyrus profiling logs (stack, script or object
 * profiling) into one profile, merged by stack id and function like the
 * Papyrus Profiling Parser. Each file is paired on its own (its own first
 * and last timestamps). The call records are attached to the profile
 * (hearth_papyrus_calls_get_for_profile()).
 *
 * Returns: (transfer full): the profile, or %NULL with @error set (naming
 *   the file that failed)
 */
HearthProfile *
hearth_papyrus_read_many (const HearthImportSource  *sources,
                          guint                      n_sources,
                          GError                   **error)
{
  g_autoptr(HearthProfileBuilder) builder = NULL;
  g_autoptr(GHashTable) stack_rows = NULL;
  HearthPapyrusCalls *calls;
  HearthProfile *profile;
  double session_ms = 0;

  g_return_val_if_fail (sources != NULL, NULL);
  g_return_val_if_fail (n_sources > 0, NULL);

  builder = hearth_profile_builder_new ();
  calls = papyrus_calls_new ();
  stack_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint f = 0; f < n_sources; f++)
    {
      FileParse fp = { 0 };
      g_autofree char *prefix = NULL;
      gboolean ok;

      if (sources[f].length == 0)
        {
          hearth_format_set_error (error, &sources[f], HEARTH_FORMAT_ERROR_EMPTY, "the file is empty");
          papyrus_calls_free (calls);
          return NULL;
        }

      prefix = n_sources > 1 ? g_strdup_printf ("%s: ", sources[f].display_name) : g_strdup ("");
      fp.calls = calls;
      fp.builder = builder;
      fp.source = &sources[f];
      fp.prefix = prefix;
      fp.file = f;
      fp.stacks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, stack_state_free);
      fp.stack_rows = stack_rows;

      g_ptr_array_add (calls->files, g_strdup (sources[f].display_name));
      ok = parse_file (&fp, error);
      g_hash_table_unref (fp.stacks);
      if (!ok)
        {
          papyrus_calls_free (calls);
          return NULL;
        }
      session_ms += (double) (fp.last_time - fp.first_time);
    }

  sort_calls (calls);
  build_tree (calls, builder);

  hearth_profile_builder_set_format (builder, "papyrus", "Papyrus profiling log");
  if (n_sources == 1)
    hearth_profile_builder_set_file_name (builder, sources[0].path ? sources[0].path
                                                                   : sources[0].display_name);
  hearth_profile_builder_set_n_sources (builder, n_sources);
  hearth_profile_builder_set_session_ms (builder, session_ms);

  profile = hearth_profile_builder_finish (builder);
  g_object_set_qdata_full (G_OBJECT (profile), calls_quark (), calls, papyrus_calls_free);

  /* nodes were renumbered by finish(): find them again through their
   * (parent node, function) identity in the final tree. Threads were added
   * one per stack, in the order of calls->stacks. */
  {
    const HearthCallTree *tree = hearth_profile_get_call_tree (profile);
    g_autoptr(GHashTable) by_path = g_hash_table_new_full (hearth_uint64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GHashTable) stack_node = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint node = 1; node < tree->n_nodes; node++)
      {
        gint64 key = ((gint64) tree->parent[node] << 32) | tree->function[node];
        g_hash_table_insert (by_path, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (node));
      }

    g_assert (hearth_profile_get_n_threads (profile) == calls->stacks->len);
    for (guint s = 0; s < calls->stacks->len; s++)
      {
        HearthPapyrusStack *row = &g_array_index (calls->stacks, HearthPapyrusStack, s);

        row->node = hearth_profile_get_thread (profile, s)->node;
        g_hash_table_insert (stack_node, g_memdup2 (&row->stack_id, sizeof row->stack_id),
                             GUINT_TO_POINTER (row->node + 1));
      }

    for (guint i = 0; i < calls->calls->len; i++)
      g_array_index (calls->calls, HearthPapyrusCall, i).node = HEARTH_NO_INDEX;

    /* a parent can come later in file order: resolve along each chain */
    for (guint i = 0; i < calls->calls->len; i++)
      {
        g_array_set_size (chain, 0);
        for (guint32 c = i; c != HEARTH_NO_INDEX; c = g_array_index (calls->calls, HearthPapyrusCall, c).parent)
          {
            HearthPapyrusCall *call = &g_array_index (calls->calls, HearthPapyrusCall, c);

            if (call->node != HEARTH_NO_INDEX || call->function == HEARTH_NO_INDEX)
              break;
            g_array_append_val (chain, c);
          }
        for (guint k = chain->len; k-- > 0;)
          {
            HearthPapyrusCall *call = &g_array_index (calls->calls, HearthPapyrusCall,
                                                      g_array_index (chain, guint32, k));
            guint parent_node;
            gint64 key;

            if (call->parent != HEARTH_NO_INDEX)
              parent_node = g_array_index (calls->calls, HearthPapyrusCall, call->parent).node;
            else
              parent_node = GPOINTER_TO_UINT (g_hash_table_lookup (stack_node, &call->stack_id)) - 1;

            key = ((gint64) parent_node << 32) | call->function;
            call->node = GPOINTER_TO_UINT (g_hash_table_lookup (by_path, &key));
            if (call->node == 0)
              call->node = HEARTH_NO_INDEX;
          }
      }
  }

  return profile;
}

/**
 * hearth_papyrus_read:
 *
 * Reads one Papyrus profiling log; see hearth_papyrus_read_many().
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_papyrus_read (const HearthImportSource  *source,
                     GError                   **error)
{
  g_return_val_if_fail (source != NULL, NULL);
  return hearth_papyrus_read_many (source, 1, error);
}

/**
 * hearth_papyrus_sniff:
 *
 * The first non-empty line is a `<Kind>_<Id> log opened (…)` header, or an
 * event line (a log copied without its header).
 */
gboolean
hearth_papyrus_sniff (const guint8 *data,
                      gsize         length)
{
  gsize i = 0, end;
  g_autofree char *line = NULL;
  FileParse fp = { 0 };
  Event ev;
  gboolean ok;

  if (data == NULL || length == 0)
    return FALSE;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && (data[i] == '\r' || data[i] == '\n' || data[i] == ' ' || data[i] == '\t'))
    i++;
  end = i;
  while (end < length && end - i < 4096 && data[end] != '\n' && data[end] != '\r' && data[end] != '\0')
    end++;
  if (end == i)
    return FALSE;

  line = g_strndup ((const char *) data + i, end - i);
  if (is_header_line (line))
    return TRUE;

  /* header-less: an event line with a known event */
  fp.calls = papyrus_calls_new ();
  ok = parse_event (&fp, line, &ev) && ev.kind != EVENT_STOP;
  papyrus_calls_free (fp.calls);
  return ok;
}

/* -------------------------------------------------------------- accessors */

/**
 * hearth_papyrus_calls_get_for_profile:
 *
 * Returns: (transfer none) (nullable): the call records of a Papyrus
 *   profile, valid while @profile lives; %NULL for other profiles
 */
HearthPapyrusCalls *
hearth_papyrus_calls_get_for_profile (HearthProfile *profile)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  return g_object_get_qdata (G_OBJECT (profile), calls_quark ());
}

guint
hearth_papyrus_calls_get_n_calls (HearthPapyrusCalls *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->calls->len;
}

/**
 * hearth_papyrus_calls_get_call:
 *
 * Calls are in file order: by file, then by the line of their first event.
 */
const HearthPapyrusCall *
hearth_papyrus_calls_get_call (HearthPapyrusCalls *self,
                               guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->calls->len, NULL);
  return &g_array_index (self->calls, HearthPapyrusCall, index);
}

guint
hearth_papyrus_calls_get_n_stacks (HearthPapyrusCalls *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stacks->len;
}

/**
 * hearth_papyrus_calls_get_stack:
 *
 * Stack timings, in first-seen order ("Stack Timings" of the web tool).
 */
const HearthPapyrusStack *
hearth_papyrus_calls_get_stack (HearthPapyrusCalls *self,
                                guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->stacks->len, NULL);
  return &g_array_index (self->stacks, HearthPapyrusStack, index);
}

guint
hearth_papyrus_calls_get_n_files (HearthPapyrusCalls *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->files->len;
}

const char *
hearth_papyrus_calls_get_file_name (HearthPapyrusCalls *self,
                                    guint               file)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (file < self->files->len, NULL);
  return g_ptr_array_index (self->files, file);
}

/**
 * hearth_papyrus_calls_dup_function_calls:
 * @function: a profile function id
 * @n_calls: (out): number of calls
 *
 * The drill-down of a function row: every call of @function, in file order.
 *
 * Returns: (transfer full) (array length=n_calls): call indices
 */
guint *
hearth_papyrus_calls_dup_function_calls (HearthPapyrusCalls *self,
                                         guint               function,
                                         guint              *n_calls)
{
  GArray *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_calls != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->calls->len; i++)
    if (g_array_index (self->calls, HearthPapyrusCall, i).function == function)
      g_array_append_val (result, i);

  *n_calls = result->len;
  return (guint *) g_array_free (result, FALSE);
}

/**
 * hearth_papyrus_call_get_queue_wait_ms:
 *
 * Returns: PUSH − QUEUE_PUSH (at least 0), or NAN when either is missing
 */
double
hearth_papyrus_call_get_queue_wait_ms (const HearthPapyrusCall *call)
{
  g_return_val_if_fail (call != NULL, NAN);
  if (call->queue_push == HEARTH_PAPYRUS_NO_TIME || call->push == HEARTH_PAPYRUS_NO_TIME)
    return NAN;
  return MAX (0.0, (double) (call->push - call->queue_push));
}

/**
 * hearth_papyrus_call_get_run_ms:
 *
 * Returns: end − start (POP − PUSH, with the capture's bounds for missing
 *   phases; at least 0 when a log's clock goes backwards), or NAN for a
 *   call that never started
 */
double
hearth_papyrus_call_get_run_ms (const HearthPapyrusCall *call)
{
  g_return_val_if_fail (call != NULL, NAN);
  if (call->start == HEARTH_PAPYRUS_NO_TIME || call->end == HEARTH_PAPYRUS_NO_TIME)
    return NAN;
  return MAX (0.0, (double) (call->end - call->start));
}

/**
 * hearth_papyrus_call_get_return_wait_ms:
 *
 * Returns: POP − QUEUE_POP (at least 0), or NAN when either is missing
 */
double
hearth_papyrus_call_get_return_wait_ms (const HearthPapyrusCall *call)
{
  g_return_val_if_fail (call != NULL, NAN);
  if (call->queue_pop == HEARTH_PAPYRUS_NO_TIME || call->pop == HEARTH_PAPYRUS_NO_TIME)
    return NAN;
  return MAX (0.0, (double) (call->pop - call->queue_pop));
}

/**
 * hearth_papyrus_call_dup_display_name:
 *
 * Returns: (transfer full): `Script.State.Function`
 */
char *
hearth_papyrus_call_dup_display_name (const HearthPapyrusCall *call)
{
  g_return_val_if_fail (call != NULL, NULL);
  return g_strconcat (call->script, ".", call->state, ".", call->name, NULL);
}

/* ------------------------------------------------------------------ CSV */

static void
add_time (HearthCsvWriter *csv,
          gint64           time)
{
  if (time == HEARTH_PAPYRUS_NO_TIME)
    hearth_csv_writer_add_empty (csv);
  else
    hearth_csv_writer_add_int (csv, time);
}

static void
add_ms (HearthCsvWriter *csv,
        double           ms)
{
  if (isnan (ms))
    hearth_csv_writer_add_empty (csv);
  else
    hearth_csv_writer_add_number (csv, ms, 0);
}

static const char * const calls_header[] = {
  "stack_id", "depth", "object", "script", "state", "function", "queue_push", "push",
  "queue_pop", "pop", "queue_wait_ms", "run_ms",
};

static void
write_call_rows (HearthCsvWriter    *csv,
                 HearthPapyrusCalls *calls)
{
  for (guint i = 0; i < calls->calls->len; i++)
    {
      const HearthPapyrusCall *call = &g_array_index (calls->calls, HearthPapyrusCall, i);
      g_autofree char *stack = g_strdup_printf ("%" G_GUINT64_FORMAT, call->stack_id);

      hearth_csv_writer_add_field (csv, stack);
      hearth_csv_writer_add_int (csv, call->depth);
      hearth_csv_writer_add_field (csv, call->object);
      hearth_csv_writer_add_field (csv, call->script);
      hearth_csv_writer_add_field (csv, call->state);
      hearth_csv_writer_add_field (csv, call->name);
      add_time (csv, call->queue_push);
      add_time (csv, call->push);
      add_time (csv, call->queue_pop);
      add_time (csv, call->pop);
      add_ms (csv, hearth_papyrus_call_get_queue_wait_ms (call));
      add_ms (csv, hearth_papyrus_call_get_run_ms (call));
      hearth_csv_writer_end_row (csv);
    }
}

/**
 * hearth_papyrus_calls_csv_many:
 * @profiles: (array length=n_profiles): Papyrus profiles, e.g. one per file
 *   given to `hearth-cli calls`
 * @separator: ',' for CSV, '\t' for TSV
 *
 * Like hearth_papyrus_calls_csv(), with one header and the rows of every
 * profile in turn.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when one of the
 *   profiles is not a Papyrus profile
 */
char *
hearth_papyrus_calls_csv_many (HearthProfile * const *profiles,
                               guint                  n_profiles,
                               char                   separator)
{
  g_autoptr(HearthCsvWriter) csv = NULL;

  g_return_val_if_fail (profiles != NULL || n_profiles == 0, NULL);

  for (guint p = 0; p < n_profiles; p++)
    {
      g_return_val_if_fail (HEARTH_IS_PROFILE (profiles[p]), NULL);
      if (hearth_papyrus_calls_get_for_profile (profiles[p]) == NULL)
        return NULL;
    }

  csv = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (calls_header); i++)
    hearth_csv_writer_add_field (csv, calls_header[i]);
  hearth_csv_writer_end_row (csv);

  for (guint p = 0; p < n_profiles; p++)
    write_call_rows (csv, hearth_papyrus_calls_get_for_profile (profiles[p]));

  return hearth_csv_writer_free_to_string (g_steal_pointer (&csv));
}

/**
 * hearth_papyrus_calls_csv:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The `hearth-cli calls` contract: header
 * `stack_id,depth,object,script,state,function,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms`
 * and one row per call in file order. Times are the log's ms; a phase the
 * capture lacks is an empty cell; run_ms uses the capture bounds for
 * calls started before or still running after the capture; queue_wait_ms
 * and run_ms are empty when they cannot be computed.
 *
 * Returns: (transfer full) (nullable): the text, %NULL when @profile is not
 *   a Papyrus profile
 */
char *
hearth_papyrus_calls_csv (HearthProfile *profile,
                          char           separator)
{
  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  return hearth_papyrus_calls_csv_many (&profile, 1, separator);
}

/**
 * hearth_papyrus_stack_timings_csv:
 *
 * `stack_id,first,last,duration_ms,calls`, one row per stack id in
 * first-seen order.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
hearth_papyrus_stack_timings_csv (HearthProfile *profile,
                                  char           separator)
{
  HearthPapyrusCalls *calls;
  g_autoptr(HearthCsvWriter) csv = NULL;
  static const char * const header[] = { "stack_id", "first", "last", "duration_ms", "calls" };

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);

  calls = hearth_papyrus_calls_get_for_profile (profile);
  if (calls == NULL)
    return NULL;

  csv = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    hearth_csv_writer_add_field (csv, header[i]);
  hearth_csv_writer_end_row (csv);

  for (guint i = 0; i < calls->stacks->len; i++)
    {
      const HearthPapyrusStack *row = &g_array_index (calls->stacks, HearthPapyrusStack, i);
      g_autofree char *stack = g_strdup_printf ("%" G_GUINT64_FORMAT, row->stack_id);

      hearth_csv_writer_add_field (csv, stack);
      hearth_csv_writer_add_int (csv, row->first);
      hearth_csv_writer_add_int (csv, row->last);
      hearth_csv_writer_add_int (csv, row->last - row->first);
      hearth_csv_writer_add_int (csv, row->n_calls);
      hearth_csv_writer_end_row (csv);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&csv));
}

static gboolean
call_matches (const HearthPapyrusCall *call,
              const char              *script,
              const char              *name)
{
  if (g_ascii_strcasecmp (call->name, name) != 0)
    return FALSE;
  return script == NULL || g_ascii_strcasecmp (call->script, script) == 0;
}

/**
 * hearth_papyrus_function_calls_csv:
 * @function: `Function`, `Script.Function` or `Script.State.Function`
 *   (compared without case; the state is ignored)
 *
 * The "like the web tool" export: `ID,QUEUE_PUSH,PUSH,QUEUE_POP,POP`, one
 * row per call of @function in file order, empty cells for missing phases.
 *
 * Returns: (transfer full) (nullable): the text
 */
char *
hearth_papyrus_function_calls_csv (HearthProfile *profile,
                                   const char    *function,
                                   char           separator)
{
  HearthPapyrusCalls *calls;
  g_autoptr(HearthCsvWriter) csv = NULL;
  g_autofree char *copy = NULL;
  const char *script = NULL;
  const char *name;
  char *dot;
  static const char * const header[] = { "ID", "QUEUE_PUSH", "PUSH", "QUEUE_POP", "POP" };

  g_return_val_if_fail (HEARTH_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (function != NULL, NULL);

  calls = hearth_papyrus_calls_get_for_profile (profile);
  if (calls == NULL)
    return NULL;

  copy = g_strdup (function);
  dot = strrchr (copy, '.');
  if (dot == NULL)
    {
      name = copy;
    }
  else
    {
      char *dot2;

      *dot = '\0';
      name = dot + 1;
      dot2 = strrchr (copy, '.');
      if (dot2 != NULL)
        *dot2 = '\0';
      script = copy;
    }

  csv = hearth_csv_writer_new (separator);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    hearth_csv_writer_add_field (csv, header[i]);
  hearth_csv_writer_end_row (csv);

  for (guint i = 0; i < calls->calls->len; i++)
    {
      const HearthPapyrusCall *call = &g_array_index (calls->calls, HearthPapyrusCall, i);
      g_autofree char *stack = NULL;

      if (!call_matches (call, script, name))
        continue;

      stack = g_strdup_printf ("%" G_GUINT64_FORMAT, call->stack_id);
      hearth_csv_writer_add_field (csv, stack);
      add_time (csv, call->queue_push);
      add_time (csv, call->push);
      add_time (csv, call->queue_pop);
      add_time (csv, call->pop);
      hearth_csv_writer_end_row (csv);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&csv));
}
