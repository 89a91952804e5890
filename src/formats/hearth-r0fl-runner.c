/* hearth-r0fl-runner.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-r0fl-runner"

#define _GNU_SOURCE /* memfd_create */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "hearth-microprofile-private.h"
#include "hearth-r0fl-runner.h"
#include "hearth-r0fl-runner-private.h"

/* The parent side of modern Roblox dumps (docs/formats/roblox-r0fl.md §5, §6):
 * runs hearth-r0fl-helper on the dump with GSubprocess, in the calling
 * (loader) thread, under a CPU limit, a resident-memory watchdog, a
 * wall-clock deadline and an output cap, reads its records and feeds the
 * statement chunks to the C-logical statement parser as data. Nothing from
 * the dump is evaluated in this process. */

#define MAX_RECORD       ((gsize) 256 << 20)
#define STDERR_KEEP      ((gsize) 64 << 10)
#define WATCH_INTERVAL_US (50 * 1000)
#define MAX_CONSOLE      10

static GMutex           defaults_lock;
static HearthR0flLimits defaults;
static gboolean         defaults_set;

/**
 * hearth_r0fl_set_default_limits:
 *
 * Sets the limits that importing an R0FL dump uses (the settings of the
 * application or the options of hearth-cli). Zero fields keep their
 * built-in defaults.
 */
void
hearth_r0fl_set_default_limits (const HearthR0flLimits *limits)
{
  g_mutex_lock (&defaults_lock);
  defaults = *limits;
  defaults_set = TRUE;
  g_mutex_unlock (&defaults_lock);
}

static void
resolve_limits (const HearthR0flLimits *in,
                HearthR0flLimits       *out)
{
  long pages = sysconf (_SC_PHYS_PAGES);
  long page = sysconf (_SC_PAGESIZE);
  guint64 budget = (guint64) 4 << 30;

  *out = *in;
  if (out->cpu_seconds == 0)
    out->cpu_seconds = 300;
  if (out->memory_bytes != 0)
    budget = out->memory_bytes;
  /* never more than three quarters of physical memory (§5.2): a larger
   * budget only hands the decision to the kernel's out-of-memory killer */
  if (pages > 0 && page > 0)
    budget = MIN (budget, (guint64) pages * (guint64) page / 4 * 3);
  out->memory_bytes = budget;
  if (out->wall_seconds == 0)
    out->wall_seconds = 2 * out->cpu_seconds + 10;
  if (out->output_bytes == 0)
    out->output_bytes = (guint64) 8 << 30;
}

/**
 * hearth_r0fl_get_default_limits:
 * @limits: (out): the limits an import uses, with every default resolved
 */
void
hearth_r0fl_get_default_limits (HearthR0flLimits *limits)
{
  HearthR0flLimits set = { 0 };

  g_mutex_lock (&defaults_lock);
  if (defaults_set)
    set = defaults;
  g_mutex_unlock (&defaults_lock);
  resolve_limits (&set, limits);
}

/**
 * hearth_r0fl_helper_path:
 *
 * `HEARTH_R0FL_HELPER` for uninstalled runs and tests, else the installed
 * helper in libexecdir.
 *
 * Returns: (transfer full): the helper's path
 */
char *
hearth_r0fl_helper_path (void)
{
  const char *env = g_getenv ("HEARTH_R0FL_HELPER");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (HEARTH_LIBEXECDIR, "hearth-r0fl-helper", NULL);
}

/**
 * hearth_r0fl_helper_available:
 *
 * Returns: whether Hearth was built with JavaScriptCore (the helper)
 */
gboolean
hearth_r0fl_helper_available (void)
{
  return HAVE_R0FL_HELPER;
}

typedef enum
{
  KILL_NONE,
  KILL_CANCEL,
  KILL_MEMORY,
  KILL_WALL,
  KILL_OUTPUT,
  KILL_PROTOCOL,
} KillReason;

