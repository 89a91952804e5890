/* hearth-r0fl-helper.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-r0fl-helper"

#include "config.h"

#include <errno.h>
#include <jsc/jsc.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hearth-r0fl.h"
#include "hearth-r0fl-helper-resources.h"

/* hearth-r0fl-helper --file-name=NAME [--no-jit] [--fast-path]
 *
 * Runs the parser that a modern Roblox MicroProfiler dump carries (its tools
 * module) in a fresh JavaScriptCore context, and streams what it produces to
 * fd 1 as records: u8 type, u32le length, payload (docs/formats/roblox-r0fl.md
 * §4). fd 0 is the dump, opened read-only by the parent; the helper opens no
 * file and reads no environment variable of its own. The parent supervises it
 * (CPU limit, memory watchdog, output cap) and parses the statements as data.
 */

typedef enum
{
  PHASE_LOAD,
  PHASE_INIT,
  PHASE_PARSE,
  PHASE_DONE,
} Phase;

static FILE     *out;
static Phase     phase = PHASE_LOAD;
static GString  *handshake;
static guint     handshake_calls;
static guint64   n_chunks;

#define RESOURCE_PREFIX "/io/github/hearthprof/Hearth/r0fl/"

static void
put_record (char        type,
            const void *data,
            gsize       len)
{
  guint8 h[5];

  len = MIN (len, (gsize) G_MAXUINT32);
  h[0] = (guint8) type;
  h[1] = len & 0xff;
  h[2] = (len >> 8) & 0xff;
  h[3] = (len >> 16) & 0xff;
  h[4] = (len >> 24) & 0xff;
  fwrite (h, 1, sizeof h, out);
  if (len > 0)
    fwrite (data, 1, len, out);
}

