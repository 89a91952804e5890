/* hearth-microprofile-reader.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-microprofile-reader"

#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <json-glib/json-glib.h>

#include "hearth-hash.h"
#include "hearth-microprofile-private.h"
#include "hearth-microprofile-reader.h"
#include "hearth-profile-builder.h"
#include "hearth-r0fl.h"
#include "hearth-r0fl-runner.h"

/* MicroProfiler HTML dumps (docs/formats/microprofiler.md).
 *
 * One pass over the data region with a hand-written lexer. Statements are
 * recognised by their left-hand-side name; the per-frame log arrays are
 * parsed into reusable structure-of-arrays buffers and consumed at the
 * frame's MakeFrame statement, so memory stays bounded by one frame's data
 * plus the aggregated call tree. Scope trees are reconstructed per thread
 * with a stack that persists across frames (§12.2) and aggregated at once
 * into a private arena (root → thread → scopes), which is copied into the
 * profile builder at the end.
 *
 * Leave-without-enter (§12.2 placeholders) is handled in one pass: all that a
 * thread did before such a LEAVE sits in the thread's current top-level
 * container node, so that container *becomes* the placeholder scope and a
 * fresh container is put above it. */

#define MAX_VALUE_DEPTH 48
#define STALE_MARGIN_MS 33.0
#define EVENT_BASE 128
#define NO_TIMER G_MAXUINT32
#define MAX_TIMERS (1u << 24)
#define MAX_THREADS 4096

typedef HearthMicroprofileFamily Family;

/* ------------------------------------------------------------------------ */
/* Lexer */

typedef enum
{
  LEX_OK,
  LEX_EOF,      /* ran into the end of the data: truncated */
  LEX_ERROR,    /* unexpected input; r->err_msg says what */
} LexStatus;

typedef struct
{
  const char *base;
  const char *p;
  const char *end;
} Lex;

static inline gboolean
is_ws (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static inline gboolean
is_ident_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || c == '$';
}

static inline gboolean
is_ident_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

static inline void
skip_ws (Lex *lx)
{
  const char *p = lx->p, *e = lx->end;

  while (p < e && is_ws (*p))
    p++;
  lx->p = p;
}