typedef struct
{
  GMutex              lock;
  GCond               cond;
  gboolean            stop;
  GSubprocess        *process;
  GPollableInputStream *err;
  GCancellable       *cancellable;
  HearthR0flLimits    limits;
  char                proc_statm[64];
  char                proc_stat[64];
  gint64              deadline;
  KillReason          reason;         /* the first kill wins */
  double              cpu_seconds;    /* last CPU time seen */
  guint64             peak_rss;
  GString            *stderr_tail;
} Watch;

static void
watch_kill (Watch      *w,
            KillReason  reason)
{
  g_mutex_lock (&w->lock);
  if (w->reason == KILL_NONE)
    w->reason = reason;
  g_mutex_unlock (&w->lock);
  g_subprocess_force_exit (w->process);
}

static void
watch_drain_stderr (Watch *w)
{
  char buf[16384];

  if (w->err == NULL)
    return;
  for (;;)
    {
      gssize n = g_pollable_input_stream_read_nonblocking (w->err, buf, sizeof buf, NULL, NULL);

      if (n <= 0)
        break;
      g_string_append_len (w->stderr_tail, buf, n);
      if (w->stderr_tail->len > 2 * STDERR_KEEP)
        g_string_erase (w->stderr_tail, 0, w->stderr_tail->len - STDERR_KEEP);
    }
}

static void
watch_poll (Watch *w)
{
  char buf[512];
  FILE *f;

  watch_drain_stderr (w);

  if (g_cancellable_is_cancelled (w->cancellable))
    {
      watch_kill (w, KILL_CANCEL);
      return;
    }

  f = fopen (w->proc_statm, "re");
  if (f != NULL)
    {
      unsigned long long size, resident;

      if (fscanf (f, "%llu %llu", &size, &resident) == 2)
        {
          guint64 rss = (guint64) resident * (guint64) sysconf (_SC_PAGESIZE);

          w->peak_rss = MAX (w->peak_rss, rss);
          if (rss > w->limits.memory_bytes)
            watch_kill (w, KILL_MEMORY);
        }
      fclose (f);
    }

  f = fopen (w->proc_stat, "re");
  if (f != NULL)
    {
      size_t n = fread (buf, 1, sizeof buf - 1, f);
      const char *p;

      buf[n] = 0;
      /* fields after the command name, which may contain spaces: state is
       * field 3, utime and stime are fields 14 and 15 */
      p = strrchr (buf, ')');
      if (p != NULL)
        {
          unsigned long long utime = 0, stime = 0;

          if (sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) == 2)
            w->cpu_seconds = (double) (utime + stime) / sysconf (_SC_CLK_TCK);
        }
      fclose (f);
    }

  if (g_get_monotonic_time () > w->deadline)
    watch_kill (w, KILL_WALL);
}

static gpointer
watch_thread (gpointer data)
{
  Watch *w = data;

  g_mutex_lock (&w->lock);
  while (!w->stop)
    {
      gint64 until = g_get_monotonic_time () + WATCH_INTERVAL_US;

      g_cond_wait_until (&w->cond, &w->lock, until);
      if (w->stop)
        break;
      g_mutex_unlock (&w->lock);
      watch_poll (w);
      g_mutex_lock (&w->lock);
    }
  g_mutex_unlock (&w->lock);
  return NULL;
}

typedef struct
{
  rlim_t cpu_seconds;
} ChildLimits;