/* 'E' payload: code, newline, one-line message, then optional details */
static G_NORETURN void fail_with_details (const char *code,
                                          const char *details,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (3, 4);

static G_NORETURN void
fail_with_details (const char *code,
                   const char *details,
                   const char *format,
                   ...)
{
  va_list args;
  char *msg;
  char *payload;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (msg, "\n\r", ' ');
  payload = g_strconcat (code, "\n", msg, details != NULL && details[0] ? "\n" : NULL, details, NULL);
  put_record ('E', payload, strlen (payload));
  fflush (out);
  _exit (1);
}

#define fail(code, ...) fail_with_details (code, NULL, __VA_ARGS__)

static G_NORETURN void
fail_exception (const char   *code,
                JSCException *e)
{
  const char *name = jsc_exception_get_name (e);
  const char *msg = jsc_exception_get_message (e);
  char *report = jsc_exception_report (e);

  fail_with_details (code, report, "%s: %s", name != NULL ? name : "Error", msg != NULL ? msg : "");
}

/* ------------------------------------------------------------------------ */
/* Native functions (§4.3) */

static void
on_log (int         level,
        const char *text,
        gpointer    user_data)
{
  char *payload = g_strdup_printf ("%c%s", '0' + CLAMP (level, 0, 2), text != NULL ? text : "");

  put_record ('L', payload, strlen (payload));
  g_free (payload);
}

static void
on_exec (const char *chunk,
         gpointer    user_data)
{
  if (phase != PHASE_PARSE)
    {
      on_log (1, "statement chunk outside ParseRaw ignored", NULL);
      return;
    }
  n_chunks++;
  put_record ('S', chunk, chunk != NULL ? strlen (chunk) : 0);
}

static void
on_exec_raw (JSCValue *view,
             gpointer  user_data)
{
  gsize n = 0;
  const char *p = jsc_value_is_typed_array (view) ? jsc_value_typed_array_get_data (view, &n) : NULL;
  const char *nul = p != NULL ? memchr (p, 0, n) : NULL;

  if (nul != NULL)
    n = nul - p;
  if (phase != PHASE_PARSE)
    return;
  n_chunks++;
  if (p == NULL)
    put_record ('S', "", 0);
  else if (g_utf8_validate_len (p, n, NULL))
    put_record ('S', p, n);
  else
    {
      char *valid = g_utf8_make_valid (p, (gssize) n);

      put_record ('S', valid, strlen (valid));
      g_free (valid);
    }
}

static void
on_result (const char *payload,
           gpointer    user_data)
{
  if (payload == NULL)
    payload = "";
  if (phase == PHASE_INIT)
    {
      handshake_calls++;
      g_string_assign (handshake, payload);
    }
  else if (phase == PHASE_PARSE)
    put_record ('R', payload, strlen (payload));
}

static JSCValue *
on_decode_utf8 (JSCValue *u8,
                gpointer  user_data)
{
  gsize n = 0;
  const char *p = jsc_value_is_typed_array (u8) ? jsc_value_typed_array_get_data (u8, &n) : NULL;
  char *text;
  JSCValue *s;

  if (p != NULL && g_utf8_validate_len (p, n, NULL))
    {
      /* the usual case: no copy on our side (valid UTF-8 holds no NUL) */
      GBytes *bytes = g_bytes_new_static (p, n);

      s = jsc_value_new_string_from_bytes (JSC_CONTEXT (user_data), bytes);
      g_bytes_unref (bytes);
      return s;
    }
  /* bad bytes become U+FFFD, like TextDecoder */
  text = g_utf8_make_valid (p != NULL ? p : "", p != NULL ? (gssize) n : 0);
  s = jsc_value_new_string (JSC_CONTEXT (user_data), text);
  g_free (text);
  return s;
}

static JSCValue *
on_decode_utf16le (JSCValue *u8,
                   gpointer  user_data)
{
  gsize n = 0;
  const guint8 *p = jsc_value_is_typed_array (u8) ? jsc_value_typed_array_get_data (u8, &n) : NULL;
  GString *s = g_string_sized_new (n);
  JSCValue *v;

  for (gsize i = 0; p != NULL && i + 1 < n; i += 2)
    {
      gunichar c = p[i] | p[i + 1] << 8;

      if (c >= 0xD800 && c < 0xDC00 && i + 3 < n)
        {
          gunichar lo = p[i + 2] | p[i + 3] << 8;

          if (lo >= 0xDC00 && lo < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
              i += 2;
            }
        }
      g_string_append_unichar (s, c >= 0xD800 && c < 0xE000 ? 0xFFFD : c);
    }
  v = jsc_value_new_string (JSC_CONTEXT (user_data), s->str);
  g_string_free (s, TRUE);
  return v;
}

static JSCValue *
on_atob (const char *b64,
         gpointer    user_data)
{
  JSCContext *ctx = JSC_CONTEXT (user_data);
  GError *error = NULL;
  GBytes *bin;
  GBytes *utf8;
  GString *s;
  const guint8 *p;
  gsize n;
  JSCValue *v;

  bin = hearth_r0fl_base64_decode (b64 != NULL ? b64 : "", b64 != NULL ? strlen (b64) : 0, 0, "atob", &error);
  if (bin == NULL)
    {
      jsc_context_throw (ctx, error->message);
      g_error_free (error);
      return jsc_value_new_undefined (ctx);
    }
  p = g_bytes_get_data (bin, &n);
  s = g_string_sized_new (n * 2);         /* a "binary string": U+0000..U+00FF */
  for (gsize i = 0; i < n; i++)
    g_string_append_unichar (s, p[i]);
  utf8 = g_string_free_to_bytes (s);
  v = jsc_value_new_string_from_bytes (ctx, utf8);   /* keeps U+0000: the WASM starts "\0asm" */
  g_bytes_unref (utf8);
  g_bytes_unref (bin);
  return v;
}

static void
install (JSCContext *ctx,
         const char *name,
         GCallback   callback,
         GType       return_type,
         guint       n_params,
         GType       a,
         GType       b)
{
  JSCValue *f;

  if (n_params == 2)
    f = jsc_value_new_function (ctx, name, callback, ctx, NULL, return_type, 2, a, b);
  else
    f = jsc_value_new_function (ctx, name, callback, ctx, NULL, return_type, 1, a);
  jsc_context_set_value (ctx, name, f);
  g_object_unref (f);
}

/* ------------------------------------------------------------------------ */
/* Evaluation */

static JSCValue *
evaluate (JSCContext *ctx,
          const char *code,
          gssize      len,
          const char *uri,
          const char *code_on_error)
{
  JSCValue *v = jsc_context_evaluate_with_source_uri (ctx, code, len, uri, 1);
  JSCException *e = jsc_context_get_exception (ctx);

  if (e != NULL)
    fail_exception (code_on_error, e);
  return v;
}

static void
evaluate_resource (JSCContext *ctx,
                   const char *name,
                   const char *code_on_error,
                   JSCValue  **result)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize len;
  const char *code;
  JSCValue *v;

  if (bytes == NULL)
    fail ("internal", "the helper lacks its resource %s", name);
  code = g_bytes_get_data (bytes, &len);
  v = evaluate (ctx, code, (gssize) len, name, code_on_error);
  if (result != NULL)
    *result = v;
  else
    g_object_unref (v);
  g_bytes_unref (bytes);
}