#define H(c) ((c) >= '0' && (c) <= '9' ? (c) - '0' : \
              ((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'f' ? ((c) | 0x20) - 'a' + 10 : -1)
#define H4(c) H (c), H (c + 1), H (c + 2), H (c + 3)
#define H16(c) H4 (c), H4 (c + 4), H4 (c + 8), H4 (c + 12)
static const signed char hex_table[256] = {
  H16 (0), H16 (16), H16 (32), H16 (48), H16 (64), H16 (80), H16 (96), H16 (112),
  H16 (128), H16 (144), H16 (160), H16 (176), H16 (192), H16 (208), H16 (224), H16 (240),
};
#undef H16
#undef H4
#undef H

static inline int
hex_value (char c)
{
  return hex_table[(guchar) c];
}

static const double pow10_table[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* ------------------------------------------------------------------------ */
/* Per-frame log arrays */

typedef enum
{
  TA_NONE,
  TA_LITERAL,      /* [..] */
  TA_TIMES,        /* MakeTimes(scale, [..]) */
  TA_EXTRA,        /* MakeTimesExtra(gpu, cpu, tt, [..]) */
  TA_TYPE,         /* MakeTimesType(scale, tt, [..]) */
  TA_REF,          /* a name (family B: ts_<i>_<j>) */
} TaKind;

typedef struct
{
  TaKind     kind;
  double     scale;
  double     cpu_scale;
  guint      n;
  guint      cap;
  guint64   *raw;      /* integers as written (negative: two's complement) */
  double    *num;      /* numeric values, only once a non-integer was seen */
  gboolean   has_num;
  GPtrArray *strings;  /* label arrays: raw[k] indexes this; NULL items = null */
  GArray    *string_ids; /* guint32: the strings' ann_intern () ids, made by the parser */
  char      *ref;
} ThreadArr;

typedef struct
{
  gboolean   list;
  GPtrArray *items;    /* ThreadArr* */
} FrameVar;

/* ------------------------------------------------------------------------ */
/* Generic values for the small statements */

typedef enum
{
  VAL_NUM,
  VAL_STR,
  VAL_NULL,
  VAL_ARRAY,
  VAL_OBJECT,
  VAL_CALL,
  VAL_REF,
} ValKind;

typedef struct _Val Val;
struct _Val
{
  ValKind    kind;
  gboolean   is_float;
  guint64    raw;
  double     num;
  char      *str;      /* string text, call name or reference path */
  GPtrArray *items;    /* array items or call arguments */
};

static void
val_free (Val *v)
{
  if (v == NULL)
    return;
  g_free (v->str);
  if (v->items != NULL)
    g_ptr_array_unref (v->items);
  g_free (v);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Val, val_free)

/* ------------------------------------------------------------------------ */
/* Aggregated call-tree arena */

/* the arena's value columns are the profile's first metrics, so that a
 * column index is also a HearthMetric */
enum
{
  V_CPU = HEARTH_METRIC_CPU_TIME,          /* ns */
  V_CALLS = HEARTH_METRIC_CALLS,
  V_ALLOC_COUNT = HEARTH_METRIC_ALLOC_COUNT,
  V_ALLOC_BYTES = HEARTH_METRIC_ALLOC_BYTES,
  V_FREE_COUNT = HEARTH_METRIC_FREE_COUNT,
  V_FREE_BYTES = HEARTH_METRIC_FREE_BYTES,
  N_V
};

G_STATIC_ASSERT (V_CPU == 0 && V_FREE_BYTES == 5);

typedef struct
{
  guint64 key;      /* (parent << 32 | timer) + 1; 0 = empty */
  guint32 node;
} Slot;

typedef struct
{
  guint32 entry;      /* the key's newest per-frame entry + 1, 0 = none */
  guint32 frame;      /* its frame: checked here, not in the entry, which is
                       * far away in memory when it is from an older frame */
} FvLast;

/* What entering and leaving a scope touches of a node, in one cache line:
 * a scope's ENTER looks up its node in the parent's line (which its own
 * ENTER loaded) and counts the call in the node's line, where its LEAVE
 * then adds the time. Separate arrays cost three cache misses a scope. */
typedef struct
{
  guint32 ctimer[4];        /* 4 recent child timers */
  guint32 cnode[4];         /* and their nodes */
  double  cpu;              /* V_CPU */
  double  calls;            /* V_CALLS */
  FvLast  fv[2];            /* V_CPU, V_CALLS: see fv_add */
} NodeHot;

G_STATIC_ASSERT (sizeof (NodeHot) == 64);

/* A node's first labels and meta counters (label_add, counter_add), one
 * cache line of their own, apart from NodeHot: few scopes have them, and
 * every scope's ENTER would fetch them otherwise */
typedef struct
{
  guint32 label[5];         /* ann_intern () ids, 0 = free */
  guint32 label_n[5];       /* how many times */
  guint32 counter[2];       /* ann_intern () ids, 0 = free */
  double  counter_v[2];
} NodeNotes;

G_STATIC_ASSERT (sizeof (NodeNotes) == 64);

typedef struct
{
  guint     n;
  guint     cap;
  guint     first_cap;      /* the first allocation (arena_new_node) */
  guint32  *parent;
  guint32  *timer;
  guint32  *first_child;
  guint32  *last_child;
  guint32  *next_sibling;
  NodeHot  *hot;            /* 64-byte aligned */
  NodeNotes *notes;         /* 64-byte aligned */
  double  (*mem)[4];        /* per node: the memory values (V_ALLOC_COUNT ...),
                             * together, as an event updates all four */
  Slot     *slots;
  guint     n_slots;
  guint     n_used;
} Arena;

/* ------------------------------------------------------------------------ */
/* Reader state */

/* A label or meta counter of an arena node, summed (see ann_add) */
typedef struct
{
  guint32 node;
  guint32 name;       /* (index into ann_name_list + 1) << 1 | HearthAnnotationKind */
  double  value;
} AnnRec;

/* A queue of FrameJobs between the parser and the frame worker. POSIX
 * threads, not GAsyncQueue: GLib's futex-based locks are invisible to
 * ThreadSanitizer, which checks this pipeline (bench-microprofile.c). */
typedef struct _FrameJob FrameJob;
typedef struct
{
  pthread_mutex_t lock;
  pthread_cond_t  cond;
  FrameJob       *head;
  FrameJob       *tail;
} JobQueue;

typedef struct
{
  char     *name;
  int       category;
  gboolean  gpu;
  guint32   color;
  gboolean  has_color;
} Group;

typedef struct
{
  char     *name;
  guint32   group;
  guint32   color;
  gboolean  has_color;
  gboolean  dollar;
  gboolean  defined;
} Timer;

typedef struct
{
  guint32    node;
  guint32    timer;
  guint32    orig_timer;
  guint32    frame;
  double     start;
  double     child;
  /* children's time not yet taken from this scope's per-frame values: all
   * of it lies in frame acc_frame (see close_scope) */
  double     acc;
  guint32    acc_frame;
  gboolean   split;       /* some was taken directly: not in one frame */
  gboolean   placeholder;
  /* inspection only */
  GPtrArray *labels;
  double     meta[HEARTH_MICROPROFILE_MAX_META];
  double     mem[4];
  double     issue_start;
  int        issue_thread;
} StackEntry;

typedef struct
{
  guint32     container;
  StackEntry *stack;
  guint       depth;
  guint       cap;
  double      base_child;
  gboolean    gpu;
  gboolean    clobbered;
  double      last_end;
  gboolean    has_last_end;
} ThreadState;

typedef struct
{
  const HearthImportSource *source;
  GError                  **error;
  Family                    family;
  Lex                       lx;

  HearthMicroprofileScopeFunc scope_func;
  gpointer                  scope_data;

  GString                  *sbuf;
  char                     *err_msg;

  /* metadata */
  char                     *dump_host;
  gint64                    capture_time;
  gboolean                  has_capture_time;
  char                     *platform_info;
  char                     *general_info;
  char                     *place_id;
  char                     *context_label;

  GPtrArray                *categories;
  GArray                   *groups;            /* Group */
  GArray                   *timers;            /* Timer */
  gint64                    declared_timers;
  GHashTable               *synthetic;         /* name -> timer index + 1 */
  GPtrArray                *thread_names;
  GArray                   *thread_ids;        /* guint64 */
  GArray                   *thread_gpu;        /* guint8 */
  GArray                   *thread_clobbered;  /* guint8 */
  GPtrArray                *meta_names;
  GPtrArray                *global_labels;
  GPtrArray                *counters;          /* HearthMicroprofileCounter */
  GArray                   *thread_group_time;
  guint                     thread_group_stride;
  double                    tick_scale;
  gint64                    declared_frames;

  GHashTable               *vars;              /* name -> FrameVar */
  GPtrArray                *pool;              /* spare ThreadArr */

  GArray                   *frames;            /* HearthFrame */
  double                    capture_start;
  GArray                   *threads;           /* ThreadState */
  Arena                     arena;

  /* per-frame self values (see fv_add), handed to the builder at the end:
   * arena nodes, HEARTH_FRAME_VALUE_KEY (frame, V_*) */
  HearthFrameValue         *fv;
  gsize                     n_fv;
  gsize                     fv_cap;
  FvLast                   *fv_last;           /* per node and V_* */
  gsize                     fv_last_cap;
  GArray                   *fv_cut[2];         /* double: frame starts, CPU and GPU */
  guint                     fv_hint[2];        /* frame of the last fv_split() */
  GPtrArray                *fv_base;           /* per thread: GArray of depth-0 time per frame */
  guint32                  *fv_map;            /* arena node -> builder node, at the end */

  /* labels and meta counters of arena nodes (see ann_add) */
  GHashTable               *ann_names;         /* text -> index + 1 into ann_name_list */
  guint32                   meta_ids[HEARTH_MICROPROFILE_MAX_META];
  GPtrArray                *ann_name_list;
  AnnRec                   *ann;               /* open addressing; name 0 = empty */
  guint                     n_ann;
  guint                     n_ann_slots;       /* power of two */

  /* frames handed to process (frames->len counts those processed) */
  guint                     n_frames_seen;

  /* the frame pipeline (see pipeline_start) */
  GThread                  *worker;
  JobQueue                  jobs;              /* to the worker */
  JobQueue                  done;              /* back to be freed */
  guint                     in_flight;
  pthread_mutex_t           warn_lock;       /* see JobQueue */

  gboolean                  stop;
  gboolean                  failed;            /* error set: abort */
  gboolean                  truncated;
  gsize                     truncated_at;
  char                     *truncated_why;
  gboolean                  has_memory;
  gboolean                  region_end_seen;

  /* warning counters */
  guint                     n_stale;
  guint                     n_mismatch_leave;
  guint                     n_placeholders;
  guint                     n_still_open;
  guint                     n_bad_timer;
  guint                     n_bad_label;
  guint                     n_length_mismatch;
  guint                     n_bad_event;
  guint                     n_nonfinite;
  guint                     n_skipped_statements;
  guint                     n_bad_strings;
  guint                     n_thread_mismatch;
  guint                     n_labels;

  guint64                   next_progress;
  GPtrArray                *warnings;

  /* drop-behind of a read-only file mapping (see drop_behind) */
  gboolean                  can_drop;
  const char               *dropped_to;
} Reader;


/* Names of labels and meta counters get ids (ann_intern) in the parser's
 * thread only; these are made first */
enum
{
  ANN_ID_BAD = 1,              /* "??": a label index out of range (§6.5) */
  ANN_ID_OVERWRITTEN,          /* a null label */
  ANN_ID_META,                 /* "meta 0" ... for counters without a name */
};

static guint32 ann_intern (Reader     *r,
                           const char *text);

static void reader_warn (Reader     *r,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
reader_warn (Reader     *r,
             const char *format,
             ...)
{
  va_list args;

  /* the frame worker warns too (see pipeline_start) */
  pthread_mutex_lock (&r->warn_lock);
  if (r->warnings->len < 100)
    {
      va_start (args, format);
      g_ptr_array_add (r->warnings, g_strdup_vprintf (format, args));
      va_end (args);
    }
  pthread_mutex_unlock (&r->warn_lock);
}

static void reader_error (Reader     *r,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

/* Records what went wrong in the current statement (LEX_ERROR) */
static void
reader_error (Reader     *r,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_free (r->err_msg);
  r->err_msg = g_strdup_vprintf (format, args);
  va_end (args);
}

static inline gsize
offset_of (Reader     *r,
           const char *p)
{
  return (gsize) (p - r->lx.base);
}

/* ------------------------------------------------------------------------ */
/* Numbers */

static gboolean
match_word_ci (const char *p,
               const char *e,
               const char *word)
{
  gsize n = strlen (word);

  return (gsize) (e - p) >= n && g_ascii_strncasecmp (p, word, n) == 0;
}

/* Non-finite spellings of C runtimes (§4.2): nan, -nan(ind), inf, NaN, Inf,
 * Infinity. p is just after the sign. */
static gboolean
lex_nonfinite_word (Lex      *lx,
                    const char *p,
                    gboolean  neg,
                    double   *num)
{
  const char *e = lx->end;

  if (match_word_ci (p, e, "nan"))
    {
      p += 3;
      if (p < e && *p == '(')
        {
          const char *q = p + 1;

          while (q < e && q - p < 16 && is_ident_char (*q))
            q++;
          if (q < e && *q == ')')
            p = q + 1;
        }
      *num = NAN;
    }
  else if (match_word_ci (p, e, "infinity"))
    {
      p += 8;
      *num = neg ? -INFINITY : INFINITY;
    }
  else if (match_word_ci (p, e, "inf"))
    {
      p += 3;
      *num = neg ? -INFINITY : INFINITY;
    }
  else
    return FALSE;

  if (p < e && is_ident_char (*p))
    return FALSE;
  lx->p = p;
  return TRUE;
}

/* Parses one number at lx->p (no leading whitespace). Integers keep all 64
 * bits in *raw; hex is reinterpreted as signed for *num (§5.3). */
static LexStatus
lex_number (Reader  *r,
            Lex     *lx,
            guint64 *raw,
            double  *num,
            gboolean *is_float)
{
  const char *p = lx->p, *e = lx->end, *s;
  gboolean neg = FALSE;
  guint64 u = 0;
  guint nd = 0;
  gboolean overflow = FALSE;

  *is_float = FALSE;
  if (p < e && (*p == '-' || *p == '+'))
    {
      neg = *p == '-';
      p++;
    }
  if (p >= e)
    return LEX_EOF;

  if (*p == '0' && p + 1 < e && (p[1] | 0x20) == 'x')
    {
      int d;

      p += 2;
      s = p;
      while (p < e && (d = hex_value (*p)) >= 0)
        {
          u = (u << 4) | (guint) d;
          p++;
        }
      if (p == s)
        {
          if (p >= e)
            return LEX_EOF;
          reader_error (r, "bad hexadecimal number at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
          return LEX_ERROR;
        }
      if (p < e && *p == 'n')
        p++;
      *raw = neg ? (guint64) 0 - u : u;
      *num = (double) (gint64) *raw;
      lx->p = p;
      return LEX_OK;
    }

  if (*p < '0' || *p > '9')
    {
      double v;

      if (*p == '.' && p + 1 < e && p[1] >= '0' && p[1] <= '9')
        goto slow_float;
      if (lex_nonfinite_word (lx, p, neg, &v))
        {
          r->n_nonfinite++;
          *raw = 0;
          *num = v;
          *is_float = TRUE;
          return LEX_OK;
        }
      reader_error (r, "expected a number at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
      return LEX_ERROR;
    }

  s = p;
  while (p < e && *p >= '0' && *p <= '9')
    {
      guint d = (guint) (*p - '0');

      if (u > (G_MAXUINT64 - d) / 10)
        overflow = TRUE;
      u = u * 10 + d;
      nd++;
      p++;
    }

  if (p < e && (*p == '.' || *p == 'e' || *p == 'E'))
    {
      guint frac = 0;
      guint64 m = u;

      if (*p == '.')
        {
          const char *f = ++p;

          if (p < e && *p == '#')
            {
              /* MSVC: 1.#INF00, 1.#QNAN0, 1.#IND00 */
              p++;
              if (match_word_ci (p, e, "INF"))
                *num = neg ? -INFINITY : INFINITY;
              else if (match_word_ci (p, e, "QNAN") || match_word_ci (p, e, "SNAN") ||
                       match_word_ci (p, e, "IND"))
                *num = NAN;
              else
                {
                  reader_error (r, "bad number at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
                  return LEX_ERROR;
                }
              while (p < e && is_ident_char (*p))
                p++;
              r->n_nonfinite++;
              *raw = 0;
              *is_float = TRUE;
              lx->p = p;
              return LEX_OK;
            }
          while (p < e && *p >= '0' && *p <= '9')
            {
              m = m * 10 + (guint) (*p - '0');
              p++;
            }
          frac = p - f;
          nd += frac;
        }
      if (p < e && (*p == 'e' || *p == 'E'))
        goto slow_float;
      if (p >= e)
        return LEX_EOF;
      if (nd <= 15 && frac <= 22)
        {
          double v = (double) m / pow10_table[frac];

          *num = neg ? -v : v;
          *raw = (guint64) (gint64) *num;
          *is_float = TRUE;
          lx->p = p;
          return LEX_OK;
        }
      goto slow_float;
    }

  if (p >= e)
    return LEX_EOF;        /* a number cut by the end of the file */
  if (overflow)
    goto slow_float;
  if (*p == 'n')
    p++;
  *raw = neg ? (guint64) 0 - u : u;
  *num = neg ? -(double) u : (double) u;
  lx->p = p;
  return LEX_OK;

slow_float:
  {
    char buf[80];
    const char *q = lx->p;
    gsize n = 0;
    char *endp = NULL;

    while (q < e && n < sizeof buf - 1 &&
           ((*q >= '0' && *q <= '9') || *q == '.' || *q == 'e' || *q == 'E' ||
            *q == '+' || *q == '-'))
      buf[n++] = *q++;
    if (q >= e)
      return LEX_EOF;
    buf[n] = 0;
    *num = g_ascii_strtod (buf, &endp);
    if (endp == buf)
      {
        reader_error (r, "bad number at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
        return LEX_ERROR;
      }
    *raw = isfinite (*num) && fabs (*num) < 9.2e18 ? (guint64) (gint64) *num : 0;
    *is_float = TRUE;
    lx->p += endp - buf;
    return LEX_OK;
  }
}

/* ------------------------------------------------------------------------ */
/* Strings (§16: lenient about unescaped quotes) */

static inline gboolean
closes_string (const char *p,
               const char *e)
{
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  if (p >= e)
    return TRUE;
  switch (*p)
    {
    case ',': case ')': case ']': case '}': case ';': case ':': case '\r': case '\n':
    case '+':
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  char buf[8];
  int n;

  if (!g_unichar_validate (c))
    c = 0xfffd;
  n = g_unichar_to_utf8 (c, buf);
  g_string_append_len (out, buf, n);
}

/* lx->p is at the opening quote. The text goes to @out (reset first),
 * UTF-8-validated. */
static LexStatus
lex_string (Reader  *r,
            Lex     *lx,
            GString *out)
{
  const char *p = lx->p, *e = lx->end;
  char q = *p++;

  g_string_truncate (out, 0);

  for (;;)
    {
      const char *s = p;

      while (p < e && *p != q && *p != '\\' && *p != '\n')
        p++;
      g_string_append_len (out, s, p - s);
      if (p >= e)
        return LEX_EOF;

      if (*p == q)
        {
          if (closes_string (p + 1, e))
            {
              p++;
              break;
            }
          g_string_append_c (out, q);    /* a quote inside the name */
          p++;
          continue;
        }

      if (*p == '\n')
        {
          /* never run past the end of the line */
          if (out->len > 0 && out->str[out->len - 1] == '\r')
            g_string_truncate (out, out->len - 1);
          r->n_bad_strings++;
          if (r->n_bad_strings <= 3)
            reader_warn (r, "a string at byte %" G_GSIZE_FORMAT " is not closed before the end of its line",
                         offset_of (r, lx->p));
          break;
        }

      /* backslash escape */
      p++;
      if (p >= e)
        return LEX_EOF;
      switch (*p)
        {
        case '\\': case '\'': case '"': case '/':
          g_string_append_c (out, *p);
          p++;
          break;
        case 'n':
          g_string_append_c (out, '\n');
          p++;
          break;
        case 't':
          g_string_append_c (out, '\t');
          p++;
          break;
        case 'r':
          g_string_append_c (out, '\r');
          p++;
          break;
        case 'u':
          {
            gunichar c = 0;
            int i;

            for (i = 1; i <= 4 && p + i < e && hex_value (p[i]) >= 0; i++)
              c = (c << 4) | (gunichar) hex_value (p[i]);
            if (i == 5)
              {
                append_unichar (out, c);
                p += 5;
              }
            else
              g_string_append_c (out, '\\');
          }
          break;
        default:
          g_string_append_c (out, '\\');   /* e.g. a Windows path: keep it */
          break;
        }
    }

  lx->p = p;

  if (!g_utf8_validate_len (out->str, out->len, NULL) || memchr (out->str, 0, out->len) != NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_assign (out, valid);
      for (gsize i = 0; i < out->len; i++)
        if (out->str[i] == 0)
          out->str[i] = '?';
    }

  return LEX_OK;
}

/* Reads a path: ident ( '.' ident | '[' int ']' )*. lx->p is at an ident
 * start. */
static LexStatus
lex_path (Reader  *r,
          Lex     *lx,
          GString *out)
{
  const char *p = lx->p, *e = lx->end;

  g_string_truncate (out, 0);
  for (;;)
    {
      const char *s = p;

      while (p < e && is_ident_char (*p))
        p++;
      g_string_append_len (out, s, p - s);
      if (p >= e)
        return LEX_EOF;
      if (*p == '.' && p + 1 < e && is_ident_start (p[1]))
        {
          g_string_append_c (out, '.');
          p++;
          continue;
        }
      if (*p == '[')
        {
          const char *q = p + 1;

          while (q < e && (g_ascii_isdigit (*q) || *q == ' '))
            q++;
          if (q >= e)
            return LEX_EOF;
          if (*q == ']' && q > p + 1)
            {
              g_string_append_len (out, p, q + 1 - p);
              p = q + 1;
              continue;
            }
        }
      break;
    }
  lx->p = p;
  if (out->len > 512)
    {
      reader_error (r, "name too long at byte %" G_GSIZE_FORMAT, offset_of (r, p));
      return LEX_ERROR;
    }
  return LEX_OK;
}

/* "window.S.ts_0_0" -> "ts_0_0" */
static const char *
strip_prefix (const char *path)
{
  if (g_str_has_prefix (path, "window."))
    path += 7;
  if (g_str_has_prefix (path, "S."))
    path += 2;
  return path;
}

/* ------------------------------------------------------------------------ */
/* Generic values */

static LexStatus parse_value (Reader *r, Lex *lx, int depth, Val **out);

static LexStatus
parse_list (Reader    *r,
            Lex       *lx,
            char       close,
            int        depth,
            GPtrArray *items)
{
  /* lx->p is just after the opening bracket */
  for (;;)
    {
      Val *v = NULL;
      LexStatus st;

      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p == close)
        {
          lx->p++;
          return LEX_OK;
        }
      if (*lx->p == ',')
        {
          lx->p++;               /* a sparse hole */
          continue;
        }
      st = parse_value (r, lx, depth + 1, &v);
      if (st != LEX_OK)
        return st;
      g_ptr_array_add (items, v);
      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p == ',')
        lx->p++;
      else if (*lx->p != close)
        {
          reader_error (r, "expected ',' or '%c' at byte %" G_GSIZE_FORMAT " but found '%c'",
                        close, offset_of (r, lx->p), *lx->p);
          return LEX_ERROR;
        }
    }
}

static LexStatus
parse_object (Reader *r,
              Lex    *lx,
              int     depth)
{
  /* lx->p is just after '{'; the content is parsed and dropped */
  for (;;)
    {
      g_autoptr(Val) key = NULL;
      g_autoptr(Val) value = NULL;
      LexStatus st;

      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p == '}')
        {
          lx->p++;
          return LEX_OK;
        }
      if (*lx->p == ',')
        {
          lx->p++;
          continue;
        }
      st = parse_value (r, lx, depth + 1, &key);
      if (st != LEX_OK)
        return st;
      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p != ':')
        {
          reader_error (r, "expected ':' at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
          return LEX_ERROR;
        }
      lx->p++;
      skip_ws (lx);
      st = parse_value (r, lx, depth + 1, &value);
      if (st != LEX_OK)
        return st;
    }
}

static LexStatus
parse_value (Reader  *r,
             Lex     *lx,
             int      depth,
             Val    **out)
{
  Val *v;
  LexStatus st;
  char c;

  *out = NULL;
  if (depth > MAX_VALUE_DEPTH)
    {
      reader_error (r, "values nested too deeply at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
      return LEX_ERROR;
    }

  skip_ws (lx);
  if (lx->p >= lx->end)
    return LEX_EOF;

  c = *lx->p;
  v = g_new0 (Val, 1);

  if (c == '\'' || c == '"')
    {
      v->kind = VAL_STR;
      st = lex_string (r, lx, r->sbuf);
      if (st == LEX_OK)
        v->str = g_strndup (r->sbuf->str, r->sbuf->len);
    }
  else if (c == '[')
    {
      v->kind = VAL_ARRAY;
      v->items = g_ptr_array_new_with_free_func ((GDestroyNotify) val_free);
      lx->p++;
      st = parse_list (r, lx, ']', depth, v->items);
    }
  else if (c == '{')
    {
      v->kind = VAL_OBJECT;
      lx->p++;
      st = parse_object (r, lx, depth);
    }
  else if (is_ident_start (c) && !(match_word_ci (lx->p, lx->end, "nan") ||
                                    match_word_ci (lx->p, lx->end, "inf")))
    {
      st = lex_path (r, lx, r->sbuf);
      if (st == LEX_OK)
        {
          v->str = g_strndup (r->sbuf->str, r->sbuf->len);
          skip_ws (lx);
          if (lx->p < lx->end && *lx->p == '(')
            {
              v->kind = VAL_CALL;
              v->items = g_ptr_array_new_with_free_func ((GDestroyNotify) val_free);
              lx->p++;
              st = parse_list (r, lx, ')', depth, v->items);
            }
          else if (strcmp (v->str, "null") == 0 || strcmp (v->str, "undefined") == 0)
            v->kind = VAL_NULL;
          else if (strcmp (v->str, "true") == 0 || strcmp (v->str, "false") == 0)
            {
              v->kind = VAL_NUM;
              v->num = v->str[0] == 't';
              v->raw = v->str[0] == 't';
            }
          else
            v->kind = VAL_REF;
        }
    }
  else
    {
      v->kind = VAL_NUM;
      st = lex_number (r, lx, &v->raw, &v->num, &v->is_float);
    }

  if (st != LEX_OK)
    {
      val_free (v);
      return st;
    }
  *out = v;
  return LEX_OK;
}

/* Skips one expression (an unknown statement's right-hand side), ending at
 * ';' or at a newline at depth 0. */
static LexStatus
skip_expr (Reader *r,
           Lex    *lx)
{
  int depth = 0;
  gboolean started = FALSE;

  for (;;)
    {
      char c;

      if (lx->p >= lx->end)
        return depth == 0 && started ? LEX_OK : LEX_EOF;
      c = *lx->p;
      if (c == '\'' || c == '"')
        {
          LexStatus st = lex_string (r, lx, r->sbuf);

          if (st != LEX_OK)
            return st;
          started = TRUE;
          continue;
        }
      if (c == '(' || c == '[' || c == '{')
        depth++;
      else if (c == ')' || c == ']' || c == '}')
        {
          if (depth == 0)
            return LEX_OK;     /* not ours (end of a function body) */
          depth--;
        }
      else if (c == ';' && depth == 0)
        {
          lx->p++;
          return LEX_OK;
        }
      else if (c == '\n' && depth == 0 && started)
        return LEX_OK;
      else if (c == '/' && depth == 0 && lx->p + 1 < lx->end && lx->p[1] == '/')
        return LEX_OK;
      else if (!is_ws (c))
        started = TRUE;
      lx->p++;
    }
}

static inline double
val_num (const Val *v,
         double     fallback)
{
  return v != NULL && v->kind == VAL_NUM ? v->num : fallback;
}

static inline const Val *
val_arg (const Val *v,
         guint      i)
{
  if (v == NULL || v->items == NULL || i >= v->items->len)
    return NULL;
  return g_ptr_array_index (v->items, i);
}

static inline const char *
val_str (const Val *v)
{
  return v != NULL && v->kind == VAL_STR ? v->str : NULL;
}

/* ------------------------------------------------------------------------ */
/* Per-frame arrays: fast parsing into reusable buffers */

static void
thread_arr_free (ThreadArr *ta)
{
  if (ta == NULL)
    return;
  g_free (ta->raw);
  g_free (ta->num);
  if (ta->strings != NULL)
    g_ptr_array_unref (ta->strings);
  if (ta->string_ids != NULL)
    g_array_unref (ta->string_ids);
  g_free (ta->ref);
  g_free (ta);
}

static ThreadArr *
thread_arr_new (Reader *r)
{
  ThreadArr *ta;

  if (r->pool->len > 0)
    ta = g_ptr_array_steal_index_fast (r->pool, r->pool->len - 1);
  else
    ta = g_new0 (ThreadArr, 1);
  ta->kind = TA_NONE;
  ta->scale = 1.0;
  ta->cpu_scale = 1.0;
  ta->n = 0;
  ta->has_num = FALSE;
  return ta;
}

static void
thread_arr_release (Reader    *r,
                    ThreadArr *ta)
{
  if (ta == NULL)
    return;
  if (ta->strings != NULL)
    g_ptr_array_set_size (ta->strings, 0);
  if (ta->string_ids != NULL)
    g_array_set_size (ta->string_ids, 0);
  g_clear_pointer (&ta->ref, g_free);
  if (r->pool->len < 4096)
    g_ptr_array_add (r->pool, ta);
  else
    thread_arr_free (ta);
}

static void
frame_var_free (Reader   *r,
                FrameVar *var)
{
  if (var == NULL)
    return;
  for (guint i = 0; i < var->items->len; i++)
    thread_arr_release (r, g_ptr_array_index (var->items, i));
  g_ptr_array_unref (var->items);
  g_free (var);
}

static G_NO_INLINE void
thread_arr_grow (ThreadArr *ta)
{
  ta->cap = MAX (64, ta->cap * 2);
  ta->raw = g_renew (guint64, ta->raw, ta->cap);
  if (ta->has_num)
    ta->num = g_renew (double, ta->num, ta->cap);
}

/* Integers are the common case: only raw is stored, and the numeric value
 * is (double) (gint64) raw */
static inline void
thread_arr_push (ThreadArr *ta,
                 guint64    raw)
{
  if (G_UNLIKELY (ta->n == ta->cap))
    thread_arr_grow (ta);
  ta->raw[ta->n] = raw;
  if (G_UNLIKELY (ta->has_num))
    ta->num[ta->n] = (double) (gint64) raw;
  ta->n++;
}

static G_NO_INLINE void
thread_arr_push_num (ThreadArr *ta,
                     guint64    raw,
                     double     num)
{
  if (!ta->has_num)
    {
      ta->has_num = TRUE;
      ta->num = g_renew (double, ta->num, MAX (ta->cap, 1));
      for (guint i = 0; i < ta->n; i++)
        ta->num[i] = (double) (gint64) ta->raw[i];
    }
  if (ta->n == ta->cap)
    thread_arr_grow (ta);
  ta->raw[ta->n] = raw;
  ta->num[ta->n] = num;
  ta->n++;
}

static inline double
thread_arr_num (const ThreadArr *ta,
                guint            k)
{
  return ta->has_num ? ta->num[k] : (double) (gint64) ta->raw[k];
}

/* [ elements ] with numbers, strings and null. lx->p is at '['. This is the
 * hot loop of the whole reader. */
static LexStatus
parse_inner_array (Reader    *r,
                   Lex       *lx,
                   ThreadArr *ta)
{
  const char *p = lx->p + 1, *e = lx->end;

  /* The integers, nearly all of the file, go straight into ta->raw; the
   * array's fields live in registers meanwhile (ARR_SYNC before anything
   * else touches them) */
  guint64 *out = ta->raw;
  guint n = ta->n, cap = ta->cap;
#define ARR_SYNC() (ta->n = n)
#define ARR_LOAD() (out = ta->raw, n = ta->n, cap = ta->cap)
#define ARR_PUSH(u)                                     \
  G_STMT_START {                                        \
    if (G_LIKELY (n < cap && !ta->has_num))             \
      out[n++] = (u);                                   \
    else                                                \
      {                                                 \
        ARR_SYNC ();                                    \
        thread_arr_push (ta, (u));                      \
        ARR_LOAD ();                                    \
      }                                                 \
  } G_STMT_END

  for (;;)
    {
      char c;

      while (p < e && is_ws (*p))
        p++;
      if (G_UNLIKELY (p >= e))
        {
          ARR_SYNC ();
          return LEX_EOF;
        }
      c = *p;

      /* fast paths: 0x<hex>, and small decimals, followed by ',' or ']' */
      if (c == '0' && p + 1 < e && p[1] == 'x')
        {
          guint64 u = 0;
          const char *s = p + 2;
          int d;

          p = s;
          while (p < e && (d = hex_value (*p)) >= 0)
            {
              u = (u << 4) | (guint) d;
              p++;
            }
          if (G_UNLIKELY (p >= e))
            {
              ARR_SYNC ();
              return LEX_EOF;
            }
          if (G_LIKELY (p > s && (*p == ',' || *p == ']')))
            {
              ARR_PUSH (u);
              if (*p == ',')
                p++;
              continue;
            }
          p = s - 2;
        }
      else if (c >= '0' && c <= '9')
        {
          guint64 u = (guint) (c - '0');
          const char *q = p + 1;

          while (q < e && *q >= '0' && *q <= '9' && q - p < 18)
            {
              u = u * 10 + (guint) (*q - '0');
              q++;
            }
          if (G_UNLIKELY (q >= e))
            {
              ARR_SYNC ();
              return LEX_EOF;
            }
          if (G_LIKELY (*q == ',' || *q == ']'))
            {
              ARR_PUSH (u);
              p = *q == ',' ? q + 1 : q;
              continue;
            }
        }

      if (c == ']')
        {
          ARR_SYNC ();
          lx->p = p + 1;
          return LEX_OK;
        }
      /* the slow paths below use ta itself */
      ARR_SYNC ();
      if (c == ',')
        {
          p++;                     /* a sparse hole */
          continue;
        }

      if (c == '\'' || c == '"' || (c == 'n' && e - p >= 4 && memcmp (p, "null", 4) == 0))
        {
          guint32 id = ANN_ID_OVERWRITTEN;

          if (ta->strings == NULL)
            {
              ta->strings = g_ptr_array_new_with_free_func (g_free);
              ta->string_ids = g_array_new (FALSE, FALSE, sizeof (guint32));
            }
          if (c == 'n')
            {
              g_ptr_array_add (ta->strings, NULL);
              p += 4;
            }
          else
            {
              LexStatus st;

              lx->p = p;
              st = lex_string (r, lx, r->sbuf);
              if (st != LEX_OK)
                return st;
              p = lx->p;
              g_ptr_array_add (ta->strings, g_strndup (r->sbuf->str, r->sbuf->len));
              /* here, not in the frame worker, which has more to do */
              id = ann_intern (r, r->sbuf->str);
            }
          g_array_append_val (ta->string_ids, id);
          thread_arr_push_num (ta, ta->strings->len - 1, NAN);
        }
      else
        {
          guint64 raw;
          double num;
          gboolean is_float;
          LexStatus st;

          lx->p = p;
          st = lex_number (r, lx, &raw, &num, &is_float);
          if (st != LEX_OK)
            return st;
          p = lx->p;
          if (is_float || num != (double) (gint64) raw)
            thread_arr_push_num (ta, raw, num);
          else
            thread_arr_push (ta, raw);
        }

      ARR_LOAD ();
      while (p < e && is_ws (*p))
        p++;
      if (p >= e)
        return LEX_EOF;
      if (*p == ',')
        p++;
      else if (*p != ']')
        {
          reader_error (r, "expected ',' or ']' at byte %" G_GSIZE_FORMAT " but found '%c'",
                        offset_of (r, p), *p);
          return LEX_ERROR;
        }
    }
#undef ARR_PUSH
#undef ARR_LOAD
#undef ARR_SYNC
}

/* One element of a per-thread list: an array, MakeTimes*(...), a name or
 * null. */
static LexStatus
parse_thread_element (Reader    *r,
                      Lex       *lx,
                      ThreadArr *ta)
{
  LexStatus st;

  if (*lx->p == '[')
    {
      ta->kind = TA_LITERAL;
      return parse_inner_array (r, lx, ta);
    }

  if (!is_ident_start (*lx->p))
    {
      reader_error (r, "unexpected '%c' at byte %" G_GSIZE_FORMAT " in a per-frame array",
                    *lx->p, offset_of (r, lx->p));
      return LEX_ERROR;
    }

  st = lex_path (r, lx, r->sbuf);
  if (st != LEX_OK)
    return st;
  skip_ws (lx);
  if (lx->p >= lx->end)
    return LEX_EOF;

  if (*lx->p == '(')
    {
      guint n_num = 0;
      double nums[2] = { 1.0, 1.0 };
      gboolean have_array = FALSE;

      if (strcmp (r->sbuf->str, "MakeTimes") == 0)
        ta->kind = TA_TIMES;
      else if (strcmp (r->sbuf->str, "MakeTimesExtra") == 0)
        ta->kind = TA_EXTRA;
      else if (strcmp (r->sbuf->str, "MakeTimesType") == 0)
        ta->kind = TA_TYPE;
      else
        {
          reader_error (r, "unknown function %s at byte %" G_GSIZE_FORMAT " in a per-frame array",
                        r->sbuf->str, offset_of (r, lx->p));
          return LEX_ERROR;
        }
      lx->p++;
      for (;;)
        {
          skip_ws (lx);
          if (lx->p >= lx->end)
            return LEX_EOF;
          if (*lx->p == ')')
            {
              lx->p++;
              break;
            }
          if (*lx->p == ',')
            {
              lx->p++;
              continue;
            }
          if (*lx->p == '[')
            {
              if (have_array)
                {
                  reader_error (r, "two arrays in one %s call at byte %" G_GSIZE_FORMAT,
                                ta->kind == TA_TIMES ? "MakeTimes" : "MakeTimesExtra",
                                offset_of (r, lx->p));
                  return LEX_ERROR;
                }
              st = parse_inner_array (r, lx, ta);
              if (st != LEX_OK)
                return st;
              have_array = TRUE;
            }
          else if (is_ident_start (*lx->p) && !match_word_ci (lx->p, lx->end, "nan") &&
                   !match_word_ci (lx->p, lx->end, "inf"))
            {
              /* the tt reference: resolved by position, never by name (§6.1) */
              st = lex_path (r, lx, r->sbuf);
              if (st != LEX_OK)
                return st;
            }
          else
            {
              guint64 raw;
              double num;
              gboolean is_float;

              st = lex_number (r, lx, &raw, &num, &is_float);
              if (st != LEX_OK)
                return st;
              if (n_num < 2)
                nums[n_num] = num;
              n_num++;
            }
        }
      ta->scale = nums[0];
      ta->cpu_scale = ta->kind == TA_EXTRA ? nums[1] : nums[0];
      if (!have_array)
        ta->n = 0;
      if (ta->kind == TA_TYPE)
        r->tick_scale = ta->scale;
      return LEX_OK;
    }

  if (strcmp (r->sbuf->str, "null") == 0)
    {
      ta->kind = TA_NONE;
      return LEX_OK;
    }

  ta->kind = TA_REF;
  ta->ref = g_strdup (strip_prefix (r->sbuf->str));
  return LEX_OK;
}

/* [ element, element, ... ] : one element per thread */
static LexStatus
parse_thread_list (Reader   *r,
                   Lex      *lx,
                   FrameVar *var)
{
  if (*lx->p != '[')
    {
      reader_error (r, "expected '[' at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
      return LEX_ERROR;
    }
  lx->p++;
  for (;;)
    {
      ThreadArr *ta;
      LexStatus st;

      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p == ']')
        {
          lx->p++;
          return LEX_OK;
        }
      if (*lx->p == ',')
        {
          lx->p++;
          continue;
        }
      if (var->items->len >= MAX_THREADS)
        {
          reader_error (r, "more than %u threads at byte %" G_GSIZE_FORMAT,
                        MAX_THREADS, offset_of (r, lx->p));
          return LEX_ERROR;
        }
      ta = thread_arr_new (r);
      g_ptr_array_add (var->items, ta);
      st = parse_thread_element (r, lx, ta);
      if (st != LEX_OK)
        return st;
      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (*lx->p == ',')
        lx->p++;
      else if (*lx->p != ']')
        {
          reader_error (r, "expected ',' or ']' at byte %" G_GSIZE_FORMAT " but found '%c'",
                        offset_of (r, lx->p), *lx->p);
          return LEX_ERROR;
        }
    }
}

/* tt12, ts12, ti12, tl12 -> 1; ts_1_2, tt_1_2, ti_1_2 -> 2; else 0 */
static int
frame_var_kind (const char *name)
{
  const char *p;

  if (name[0] != 't' || (name[1] != 't' && name[1] != 's' && name[1] != 'i' && name[1] != 'l'))
    return 0;
  p = name + 2;
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return *p == 0 ? 1 : 0;
    }
  if (*p == '_' && name[1] != 'l' && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p != '_' || !g_ascii_isdigit (p[1]))
        return 0;
      p++;
      while (g_ascii_isdigit (*p))
        p++;
      return *p == 0 ? 2 : 0;
    }
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Detection (§2) */

static const char *
find_str (const char *hay,
          const char *end,
          const char *needle)
{
  if (hay >= end)
    return NULL;
  return memmem (hay, end - hay, needle, strlen (needle));
}

/* Finds the first `DumpHost = '` statement; returns its start (including a
 * `var `, `S.` or `window.` prefix) and the prefix kind. */
static const char *
find_dump_host (const char *data,
                const char *end,
                char       *prefix)
{
  const char *p = data;

  for (;;)
    {
      const char *q = find_str (p, end, "DumpHost");
      const char *a;

      if (q == NULL)
        return NULL;
      p = q + 8;
      a = p;
      while (a < end && (*a == ' ' || *a == '\t'))
        a++;
      if (a >= end || *a != '=' || (a + 1 < end && a[1] == '='))
        continue;
      a++;
      while (a < end && (*a == ' ' || *a == '\t'))
        a++;
      if (a >= end || (*a != '\'' && *a != '"'))
        continue;
      if (q > data && is_ident_char (q[-1]))
        continue;

      if (q - data >= 2 && q[-1] == '.' && q[-2] == 'S' && (q - data == 2 || !is_ident_char (q[-3])))
        {
          *prefix = 'S';
          q -= 2;
          if (q - data >= 7 && memcmp (q - 7, "window.", 7) == 0)
            q -= 7;
          return q;
        }
      if (q - data >= 7 && memcmp (q - 7, "window.", 7) == 0)
        {
          *prefix = 'w';
          return q - 7;
        }
      if (q - data >= 4 && memcmp (q - 4, "var", 3) == 0 && (q[-1] == ' ' || q[-1] == '\t'))
        {
          *prefix = 'v';
          return q - 4;
        }
      if (q > data && q[-1] == '.')
        continue;                 /* foo.DumpHost = : not ours */
      *prefix = 0;
      return q;
    }
}

static Family
detect (const guint8  *data,
        gsize          length,
        const char   **region_start)
{
  const char *s = (const char *) data, *e = s + length;
  const char *dh, *idi, *fr0;
  char prefix = 0;

  if (region_start != NULL)
    *region_start = NULL;

  switch (hearth_r0fl_detect (data, length))
    {
    case HEARTH_R0FL_HTML:
      return HEARTH_MICROPROFILE_FAMILY_R0FL;
    case HEARTH_R0FL_RAW:
      return HEARTH_MICROPROFILE_FAMILY_R0FL_RAW;
    case HEARTH_R0FL_NONE:
    default:
      break;
    }

  dh = find_dump_host (s, e, &prefix);
  if (dh != NULL)
    {
      if (region_start != NULL)
        *region_start = dh;
      if (prefix == 'S')
        return HEARTH_MICROPROFILE_FAMILY_B_S;

      idi = find_str (s, dh, "function InitDataImpl(");
      if (idi != NULL)
        return HEARTH_MICROPROFILE_FAMILY_C;

      if (prefix == 'v')
        {
          const char *re;

          fr0 = find_str (dh, e, "Frames[0]");
          re = fr0 != NULL ? fr0 : e;
          /* `var tt0 = [` also opens the var era's reference list, so it
           * only says A when no ts_0_0 array exists */
          if (find_str (dh, re, "MakeTimes(") != NULL)
            return HEARTH_MICROPROFILE_FAMILY_A;
          if (find_str (dh, re, "ts_0_0") != NULL || find_str (dh, re, "var ThreadGroupTime0") != NULL)
            return HEARTH_MICROPROFILE_FAMILY_B_VAR;
          return HEARTH_MICROPROFILE_FAMILY_A;
        }
      return HEARTH_MICROPROFILE_FAMILY_C;
    }

  if (find_str (s, e, "This script is being embedded into MicroProfile captures") != NULL ||
      find_str (s, e, "This script is being embedded into MicroProfiler captures") != NULL)
    return HEARTH_MICROPROFILE_FAMILY_DATA_LOST;
  if (find_str (s, e, "MicroProfile Capture") != NULL ||
      find_str (s, e, "MicroProfiler Capture") != NULL)
    return HEARTH_MICROPROFILE_FAMILY_TEMPLATE;

  return HEARTH_MICROPROFILE_FAMILY_NONE;
}

/**
 * hearth_microprofile_detect:
 *
 * Classifies @data with the checks of microprofiler.md §2 (after gzip).
 */
HearthMicroprofileFamily
hearth_microprofile_detect (const guint8 *data,
                            gsize         length)
{
  return detect (data, length, NULL);
}

/**
 * hearth_microprofile_sniff:
 *
 * Cheap: looks at the first megabyte only.
 */
gboolean
hearth_microprofile_sniff (const guint8 *data,
                           gsize         length)
{
  gsize n = MIN (length, 1024 * 1024);
  const char *s = (const char *) data;

  if (hearth_r0fl_detect (data, length) != HEARTH_R0FL_NONE)
    return TRUE;

  return memmem (s, n, "DumpHost", 8) != NULL ||
         memmem (s, n, "MicroProfile", 12) != NULL;
}

/* ------------------------------------------------------------------------ */
/* Arena */

static void
arena_clear (Arena *a)
{
  g_free (a->parent);
  g_free (a->timer);
  g_free (a->first_child);
  g_free (a->last_child);
  g_free (a->next_sibling);
  g_aligned_free (a->hot);
  g_aligned_free (a->notes);
  g_free (a->mem);
  g_free (a->slots);
  memset (a, 0, sizeof *a);
}

/* Frees all but the nodes' notes (NodeNotes), keeping the node count */
static void
arena_free_cold (Arena *a)
{
  g_clear_pointer (&a->parent, g_free);
  g_clear_pointer (&a->timer, g_free);
  g_clear_pointer (&a->first_child, g_free);
  g_clear_pointer (&a->last_child, g_free);
  g_clear_pointer (&a->next_sibling, g_free);
  g_clear_pointer (&a->mem, g_free);
  g_clear_pointer (&a->slots, g_free);
  a->n_slots = a->n_used = 0;
}

static void
arena_slot_insert (Slot    *slots,
                   guint    n_slots,
                   guint64  key,
                   guint32  node)
{
  guint mask = n_slots - 1;
  guint i = hearth_hash64 (key) & mask;

  while (slots[i].key != 0)
    i = (i + 1) & mask;
  slots[i].key = key;
  slots[i].node = node;
}

static G_NO_INLINE void
arena_grow_slots (Arena *a)
{
  guint n_slots = a->n_slots ? a->n_slots * 2 : 1024;
  Slot *slots = g_new0 (Slot, n_slots);

  for (guint i = 0; i < a->n_slots; i++)
    if (a->slots[i].key != 0)
      arena_slot_insert (slots, n_slots, a->slots[i].key, a->slots[i].node);
  g_free (a->slots);
  a->slots = slots;
  a->n_slots = n_slots;
}

static guint32
arena_new_node (Arena   *a,
                guint32  timer)
{
  guint32 node;

  if (a->n == a->cap)
    {
      guint cap = MAX (MAX (256, a->first_cap), a->cap * 2);
      NodeHot *hot;
      NodeNotes *notes;

      a->parent = g_renew (guint32, a->parent, cap);
      a->timer = g_renew (guint32, a->timer, cap);
      a->first_child = g_renew (guint32, a->first_child, cap);
      a->last_child = g_renew (guint32, a->last_child, cap);
      a->next_sibling = g_renew (guint32, a->next_sibling, cap);
      hot = g_aligned_alloc (cap, sizeof (NodeHot), 64);
      notes = g_aligned_alloc (cap, sizeof (NodeNotes), 64);
      if (a->notes != NULL)
        memcpy (notes, a->notes, sizeof (NodeNotes) * a->n);
      g_aligned_free (a->notes);
      a->notes = notes;
      if (a->hot != NULL)
        memcpy (hot, a->hot, sizeof (NodeHot) * a->n);
      g_aligned_free (a->hot);
      a->hot = hot;
      a->mem = g_realloc_n (a->mem, cap, sizeof *a->mem);
      a->cap = cap;
    }
  node = a->n++;
  a->parent[node] = HEARTH_NO_INDEX;
  a->timer[node] = timer;
  a->first_child[node] = HEARTH_NO_INDEX;
  a->last_child[node] = HEARTH_NO_INDEX;
  a->next_sibling[node] = HEARTH_NO_INDEX;
  memset (a->hot[node].ctimer, 0xff, sizeof a->hot[node].ctimer);
  memset (a->hot[node].cnode, 0xff, sizeof a->hot[node].cnode);
  a->hot[node].cpu = 0;
  a->hot[node].calls = 0;
  memset (a->hot[node].fv, 0, sizeof a->hot[node].fv);
  memset (a->mem[node], 0, sizeof a->mem[node]);
  memset (&a->notes[node], 0, sizeof a->notes[node]);
  return node;
}

/* Links @child (parentless) under @parent */
static void
arena_attach (Arena   *a,
              guint32  parent,
              guint32  child)
{
  a->parent[child] = parent;
  if (a->last_child[parent] == HEARTH_NO_INDEX)
    a->first_child[parent] = child;
  else
    a->next_sibling[a->last_child[parent]] = child;
  a->last_child[parent] = child;

  if ((a->n_used + 1) * 2 > a->n_slots)
    arena_grow_slots (a);
  arena_slot_insert (a->slots, a->n_slots, (((guint64) parent << 32) | a->timer[child]) + 1, child);
  a->n_used++;
}

/* The child of @parent with @timer, created when missing. A small
 * per-parent cache (one cache line) answers most lookups without touching
 * the big hash table. */
static G_NO_INLINE guint32
arena_child_slow (Arena   *a,
                  guint32  parent,
                  guint32  timer)
{
  NodeHot *h;
  guint32 node = HEARTH_NO_INDEX;

  if (a->n_slots > 0)
    {
      guint64 key = (((guint64) parent << 32) | timer) + 1;
      guint mask = a->n_slots - 1;
      guint i = hearth_hash64 (key) & mask;

      while (a->slots[i].key != 0)
        {
          if (a->slots[i].key == key)
            {
              node = a->slots[i].node;
              break;
            }
          i = (i + 1) & mask;
        }
    }
  if (node == HEARTH_NO_INDEX)
    {
      node = arena_new_node (a, timer);
      arena_attach (a, parent, node);
    }
  h = &a->hot[parent];                    /* after any growth */
  memmove (h->ctimer + 1, h->ctimer, 3 * sizeof (guint32));
  memmove (h->cnode + 1, h->cnode, 3 * sizeof (guint32));
  h->ctimer[0] = timer;
  h->cnode[0] = node;
  return node;
}

static inline guint32
arena_child (Arena   *a,
             guint32  parent,
             guint32  timer)
{
  const NodeHot *h = &a->hot[parent];

  if (h->ctimer[0] == timer)
    return h->cnode[0];
  if (h->ctimer[1] == timer)
    return h->cnode[1];
  if (h->ctimer[2] == timer)
    return h->cnode[2];
  if (h->ctimer[3] == timer)
    return h->cnode[3];
  return arena_child_slow (a, parent, timer);
}

/* A node's value of column @m (V_*) */
static inline double *
arena_val (Arena   *a,
           guint    m,
           guint32  node)
{
  if (m == V_CPU)
    return &a->hot[node].cpu;
  if (m == V_CALLS)
    return &a->hot[node].calls;
  return &a->mem[node][m - V_ALLOC_COUNT];
}

static inline guint
ann_hash (guint32 node,
          guint32 name)
{
  return hearth_hash64 (((guint64) node << 32) | name);
}

static void
ann_grow (Reader *r)
{
  AnnRec *old = r->ann;
  guint n_old = r->n_ann_slots, mask;

  r->n_ann_slots = n_old ? n_old * 2 : 1024;
  r->ann = g_new0 (AnnRec, r->n_ann_slots);
  mask = r->n_ann_slots - 1;
  for (guint k = 0; k < n_old; k++)
    if (old[k].name != 0)
      {
        guint i;

        for (i = ann_hash (old[k].node, old[k].name) & mask; r->ann[i].name != 0; i = (i + 1) & mask)
          ;
        r->ann[i] = old[k];
      }
  g_free (old);
}

/* The id of @text among the annotation names (index + 1) */
static guint32
ann_intern (Reader     *r,
            const char *text)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (r->ann_names, text));

  if (id == 0)
    {
      char *copy = g_strdup (text);

      g_ptr_array_add (r->ann_name_list, copy);
      id = r->ann_name_list->len;
      g_hash_table_insert (r->ann_names, copy, GUINT_TO_POINTER (id));
    }
  return id;
}

/* Adds @value to @node's annotation @name (ann_intern () << 1 | kind) in
 * a table that holds the records themselves: one cache miss */
static void
ann_add (Reader  *r,
         guint32  node,
         guint32  name,
         double   value)
{
  guint mask, i;

  if ((r->n_ann + 1) * 2 > r->n_ann_slots)
    ann_grow (r);
  mask = r->n_ann_slots - 1;
  for (i = ann_hash (node, name) & mask; r->ann[i].name != 0; i = (i + 1) & mask)
    if (r->ann[i].node == node && r->ann[i].name == name)
      {
        r->ann[i].value += value;
        return;
      }
  r->ann[i].node = node;
  r->ann[i].name = name;
  r->ann[i].value = value;
  r->n_ann++;
}

/* A label of @node (§6.5: it belongs to the innermost open scope). Labels
 * and meta counters come once or more every frame, two million in a 100 MB
 * dump, so a node's first ones are counted in a cache line of their own
 * (NodeNotes) and only the rest in the table. The builder gets each once. */
static void
label_add (Reader  *r,
           guint32  node,
           guint32  id)
{
  NodeNotes *h = &r->arena.notes[node];

  for (guint k = 0; k < G_N_ELEMENTS (h->label); k++)
    {
      if (h->label[k] == id)
        {
          h->label_n[k]++;
          return;
        }
      if (h->label[k] == 0)
        {
          h->label[k] = id;
          h->label_n[k] = 1;
          return;
        }
    }
  ann_add (r, node, id << 1 | HEARTH_ANNOTATION_LABEL, 1);
}

/* Adds @value to @node's meta counter @id (see label_add) */
static void
counter_add (Reader  *r,
             guint32  node,
             guint32  id,
             double   value)
{
  NodeNotes *h = &r->arena.notes[node];

  if (!isfinite (value) || value == 0)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (h->counter); k++)
    {
      if (h->counter[k] == id)
        {
          h->counter_v[k] += value;
          return;
        }
      if (h->counter[k] == 0)
        {
          h->counter[k] = id;
          h->counter_v[k] = value;
          return;
        }
    }
  ann_add (r, node, id << 1 | HEARTH_ANNOTATION_COUNTER, value);
}

/* ------------------------------------------------------------------------ */
/* Timers, groups, threads */

static void
group_clear (gpointer data)
{
  Group *g = data;

  g_free (g->name);
}

static void
timer_clear (gpointer data)
{
  Timer *t = data;

  g_free (t->name);
}

static void
counter_free (gpointer data)
{
  HearthMicroprofileCounter *c = data;

  g_free (c->name);
  if (c->history != NULL)
    g_array_unref (c->history);
  g_free (c);
}

static gboolean
parse_color (const char *str,
             guint32    *rgb)
{
  guint32 v = 0;
  int i;

  if (str == NULL || str[0] != '#')
    return FALSE;
  for (i = 1; i <= 6; i++)
    {
      int d = hex_value (str[i]);

      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint) d;
    }
  if (str[7] != 0)
    return FALSE;
  *rgb = v;
  return TRUE;
}

/* A stable colour from a name (HSV with fixed saturation and value) */
static guint32
derive_color (const char *name)
{
  guint h = g_str_hash (name ? name : "");
  double hue = (h % 360) / 60.0;
  double s = 0.55, v = 0.85;
  int i = (int) hue;
  double f = hue - i;
  double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  double rr, gg, bb;

  switch (i)
    {
    case 0: rr = v; gg = t; bb = p; break;
    case 1: rr = q; gg = v; bb = p; break;
    case 2: rr = p; gg = v; bb = t; break;
    case 3: rr = p; gg = q; bb = v; break;
    case 4: rr = t; gg = p; bb = v; break;
    default: rr = v; gg = p; bb = q; break;
    }
  return ((guint32) (rr * 255) << 16) | ((guint32) (gg * 255) << 8) | (guint32) (bb * 255);
}

static Timer *
ensure_timer (Reader *r,
              guint   index)
{
  if (index >= r->timers->len)
    g_array_set_size (r->timers, index + 1);
  return &g_array_index (r->timers, Timer, index);
}

static Group *
ensure_group (Reader *r,
              guint   index)
{
  if (index >= r->groups->len)
    g_array_set_size (r->groups, index + 1);
  return &g_array_index (r->groups, Group, index);
}

static ThreadState *
ensure_thread (Reader *r,
               guint   j)
{
  while (r->threads->len <= j)
    {
      ThreadState ts = { 0 };
      guint k = r->threads->len;

      ts.container = arena_new_node (&r->arena, NO_TIMER);
      ts.gpu = k < r->thread_gpu->len && g_array_index (r->thread_gpu, guint8, k) != 0;
      g_array_append_val (r->threads, ts);
    }
  return &g_array_index (r->threads, ThreadState, j);
}

/* `$` timers (§13.2): <name without $>_<label>, one timer per name */
static guint32
synthetic_timer (Reader     *r,
                 guint32     base,
                 const char *label)
{
  Timer *bt = &g_array_index (r->timers, Timer, base);
  g_autofree char *name = g_strdup_printf ("%s_%s", bt->name + 1, label ? label : "UNLABELED_CUSTOM_TIMER");
  gpointer found = g_hash_table_lookup (r->synthetic, name);
  guint32 index;
  Timer *t;
  guint32 group = bt->group, color = bt->color;
  gboolean has_color = bt->has_color;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  index = r->timers->len;
  t = ensure_timer (r, index);
  t->name = g_strdup (name);
  t->group = group;
  t->color = color;
  t->has_color = has_color;
  t->defined = TRUE;
  g_hash_table_insert (r->synthetic, g_steal_pointer (&name), GUINT_TO_POINTER (index + 1));
  return index;
}

/* ------------------------------------------------------------------------ */
/* Scope trees (§12) */

typedef struct
{
  double   alloc_count;
  double   alloc_bytes;
  double   free_count;
  double   free_bytes;
  gboolean memory;
  gboolean clobbered;
} FrameAcc;

static inline gboolean
is_aux (Family  family,
        guint64 t)
{
  switch (family)
    {
    case HEARTH_MICROPROFILE_FAMILY_B_S:
      return t != 0 && t != 1;
    case HEARTH_MICROPROFILE_FAMILY_B_VAR:
      return t >= 2;
    case HEARTH_MICROPROFILE_FAMILY_NONE:
    case HEARTH_MICROPROFILE_FAMILY_A:
    case HEARTH_MICROPROFILE_FAMILY_C:
    case HEARTH_MICROPROFILE_FAMILY_R0FL:
    case HEARTH_MICROPROFILE_FAMILY_R0FL_RAW:
    case HEARTH_MICROPROFILE_FAMILY_DATA_LOST:
    case HEARTH_MICROPROFILE_FAMILY_TEMPLATE:
    default:
      return t == 4 || t == EVENT_BASE;
    }
}

static inline double
entry_ms (const ThreadArr *ts,
          guint            k,
          guint64          t)
{
  switch (ts->kind)
    {
    case TA_EXTRA:
      return thread_arr_num (ts, k) * (t == 4 ? ts->cpu_scale : ts->scale);
    case TA_TIMES:
    case TA_TYPE:
      return thread_arr_num (ts, k) * ts->scale;
    case TA_NONE:
    case TA_LITERAL:
    case TA_REF:
    default:
      return thread_arr_num (ts, k);
    }
}

static const char *
timer_name (Reader  *r,
            guint32  timer)
{
  if (timer < r->timers->len && g_array_index (r->timers, Timer, timer).name != NULL)
    return g_array_index (r->timers, Timer, timer).name;
  return "?";
}

/* Inspection: CPU issue time and thread of the GPU marker after entry k */
static void
peek_issue (Reader          *r,
            const ThreadArr *tt,
            const ThreadArr *ts,
            const ThreadArr *ti,
            guint            k,
            double          *time,
            int             *thread)
{
  guint n = tt->n;

  switch (r->family)
    {
    case HEARTH_MICROPROFILE_FAMILY_B_S:
      for (guint i = k + 1; i < n && i <= k + 2; i++)
        {
          if (tt->raw[i] == 65535)
            *time = thread_arr_num (ts, i);
          else if (tt->raw[i] == 65531)
            *thread = (int) (gint64) ti->raw[i];
        }
      break;
    case HEARTH_MICROPROFILE_FAMILY_B_VAR:
      if (k + 1 < n && tt->raw[k + 1] == 3)
        *time = thread_arr_num (ts, k + 1);
      break;
    case HEARTH_MICROPROFILE_FAMILY_NONE:
    case HEARTH_MICROPROFILE_FAMILY_A:
    case HEARTH_MICROPROFILE_FAMILY_C:
    case HEARTH_MICROPROFILE_FAMILY_R0FL:
    case HEARTH_MICROPROFILE_FAMILY_R0FL_RAW:
    case HEARTH_MICROPROFILE_FAMILY_DATA_LOST:
    case HEARTH_MICROPROFILE_FAMILY_TEMPLATE:
    default:
      if (k + 1 < n && tt->raw[k + 1] == 4)
        {
          *time = entry_ms (ts, k + 1, 4);
          *thread = (int) (gint64) ti->raw[k + 1];
        }
      break;
    }
}

/* Per-frame self values (hearth-frame-filter).
 *
 * A scope's time is split over the frames at the frames' start times: frame
 * g owns [start_g, start_g+1), the first frame also what lies before it and
 * the newest frame what lies after it, so the portions always sum to the
 * scope's duration and the per-frame values sum to the totals. Scopes that
 * cross a frame boundary are clipped at it (§12.4). */
G_NO_INLINE static void
fv_grow (Reader *r,
         gsize   key)
{
  if (r->n_fv == r->fv_cap)
    {
      r->fv_cap = MAX (4096, r->fv_cap + r->fv_cap / 2);
      r->fv = g_renew (HearthFrameValue, r->fv, r->fv_cap);
    }
  if (key != G_MAXSIZE && key >= r->fv_last_cap)
    {
      gsize cap = MAX (key + 1, r->fv_last_cap * 2);

      r->fv_last = g_renew (FvLast, r->fv_last, cap);
      memset (r->fv_last + r->fv_last_cap, 0, sizeof (FvLast) * (cap - r->fv_last_cap));
      r->fv_last_cap = cap;
    }
}

/* Every scope adds its time to one frame, and each frame touches the same
 * few thousand nodes over and over: a node's newest entry is nearly always
 * the one to add to, so a direct index per node (not a hash, which cost a
 * third of the load time) merges them. An older frame's entry is not looked
 * for; a repeated key is allowed (HearthFrameValue) and rare: only scopes
 * that cross a frame boundary go back to older frames. */
static inline void
fv_add (Reader  *r,
        guint32  frame,
        guint32  node,
        guint    v,
        double   value)
{
  FvLast *last;

  if (value == 0 || frame > HEARTH_FRAME_VALUE_MAX_FRAME)
    return;
  if (v == V_CPU || v == V_CALLS)
    {
      if (G_UNLIKELY (r->n_fv == r->fv_cap))
        fv_grow (r, G_MAXSIZE);
      last = &r->arena.hot[node].fv[v];
    }
  else
    {
      gsize key = (gsize) node * (N_V - V_ALLOC_COUNT) + (v - V_ALLOC_COUNT);

      if (G_UNLIKELY (r->n_fv == r->fv_cap || key >= r->fv_last_cap))
        fv_grow (r, key);
      last = &r->fv_last[key];
    }
  if (last->entry != 0 && last->frame == frame)
    {
      r->fv[last->entry - 1].value += value;
      return;
    }
  r->fv[r->n_fv].node = node;
  r->fv[r->n_fv].metric = HEARTH_FRAME_VALUE_KEY (frame, v);
  r->fv[r->n_fv].value = value;
  last->entry = (guint32) ++r->n_fv;
  last->frame = frame;
}

/* The frame that owns time @s: the last frame starting at or before it */
static inline guint
fv_frame_of (Reader   *r,
             gboolean  gpu,
             double    s)
{
  GArray *cut = r->fv_cut[gpu ? 1 : 0];
  const double *c = (const double *) cut->data;
  guint n = cut->len, lo = 0, hi = n, g0;

  /* scopes come in time order, so the frame of the previous call is
   * nearly always the answer */
  g0 = r->fv_hint[gpu ? 1 : 0];
  if (g0 < n && (c[g0] <= s || g0 == 0) && (g0 + 1 >= n || s < c[g0 + 1]))
    return g0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (c[mid] <= s)
        lo = mid + 1;
      else
        hi = mid;
    }
  g0 = lo > 0 ? lo - 1 : 0;
  r->fv_hint[gpu ? 1 : 0] = g0;
  return g0;
}

/* Whether [s, e] lies inside frame @g */
static inline gboolean
fv_within (Reader   *r,
           gboolean  gpu,
           guint     g,
           double    e)
{
  GArray *cut = r->fv_cut[gpu ? 1 : 0];

  return g + 1 >= cut->len || e <= g_array_index (cut, double, g + 1);
}

static GArray *
fv_base_of (Reader *r,
            guint   j)
{
  while (r->fv_base->len <= j)
    g_ptr_array_add (r->fv_base, g_array_new (FALSE, TRUE, sizeof (double)));
  return g_ptr_array_index (r->fv_base, j);
}

/* Adds sign × the portions of [s, e] to @node's CPU time (if @node is not
 * NO_INDEX) and to @base (if not NULL) */
static void
fv_split (Reader   *r,
          gboolean  gpu,
          double    s,
          double    e,
          guint32   node,
          double    sign,
          GArray   *base)
{
  GArray *cut = r->fv_cut[gpu ? 1 : 0];
  const double *c = (const double *) cut->data;
  guint n = cut->len, g0;
  double b;

  if (n == 0)
    return;
  g0 = fv_frame_of (r, gpu, s);
  b = s;
  for (guint g = g0; g < n; g++)
    {
      double next = g + 1 < n && e > s ? CLAMP (c[g + 1], b, e) : e;
      double portion = next - b;

      if (portion != 0)
        {
          if (node != NO_TIMER)
            fv_add (r, g, node, V_CPU, sign * portion * 1e6);
          if (base != NULL)
            {
              if (base->len <= g)
                g_array_set_size (base, g + 1);
              g_array_index (base, double, g) += sign * portion;
            }
        }
      b = next;
      if (b >= e)
        break;
    }
}

/* Paused frames are excluded from summaries (§12.3): their values come out
 * of the totals and the per-frame table. Frames that never completed keep
 * theirs in the totals (the builder drops their per-frame entries). */
static void
fv_drop_paused (Reader *r)
{
  gboolean any = FALSE;

  for (guint f = 0; f < r->frames->len && !any; f++)
    any = g_array_index (r->frames, HearthFrame, f).paused;
  if (!any)
    return;
  for (gsize i = 0; i < r->n_fv; i++)
    {
      HearthFrameValue *rec = &r->fv[i];
      guint32 frame = rec->metric >> HEARTH_FRAME_VALUE_METRIC_BITS;

      if (frame < r->frames->len && g_array_index (r->frames, HearthFrame, frame).paused)
        {
          *arena_val (&r->arena, rec->metric & HEARTH_FRAME_VALUE_METRIC_MASK, rec->node) -= rec->value;
          rec->value = 0;
        }
    }
}

static void
report_scope (Reader           *r,
              guint             j,
              const StackEntry *se,
              guint             depth,
              double            end,
              double            issue_end,
              gboolean          still_open)
{
  HearthMicroprofileScope s = { 0 };
  Arena *a = &r->arena;

  s.thread = j;
  s.timer = se->timer;
  s.name = timer_name (r, se->timer);
  s.start_ms = se->start;
  s.end_ms = end;
  s.depth = depth;
  s.frame = se->frame;
  s.started_before_capture = se->placeholder;
  s.still_open = still_open;
  if (se->labels != NULL && se->labels->len > 0)
    {
      s.n_labels = se->labels->len;
      g_ptr_array_add (se->labels, NULL);
      s.labels = (const char **) se->labels->pdata;
    }
  memcpy (s.meta, se->meta, sizeof s.meta);
  if (se->placeholder)
    {
      s.alloc_count = *arena_val (a, V_ALLOC_COUNT, se->node);
      s.alloc_bytes = *arena_val (a, V_ALLOC_BYTES, se->node);
      s.free_count = *arena_val (a, V_FREE_COUNT, se->node);
      s.free_bytes = *arena_val (a, V_FREE_BYTES, se->node);
    }
  else
    {
      s.alloc_count = se->mem[0];
      s.alloc_bytes = se->mem[1];
      s.free_count = se->mem[2];
      s.free_bytes = se->mem[3];
    }
  s.cpu_issue_start_ms = se->issue_start;
  s.cpu_issue_end_ms = issue_end;
  s.issuing_thread = se->issue_thread;
  r->scope_func (&s, r->scope_data);
}

static void
close_scope (Reader      *r,
             guint        j,
             ThreadState *th,
             double       end,
             double       issue_end,
             gboolean     still_open)
{
  StackEntry *se = &th->stack[--th->depth];
  double dur = end - se->start;

  StackEntry *parent = th->depth > 0 ? &th->stack[th->depth - 1] : NULL;
  guint g = fv_frame_of (r, th->gpu, se->start);
  gboolean within = fv_within (r, th->gpu, g, end);

  *arena_val (&r->arena, V_CPU, se->node) += (dur - se->child) * 1e6;
  if (parent != NULL)
    parent->child += dur;
  else
    th->base_child += dur;

  /* Per frame, a scope's self time is its span in the frame minus its
   * children's. Nearly every scope lies in one frame, and then so do its
   * children: its self time goes to that frame in one entry. Children
   * report to their parent through acc, so the parent is touched once. */
  if (within && !se->split && (se->acc == 0 || se->acc_frame == g))
    fv_add (r, g, se->node, V_CPU, (dur - se->acc) * 1e6);
  else
    {
      fv_split (r, th->gpu, se->start, end, se->node, 1, NULL);
      if (se->acc != 0)
        fv_add (r, se->acc_frame, se->node, V_CPU, -se->acc * 1e6);
    }
  if (parent == NULL)
    {
      GArray *base = fv_base_of (r, j);

      if (within && g < base->len)        /* else fv_split grows it */
        g_array_index (base, double, g) += dur;
      else
        fv_split (r, th->gpu, se->start, end, NO_TIMER, 1, base);
    }
  else if (within)
    {
      if (parent->acc != 0 && parent->acc_frame != g)
        {
          fv_add (r, parent->acc_frame, parent->node, V_CPU, -parent->acc * 1e6);
          parent->split = TRUE;
          parent->acc = 0;
        }
      parent->acc_frame = g;
      parent->acc += dur;
    }
  else
    {
      fv_split (r, th->gpu, se->start, end, parent->node, -1, NULL);
      parent->split = TRUE;
    }

  if (r->scope_func != NULL)
    report_scope (r, j, se, th->depth, end, issue_end, still_open);
  if (se->labels != NULL)
    g_clear_pointer (&se->labels, g_ptr_array_unref);
}

/* A LEAVE with an empty stack: the scope started before the capture, and
 * everything the thread did so far ran inside it (§12.2). The current
 * container becomes that scope; a new container goes above it. */
static void
underflow (Reader      *r,
           guint        j,
           ThreadState *th,
           guint32      timer,
           double       end,
           guint        frame)
{
  Arena *a = &r->arena;
  guint32 p = th->container;
  guint32 c = arena_new_node (a, NO_TIMER);
  double dur = end - r->capture_start;

  a->timer[p] = timer;
  arena_attach (a, c, p);
  th->container = c;
  *arena_val (a, V_CPU, p) += (dur - th->base_child) * 1e6;
  *arena_val (a, V_CALLS, p) += 1;
  th->base_child = dur;
  {
    GArray *base = fv_base_of (r, j);

    /* p's self time per frame: its span minus its (former depth-0) children */
    for (guint g = 0; g < base->len; g++)
      fv_add (r, g, p, V_CPU, -g_array_index (base, double, g) * 1e6);
    g_array_set_size (base, 0);
    fv_split (r, th->gpu, r->capture_start, end, p, 1, base);
    fv_add (r, frame, p, V_CALLS, 1);
  }
  r->n_placeholders++;

  if (r->scope_func != NULL)
    {
      StackEntry se = { 0 };

      se.node = p;
      se.timer = timer;
      se.frame = frame;
      se.start = r->capture_start;
      se.placeholder = TRUE;
      se.issue_start = NAN;
      se.issue_thread = -1;
      report_scope (r, j, &se, 0, end, NAN, FALSE);
    }
}

static void
push_scope (Reader      *r,
            ThreadState *th,
            guint32      node,
            guint32      timer,
            guint32      orig,
            guint        frame,
            double       start)
{
  StackEntry *se;

  if (G_UNLIKELY (th->depth == th->cap))
    {
      th->cap = MAX (32, th->cap * 2);
      th->stack = g_renew (StackEntry, th->stack, th->cap);
    }
  se = &th->stack[th->depth++];
  se->node = node;
  se->timer = timer;
  se->orig_timer = orig;
  se->frame = frame;
  se->start = start;
  se->child = 0;
  se->acc = 0;
  se->acc_frame = 0;
  se->split = FALSE;
  se->placeholder = FALSE;
  se->labels = NULL;
  if (r->scope_func != NULL)
    {
      memset (se->meta, 0, sizeof se->meta);
      memset (se->mem, 0, sizeof se->mem);
      se->issue_start = NAN;
      se->issue_thread = -1;
    }
}

/* Label @index of @tl (§6.5), or NULL when the index is out of range */
static const char *
label_lookup (const ThreadArr *tl,
              guint64          index)
{
  if (tl == NULL || tl->strings == NULL || index >= tl->n)
    return NULL;
  index = tl->raw[index];
  if (index >= tl->strings->len)
    return NULL;
  if (g_ptr_array_index (tl->strings, index) == NULL)
    return "(overwritten)";
  return g_ptr_array_index (tl->strings, index);
}

/* label_lookup (), with "??" for a bad index, which is counted */
static const char *
label_text (Reader          *r,
            const ThreadArr *tl,
            guint64          index)
{
  const char *text = label_lookup (tl, index);

  if (text != NULL)
    return text;
  r->n_bad_label++;
  return "??";
}

static void
credit_memory (Reader      *r,
               ThreadState *th,
               FrameAcc    *acc,
               double       ac,
               double       ab,
               double       fc,
               double       fb)
{
  Arena *a = &r->arena;
  guint32 node = th->depth > 0 ? th->stack[th->depth - 1].node : th->container;

  *arena_val (a, V_ALLOC_COUNT, node) += ac;
  *arena_val (a, V_ALLOC_BYTES, node) += ab;
  *arena_val (a, V_FREE_COUNT, node) += fc;
  *arena_val (a, V_FREE_BYTES, node) += fb;
  if (r->fv_cut[0]->len > 0)
    {
      guint32 f = r->fv_cut[0]->len - 1;

      fv_add (r, f, node, V_ALLOC_COUNT, ac);
      fv_add (r, f, node, V_ALLOC_BYTES, ab);
      fv_add (r, f, node, V_FREE_COUNT, fc);
      fv_add (r, f, node, V_FREE_BYTES, fb);
    }
  if (r->scope_func != NULL && th->depth > 0)
    {
      double *mem = th->stack[th->depth - 1].mem;

      mem[0] += ac;
      mem[1] += ab;
      mem[2] += fc;
      mem[3] += fb;
    }
  acc->alloc_count += ac;
  acc->alloc_bytes += ab;
  acc->free_count += fc;
  acc->free_bytes += fb;
  acc->memory = TRUE;
  r->has_memory = TRUE;
}

/* A meta counter increment (tt 8 and above; var era: aux entries) of the
 * innermost open scope */
static void
add_meta (Reader      *r,
          ThreadState *th,
          guint        index,
          double       value)
{
  StackEntry *se = &th->stack[th->depth - 1];

  counter_add (r, se->node, r->meta_ids[index], value);
  if (r->scope_func != NULL)
    se->meta[index] += value;
}

/* The id of label @index of @tl (label_text) */
static guint32
label_id (Reader          *r,
          const ThreadArr *tl,
          guint64          index)
{
  if (tl == NULL || tl->string_ids == NULL || index >= tl->n)
    {
      r->n_bad_label++;
      return ANN_ID_BAD;
    }
  index = tl->raw[index];
  if (index >= tl->string_ids->len)
    {
      r->n_bad_label++;
      return ANN_ID_BAD;
    }
  return g_array_index (tl->string_ids, guint32, index);
}

static void
process_thread_frame (Reader          *r,
                      guint            f,
                      guint            j,
                      const ThreadArr *tt,
                      const ThreadArr *ts,
                      const ThreadArr *ti,
                      const ThreadArr *tl,
                      double           limit,
                      guint64          timer_limit,
                      FrameAcc        *acc)
{
  ThreadState *th = ensure_thread (r, j);
  Arena *a = &r->arena;
  Family family = r->family;
  gboolean logical = family != HEARTH_MICROPROFILE_FAMILY_B_S &&
                     family != HEARTH_MICROPROFILE_FAMILY_B_VAR;
  gboolean discard_prev = FALSE;
  guint n = tt->n;

  if (ts->n != n || ti->n != n)
    {
      if (r->n_length_mismatch++ < 5)
        reader_warn (r, "frame %u, thread %u: the tt, ts and ti arrays have different lengths "
                     "(%u, %u, %u); skipped", f, j, n, ts->n, ti->n);
      return;
    }

  for (guint k = 0; k < n; k++)
    {
      guint64 t = tt->raw[k];
      double ms;

      if (is_aux (family, t))
        {
          /* var era: meta increments on CPU threads (§7.1) */
          if (!discard_prev && family == HEARTH_MICROPROFILE_FAMILY_B_VAR && !th->gpu &&
              th->depth > 0 && t >= 3 && ti->raw[k] < HEARTH_MICROPROFILE_MAX_META)
            add_meta (r, th, (guint) ti->raw[k], (double) (t - 3));
          continue;
        }

      if (t < EVENT_BASE)
        {
          ms = entry_ms (ts, k, t);
          if (ms > limit)
            {
              /* stale ring-buffer data (§13.1) */
              discard_prev = TRUE;
              acc->clobbered = TRUE;
              th->clobbered = TRUE;
              r->n_stale++;
              continue;
            }
        }
      else
        ms = 0;
      discard_prev = FALSE;

      if (t == 1)
        {
          guint64 index = ti->raw[k];
          guint32 timer, parent, node;

          if (index >= timer_limit)
            {
              r->n_bad_timer++;
              continue;
            }
          timer = (guint32) index;
          if (logical && timer < r->timers->len && g_array_index (r->timers, Timer, timer).dollar)
            {
              const char *label = NULL;

              if (k + 1 < n && tt->raw[k + 1] == 3)
                label = label_text (r, tl, ti->raw[k + 1]);
              timer = synthetic_timer (r, timer, label);
            }
          parent = th->depth > 0 ? th->stack[th->depth - 1].node : th->container;
          node = arena_child (a, parent, timer);
          *arena_val (a, V_CALLS, node) += 1;
          fv_add (r, f, node, V_CALLS, 1);
          push_scope (r, th, node, timer, (guint32) index, f, ms);
          if (r->scope_func != NULL)
            {
              StackEntry *se = &th->stack[th->depth - 1];

              peek_issue (r, tt, ts, ti, k, &se->issue_start, &se->issue_thread);
            }
        }
      else if (t == 0)
        {
          guint64 index = ti->raw[k];
          double issue_end = NAN;

          if (index >= timer_limit)
            {
              r->n_bad_timer++;
              continue;
            }
          if (th->depth == 0)
            {
              underflow (r, j, th, (guint32) index, ms, f);
              continue;
            }
          if (th->stack[th->depth - 1].orig_timer != index)
            r->n_mismatch_leave++;
          if (r->scope_func != NULL)
            {
              int thread = -1;

              peek_issue (r, tt, ts, ti, k, &issue_end, &thread);
            }
          close_scope (r, j, th, ms, issue_end, FALSE);
        }
      else if (!logical)
        continue;
      else if (t == 3 || t == 5)
        {
          r->n_labels++;
          label_add (r, th->depth > 0 ? th->stack[th->depth - 1].node : th->container,
                     label_id (r, tl, ti->raw[k]));
          if (r->scope_func != NULL && th->depth > 0)
            {
              StackEntry *se = &th->stack[th->depth - 1];
              const char *text = label_lookup (tl, ti->raw[k]);   /* label_id () counted it */

              if (se->labels == NULL)
                se->labels = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (se->labels, g_strdup (text != NULL ? text : "??"));
            }
        }
      else if (t >= 8 && t < EVENT_BASE)
        {
          if (th->depth > 0 && ti->raw[k] < HEARTH_MICROPROFILE_MAX_META)
            add_meta (r, th, (guint) ti->raw[k], (double) (t - 8));
        }
      else if (t > EVENT_BASE && t < 256)
        {
          guint64 x = ts->raw[k];
          guint64 data = x & ((G_GUINT64_CONSTANT (1) << 50) - 1);
          guint n_ext = (guint) ((x >> 58) & 3);

          if (k + n_ext >= n)
            {
              r->n_bad_event++;
              break;
            }
          switch (t)
            {
            case 145:        /* Alloc */
            case 147:        /* Realloc: counted as an allocation of the new size */
              {
                double count = (double) ((data >> 32) & 0xffff);

                credit_memory (r, th, acc, count ? count : 1, (double) (data & 0xffffffff), 0, 0);
              }
              break;
            case 146:        /* Free */
              {
                double count = (double) ((data >> 32) & 0xffff);

                credit_memory (r, th, acc, 0, 0, count ? count : 1, (double) (data & 0xffffffff));
              }
              break;
            case 148:        /* MemoryScopeStats */
              {
                double ab = 0, fb = 0;

                if (n_ext >= 1)
                  {
                    guint64 ext = ts->raw[k + 1];

                    fb = (double) (ext & 0xffffffff);
                    ab = (double) (ext >> 32);
                  }
                credit_memory (r, th, acc, (double) ((data >> 24) & 0xffffff), ab,
                               (double) (data & 0xffffff), fb);
              }
              break;
            default:
              break;
            }
          k += n_ext;
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Frames */

static FrameVar *
lookup_var (Reader     *r,
            const Val  *ref,
            gboolean    list)
{
  FrameVar *var;

  if (ref == NULL || ref->kind != VAL_REF)
    return NULL;
  var = g_hash_table_lookup (r->vars, strip_prefix (ref->str));
  if (var == NULL || var->list != list)
    return NULL;
  return var;
}

/* Item j of a per-thread list, following family B references */
static const ThreadArr *
resolve_item (Reader   *r,
              FrameVar *list,
              guint     j,
              gboolean *missing)
{
  ThreadArr *ta;
  FrameVar *flat;

  if (list == NULL || j >= list->items->len)
    return NULL;
  ta = g_ptr_array_index (list->items, j);
  if (ta->kind != TA_REF)
    return ta;
  flat = g_hash_table_lookup (r->vars, ta->ref);
  if (flat == NULL || flat->list || flat->items->len != 1)
    {
      *missing = TRUE;
      return NULL;
    }
  return g_ptr_array_index (flat->items, 0);
}

static void
drop_var (Reader     *r,
          const char *name)
{
  gpointer key, value;

  if (g_hash_table_steal_extended (r->vars, name, &key, &value))
    {
      g_free (key);
      frame_var_free (r, value);
    }
}

static void
mark_truncated (Reader     *r,
                gsize       offset,
                const char *why)
{
  if (r->truncated)
    return;
  r->truncated = TRUE;
  r->truncated_at = offset;
  r->truncated_why = g_strdup (why);
}

/* One MakeFrame, resolved: what the frame's processing needs, owned, so that
 * the parser can go on with the next frame meanwhile (pipeline_start) */
struct _FrameJob
{
  FrameJob         *next;                /* in a JobQueue */
  guint             f;
  guint             nargs;
  double            start, end, gstart, gend;
  double            args[22];            /* #9..#21 as numbers, NAN when not */
  guint             n_threads;
  const ThreadArr **items;               /* n_threads × ts, tt, ti, tl */
  GPtrArray        *owned;               /* FrameVar*: taken out of r->vars */
  gboolean          sentinel;            /* ends the worker */
};

/* Runs in the parser's thread: frees the arrays into its pool */
static void
frame_job_free (Reader   *r,
                FrameJob *job)
{
  if (job->owned != NULL)
    {
      for (guint i = 0; i < job->owned->len; i++)
        frame_var_free (r, g_ptr_array_index (job->owned, i));
      g_ptr_array_unref (job->owned);
    }
  g_free (job->items);
  g_free (job);
}

/* Takes the variable @name out of r->vars into @job, once */
static void
frame_job_take (Reader     *r,
                FrameJob   *job,
                const char *name)
{
  gpointer key, value;

  if (g_hash_table_steal_extended (r->vars, name, &key, &value))
    {
      g_free (key);
      g_ptr_array_add (job->owned, value);
    }
}

/* The frame's own processing: the threads' logs into the arena, then the
 * frame record. Touches only state that statements other than frame data
 * leave alone while frames are in flight (pipeline_drain). */
static void
run_frame (Reader   *r,
           FrameJob *job)
{
  guint f = job->f;
  double start = job->start, end = job->end, gstart = job->gstart, gend = job->gend;
  guint64 timer_limit;
  FrameAcc acc = { 0 };
  HearthFrame fr;

  if (f == 0)
    r->capture_start = isfinite (start) ? start : 0;
  if (!isfinite (start))
    start = r->capture_start;
  if (!isfinite (end))
    end = start;

  timer_limit = MAX ((guint64) r->timers->len, (guint64) MAX (r->declared_timers, 0));
  if (timer_limit == 0)
    timer_limit = MAX_TIMERS;

  {
    double gcut = gstart != 0 || gend != 0 ? gstart : start;

    g_array_append_val (r->fv_cut[0], start);
    g_array_append_val (r->fv_cut[1], gcut);
  }

  for (guint j = 0; j < job->n_threads; j++)
    {
      const ThreadArr *ts = job->items[j * 4];
      const ThreadArr *tt = job->items[j * 4 + 1];
      const ThreadArr *ti = job->items[j * 4 + 2];
      const ThreadArr *tl = job->items[j * 4 + 3];
      ThreadState *th = ensure_thread (r, j);
      double tend;

      tend = th->gpu && (gstart != 0 || gend != 0) ? gend : end;
      th->last_end = tend;
      th->has_last_end = TRUE;
      if (tt == NULL || ts == NULL || ti == NULL || tt->kind == TA_NONE)
        continue;
      if (tl != NULL && tl->kind == TA_NONE)
        tl = NULL;
      process_thread_frame (r, f, j, tt, ts, ti, tl, tend + STALE_MARGIN_MS, timer_limit, &acc);
    }

  hearth_frame_init (&fr);
  fr.start_ms = start;
  fr.end_ms = end;
  if (!((r->family == HEARTH_MICROPROFILE_FAMILY_B_S || r->family == HEARTH_MICROPROFILE_FAMILY_B_VAR) &&
        gstart == 0 && gend == 0))
    {
      fr.gpu_start_ms = gstart;
      fr.gpu_end_ms = gend;
    }
  fr.cpu_frequency_mhz = NAN;
  fr.memory_free = NAN;
  fr.alloc_ms = NAN;
  fr.free_ms = NAN;
  if (job->nargs >= 22)
    {
      const double *a = job->args;

      fr.paused = !isnan (a[9]) && a[9] != 0;
      fr.incomplete = !isnan (a[10]) && a[10] != 0;
      fr.cpu_frequency_mhz = a[11];
      fr.memory_used = a[12];
      fr.memory_free = a[13];
      fr.alloc_ms = a[14];
      fr.alloc_count = a[15];
      fr.free_ms = a[16];
      fr.free_count = a[17];
      fr.cpu_waits_for_gpu_ms = a[18];
      fr.jobs_ms = a[19];
      fr.render_ms = a[20];
      fr.gpu_ms = a[21];

      /* §13.3 */
      if (fr.render_ms > fr.jobs_ms && fr.cpu_waits_for_gpu_ms > 2.5)
        fr.klass = HEARTH_FRAME_CLASS_GPU;
      else if (fr.render_ms > fr.jobs_ms)
        fr.klass = HEARTH_FRAME_CLASS_RENDER;
      else if (isfinite (fr.render_ms) && isfinite (fr.jobs_ms))
        fr.klass = HEARTH_FRAME_CLASS_CPU;
    }
  if (acc.memory)
    {
      fr.alloc_bytes = acc.alloc_bytes;
      fr.free_bytes = acc.free_bytes;
      if (isnan (fr.alloc_count))
        fr.alloc_count = acc.alloc_count;
      if (isnan (fr.free_count))
        fr.free_count = acc.free_count;
    }
  fr.clobbered = acc.clobbered;
  g_array_append_val (r->frames, fr);
}

/* The frame pipeline. Lexing a frame's arrays and walking them cost about
 * the same, so on a machine with two cores a worker thread walks frame k
 * while the parser lexes frame k + 1: the load takes the longer of the two
 * instead of their sum. A job owns its frame's arrays; the worker alone
 * touches the scope stacks, arena, per-frame values and frame records; every
 * statement other than frame data waits for the worker to catch up first
 * (pipeline_drain), because it may change timers, groups or threads. At most
 * PIPELINE_DEPTH frames are in flight, so memory stays at a few frames. */
#define PIPELINE_DEPTH 4

static void
job_queue_init (JobQueue *q)
{
  pthread_mutex_init (&q->lock, NULL);
  pthread_cond_init (&q->cond, NULL);
  q->head = q->tail = NULL;
}

static void
job_queue_clear (JobQueue *q)
{
  pthread_mutex_destroy (&q->lock);
  pthread_cond_destroy (&q->cond);
}

static void
job_queue_push (JobQueue *q,
                FrameJob *job)
{
  pthread_mutex_lock (&q->lock);
  job->next = NULL;
  if (q->tail != NULL)
    q->tail->next = job;
  else
    q->head = job;
  q->tail = job;
  pthread_cond_signal (&q->cond);
  pthread_mutex_unlock (&q->lock);
}

/* The oldest job; waits for one when @wait, else NULL when empty */
static FrameJob *
job_queue_pop (JobQueue *q,
               gboolean  wait)
{
  FrameJob *job;

  pthread_mutex_lock (&q->lock);
  while (wait && q->head == NULL)
    pthread_cond_wait (&q->cond, &q->lock);
  job = q->head;
  if (job != NULL)
    {
      q->head = job->next;
      if (q->head == NULL)
        q->tail = NULL;
    }
  pthread_mutex_unlock (&q->lock);
  return job;
}

static gpointer
pipeline_worker (gpointer data)
{
  Reader *r = data;

  for (;;)
    {
      FrameJob *job = job_queue_pop (&r->jobs, TRUE);
      gboolean last = job->sentinel;

      if (!last)
        run_frame (r, job);
      job_queue_push (&r->done, job);
      if (last)
        return NULL;
    }
}

/* Frees the jobs the worker finished; waits until at most @keep are left */
static void
pipeline_reap (Reader *r,
               guint   keep)
{
  while (r->in_flight > 0)
    {
      FrameJob *job = job_queue_pop (&r->done, r->in_flight > keep);

      if (job == NULL)
        break;
      r->in_flight--;
      frame_job_free (r, job);
    }
}

static void
pipeline_drain (Reader *r)
{
  if (r->worker != NULL)
    pipeline_reap (r, 0);
}

/* HEARTH_MICROPROFILE_PIPELINE=0/1 forces it off/on (tests run the small
 * fixtures both ways); by default big inputs on machines with two cores */
static void
pipeline_start (Reader *r)
{
  const char *env = g_getenv ("HEARTH_MICROPROFILE_PIPELINE");
  gboolean on = r->source->length >= ((gsize) 4 << 20) && g_get_num_processors () >= 2;

  if (env != NULL && *env != 0)
    on = strcmp (env, "0") != 0;
  if (!on)
    return;
  job_queue_init (&r->jobs);
  job_queue_init (&r->done);
  r->worker = g_thread_new ("hearth-microprofile", pipeline_worker, r);
}

static void
pipeline_stop (Reader *r)
{
  FrameJob *end;

  if (r->worker == NULL)
    return;
  end = g_new0 (FrameJob, 1);
  end->sentinel = TRUE;
  job_queue_push (&r->jobs, end);
  r->in_flight++;
  g_thread_join (g_steal_pointer (&r->worker));
  pipeline_reap (r, 0);
  job_queue_clear (&r->jobs);
  job_queue_clear (&r->done);
}

/* Frames[k] = MakeFrame(...): resolves the frame's arrays and hands the
 * frame to run_frame, in the worker when there is one */
static void
process_frame (Reader     *r,
               const Val  *call,
               const char *stmt)
{
  guint nargs = call->items->len;
  guint f = r->n_frames_seen;
  const Val *refs[4];
  FrameVar *vars[4];
  static const char *const what[4] = { "ts", "tt", "ti", "tl" };
  guint n_threads;
  FrameJob *job;

  if (nargs < 8)
    {
      reader_warn (r, "MakeFrame at byte %" G_GSIZE_FORMAT " has %u arguments, expected 8, 9 or 22; skipped",
                   offset_of (r, stmt), nargs);
      return;
    }

  refs[0] = val_arg (call, 5);
  refs[1] = val_arg (call, 6);
  refs[2] = val_arg (call, 7);
  refs[3] = nargs >= 9 && val_arg (call, 8)->kind == VAL_REF ? val_arg (call, 8) : NULL;

  for (guint i = 0; i < 4; i++)
    {
      vars[i] = lookup_var (r, refs[i], TRUE);
      if (vars[i] == NULL && (i < 3 || refs[i] != NULL))
        {
          g_autofree char *why = g_strdup_printf ("frame %u refers to %s, which is never defined", f,
                                                  refs[i] && refs[i]->kind == VAL_REF ? refs[i]->str : what[i]);

          mark_truncated (r, offset_of (r, stmt), why);
          r->stop = TRUE;
          return;
        }
    }

  n_threads = vars[1]->items->len;
  if (vars[0]->items->len != n_threads || vars[2]->items->len != n_threads ||
      (vars[3] != NULL && vars[3]->items->len != n_threads))
    {
      if (r->n_thread_mismatch++ < 3)
        reader_warn (r, "frame %u: the per-thread arrays have different thread counts", f);
      n_threads = MIN (n_threads, MIN (vars[0]->items->len, vars[2]->items->len));
    }

  job = g_new0 (FrameJob, 1);
  job->f = f;
  job->nargs = nargs;
  job->start = val_num (val_arg (call, 1), NAN);
  job->end = val_num (val_arg (call, 2), NAN);
  job->gstart = val_num (val_arg (call, 3), 0);
  job->gend = val_num (val_arg (call, 4), 0);
  for (guint i = 9; i < MIN (nargs, G_N_ELEMENTS (job->args)); i++)
    job->args[i] = val_num (val_arg (call, i), NAN);
  job->n_threads = n_threads;
  job->items = g_new0 (const ThreadArr *, (gsize) n_threads * 4 + 1);
  job->owned = g_ptr_array_new ();

  for (guint j = 0; j < n_threads; j++)
    {
      gboolean missing = FALSE;

      for (guint i = 0; i < 4; i++)
        job->items[j * 4 + i] = resolve_item (r, vars[i], j, &missing);
      if (missing)
        {
          g_autofree char *why = g_strdup_printf ("frame %u, thread %u refers to a log array that is never defined",
                                                  f, j);

          mark_truncated (r, offset_of (r, stmt), why);
          r->stop = TRUE;
          frame_job_free (r, job);
          return;
        }
    }

  /* the frame consumes its arrays (and, in family B, the arrays its lists
   * name): take them out of r->vars */
  for (guint i = 0; i < 4; i++)
    {
      if (vars[i] == NULL)
        continue;
      for (guint j = 0; j < vars[i]->items->len; j++)
        {
          ThreadArr *ta = g_ptr_array_index (vars[i]->items, j);

          if (ta->kind == TA_REF)
            frame_job_take (r, job, ta->ref);
        }
      frame_job_take (r, job, strip_prefix (refs[i]->str));
    }

  r->n_frames_seen++;
  if (r->worker == NULL)
    {
      run_frame (r, job);
      frame_job_free (r, job);
      return;
    }
  job_queue_push (&r->jobs, job);
  r->in_flight++;
  pipeline_reap (r, PIPELINE_DEPTH);
}

/* ------------------------------------------------------------------------ */
/* Statements */

/* A number as an integer, or @fallback when it is not one in [-2^52, 2^52]:
 * casting NaN or a huge double is undefined */
static gint64
val_int (const Val *v,
         gint64     fallback)
{
  double d = val_num (v, (double) fallback);

  return d >= -4503599627370496.0 && d <= 4503599627370496.0 ? (gint64) d : fallback;
}

static void
handle_group (Reader    *r,
              gint64     index,
              const Val *call)
{
  Group *g;
  const char *color;

  if (call == NULL || call->kind != VAL_CALL || strcmp (call->str, "MakeGroup") != 0)
    return;
  if (index < 0)
    index = val_int (val_arg (call, 0), -1);
  if (index < 0 || index >= 65536)
    return;
  g = ensure_group (r, (guint) index);
  g_free (g->name);
  g->name = g_strdup (val_str (val_arg (call, 1)) ? val_str (val_arg (call, 1)) : "");
  g->category = (int) CLAMP (val_int (val_arg (call, 2), -1), -1, G_MAXINT);
  g->gpu = val_num (val_arg (call, 4), 0) != 0;
  color = val_str (val_arg (call, 8));
  /* family A takes group colours from the wrong table (§6.2): derive one */
  g->has_color = r->family != HEARTH_MICROPROFILE_FAMILY_A && parse_color (color, &g->color);
}

static void
handle_timer (Reader    *r,
              gint64     index,
              const Val *call)
{
  Timer *t;
  const char *name;

  if (call == NULL || call->kind != VAL_CALL || strcmp (call->str, "MakeTimer") != 0)
    return;
  if (index < 0)
    index = val_int (val_arg (call, 0), -1);
  if (index < 0 || index >= MAX_TIMERS)
    {
      reader_warn (r, "timer index %" G_GINT64_FORMAT " out of range; skipped", index);
      return;
    }
  name = val_str (val_arg (call, 1));
  t = ensure_timer (r, (guint) index);
  g_free (t->name);
  t->name = g_strdup (name ? name : "");
  t->group = (guint32) CLAMP (val_int (val_arg (call, 2), 0), 0, G_MAXUINT32);
  t->has_color = parse_color (val_str (val_arg (call, 3)), &t->color);
  if (t->has_color && t->color == 0)
    t->has_color = FALSE;      /* dynamic timers are written black */
  t->dollar = t->name[0] == '$';
  t->defined = TRUE;
}

static GPtrArray *
strings_of (const Val *v)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (v != NULL && v->kind == VAL_ARRAY)
    for (guint i = 0; i < v->items->len; i++)
      {
        const Val *it = g_ptr_array_index (v->items, i);

        g_ptr_array_add (out, g_strdup (it->kind == VAL_STR ? it->str : ""));
      }
  return out;
}

static void
numbers_of (const Val *v,
            GArray    *out,
            gboolean   as_u8)
{
  g_array_set_size (out, 0);
  if (v == NULL || v->kind != VAL_ARRAY)
    return;
  for (guint i = 0; i < v->items->len; i++)
    {
      const Val *it = g_ptr_array_index (v->items, i);
      guint64 raw = it->kind == VAL_NUM ? it->raw : 0;

      if (as_u8)
        {
          guint8 b = raw != 0;

          g_array_append_val (out, b);
        }
      else
        g_array_append_val (out, raw);
    }
}

static void
handle_general_info (Reader    *r,
                     const Val *v)
{
  const char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (v == NULL)
    return;
  if (v->kind == VAL_CALL && strcmp (v->str, "JSON.parse") == 0)
    text = val_str (val_arg (v, 0));
  else if (v->kind == VAL_STR)
    text = v->str;
  if (text == NULL)
    return;

  g_free (r->general_info);
  r->general_info = g_strdup (text);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    {
      reader_warn (r, "GeneralInfo is not valid JSON");
      return;
    }
  root = json_parser_get_root (parser);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *n;

      n = json_object_get_member (o, "PlaceId");
      if (n != NULL && JSON_NODE_HOLDS_VALUE (n))
        {
          gint64 id = json_node_get_int (n);

          if (json_node_get_value_type (n) == G_TYPE_STRING)
            id = g_ascii_strtoll (json_node_get_string (n), NULL, 10);
          g_free (r->place_id);
          r->place_id = id != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
        }
      n = json_object_get_member (o, "ContextLabel");
      if (n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        {
          g_free (r->context_label);
          r->context_label = g_strdup (json_node_get_string (n));
        }
    }
}

static void
handle_counters (Reader    *r,
                 const Val *v)
{
  if (v == NULL || v->kind != VAL_ARRAY)
    return;
  g_ptr_array_set_size (r->counters, 0);
  for (guint i = 0; i < v->items->len; i++)
    {
      const Val *c = g_ptr_array_index (v->items, i);
      const Val *hist;
      HearthMicroprofileCounter *counter;

      if (c->kind != VAL_CALL || strcmp (c->str, "MakeCounter") != 0)
        continue;
      counter = g_new0 (HearthMicroprofileCounter, 1);
      counter->name = g_strdup (val_str (val_arg (c, 5)) ? val_str (val_arg (c, 5)) : "");
      counter->min = val_num (val_arg (c, 7), 0);
      counter->history = g_array_new (FALSE, FALSE, sizeof (double));
      hist = val_arg (c, 15);
      if (hist != NULL && hist->kind == VAL_ARRAY)       /* families A and C (§6.2) */
        for (guint k = 0; k < hist->items->len; k++)
          {
            const Val *h = g_ptr_array_index (hist->items, k);
            double value = val_num (h, 0) + counter->min;

            g_array_append_val (counter->history, value);
          }
      g_ptr_array_add (r->counters, counter);
    }
}

static void
handle_thread_group_time (Reader    *r,
                          const Val *v)
{
  guint stride = 0;

  if (v == NULL || v->kind != VAL_ARRAY)
    return;
  for (guint j = 0; j < v->items->len; j++)
    {
      const Val *row = g_ptr_array_index (v->items, j);
      const Val *arr = val_arg (row, 1);

      if (row->kind == VAL_CALL && arr != NULL && arr->kind == VAL_ARRAY)
        stride = MAX (stride, arr->items->len);
    }
  if (stride == 0)
    return;
  r->thread_group_stride = stride;
  g_array_set_size (r->thread_group_time, 0);
  g_array_set_size (r->thread_group_time, (gsize) stride * v->items->len);
  for (guint j = 0; j < v->items->len; j++)
    {
      const Val *row = g_ptr_array_index (v->items, j);
      const Val *arr = val_arg (row, 1);
      double scale = val_num (val_arg (row, 0), 1);

      if (row->kind != VAL_CALL || arr == NULL || arr->kind != VAL_ARRAY)
        continue;
      for (guint k = 0; k < arr->items->len; k++)
        g_array_index (r->thread_group_time, double, (gsize) j * stride + k) =
          val_num (g_ptr_array_index (arr->items, k), 0) * scale;
    }
}

/* Names whose right-hand side is parsed as a generic value */
static const char *const value_names[] = {
  "DumpHost", "DumpUtcCaptureTime", "PlatformInfo", "GeneralInfo", "CategoryInfo",
  "GroupInfo", "TimerInfo", "ThreadNames", "ThreadIds", "ThreadGpu", "ISGPU",
  "ThreadClobbered", "MetaNames", "CGlobalLabels", "CounterInfo", "ThreadGroupTimeArray",
  "Frames", "StringTable", "ExtensionList", "EnabledFastFlags", NULL
};

static gboolean
is_value_name (const char *name)
{
  for (guint i = 0; value_names[i] != NULL; i++)
    if (strcmp (name, value_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
handle_value (Reader     *r,
              const char *name,
              gint64      index,
              const Val  *v,
              const char *stmt)
{
  if (strcmp (name, "Frames") != 0)
    pipeline_drain (r);                   /* it may change what frames use */
  if (strcmp (name, "Frames") == 0)
    {
      if (index >= 0 && v->kind == VAL_CALL && strcmp (v->str, "MakeFrame") == 0)
        process_frame (r, v, stmt);
      else if (index < 0 && v->kind == VAL_CALL && strcmp (v->str, "Array") == 0)
        r->declared_frames = val_int (val_arg (v, 0), 0);
      else if (index < 0 && v->kind == VAL_ARRAY)
        r->declared_frames = v->items->len;
    }
  else if (strcmp (name, "DumpHost") == 0 && val_str (v))
    {
      g_free (r->dump_host);
      r->dump_host = g_strdup (v->str);
    }
  else if (strcmp (name, "DumpUtcCaptureTime") == 0 && v->kind == VAL_NUM)
    {
      double t = val_num (v, NAN);

      /* seconds since 1970; past the year 9999 it is damage, and in
       * milliseconds it would not fit the profile's gint64 */
      if (t >= 0 && t <= 253402300799.0)
        {
          r->capture_time = (gint64) t;
          r->has_capture_time = TRUE;
        }
      else
        reader_warn (r, "DumpUtcCaptureTime %g is not a time between 1970 and 9999; ignored", t);
    }
  else if (strcmp (name, "PlatformInfo") == 0 && val_str (v))
    {
      g_free (r->platform_info);
      r->platform_info = g_strdup (v->str);
    }
  else if (strcmp (name, "GeneralInfo") == 0)
    handle_general_info (r, v);
  else if (strcmp (name, "CategoryInfo") == 0)
    {
      if (index >= 0 && index < 65536 && val_str (v))
        {
          while (r->categories->len <= (guint) index)
            g_ptr_array_add (r->categories, g_strdup (""));
          g_free (g_ptr_array_index (r->categories, index));
          g_ptr_array_index (r->categories, index) = g_strdup (v->str);
        }
    }
  else if (strcmp (name, "GroupInfo") == 0)
    {
      if (index >= 0)
        handle_group (r, index, v);
      else if (v->kind == VAL_ARRAY)
        for (guint i = 0; i < v->items->len; i++)
          handle_group (r, -1, g_ptr_array_index (v->items, i));
    }
  else if (strcmp (name, "TimerInfo") == 0)
    {
      if (index >= 0)
        handle_timer (r, index, v);
      else if (v->kind == VAL_CALL && strcmp (v->str, "Array") == 0)
        r->declared_timers = CLAMP (val_int (val_arg (v, 0), 0), 0, MAX_TIMERS);
      else if (v->kind == VAL_ARRAY)
        for (guint i = 0; i < v->items->len; i++)
          handle_timer (r, i, g_ptr_array_index (v->items, i));
    }
  else if (strcmp (name, "StringTable") == 0)
    {
      if (index >= 0 && index < MAX_TIMERS && val_str (v))
        {
          Timer *t = ensure_timer (r, (guint) index);

          if (t->name == NULL)
            {
              t->name = g_strdup (v->str);
              t->group = r->groups->len > 0 ? r->groups->len - 1 : 0;
              t->defined = TRUE;
            }
        }
    }
  else if (strcmp (name, "ThreadNames") == 0)
    {
      g_ptr_array_unref (r->thread_names);
      r->thread_names = strings_of (v);
    }
  else if (strcmp (name, "ThreadIds") == 0)
    numbers_of (v, r->thread_ids, FALSE);
  else if (strcmp (name, "ThreadGpu") == 0 || strcmp (name, "ISGPU") == 0)
    {
      numbers_of (v, r->thread_gpu, TRUE);
      for (guint j = 0; j < r->threads->len && j < r->thread_gpu->len; j++)
        g_array_index (r->threads, ThreadState, j).gpu = g_array_index (r->thread_gpu, guint8, j);
    }
  else if (strcmp (name, "ThreadClobbered") == 0)
    numbers_of (v, r->thread_clobbered, TRUE);
  else if (strcmp (name, "MetaNames") == 0)
    {
      g_ptr_array_unref (r->meta_names);
      r->meta_names = strings_of (v);
      for (guint i = 0; i < HEARTH_MICROPROFILE_MAX_META; i++)
        r->meta_ids[i] = i < r->meta_names->len && g_ptr_array_index (r->meta_names, i) != NULL
                         ? ann_intern (r, g_ptr_array_index (r->meta_names, i)) : ANN_ID_META + i;
    }
  else if (strcmp (name, "CGlobalLabels") == 0)
    {
      g_ptr_array_unref (r->global_labels);
      r->global_labels = strings_of (v);
    }
  else if (strcmp (name, "CounterInfo") == 0)
    handle_counters (r, v);
  else if (strcmp (name, "ThreadGroupTimeArray") == 0)
    handle_thread_group_time (r, v);
}

static void
store_var (Reader     *r,
           const char *name,
           FrameVar   *var)
{
  drop_var (r, name);
  g_hash_table_insert (r->vars, g_strdup (name), var);
}

static void
reset_s_vars (Reader *r)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, r->vars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_iter_steal (&iter);
      g_free (key);
      frame_var_free (r, value);
    }
}

/* Skips whitespace and comments between statements. Returns FALSE at the
 * end of the data region (`//CSwitch Size`). */
static gboolean
skip_between_statements (Reader *r)
{
  Lex *lx = &r->lx;

  for (;;)
    {
      skip_ws (lx);
      if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '/')
        {
          const char *nl = memchr (lx->p, '\n', lx->end - lx->p);

          if (lx->end - lx->p >= 14 && memcmp (lx->p, "//CSwitch Size", 14) == 0)
            {
              r->region_end_seen = TRUE;
              return FALSE;
            }
          lx->p = nl != NULL ? nl + 1 : lx->end;
          continue;
        }
      if (lx->end - lx->p >= 2 && lx->p[0] == '/' && lx->p[1] == '*')
        {
          const char *c = find_str (lx->p + 2, lx->end, "*/");

          lx->p = c != NULL ? c + 2 : lx->end;
          continue;
        }
      return TRUE;
    }
}

static void
skip_line (Lex *lx)
{
  const char *nl = memchr (lx->p, '\n', lx->end - lx->p);

  lx->p = nl != NULL ? nl + 1 : lx->end;
}

/* Pages of the input that were parsed are never read again. When the input
 * is a read-only mapping of a file (what hearth_import_file() does), they can
 * be released from the process so that the resident size stays near one
 * window of the file instead of growing to the whole file: the kernel reads
 * them back from the page cache if anyone touches them again. Anonymous or
 * writable memory (gzip output, caller buffers) is never touched. */
static gboolean
is_read_only_file_mapping (const void *data,
                           gsize       length)
{
#ifdef __linux__
  FILE *maps = fopen ("/proc/self/maps", "re");
  char line[512];
  guintptr p = (guintptr) data;
  gboolean ok = FALSE;

  if (maps == NULL)
    return FALSE;
  while (fgets (line, sizeof line, maps) != NULL)
    {
      unsigned long long start, end, offset, inode;
      char perms[8], dev[32];

      if (sscanf (line, "%llx-%llx %7s %llx %31s %llu", &start, &end, perms, &offset, dev, &inode) != 6)
        continue;
      if (p >= start && p < end)
        {
          ok = inode != 0 && perms[1] != 'w' && perms[3] == 'p' && p + length <= end;
          break;
        }
    }
  fclose (maps);
  return ok;
#else
  return FALSE;
#endif
}

static void
drop_behind (Reader     *r,
             const char *upto)
{
#ifdef __linux__
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr from = ((guintptr) r->dropped_to + page - 1) & ~(guintptr) (page - 1);
  guintptr to = ((guintptr) upto & ~(guintptr) (page - 1));

  if (to > page)
    to -= page;                           /* keep a page of margin */
  if (to <= from || to - from < ((gsize) 8 << 20))
    return;
  madvise ((void *) from, to - from, MADV_DONTNEED);
  r->dropped_to = (const char *) to;
#endif
}

static void
report_progress (Reader *r)
{
  gsize off = offset_of (r, r->lx.p);

  if (g_cancellable_is_cancelled (r->source->cancellable))
    {
      GError *local = NULL;

      g_cancellable_set_error_if_cancelled (r->source->cancellable, &local);
      g_propagate_prefixed_error (r->error, local, "%s: ", r->source->display_name);
      r->failed = TRUE;
      r->stop = TRUE;
      return;
    }
  if (r->can_drop)
    drop_behind (r, r->lx.p);
  if (off >= r->next_progress)
    {
      hearth_import_source_progress (r->source, (double) off / MAX (1, r->source->length));
      r->next_progress = off + MAX (r->source->length / 200, 1);
    }
}

/* One statement. Returns LEX_OK, or LEX_EOF/LEX_ERROR for the caller. */
static LexStatus
parse_statement (Reader     *r,
                 const char *stmt)
{
  Lex *lx = &r->lx;
  g_autofree char *path = NULL;
  const char *name, *suffix;
  char base[64];
  gint64 index = -1;
  gboolean push = FALSE;
  LexStatus st;
  int fk;

  st = lex_path (r, lx, r->sbuf);
  if (st != LEX_OK)
    return st;
  if (strcmp (r->sbuf->str, "var") == 0 || strcmp (r->sbuf->str, "let") == 0 ||
      strcmp (r->sbuf->str, "const") == 0)
    {
      skip_ws (lx);
      if (lx->p >= lx->end)
        return LEX_EOF;
      if (!is_ident_start (*lx->p))
        {
          reader_error (r, "expected a name at byte %" G_GSIZE_FORMAT, offset_of (r, lx->p));
          return LEX_ERROR;
        }
      st = lex_path (r, lx, r->sbuf);
      if (st != LEX_OK)
        return st;
    }
  if (strcmp (r->sbuf->str, "function") == 0)
    {
      r->stop = TRUE;                /* viewer code after the data */
      return LEX_OK;
    }

  path = g_strndup (r->sbuf->str, r->sbuf->len);
  name = strip_prefix (path);
  suffix = name + strcspn (name, ".[");
  if ((gsize) (suffix - name) >= sizeof base)
    return skip_expr (r, lx);
  memcpy (base, name, suffix - name);
  base[suffix - name] = 0;
  if (suffix[0] == '[')
    {
      index = g_ascii_strtoll (suffix + 1, NULL, 10);
      suffix = strchr (suffix, ']') + 1;
    }
  if (strcmp (suffix, ".push") == 0)
    push = TRUE;
  else if (suffix[0] != 0)
    return skip_expr (r, lx);

  skip_ws (lx);
  if (lx->p >= lx->end)
    return strcmp (path, "S") == 0 ? LEX_OK : LEX_EOF;

  if (push)
    return skip_expr (r, lx);             /* TimerInfo.push is handled by parse_statements */

  if (*lx->p != '=' || (lx->p + 1 < lx->end && lx->p[1] == '='))
    return skip_expr (r, lx);             /* a bare expression statement */
  lx->p++;
  skip_ws (lx);
  if (lx->p >= lx->end)
    return LEX_EOF;

  if (strcmp (path, "S") == 0)
    {
      reset_s_vars (r);
      return skip_expr (r, lx);
    }

  fk = index < 0 ? frame_var_kind (base) : 0;
  if (fk == 1)
    {
      FrameVar *var = g_new0 (FrameVar, 1);

      var->list = TRUE;
      var->items = g_ptr_array_new ();
      st = parse_thread_list (r, lx, var);
      if (st != LEX_OK)
        {
          frame_var_free (r, var);
          return st;
        }
      store_var (r, base, var);
      return LEX_OK;
    }
  if (fk == 2)
    {
      FrameVar *var = g_new0 (FrameVar, 1);
      ThreadArr *ta = thread_arr_new (r);

      var->items = g_ptr_array_new ();
      g_ptr_array_add (var->items, ta);
      if (*lx->p == '[')
        {
          ta->kind = TA_LITERAL;
          st = parse_inner_array (r, lx, ta);
        }
      else
        st = parse_thread_element (r, lx, ta);
      if (st != LEX_OK)
        {
          frame_var_free (r, var);
          return st;
        }
      store_var (r, base, var);
      return LEX_OK;
    }

  if (is_value_name (base))
    {
      g_autoptr(Val) v = NULL;

      st = parse_value (r, lx, 0, &v);
      if (st != LEX_OK)
        return st;
      handle_value (r, base, index, v, stmt);
      return LEX_OK;
    }

  st = skip_expr (r, lx);
  if (st == LEX_OK && strcmp (base, "CSwitchThreads") == 0)
    {
      r->region_end_seen = TRUE;
      r->stop = TRUE;
    }
  return st;
}

/* TimerInfo.push(MakeTimer(...)): parse_statement hands the "(...)" here */
static LexStatus
parse_push (Reader *r)
{
  Lex *lx = &r->lx;
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func ((GDestroyNotify) val_free);
  LexStatus st;

  lx->p++;
  st = parse_list (r, lx, ')', 0, args);
  if (st != LEX_OK)
    return st;
  pipeline_drain (r);
  for (guint i = 0; i < args->len; i++)
    handle_timer (r, -1, g_ptr_array_index (args, i));
  return LEX_OK;
}

static void
parse_statements (Reader *r)
{
  Lex *lx = &r->lx;

  while (!r->stop)
    {
      const char *stmt;
      LexStatus st;
      char c;

      if (!skip_between_statements (r))
        break;
      if (lx->p >= lx->end)
        break;
      stmt = lx->p;
      c = *stmt;
      if (c == ';' || c == ',')
        {
          lx->p++;
          continue;
        }
      if (c == '}' || c == '<')
        {
          r->region_end_seen = TRUE;
          break;
        }
      if (!is_ident_start (c))
        {
          if (r->n_skipped_statements++ < 5)
            reader_warn (r, "unexpected '%c' at byte %" G_GSIZE_FORMAT "; skipped to the next line",
                         c, offset_of (r, stmt));
          skip_line (lx);
          continue;
        }

      /* TimerInfo.push( needs the call syntax: detect it before the generic path */
      if (lx->end - lx->p > 16)
        {
          const char *q = lx->p;

          if (memcmp (q, "S.", 2) == 0)
            q += 2;
          if (lx->end - q > 15 && memcmp (q, "TimerInfo.push", 14) == 0)
            {
              lx->p = q + 14;
              skip_ws (lx);
              if (lx->p < lx->end && *lx->p == '(')
                {
                  st = parse_push (r);
                  goto done;
                }
              lx->p = stmt;
            }
        }

      st = parse_statement (r, stmt);

    done:
      if (st == LEX_EOF)
        {
          mark_truncated (r, offset_of (r, stmt), "the file ends in the middle of a statement");
          break;
        }
      if (st == LEX_ERROR)
        {
          if (r->n_skipped_statements++ < 5)
            reader_warn (r, "%s; statement skipped", r->err_msg ? r->err_msg : "syntax error");
          lx->p = MAX (lx->p, stmt + 1);
          skip_line (lx);
          continue;
        }

      /* end of statement */
      while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t'))
        lx->p++;
      if (lx->p < lx->end && *lx->p == ';')
        lx->p++;

      if (r->n_frames_seen > 0 && lx->p >= r->lx.base + r->next_progress)
        report_progress (r);
    }
}

/* ------------------------------------------------------------------------ */
/* The profile */

static const char *
format_id (Family family,
           const char **human)
{
  switch (family)
    {
    case HEARTH_MICROPROFILE_FAMILY_B_VAR:
      *human = "MicroProfiler dump (microprofile, var era)";
      return "microprofile-b-var";
    case HEARTH_MICROPROFILE_FAMILY_B_S:
      *human = "MicroProfiler dump (microprofile, S. era)";
      return "microprofile-b-s";
    case HEARTH_MICROPROFILE_FAMILY_C:
      *human = "Roblox MicroProfiler dump (logical statements)";
      return "microprofile-c";
    case HEARTH_MICROPROFILE_FAMILY_NONE:
    case HEARTH_MICROPROFILE_FAMILY_A:
    case HEARTH_MICROPROFILE_FAMILY_R0FL:
    case HEARTH_MICROPROFILE_FAMILY_R0FL_RAW:
    case HEARTH_MICROPROFILE_FAMILY_DATA_LOST:
    case HEARTH_MICROPROFILE_FAMILY_TEMPLATE:
    default:
      *human = "MicroProfiler dump (classic Roblox / zeux, ticks)";
      return "microprofile-a";
    }
}

static guint
function_of_timer (Reader               *r,
                   HearthProfileBuilder *b,
                   GArray               *cache,
                   guint32               timer)
{
  guint *slot;

  if (timer >= cache->len)
    {
      guint old = cache->len;

      g_array_set_size (cache, timer + 1);
      for (guint i = old; i <= timer; i++)
        g_array_index (cache, guint, i) = G_MAXUINT;
    }
  slot = &g_array_index (cache, guint, timer);
  if (*slot == G_MAXUINT)
    {
      const Timer *t = timer < r->timers->len ? &g_array_index (r->timers, Timer, timer) : NULL;
      const Group *g = t != NULL && t->group < r->groups->len ? &g_array_index (r->groups, Group, t->group) : NULL;
      g_autofree char *fallback = NULL;
      const char *name;
      guint32 color;

      if (t != NULL && t->name != NULL)
        name = t->name;
      else
        name = fallback = g_strdup_printf ("timer %u", timer);

      *slot = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_FUNCTION, name, NULL, 0,
                                                      g != NULL ? g->name : NULL,
                                                      g != NULL && g->gpu ? HEARTH_FUNCTION_FLAG_GPU : 0);
      if (t != NULL && t->has_color)
        color = t->color;
      else if (g != NULL && g->has_color)
        color = g->color;
      else
        color = derive_color (name);
      hearth_profile_builder_set_function_color (b, *slot, color);
    }
  return *slot;
}

static void
copy_values (Reader               *r,
             HearthProfileBuilder *b,
             guint32               from,
             guint                 to)
{
  static const HearthMetric metrics[N_V] = {
    HEARTH_METRIC_CPU_TIME, HEARTH_METRIC_CALLS,
    HEARTH_METRIC_ALLOC_COUNT, HEARTH_METRIC_ALLOC_BYTES,
    HEARTH_METRIC_FREE_COUNT, HEARTH_METRIC_FREE_BYTES,
  };

  if (r->fv_map != NULL)
    r->fv_map[from] = to;
  for (guint m = 0; m < N_V; m++)
    if (*arena_val (&r->arena, m, from) != 0)
      hearth_profile_builder_add_value (b, to, metrics[m], *arena_val (&r->arena, m, from));
}

static void
copy_subtree (Reader               *r,
              HearthProfileBuilder *b,
              GArray               *cache,
              guint32               container,
              guint                 tnode)
{
  Arena *a = &r->arena;
  /* (builder node, next arena child to copy) */
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  guint32 top[2] = { tnode, a->first_child[container] };

  /* In depth-first pre-order, which is the profile's own node order: the
   * builder then keeps its node numbers and the annotations and frame
   * values stay in order when it remaps them */
  copy_values (r, b, container, tnode);
  g_array_append_val (stack, top);
  while (stack->len > 0)
    {
      guint32 *t = &g_array_index (stack, guint32, (stack->len - 1) * 2);
      guint32 c = t[1], child[2];

      if (c == HEARTH_NO_INDEX)
        {
          g_array_set_size (stack, stack->len - 1);
          continue;
        }
      t[1] = a->next_sibling[c];
      child[0] = hearth_profile_builder_add_child (b, t[0], function_of_timer (r, b, cache, a->timer[c]));
      child[1] = a->first_child[c];
      copy_values (r, b, c, child[0]);
      g_array_append_val (stack, child);
    }
}

/* The labels and counters @v kept in its own cache line (NodeNotes), to
 * builder node @bn */
static void
annotate_node (Reader               *r,
               HearthProfileBuilder *b,
               guint32               v,
               guint                 bn)
{
  const NodeNotes *h = &r->arena.notes[v];

  for (guint k = 0; k < G_N_ELEMENTS (h->label) && h->label[k] != 0; k++)
    hearth_profile_builder_add_unique_annotation (b, bn, HEARTH_ANNOTATION_LABEL,
                                                  g_ptr_array_index (r->ann_name_list, h->label[k] - 1),
                                                  h->label_n[k]);
  for (guint k = 0; k < G_N_ELEMENTS (h->counter) && h->counter[k] != 0; k++)
    hearth_profile_builder_add_unique_annotation (b, bn, HEARTH_ANNOTATION_COUNTER,
                                                  g_ptr_array_index (r->ann_name_list, h->counter[k] - 1),
                                                  h->counter_v[k]);
}

static char **
thread_display_names (Reader *r,
                      guint   n)
{
  char **names = g_new0 (char *, n + 1);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < n; j++)
    {
      const char *name = j < r->thread_names->len ? g_ptr_array_index (r->thread_names, j) : NULL;
      guint count;

      names[j] = name != NULL && name[0] ? g_strdup (name) : g_strdup_printf ("Thread %u", j);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[j]));
      g_hash_table_replace (counts, g_strdup (names[j]), GUINT_TO_POINTER (count + 1));
    }
  /* duplicates get 0, 1, 2, ... appended (§13.4) */
  for (guint j = 0; j < n; j++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (counts, names[j])) > 1)
      {
        gpointer orig_key = NULL, value = NULL;
        guint k;

        g_hash_table_lookup_extended (counts, names[j], &orig_key, &value);
        k = GPOINTER_TO_UINT (g_hash_table_lookup (seen, orig_key));
        g_hash_table_insert (seen, orig_key, GUINT_TO_POINTER (k + 1));
        g_free (names[j]);
        names[j] = g_strdup_printf ("%s%u", (char *) orig_key, k);
      }
  return names;
}