/* Runs in the child between fork and exec: async-signal-safe calls only */
static void
helper_child_setup (gpointer data)
{
  const ChildLimits *lim = data;
  struct rlimit cpu = { lim->cpu_seconds, lim->cpu_seconds + 5 };   /* SIGXCPU, then SIGKILL */
  struct rlimit zero = { 0, 0 };

  setrlimit (RLIMIT_CPU, &cpu);
  setrlimit (RLIMIT_CORE, &zero);          /* no core dump of a multi-GB process */
  setrlimit (RLIMIT_FSIZE, &zero);         /* no regular file can be written; pipes are unaffected */
  prctl (PR_SET_PDEATHSIG, SIGKILL);       /* dies with the thread that started it */
  prctl (PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

/* A read-only descriptor holding the dump's bytes: the data may have been
 * decompressed, so the helper gets the bytes we have, not the file. */
static int
dump_fd (const HearthImportSource  *source,
         GError                   **error)
{
  int fd = memfd_create ("hearth-r0fl-dump", MFD_CLOEXEC);
  gsize done = 0;

  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "memfd_create: %s", g_strerror (saved));
      return -1;
    }
  while (done < source->length)
    {
      ssize_t n = write (fd, source->data + done, MIN (source->length - done, (gsize) 1 << 30));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "cannot copy the dump: %s",
                       g_strerror (saved));
          close (fd);
          return -1;
        }
      done += n;
    }
  lseek (fd, 0, SEEK_SET);
  return fd;
}

typedef struct
{
  const HearthImportSource *source;
  const HearthR0flInfo     *info;
  HearthR0flStats          *stats;
  HearthMicroprofileStream *stream;
  Watch                    *watch;
  HearthR0flLimits          limits;

  gboolean  seen_info;
  gboolean  seen_menu;
  gboolean  done;                     /* D */
  gboolean  failed;                   /* E */
  char     *fail_code;
  char     *fail_message;
  char     *protocol;                 /* what was malformed */
  GPtrArray *console;                 /* level-2 console lines after M, the last 10 */
  GPtrArray *results;                 /* non-empty R payloads */
  int       rc;
  guint64   statement_bytes;
  guint64   n_chunks;
  guint     last_frames;
} Run;