static char *
evaluate_to_string (JSCContext *ctx,
                    const char *code)
{
  JSCValue *v = jsc_context_evaluate (ctx, code, -1);
  char *s;

  if (jsc_context_get_exception (ctx) != NULL)
    {
      jsc_context_clear_exception (ctx);
      g_object_unref (v);
      return g_strdup ("");
    }
  s = jsc_value_to_string (v);
  g_object_unref (v);
  return s != NULL ? s : g_strdup ("");
}

/* The escaping of JSON.stringify (§4.6) */
static char *
json_string (const char *text)
{
  GString *s = g_string_new ("\"");

  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (s, "\\\"");
          break;
        case '\\':
          g_string_append (s, "\\\\");
          break;
        case '\b':
          g_string_append (s, "\\b");
          break;
        case '\f':
          g_string_append (s, "\\f");
          break;
        case '\n':
          g_string_append (s, "\\n");
          break;
        case '\r':
          g_string_append (s, "\\r");
          break;
        case '\t':
          g_string_append (s, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (s, "\\u%04x", *p);
          else
            g_string_append_c (s, (char) *p);
        }
    }
  g_string_append_c (s, '"');
  return g_string_free (s, FALSE);
}

static GBytes *
read_input (GError **error)
{
  GMappedFile *map = g_mapped_file_new_from_fd (0, FALSE, NULL);
  GByteArray *all;
  guint8 buf[65536];

  if (map != NULL && g_mapped_file_get_length (map) > 0)
    {
      GBytes *bytes = g_mapped_file_get_bytes (map);   /* holds its own reference */

      g_mapped_file_unref (map);
      return bytes;
    }
  g_clear_pointer (&map, g_mapped_file_unref);

  /* not a regular file: read to the end */
  all = g_byte_array_new ();
  for (;;)
    {
      ssize_t n = read (0, buf, sizeof buf);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "cannot read the dump from fd 0: %s", g_strerror (errno));
          g_byte_array_unref (all);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (all, buf, n);
    }
  return g_byte_array_free_to_bytes (all);
}

#ifdef HEARTH_R0FL_HELPER_CONTRACT_TESTS
/* Only in hearth-r0fl-helper-contract, a test build of this file that is
 * never installed: --prelude-variant=NAME evaluates the prelude with one
 * piece removed or changed, to pin down why each piece exists
 * (roblox-r0fl.md §8.9). The shipped helper has no such option. */
typedef struct
{
  const char *name;
  const char *find[2];
  const char *replace[2];
  const char *append;
} PreludeVariant;