static HearthProfile *
build_profile (Reader *r)
{
  g_autoptr(HearthProfileBuilder) b = hearth_profile_builder_new ();
  g_autoptr(GArray) cache = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *human;
  const char *id = format_id (r->family, &human);
  guint n_threads, n_paused = 0, n_clobbered = 0;
  char **names;
  double last_end = r->capture_start;

  hearth_profile_builder_set_format (b, id, human);
  hearth_profile_builder_set_file_name (b, r->source->path ? r->source->path : r->source->display_name);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CPU_TIME, HEARTH_VALUE_SELF);
  hearth_profile_builder_enable_metric (b, HEARTH_METRIC_CALLS, HEARTH_VALUE_SELF);
  if (r->has_memory)
    {
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_COUNT, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_ALLOC_BYTES, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_COUNT, HEARTH_VALUE_SELF);
      hearth_profile_builder_enable_metric (b, HEARTH_METRIC_FREE_BYTES, HEARTH_VALUE_SELF);
    }

  /* Frames */
  for (guint f = 0; f < r->frames->len; f++)
    {
      const HearthFrame *fr = &g_array_index (r->frames, HearthFrame, f);

      hearth_profile_builder_add_frame (b, fr);
      n_paused += fr->paused;
      n_clobbered += fr->clobbered;
      if (isfinite (fr->end_ms))
        last_end = MAX (last_end, fr->end_ms);
    }
  hearth_profile_builder_set_session_ms (b, last_end - r->capture_start);

  /* Threads: close what is still open, then copy the trees */
  n_threads = MAX (r->threads->len, r->thread_names->len);
  n_threads = MIN (n_threads, MAX_THREADS);
  if (n_threads > 0)
    ensure_thread (r, n_threads - 1);
  names = thread_display_names (r, n_threads);
  for (guint j = 0; j < n_threads; j++)
    {
      ThreadState *th = &g_array_index (r->threads, ThreadState, j);

      while (th->depth > 0)
        {
          r->n_still_open++;
          close_scope (r, j, th, th->has_last_end ? th->last_end : last_end, NAN, TRUE);
        }
    }
  fv_drop_paused (r);                     /* before the totals are copied */
  for (guint j = 0; j < n_threads; j++)
    {
      ThreadState *th = &g_array_index (r->threads, ThreadState, j);
      gboolean gpu = th->gpu;
      gboolean clobbered = th->clobbered ||
                           (j < r->thread_clobbered->len && g_array_index (r->thread_clobbered, guint8, j));
      guint fid, tnode;

      if (r->fv_map == NULL)
        {
          r->fv_map = g_new (guint32, MAX (r->arena.n, 1));
          memset (r->fv_map, 0xff, sizeof (guint32) * MAX (r->arena.n, 1));
        }

      fid = hearth_profile_builder_intern_function (b, HEARTH_FUNCTION_KIND_THREAD, names[j], NULL, 0, NULL,
                                                    gpu ? HEARTH_FUNCTION_FLAG_GPU : 0);
      tnode = hearth_profile_builder_add_child (b, HEARTH_ROOT_NODE, fid);
      copy_subtree (r, b, cache, th->container, tnode);
      hearth_profile_builder_add_thread (b, names[j], tnode, gpu, clobbered);
    }
  g_strfreev (names);
  if (r->fv_map != NULL)
    {
      /* the builder sorts them by frame inside this very buffer */
      hearth_profile_builder_take_frame_values (b, g_steal_pointer (&r->fv), r->n_fv, r->fv_map, r->arena.n);
      r->n_fv = r->fv_cap = 0;
      g_clear_pointer (&r->fv_last, g_free);
      r->fv_last_cap = 0;
    }
  /* labels and meta counters, now that arena nodes have builder nodes;
   * the rest of the arena is not needed any more: give it back first, this
   * is the peak of the load's memory */
  arena_free_cold (&r->arena);
  if (r->fv_map != NULL)
    {
      /* in the builder's node order, which is the profile's (copy_subtree),
       * so that finish() finds them sorted */
      guint nb = hearth_profile_builder_get_n_nodes (b);
      g_autofree guint32 *unmap = g_new (guint32, MAX (nb, 1));

      memset (unmap, 0xff, sizeof (guint32) * MAX (nb, 1));
      for (guint32 v = 0; v < r->arena.n; v++)
        if (r->fv_map[v] < nb)
          unmap[r->fv_map[v]] = v;
      for (guint bn = 0; bn < nb; bn++)
        if (unmap[bn] != HEARTH_NO_INDEX)
          annotate_node (r, b, unmap[bn], bn);
    }
  for (guint i = 0; i < r->n_ann_slots && r->fv_map != NULL; i++)
    {
      const AnnRec *a = &r->ann[i];

      if (a->name != 0 && a->node < r->arena.n && r->fv_map[a->node] != HEARTH_NO_INDEX)
        hearth_profile_builder_add_unique_annotation (b, r->fv_map[a->node], (HearthAnnotationKind) (a->name & 1),
                                                      g_ptr_array_index (r->ann_name_list, (a->name >> 1) - 1),
                                                      a->value);
    }
  arena_clear (&r->arena);                /* before finish() allocates the profile */

  /* Metadata */
  if (r->has_capture_time)
    hearth_profile_builder_set_capture_time_ms (b, r->capture_time * 1000);
  if (r->place_id != NULL)
    hearth_profile_builder_set_place_id (b, r->place_id);
  if (r->dump_host != NULL && r->dump_host[0])
    hearth_profile_builder_set_metadata (b, "dump-host", r->dump_host);
  if (r->platform_info != NULL)
    hearth_profile_builder_set_metadata (b, "platform", r->platform_info);
  if (r->general_info != NULL)
    hearth_profile_builder_set_metadata (b, "general-info", r->general_info);
  if (r->context_label != NULL)
    hearth_profile_builder_set_metadata (b, "context-label", r->context_label);
  if (r->meta_names->len > 0)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      for (guint i = 0; i < r->meta_names->len; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (r->meta_names, i));
      hearth_profile_builder_set_metadata (b, "meta-counters", s->str);
    }
  {
    char buf[32];

    g_snprintf (buf, sizeof buf, "%u", r->n_labels);
    hearth_profile_builder_set_metadata (b, "labels", buf);
  }

  /* Warnings: what was repaired or skipped */
  if (r->truncated)
    hearth_profile_builder_add_warning (b, "the file is truncated at byte %" G_GSIZE_FORMAT " (%s); "
                                        "loaded the %u complete frames",
                                        r->truncated_at, r->truncated_why, r->frames->len);
  else if (r->declared_frames > (gint64) r->frames->len)
    hearth_profile_builder_add_warning (b, "the file is truncated: %" G_GINT64_FORMAT " frames declared, "
                                        "%u found", r->declared_frames, r->frames->len);
  if (r->n_stale > 0)
    hearth_profile_builder_add_warning (b, "%u stale log entries discarded (ring buffer wrap-around); "
                                        "%u frames clobbered", r->n_stale, n_clobbered);
  if (r->n_placeholders > 0)
    hearth_profile_builder_add_warning (b, "%u scopes started before the capture (leave without enter); "
                                        "they start at the capture start", r->n_placeholders);
  if (r->n_still_open > 0)
    hearth_profile_builder_add_warning (b, "%u scopes were still open at the end of the capture; "
                                        "closed at the last frame end", r->n_still_open);
  if (r->n_mismatch_leave > 0)
    hearth_profile_builder_add_warning (b, "%u scope ends name a different timer than their start",
                                        r->n_mismatch_leave);
  if (r->n_bad_timer > 0)
    hearth_profile_builder_add_warning (b, "%u log entries refer to timers that do not exist; skipped",
                                        r->n_bad_timer);
  if (r->n_bad_label > 0)
    hearth_profile_builder_add_warning (b, "%u labels refer to label slots that do not exist (shown as \"??\")",
                                        r->n_bad_label);
  if (r->n_bad_event > 0)
    hearth_profile_builder_add_warning (b, "%u events run past the end of their log array; not decoded",
                                        r->n_bad_event);
  if (r->n_nonfinite > 0)
    hearth_profile_builder_add_warning (b, "%u numbers are NaN or infinite", r->n_nonfinite);
  if (n_paused > 0)
    hearth_profile_builder_add_warning (b, "%u frames were captured while paused; "
                                        "they are not counted in the totals", n_paused);
  for (guint i = 0; i < r->warnings->len; i++)
    hearth_profile_builder_add_warning (b, "%s", (char *) g_ptr_array_index (r->warnings, i));

  return hearth_profile_builder_finish (b);
}