static void
run_protocol_error (Run        *run,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

static void
run_protocol_error (Run        *run,
                    const char *format,
                    ...)
{
  va_list args;

  if (run->protocol == NULL)
    {
      va_start (args, format);
      run->protocol = g_strdup_vprintf (format, args);
      va_end (args);
    }
  if (run->watch != NULL)
    watch_kill (run->watch, KILL_PROTOCOL);
}

static double
kv_double (const char *text,
           const char *key)
{
  g_autofree char *k = g_strconcat (key, "=", NULL);
  const char *p = text;

  while (p != NULL && *p)
    {
      if (g_str_has_prefix (p, k))
        return g_ascii_strtod (p + strlen (k), NULL);
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return NAN;
}

/* Returns FALSE to stop reading */
static gboolean
run_record (Run          *run,
            guint8        type,
            const guint8 *payload,
            gsize         len)
{
  switch (type)
    {
    case 'I':
      run->seen_info = TRUE;
      if (run->stats != NULL)
        run->stats->info_us = g_get_monotonic_time ();
      g_debug ("helper: %.*s", (int) len, (const char *) payload);
      return TRUE;

    case 'M':
      run->seen_menu = TRUE;
      g_debug ("helper handshake: %.*s", (int) MIN (len, 200), (const char *) payload);
      return TRUE;

    case 'S':
      {
        guint frames;
        gint64 declared;

        if (!run->seen_menu || run->done || run->failed)
          {
            run_protocol_error (run, "a statement record %s", run->seen_menu ? "after the end" : "before Init");
            return FALSE;
          }
        run->n_chunks++;
        run->statement_bytes += len;
        if (run->statement_bytes > run->limits.output_bytes)
          {
            if (run->watch != NULL)
              watch_kill (run->watch, KILL_OUTPUT);
            return FALSE;
          }
        hearth_microprofile_stream_feed (run->stream, (const char *) payload, len);
        frames = hearth_microprofile_stream_get_n_frames (run->stream, &declared);
        if (frames != run->last_frames && declared > 0)
          {
            run->last_frames = frames;
            hearth_import_source_progress (run->source, (double) frames / (double) declared);
          }
        return TRUE;
      }

    case 'R':
      if (len > 0 && run->results->len < 10)
        g_ptr_array_add (run->results, g_utf8_make_valid ((const char *) payload, len));
      return TRUE;

    case 'L':
      if (len > 0 && payload[0] == '2' && run->seen_menu)
        {
          g_ptr_array_add (run->console, g_utf8_make_valid ((const char *) payload + 1, len - 1));
          if (run->console->len > MAX_CONSOLE)
            g_ptr_array_remove_index (run->console, 0);
        }
      else if (len > 0)
        g_debug ("helper console: %.*s", (int) MIN (len - 1, 500), (const char *) payload + 1);
      return TRUE;

    case 'D':
      {
        g_autofree char *text = g_utf8_make_valid ((const char *) payload, len);

        if (run->done || run->failed)
          {
            run_protocol_error (run, "a second final record");
            return FALSE;
          }
        run->done = TRUE;
        {
          double rc = kv_double (text, "rc");

          run->rc = isfinite (rc) ? (int) CLAMP (rc, G_MININT, G_MAXINT) : 0;
        }
        g_debug ("helper done: %s", text);
        if (run->stats != NULL)
          {
            run->stats->load_ms = kv_double (text, "load-ms");
            run->stats->init_ms = kv_double (text, "init-ms");
            run->stats->parse_ms = kv_double (text, "parse-ms");
            run->stats->decode_ms = kv_double (text, "decode-ms");
            run->stats->rc = run->rc;
          }
        return TRUE;
      }

    case 'E':
      {
        g_autofree char *text = g_utf8_make_valid ((const char *) payload, len);
        char *nl = strchr (text, '\n');
        char *nl2;

        if (run->done || run->failed)
          {
            run_protocol_error (run, "a second final record");
            return FALSE;
          }
        run->failed = TRUE;
        if (nl == NULL)
          {
            run->fail_code = g_strdup (text);
            run->fail_message = g_strdup ("");
            return TRUE;
          }
        *nl = 0;
        run->fail_code = g_strdup (text);
        nl2 = strchr (nl + 1, '\n');
        if (nl2 != NULL)
          {
            g_debug ("helper error details: %s", nl2 + 1);
            *nl2 = 0;
          }
        run->fail_message = g_strdup (nl + 1);
        return TRUE;
      }

    default:
      return TRUE;                      /* unknown record types are ignored */
    }
}

/* Handles the whole records at the start of @data. Returns the number of
 * bytes used, or -1 to stop reading. */
static gssize
run_consume (Run          *run,
             const guint8 *data,
             gsize         len)
{
  gsize pos = 0;

  while (len - pos >= 5)
    {
      const guint8 *h = data + pos;
      gsize plen = h[1] | h[2] << 8 | h[3] << 16 | (gsize) h[4] << 24;

      if (plen > MAX_RECORD)
        {
          run_protocol_error (run, "a record of %" G_GSIZE_FORMAT " bytes", plen);
          return -1;
        }
      if (len - pos < 5 + plen)
        break;
      if (!run_record (run, h[0], h + 5, plen))
        return -1;
      pos += 5 + plen;
    }
  return (gssize) pos;
}

static void
run_stream_end (Run   *run,
                gsize  left)
{
  if (left > 0 && !run->done && !run->failed)
    run_protocol_error (run, "the stream ends inside a record");
}

/* Reads records from the helper's stdout until the end of the stream */
static void
run_read (Run *run,
          int  out)
{
  gsize cap = 1 << 20, len = 0;
  guint8 *buf = g_malloc (cap);

  for (;;)
    {
      gssize used = run_consume (run, buf, len);
      gssize n;

      if (used < 0)
        goto out;
      if (used > 0)
        {
          memmove (buf, buf + used, len - used);
          len -= used;
        }
      if (len >= 5)
        {
          gsize need = 5 + (buf[1] | buf[2] << 8 | buf[3] << 16 | (gsize) buf[4] << 24);

          if (need > cap)
            {
              cap = need;
              buf = g_realloc (buf, cap);
            }
        }

      n = read (out, buf + len, cap - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += n;
    }
  run_stream_end (run, len);

out:
  g_free (buf);
}

static const char *
signal_name (int sig)
{
  switch (sig)
    {
    case SIGSEGV: return "SIGSEGV";
    case SIGBUS: return "SIGBUS";
    case SIGILL: return "SIGILL";
    case SIGFPE: return "SIGFPE";
    case SIGABRT: return "SIGABRT";
    case SIGKILL: return "SIGKILL";
    case SIGTERM: return "SIGTERM";
    case SIGXCPU: return "SIGXCPU";
    case SIGXFSZ: return "SIGXFSZ";
    case SIGPIPE: return "SIGPIPE";
    case SIGTRAP: return "SIGTRAP";
    case SIGSYS: return "SIGSYS";
    default: return "unknown";
    }
}

/* The user-facing message of an E record (roblox-r0fl.md §5.5) */
static char *
error_message (Run               *run,
               HearthFormatError *code)
{
  const char *c = run->fail_code, *m = run->fail_message;

  *code = HEARTH_FORMAT_ERROR_INVALID;
  if (strcmp (c, "container") == 0)
    return g_strdup (m);
  if (strcmp (c, "tools-eval") == 0 ||
      (strcmp (c, "tools-load") == 0 &&
       (g_str_has_prefix (m, "CompileError") || g_str_has_prefix (m, "LinkError"))))
    return g_strdup_printf ("the dump's parser module is damaged: %s", m);
  if (strcmp (c, "tools-load") == 0 || strcmp (c, "init") == 0)
    return g_strdup_printf ("the dump's parser module failed to start: %s", m);
  if (strcmp (c, "unsupported") == 0)
    {
      *code = HEARTH_FORMAT_ERROR_UNSUPPORTED;
      return g_strdup_printf ("this dump's parser module is a version Hearth does not support (%s)", m);
    }
  if (strcmp (c, "handshake") == 0)
    {
      *code = HEARTH_FORMAT_ERROR_UNSUPPORTED;
      return g_strdup ("this dump's parser module is a version Hearth does not support "
                       "(no valid handshake from Init)");
    }
  if (strcmp (c, "malloc") == 0)
    {
      *code = HEARTH_FORMAT_ERROR_TOO_LARGE;
      return g_strdup_printf ("this dump is too large for its own parser (%u MB of profile data)",
                              (guint) (((guint64) run->info->body_size + 500000) / 1000000));
    }
  if (strcmp (c, "parse") == 0)
    {
      GString *s = g_string_new (NULL);

      g_string_printf (s, "the dump's parser failed: %s", m);
      for (guint i = 0; i < run->console->len; i++)
        {
          const char *line = g_ptr_array_index (run->console, i);

          /* emscripten prints Aborted(...) before throwing the same text */
          if (line[0] == '\0' || strstr (m, line) != NULL)
            continue;
          g_string_append_printf (s, "\n%s", line);
        }
      return g_string_free (s, FALSE);
    }
  if (strcmp (c, "internal") == 0)
    return g_strdup_printf ("internal error in the R0FL helper: %s", m);
  return g_strdup_printf ("the R0FL helper failed (%s): %s", c, m);
}

/* Why the helper did not deliver, or NULL after a D record */
static char *
run_outcome (Run               *run,
             GSubprocess       *process,
             HearthFormatError *code)
{
  Watch *w = run->watch;
  int sig;

  *code = HEARTH_FORMAT_ERROR_TOO_LARGE;
  switch (w->reason)
    {
    case KILL_MEMORY:
      return g_strdup_printf ("the dump's parser used more than %" G_GUINT64_FORMAT " MiB of memory "
                              "and was stopped", w->limits.memory_bytes >> 20);
    case KILL_WALL:
      return g_strdup_printf ("the dump's parser did not finish within %u s and was stopped",
                              w->limits.wall_seconds);
    case KILL_OUTPUT:
      return g_strdup_printf ("the dump's parser produced more than %" G_GUINT64_FORMAT " MiB of statements "
                              "and was stopped", w->limits.output_bytes >> 20);
    case KILL_PROTOCOL:
      *code = HEARTH_FORMAT_ERROR_INVALID;
      return g_strdup_printf ("the R0FL helper sent malformed output (%s)",
                              run->protocol != NULL ? run->protocol : "garbled framing");
    case KILL_CANCEL:
    case KILL_NONE:
    default:
      break;
    }

  if (run->failed)
    return error_message (run, code);
  *code = HEARTH_FORMAT_ERROR_INVALID;
  if (g_subprocess_get_if_signaled (process))
    {
      sig = g_subprocess_get_term_sig (process);
      if (sig == SIGXCPU || (sig == SIGKILL && w->cpu_seconds + 0.5 >= w->limits.cpu_seconds))
        {
          *code = HEARTH_FORMAT_ERROR_TOO_LARGE;
          return g_strdup_printf ("the dump's parser used more than %u s of CPU time and was stopped",
                                  w->limits.cpu_seconds);
        }
      if (sig == SIGKILL)
        return g_strdup ("the dump's parser was killed by the system (out of memory?)");
      if (sig == SIGABRT && !run->seen_info)
        return g_strdup ("JavaScriptCore could not start in the R0FL helper (an address-space limit "
                         "below 6 GiB, such as ulimit -v, causes this)");
      return g_strdup_printf ("the dump's parser crashed (signal %d, %s)", sig, signal_name (sig));
    }
  if (run->done)
    return NULL;
  return g_strdup_printf ("the R0FL helper exited unexpectedly (status %d)",
                          g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1);
}

static void
run_init (Run                      *run,
          const HearthImportSource *source,
          const HearthR0flInfo     *info,
          const HearthR0flLimits   *limits)
{
  run->source = source;
  run->info = info;
  run->limits = *limits;
  run->stream = hearth_microprofile_stream_new (source);
  run->console = g_ptr_array_new_with_free_func (g_free);
  run->results = g_ptr_array_new_with_free_func (g_free);
}

static void
run_clear (Run *run)
{
  g_ptr_array_unref (run->console);
  g_ptr_array_unref (run->results);
  g_free (run->fail_code);
  g_free (run->fail_message);
  g_free (run->protocol);
}

/* The profile from the statements, or the error @why (nullable) */
static HearthProfile *
run_conclude (Run                *run,
              const char         *why,
              HearthFormatError   code,
              GError            **error)
{
  HearthProfile *profile;

  if (why != NULL)
    {
      gint64 declared;
      guint frames = hearth_microprofile_stream_get_n_frames (run->stream, &declared);

      if (frames == 0)
        {
          hearth_microprofile_stream_free (run->stream);
          hearth_format_set_error (error, run->source, code, "%s", why);
          return NULL;
        }
      /* §6.3: keep the complete frames, say what happened */
      if (declared > 0)
        hearth_microprofile_stream_add_warning (run->stream, "%s; loaded %u of %" G_GINT64_FORMAT " frames",
                                                why, frames, declared);
      else
        hearth_microprofile_stream_add_warning (run->stream, "%s; loaded %u frames", why, frames);
    }
  else
    {
      if (run->rc != 0)
        hearth_microprofile_stream_add_warning (run->stream, "the dump's parser returned %d", run->rc);
      for (guint i = 0; i < run->results->len; i++)
        hearth_microprofile_stream_add_warning (run->stream, "the dump's parser reported: %s",
                                                (char *) g_ptr_array_index (run->results, i));
    }
  profile = hearth_microprofile_stream_finish (run->stream, error);
  if (profile != NULL)
    hearth_import_source_progress (run->source, 1.0);
  return profile;
}

/**
 * _hearth_r0fl_read_records:
 * @records: what a helper wrote to its stdout
 *
 * Parses helper records from memory as if a helper that exited with status
 * 0 had written them: the parent's record reader without a process, for
 * fuzzing and tests.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
_hearth_r0fl_read_records (const HearthImportSource  *source,
                           const guint8              *records,
                           gsize                      length,
                           GError                   **error)
{
  HearthR0flInfo info = { 0 };
  HearthR0flLimits limits;
  HearthFormatError code = HEARTH_FORMAT_ERROR_INVALID;
  g_autofree char *why = NULL;
  HearthProfile *profile;
  Run run = { 0 };
  gssize used;

  hearth_r0fl_get_default_limits (&limits);
  run_init (&run, source, &info, &limits);
  used = run_consume (&run, records, length);
  if (used >= 0)
    run_stream_end (&run, length - used);
  if (run.protocol != NULL)
    why = g_strdup_printf ("the R0FL helper sent malformed output (%s)", run.protocol);
  else if (run.failed)
    why = error_message (&run, &code);
  else if (!run.done)
    why = g_strdup ("the R0FL helper exited unexpectedly (status 0)");
  profile = run_conclude (&run, why, code, error);
  run_clear (&run);
  return profile;
}

static HearthProfile *
run_helper (const HearthImportSource *source,
            const HearthR0flInfo     *info,
            const HearthR0flLimits   *limits,
            HearthR0flStats          *stats,
            GError                  **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *helper = limits->helper != NULL ? g_strdup (limits->helper) : hearth_r0fl_helper_path ();
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_arg = NULL;
  g_autofree char *why = NULL;
  const char *argv[6];
  const char *env[] = { "LC_ALL=C.UTF-8", NULL };
  ChildLimits child = { 0 };
  Watch w = { 0 };
  Run run = { 0 };
  GThread *thread;
  HearthProfile *profile = NULL;
  HearthFormatError code;
  const char *pid;
  guint argc = 0;
  int out_pipe[2];
  int fd;

  fd = dump_fd (source, &local);
  if (fd < 0)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                               "cannot start the R0FL helper: %s", local->message);
      return NULL;
    }

  base = g_path_get_basename (source->display_name != NULL ? source->display_name : "dump.html");
  name = g_utf8_make_valid (base, -1);
  name_arg = g_strconcat ("--file-name=", name, NULL);
  argv[argc++] = helper;
  argv[argc++] = name_arg;
  if (limits->no_jit)
    argv[argc++] = "--no-jit";
  if (limits->fast_path)
    argv[argc++] = "--fast-path";
  argv[argc] = NULL;

  /* our own pipe for the records: read with read(2) into large buffers, and
   * enlarged so that the helper and the statement parser overlap */
  if (!g_unix_open_pipe (out_pipe, FD_CLOEXEC, &local))
    {
      close (fd);
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_INVALID,
                               "cannot start the R0FL helper: %s", local->message);
      return NULL;
    }
#ifdef F_SETPIPE_SZ
  fcntl (out_pipe[0], F_SETPIPE_SZ, 1 << 20);
#endif

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_take_stdin_fd (launcher, fd);
  g_subprocess_launcher_take_stdout_fd (launcher, out_pipe[1]);
  g_subprocess_launcher_set_environ (launcher, (char **) env);
  child.cpu_seconds = limits->cpu_seconds;
  g_subprocess_launcher_set_child_setup (launcher, helper_child_setup, &child, NULL);

  if (stats != NULL)
    stats->spawn_us = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &local);
  g_clear_object (&launcher);             /* closes our copies of the child's ends */
  if (process == NULL)
    {
      close (out_pipe[0]);
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                               "cannot start the R0FL helper: %s", local->message);
      return NULL;
    }

  g_mutex_init (&w.lock);
  g_cond_init (&w.cond);
  w.process = process;
  w.err = G_POLLABLE_INPUT_STREAM (g_subprocess_get_stderr_pipe (process));
  w.cancellable = source->cancellable;
  w.limits = *limits;
  w.deadline = g_get_monotonic_time () + (gint64) limits->wall_seconds * G_USEC_PER_SEC;
  w.stderr_tail = g_string_new (NULL);
  pid = g_subprocess_get_identifier (process);
  g_snprintf (w.proc_statm, sizeof w.proc_statm, "/proc/%s/statm", pid != NULL ? pid : "0");
  g_snprintf (w.proc_stat, sizeof w.proc_stat, "/proc/%s/stat", pid != NULL ? pid : "0");
  thread = g_thread_new ("hearth-r0fl-watch", watch_thread, &w);

  run_init (&run, source, info, limits);
  run.stats = stats;
  run.watch = &w;

  hearth_import_source_progress (source, 0.0);
  run_read (&run, out_pipe[0]);
  close (out_pipe[0]);
  if (run.protocol != NULL || w.reason != KILL_NONE)
    g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  g_mutex_lock (&w.lock);
  w.stop = TRUE;
  g_cond_signal (&w.cond);
  g_mutex_unlock (&w.lock);
  g_thread_join (thread);
  watch_drain_stderr (&w);
  if (w.stderr_tail->len > 0)
    g_debug ("helper stderr: %s", w.stderr_tail->str);

  if (stats != NULL)
    {
      stats->done_us = g_get_monotonic_time ();
      stats->statement_bytes = run.statement_bytes;
      stats->n_chunks = run.n_chunks;
    }

  if (w.reason == KILL_CANCEL || g_cancellable_is_cancelled (source->cancellable))
    {
      g_autoptr(GError) cancelled = NULL;

      hearth_microprofile_stream_free (run.stream);
      if (!g_cancellable_set_error_if_cancelled (source->cancellable, &cancelled))
        g_set_error_literal (&cancelled, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
      g_propagate_prefixed_error (error, g_steal_pointer (&cancelled), "%s: ", source->display_name);
      goto done;
    }

  why = run_outcome (&run, process, &code);
  profile = run_conclude (&run, why, code, error);

done:
  g_string_free (w.stderr_tail, TRUE);
  g_mutex_clear (&w.lock);
  g_cond_clear (&w.cond);
  run_clear (&run);
  return profile;
}