static const PreludeVariant prelude_variants[] = {
  { "none", { NULL }, { NULL }, NULL },
  { "no-window", { "  g.window = g;\n" }, { "" }, NULL },
  { "self-other", { "  g.self = g;\n" }, { "  g.self = {};\n" }, NULL },
  { "no-instantiate", { "  WA.instantiate = function (source, imports) {" },
    { "  WA.unusedInstantiate = function (source, imports) {" }, NULL },
  { "no-atob", { "  g.atob = function" }, { "  g.unusedAtob = function" }, NULL },
  { "no-textdecoder",
    { "  g.TextDecoder = function TextDecoder(label) {", "  g.TextDecoder.prototype.decode = " },
    { "  var unusedDecoder = function TextDecoder(label) {", "  unusedDecoder.prototype.decode = " }, NULL },
  { "worker-scope", { NULL }, { NULL }, "globalThis.WorkerGlobalScope = function WorkerGlobalScope() {};\n" },
};

static void
evaluate_prelude_variant (JSCContext *ctx,
                          const char *variant)
{
  GBytes *bytes = g_resources_lookup_data (RESOURCE_PREFIX "hearth-r0fl-prelude.js",
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const PreludeVariant *v = NULL;
  GString *code;

  for (guint i = 0; i < G_N_ELEMENTS (prelude_variants); i++)
    if (strcmp (prelude_variants[i].name, variant) == 0)
      v = &prelude_variants[i];
  if (v == NULL)
    fail ("internal", "unknown prelude variant %s", variant);
  if (bytes == NULL)
    fail ("internal", "the helper lacks its resource hearth-r0fl-prelude.js");

  code = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_bytes_unref (bytes);
  for (guint k = 0; k < G_N_ELEMENTS (v->find) && v->find[k] != NULL; k++)
    if (g_string_replace (code, v->find[k], v->replace[k], 1) != 1)
      fail ("internal", "prelude variant %s: the prelude no longer contains \"%s\"", variant, v->find[k]);
  if (v->append != NULL)
    g_string_append (code, v->append);
  g_object_unref (evaluate (ctx, code->str, (gssize) code->len, "hearth-r0fl-prelude.js", "internal"));
  g_string_free (code, TRUE);
}
#endif

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *file_name = NULL;
  gboolean no_jit = FALSE, fast_path = FALSE;
#ifdef HEARTH_R0FL_HELPER_CONTRACT_TESTS
  const char *prelude_variant = NULL;
#endif
  g_autoptr(GError) error = NULL;
  GBytes *input;
  GBytes *body = NULL;
  GBytes *tools = NULL;
  HearthR0flInfo info;
  JSCContext *ctx;
  JSCValue *runner;
  JSCValue *v;
  JSCValue *u8;
  JSCException *e;
  char *s;
  char *meta;
  char *name;
  const char *tools_text;
  gsize tools_len, len;
  gint64 t_decode, t_start, t_init, t_parse;
  double decode_ms, load_ms, init_ms, parse_ms;
  int rc;

  signal (SIGXCPU, SIG_DFL);
  signal (SIGPIPE, SIG_DFL);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--file-name="))
        {
          g_free (file_name);
          file_name = g_strdup (argv[i] + strlen ("--file-name="));
        }
      else if (strcmp (argv[i], "--no-jit") == 0)
        no_jit = TRUE;
      else if (strcmp (argv[i], "--fast-path") == 0)
        fast_path = TRUE;
#ifdef HEARTH_R0FL_HELPER_CONTRACT_TESTS
      else if (g_str_has_prefix (argv[i], "--prelude-variant="))
        prelude_variant = argv[i] + strlen ("--prelude-variant=");
#endif
      else
        {
          fprintf (stderr, "usage: hearth-r0fl-helper --file-name=NAME [--no-jit] [--fast-path] < DUMP\n");
          return 2;
        }
    }
  if (file_name == NULL || !g_utf8_validate (file_name, -1, NULL))
    {
      fprintf (stderr, "hearth-r0fl-helper: --file-name=NAME (UTF-8) is required\n");
      return 2;
    }

  out = fdopen (1, "wb");
  if (out == NULL)
    return 2;
  setvbuf (out, NULL, _IOFBF, 1 << 20);
  handshake = g_string_new (NULL);
  hearth_r0fl_helper_register_resource ();

  /* step 1: the container */
  t_decode = g_get_monotonic_time ();
  input = read_input (&error);
  if (input == NULL)
    fail ("container", "%s", error->message);
  {
    gsize n;
    const guint8 *data = g_bytes_get_data (input, &n);

    if (!hearth_r0fl_decode (data, n, &info, &body, &tools, &error))
      fail ("container", "%s", error->message);
  }
  g_bytes_unref (input);
  tools_text = g_bytes_get_data (tools, &tools_len);
  decode_ms = ms_since (t_decode);

  /* steps 2 and 3: the context and the prelude */
  t_start = g_get_monotonic_time ();
  if (no_jit)
    jsc_options_set_boolean (JSC_OPTIONS_USE_JIT, FALSE);
  ctx = jsc_context_new ();
  if (ctx == NULL)
    fail ("internal", "cannot create a JavaScriptCore context");
  install (ctx, "__hearth_log", G_CALLBACK (on_log), G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);
  install (ctx, "__hearth_exec", G_CALLBACK (on_exec), G_TYPE_NONE, 1, G_TYPE_STRING, 0);
  install (ctx, "__hearth_exec_raw", G_CALLBACK (on_exec_raw), G_TYPE_NONE, 1, JSC_TYPE_VALUE, 0);
  install (ctx, "__hearth_result", G_CALLBACK (on_result), G_TYPE_NONE, 1, G_TYPE_STRING, 0);
  install (ctx, "__hearth_decode_utf8", G_CALLBACK (on_decode_utf8), JSC_TYPE_VALUE, 1, JSC_TYPE_VALUE, 0);
  install (ctx, "__hearth_decode_utf16le", G_CALLBACK (on_decode_utf16le), JSC_TYPE_VALUE, 1,
           JSC_TYPE_VALUE, 0);
  install (ctx, "__hearth_atob", G_CALLBACK (on_atob), JSC_TYPE_VALUE, 1, G_TYPE_STRING, 0);