static HearthMicroprofileInfo *
make_info (Reader *r)
{
  HearthMicroprofileInfo *info = g_new0 (HearthMicroprofileInfo, 1);

  info->family = r->family;
  info->n_frames = r->frames->len;
  info->n_threads = MAX (r->threads->len, r->thread_names->len);
  info->n_timers = 0;
  for (guint i = 0; i < r->timers->len; i++)
    if (g_array_index (r->timers, Timer, i).defined)
      info->n_timers++;
  info->n_groups = r->groups->len;
  info->n_categories = r->categories->len;
  info->thread_ids = g_array_ref (r->thread_ids);
  info->meta_names = g_ptr_array_ref (r->meta_names);
  info->counters = g_ptr_array_ref (r->counters);
  info->thread_group_time_ms = g_array_ref (r->thread_group_time);
  info->thread_group_stride = r->thread_group_stride;
  info->tick_scale = r->tick_scale;
  info->n_stale_entries = r->n_stale;
  info->truncated = r->truncated || r->declared_frames > (gint64) r->frames->len;
  info->truncated_at = r->truncated_at;
  return info;
}

void
hearth_microprofile_info_free (HearthMicroprofileInfo *info)
{
  if (info == NULL)
    return;
  g_array_unref (info->thread_ids);
  g_ptr_array_unref (info->meta_names);
  g_ptr_array_unref (info->counters);
  g_array_unref (info->thread_group_time_ms);
  g_free (info);
}