/**
 * hearth_r0fl_run:
 * @source: an `.html` R0FL dump whose container is valid
 * @info: what hearth_r0fl_validate() found
 * @limits: (nullable): the limits; %NULL for the defaults
 * @stats: (out) (optional): measurements
 *
 * Runs the dump's own parser in hearth-r0fl-helper and builds the profile
 * from the statements it delivers (roblox-r0fl.md §5, §6). Blocks: call it
 * from a worker thread. Cancelling @source's cancellable kills the helper.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
HearthProfile *
hearth_r0fl_run (const HearthImportSource *source,
                 const HearthR0flInfo     *info,
                 const HearthR0flLimits   *limits,
                 HearthR0flStats          *stats,
                 GError                  **error)
{
  HearthR0flLimits resolved;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (info != NULL, NULL);

  if (limits != NULL)
    resolve_limits (limits, &resolved);
  else
    hearth_r0fl_get_default_limits (&resolved);

  if (!HAVE_R0FL_HELPER)
    {
      hearth_format_set_error (error, source, HEARTH_FORMAT_ERROR_UNSUPPORTED,
                               "modern Roblox dumps need JavaScriptCore (javascriptcoregtk-6.0)");
      return NULL;
    }
  return run_helper (source, info, &resolved, stats, error);
}