#ifdef HEARTH_R0FL_HELPER_CONTRACT_TESTS
  if (prelude_variant != NULL)
    evaluate_prelude_variant (ctx, prelude_variant);
  else
#endif
  evaluate_resource (ctx, "hearth-r0fl-prelude.js", "internal", NULL);
  if (fast_path)
    evaluate_resource (ctx, "hearth-r0fl-fast-path.js", "internal", NULL);

  /* steps 4 to 6: the module, the kickoff */
  g_object_unref (evaluate (ctx, tools_text, (gssize) tools_len, "rofiler.tools.js", "tools-eval"));
  g_bytes_unref (tools);
  s = evaluate_to_string (ctx, "typeof ToolsModule");
  if (strcmp (s, "function") != 0)
    fail ("unsupported", "the parser comment does not define a ToolsModule function (typeof is %s)", s);
  g_free (s);
  evaluate_resource (ctx, "hearth-r0fl-kickoff.js", "internal", NULL);
  s = NULL;
  for (int pass = 0; pass < 4; pass++)
    {
      g_free (s);
      s = evaluate_to_string (ctx, "__hearth.state");
      if (strcmp (s, "loading") != 0)
        break;
    }
  if (strcmp (s, "failed") == 0)
    fail_with_details ("tools-load", evaluate_to_string (ctx, "String(__hearth.errorStack)"),
                       "%s", evaluate_to_string (ctx, "String(__hearth.error)"));
  if (strcmp (s, "ready") != 0)
    fail ("tools-load", "the tools module did not finish initialising (state %s)", s);
  g_free (s);

  /* step 7: the runner */
  evaluate_resource (ctx, "hearth-r0fl-runner.js", "internal", &runner);
  v = jsc_value_object_invoke_method (runner, "check", G_TYPE_NONE);
  if ((e = jsc_context_get_exception (ctx)) != NULL)
    fail_exception ("internal", e);
  s = jsc_value_to_string (v);
  g_object_unref (v);
  if (s != NULL && *s)
    fail ("unsupported", "the tools module lacks %s", s);
  g_free (s);
  v = jsc_value_object_invoke_method (runner, "info", G_TYPE_NONE);
  if ((e = jsc_context_get_exception (ctx)) != NULL)
    fail_exception ("internal", e);
  s = jsc_value_to_string (v);
  g_object_unref (v);
  {
    g_autofree char *record = g_strdup_printf ("%sjit=%s\n", s, no_jit ? "no" : "yes");

    put_record ('I', record, strlen (record));
    fflush (out);                       /* the module is ready: say so now, not after 1 MiB */
  }
  g_free (s);
  load_ms = ms_since (t_start);

  /* step 8: Init and its handshake */
  t_init = g_get_monotonic_time ();
  phase = PHASE_INIT;
  v = jsc_value_object_invoke_method (runner, "init", G_TYPE_NONE);
  if ((e = jsc_context_get_exception (ctx)) != NULL)
    fail_exception ("init", e);
  g_clear_object (&v);
  if (handshake_calls != 1)
    fail ("handshake", "Init delivered %u handshakes, expected 1", handshake_calls);
  v = jsc_value_new_from_json (ctx, handshake->str);
  if (jsc_context_get_exception (ctx) != NULL || v == NULL || !jsc_value_is_array (v))
    fail ("handshake", "the handshake is not a JSON array");
  g_object_unref (v);
  put_record ('M', handshake->str, handshake->len);
  fflush (out);
  init_ms = ms_since (t_init);

  /* step 9: ParseRaw */
  t_parse = g_get_monotonic_time ();
  {
    /* "    R0FL" + body, handed to JavaScript without a copy (§4.7): the
     * array buffer owns the decoded bytes and frees them with itself */
    gpointer buffer = (gpointer) g_bytes_get_data (body, &len);
    JSCValue *array_buffer = jsc_value_new_array_buffer (ctx, buffer, len, (GDestroyNotify) g_bytes_unref, body);

    if (array_buffer == NULL || jsc_context_get_exception (ctx) != NULL)
      fail ("malloc", "cannot hand %" G_GSIZE_FORMAT " bytes of profile data to JavaScript", len);
    body = NULL;
    u8 = jsc_value_new_typed_array_with_buffer (array_buffer, JSC_TYPED_ARRAY_UINT8, 0, -1);
    g_object_unref (array_buffer);
    if (u8 == NULL || jsc_context_get_exception (ctx) != NULL)
      fail ("malloc", "cannot allocate %" G_GSIZE_FORMAT " bytes for the profile data", len);
  }
  name = json_string (file_name);
  meta = g_strdup_printf ("{\"fileName\":%s,\"localId\":0,\"localGroupId\":0}", name);

  phase = PHASE_PARSE;
  v = jsc_value_object_invoke_method (runner, "parse", JSC_TYPE_VALUE, u8, G_TYPE_STRING, meta, G_TYPE_NONE);
  phase = PHASE_DONE;
  if ((e = jsc_context_get_exception (ctx)) != NULL)
    fail_exception (g_strcmp0 (jsc_exception_get_name (e), "HearthAllocError") == 0 ? "malloc" : "parse", e);
  rc = v != NULL && jsc_value_is_number (v) ? jsc_value_to_int32 (v) : 0;
  parse_ms = ms_since (t_parse);

  /* step 10 */
  {
    g_autofree char *record = NULL;
    char b0[G_ASCII_DTOSTR_BUF_SIZE], b1[G_ASCII_DTOSTR_BUF_SIZE];
    char b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];

    record = g_strdup_printf ("rc=%d\nstatements=%" G_GUINT64_FORMAT "\nload-ms=%s\ninit-ms=%s\nparse-ms=%s\n"
                              "decode-ms=%s\n",
                              rc, n_chunks,
                              g_ascii_formatd (b1, sizeof b1, "%.3f", load_ms),
                              g_ascii_formatd (b2, sizeof b2, "%.3f", init_ms),
                              g_ascii_formatd (b3, sizeof b3, "%.3f", parse_ms),
                              g_ascii_formatd (b0, sizeof b0, "%.3f", decode_ms));
    put_record ('D', record, strlen (record));
  }
  fflush (out);
  _exit (0);
}