static void
reader_init (Reader                   *r,
             const HearthImportSource *source,
             GError                  **error)
{
  memset (r, 0, sizeof *r);
  r->source = source;
  r->error = error;
  r->lx.base = (const char *) source->data;
  r->lx.p = r->lx.base;
  r->lx.end = r->lx.base + source->length;
  r->sbuf = g_string_sized_new (256);
  r->categories = g_ptr_array_new_with_free_func (g_free);
  r->groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_array_set_clear_func (r->groups, group_clear);
  r->timers = g_array_new (FALSE, TRUE, sizeof (Timer));
  g_array_set_clear_func (r->timers, timer_clear);
  r->declared_timers = -1;
  r->synthetic = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->thread_names = g_ptr_array_new_with_free_func (g_free);
  r->thread_ids = g_array_new (FALSE, TRUE, sizeof (guint64));
  r->thread_gpu = g_array_new (FALSE, TRUE, sizeof (guint8));
  r->thread_clobbered = g_array_new (FALSE, TRUE, sizeof (guint8));
  r->meta_names = g_ptr_array_new_with_free_func (g_free);
  r->global_labels = g_ptr_array_new_with_free_func (g_free);
  r->counters = g_ptr_array_new_with_free_func (counter_free);
  r->thread_group_time = g_array_new (FALSE, TRUE, sizeof (double));
  r->tick_scale = NAN;
  r->declared_frames = -1;
  r->vars = g_hash_table_new (g_str_hash, g_str_equal);
  r->pool = g_ptr_array_new_with_free_func ((GDestroyNotify) thread_arr_free);
  r->frames = g_array_new (FALSE, TRUE, sizeof (HearthFrame));
  r->threads = g_array_new (FALSE, TRUE, sizeof (ThreadState));
  r->fv_cut[0] = g_array_new (FALSE, FALSE, sizeof (double));
  r->fv_cut[1] = g_array_new (FALSE, FALSE, sizeof (double));
  r->fv_base = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  r->ann_name_list = g_ptr_array_new_with_free_func (g_free);
  r->ann_names = g_hash_table_new (g_str_hash, g_str_equal);   /* keys owned by ann_name_list */
  ann_intern (r, "??");
  ann_intern (r, "(overwritten)");
  for (guint i = 0; i < HEARTH_MICROPROFILE_MAX_META; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "meta %u", i);
      r->meta_ids[i] = ann_intern (r, name);
    }
  pthread_mutex_init (&r->warn_lock, NULL);
}

static void
reader_clear (Reader *r)
{
  GHashTableIter iter;
  gpointer key, value;

  pipeline_stop (r);
  pthread_mutex_destroy (&r->warn_lock);
  g_hash_table_unref (r->ann_names);
  g_ptr_array_unref (r->ann_name_list);
  g_free (r->ann);
  g_hash_table_iter_init (&iter, r->vars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_free (key);
      frame_var_free (r, value);
    }
  g_hash_table_unref (r->vars);
  g_ptr_array_unref (r->pool);
  for (guint j = 0; j < r->threads->len; j++)
    {
      ThreadState *th = &g_array_index (r->threads, ThreadState, j);

      for (guint d = 0; d < th->depth; d++)
        if (th->stack[d].labels != NULL)
          g_ptr_array_unref (th->stack[d].labels);
      g_free (th->stack);
    }
  g_array_unref (r->threads);
  arena_clear (&r->arena);
  g_free (r->fv);
  g_free (r->fv_last);
  g_array_unref (r->fv_cut[0]);
  g_array_unref (r->fv_cut[1]);
  g_ptr_array_unref (r->fv_base);
  g_free (r->fv_map);
  g_string_free (r->sbuf, TRUE);
  g_free (r->err_msg);
  g_free (r->dump_host);
  g_free (r->platform_info);
  g_free (r->general_info);
  g_free (r->place_id);
  g_free (r->context_label);
  g_free (r->truncated_why);
  g_ptr_array_unref (r->categories);
  g_array_unref (r->groups);
  g_array_unref (r->timers);
  g_hash_table_unref (r->synthetic);
  g_ptr_array_unref (r->thread_names);
  g_array_unref (r->thread_ids);
  g_array_unref (r->thread_gpu);
  g_array_unref (r->thread_clobbered);
  g_ptr_array_unref (r->meta_names);
  g_ptr_array_unref (r->global_labels);
  g_ptr_array_unref (r->counters);
  g_array_unref (r->thread_group_time);
  g_array_unref (r->frames);
  g_ptr_array_unref (r->warnings);
}

/**
 * hearth_microprofile_read_full:
 * @scope_func: (nullable): called for every reconstructed scope instance
 * @info: (out) (optional) (nullable): what was parsed; also set on failure
 *   when parsing got that far
 *
 * Reads a MicroProfiler dump (microprofiler.md).
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_microprofile_read_full (const HearthImportSource     *source,
                               HearthMicroprofileScopeFunc   scope_func,
                               gpointer                      user_data,
                               HearthMicroprofileInfo      **info,
                               GError                      **error)
{
  Reader r;
  const char *region = NULL;
  Family family;
  HearthProfile *profile = NULL;

  if (info != NULL)
    *info = NULL;

  family = detect (source->data, source->length, &region);
  switch (family)
    {
    case HEARTH_MICROPROFILE_FAMILY_NONE:
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNKNOWN_FORMAT,
                               "not a MicroProfiler dump (no DumpHost statement and no R0FL data comment)");
      return NULL;

    case HEARTH_MICROPROFILE_FAMILY_DATA_LOST:
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                               "the dump's data was lost (page saved again by a web browser?)");
      return NULL;

    case HEARTH_MICROPROFILE_FAMILY_TEMPLATE:
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                               "a MicroProfiler viewer page without captured data (a template or live page), "
                               "not a dump");
      return NULL;

    case HEARTH_MICROPROFILE_FAMILY_R0FL_RAW:
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                               "a bare .raw R0FL body has no parser; open the .html dump it came from");
      return NULL;

    case HEARTH_MICROPROFILE_FAMILY_R0FL:
      {
        HearthR0flInfo rinfo;
        GError *local = NULL;

        if (!hearth_r0fl_validate (source->data, source->length, &rinfo, &local))
          {
            hearth_format_set_error (error, source, local->code, "%s", local->message);
            g_error_free (local);
            return NULL;
          }
        /* the dump's own parser, in hearth-r0fl-helper (roblox-r0fl.md) */
        return hearth_r0fl_run (source, &rinfo, NULL, NULL, error);
      }

    case HEARTH_MICROPROFILE_FAMILY_A:
    case HEARTH_MICROPROFILE_FAMILY_B_VAR:
    case HEARTH_MICROPROFILE_FAMILY_B_S:
    case HEARTH_MICROPROFILE_FAMILY_C:
    default:
      break;
    }

  reader_init (&r, source, error);
  r.family = family;
  /* Growing the arena copies it: start at about a node per 500 bytes of
   * dump (the generated dumps have one per 550), which costs nothing until
   * the nodes are made (untouched pages are never resident) */
  r.arena.first_cap = (guint) CLAMP (source->length / 500, 256, 1 << 22);
  r.can_drop = source->length >= ((gsize) 32 << 20) &&
               is_read_only_file_mapping (source->data, source->length);
  r.dropped_to = region;
#ifdef __linux__
  if (r.can_drop)
    madvise ((void *) ((guintptr) source->data & ~(guintptr) (sysconf (_SC_PAGESIZE) - 1)),
             source->length, MADV_SEQUENTIAL);
#endif
  r.scope_func = scope_func;
  r.scope_data = user_data;
  r.lx.p = region;

  hearth_import_source_progress (source, 0.0);
  pipeline_start (&r);
  parse_statements (&r);
  pipeline_stop (&r);

  if (!r.failed)
    {
      if (r.frames->len == 0)
        {
          if (r.truncated)
            hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_TRUNCATED,
                                     "the dump is truncated at byte %" G_GSIZE_FORMAT
                                     " before its first complete frame (%s)",
                                     r.truncated_at, r.truncated_why);
          else if (r.declared_frames > 0)
            hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_TRUNCATED,
                                     "the dump declares %" G_GINT64_FORMAT " frames but holds none "
                                     "(the file is truncated)", r.declared_frames);
          else
            hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_NO_DATA,
                                     "This dump contains zero frames");
        }
      else
        profile = build_profile (&r);
    }

  if (info != NULL)
    *info = make_info (&r);
  reader_clear (&r);

  if (profile != NULL)
    hearth_import_source_progress (source, 1.0);
  return profile;
}

HearthProfile *
hearth_microprofile_read (const HearthImportSource *source,
                          GError                  **error)
{
  return hearth_microprofile_read_full (source, NULL, NULL, NULL, error);
}

/* ------------------------------------------------------------------------ */
/* Statement streams (R0FL: docs/formats/roblox-r0fl.md §6) */

struct _HearthMicroprofileStream
{
  HearthImportSource source;          /* the caller's, without progress and cancellable */
  Reader             r;
  guint              n_chunks;
  guint              n_bad_chunks;
  gboolean           broken;
};

/**
 * hearth_microprofile_stream_new:
 * @source: the dump the statements come from; names the profile and errors
 *
 * Starts a C-logical statement stream: the statements that a modern Roblox
 * dump's own parser delivers, chunk by chunk. Chunks are parsed as data,
 * never evaluated; a chunk boundary is a statement boundary.
 *
 * Returns: (transfer full): the stream
 */
HearthMicroprofileStream *
hearth_microprofile_stream_new (const HearthImportSource *source)
{
  HearthMicroprofileStream *s = g_new0 (HearthMicroprofileStream, 1);

  s->source = *source;
  s->source.progress = NULL;
  s->source.cancellable = NULL;
  reader_init (&s->r, &s->source, NULL);
  s->r.family = HEARTH_MICROPROFILE_FAMILY_C;
  return s;
}

/**
 * hearth_microprofile_stream_feed:
 * @chunk: one chunk of statements (not NUL-terminated)
 * @length: its length in bytes
 *
 * Parses one chunk to its end. A chunk that ends inside a statement is
 * skipped with a warning; a frame that refers to something never defined
 * ends the stream (what came before is kept).
 */
void
hearth_microprofile_stream_feed (HearthMicroprofileStream *s,
                                 const char               *chunk,
                                 gsize                     length)
{
  Reader *r = &s->r;
  gboolean was_truncated = r->truncated;

  s->n_chunks++;
  if (s->broken || r->failed || length == 0)
    return;
  r->lx.base = chunk;
  r->lx.p = chunk;
  r->lx.end = chunk + length;
  r->stop = FALSE;
  parse_statements (r);
  if (!was_truncated && r->truncated)
    {
      if (r->stop)
        {
          s->broken = TRUE;
          return;
        }
      if (s->n_bad_chunks++ < 5)
        reader_warn (r, "statement chunk %u from the dump's parser is incomplete at byte %" G_GSIZE_FORMAT
                     "; skipped", s->n_chunks, r->truncated_at);
      r->truncated = FALSE;
      r->truncated_at = 0;
      g_clear_pointer (&r->truncated_why, g_free);
    }
}

/**
 * hearth_microprofile_stream_get_n_frames:
 * @declared: (out) (optional): the `Frames = Array(N)` count, or -1
 *
 * Returns: the number of complete frames so far
 */
guint
hearth_microprofile_stream_get_n_frames (HearthMicroprofileStream *s,
                                         gint64                   *declared)
{
  if (declared != NULL)
    *declared = s->r.declared_frames;
  return s->r.frames->len;
}

/**
 * hearth_microprofile_stream_add_warning:
 *
 * Adds a warning to the profile that hearth_microprofile_stream_finish()
 * builds.
 */
void
hearth_microprofile_stream_add_warning (HearthMicroprofileStream *s,
                                        const char               *format,
                                        ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_insert (s->r.warnings, 0, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * hearth_microprofile_stream_free:
 *
 * Frees a stream without building a profile.
 */
void
hearth_microprofile_stream_free (HearthMicroprofileStream *s)
{
  if (s == NULL)
    return;
  reader_clear (&s->r);
  g_free (s);
}

/**
 * hearth_microprofile_stream_finish:
 *
 * Builds the profile from the complete frames and frees @s.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_microprofile_stream_finish (HearthMicroprofileStream  *s,
                                   GError                   **error)
{
  Reader *r = &s->r;
  HearthProfile *profile = NULL;

  if (s->n_bad_chunks > 5)
    reader_warn (r, "%u more statement chunks from the dump's parser were incomplete; skipped",
                 s->n_bad_chunks - 5);
  if (r->frames->len == 0)
    {
      if (r->declared_frames > 0)
        hearth_format_set_error (error, &s->source, HEARTH_FORMAT_ERROR_TRUNCATED,
                                 "the dump's parser declared %" G_GINT64_FORMAT " frames but delivered none",
                                 r->declared_frames);
      else
        hearth_format_set_error (error, &s->source, HEARTH_FORMAT_ERROR_NO_DATA,
                                 "This dump contains zero frames");
    }
  else
    profile = build_profile (r);

  hearth_microprofile_stream_free (s);
  return profile;
}
