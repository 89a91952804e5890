/* hearth-papyrus-reader.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "hearth-format.h"

G_BEGIN_DECLS

/**
 * HearthPapyrusCallFlags:
 * @HEARTH_PAPYRUS_CALL_STARTED_BEFORE: no PUSH in the capture; the call
 *   starts at the file's first timestamp (its run is a lower bound)
 * @HEARTH_PAPYRUS_CALL_STILL_RUNNING: no POP before the end of the file; it
 *   ends at the file's last timestamp
 * @HEARTH_PAPYRUS_CALL_TRUNCATED: closed by a later PUSH at the same or a
 *   smaller depth, or by its caller's POP, without a POP of its own
 * @HEARTH_PAPYRUS_CALL_NEVER_STARTED: a QUEUE_PUSH that no PUSH matched
 * @HEARTH_PAPYRUS_CALL_SPLIT_FALLBACK: object and function were split at the
 *   last `:` (no FormID or `None` found)
 */
typedef enum
{
  HEARTH_PAPYRUS_CALL_STARTED_BEFORE = 1 << 0,
  HEARTH_PAPYRUS_CALL_STILL_RUNNING  = 1 << 1,
  HEARTH_PAPYRUS_CALL_TRUNCATED      = 1 << 2,
  HEARTH_PAPYRUS_CALL_NEVER_STARTED  = 1 << 3,
  HEARTH_PAPYRUS_CALL_SPLIT_FALLBACK = 1 << 4,
} HearthPapyrusCallFlags;

/* A phase the capture lacks */
#define HEARTH_PAPYRUS_NO_TIME G_MININT64

/**
 * HearthPapyrusCall:
 * @stack_id: the Papyrus stack (VM thread)
 * @depth: frame index in its stack, 0 = bottom
 * @file: index of the log file (hearth_papyrus_read_many())
 * @line: line of the call's first event in that file
 * @parent: the calling call's index, or %HEARTH_NO_INDEX
 * @function: profile function id (%HEARTH_NO_INDEX for never-started calls)
 * @node: profile call-tree node (%HEARTH_NO_INDEX for never-started calls)
 * @object: field 5 as written: `None`, `MQ101 (0003372B)`, ` (0001A68E)`
 * @object_name: the object's name (`None`, `MQ101`, empty)
 * @form_id: the FormID when @has_form_id
 * @script: script part of field 6 (may hold FO4 `:` namespaces)
 * @state: state part (empty for the default state, `??` on QUEUE_PUSH)
 * @name: function name
 * @queue_push: event times in ms, %HEARTH_PAPYRUS_NO_TIME when absent
 * @start: effective start (PUSH, or the capture start), ms
 * @end: effective end (POP, the closing event or the capture end), ms
 * @self_ms: run − Σ children (queue wait + run), clamped at 0 (papyrus.md §5.1)
 */
typedef struct
{
  guint64                stack_id;
  guint32                depth;
  guint32                file;
  guint32                line;
  guint32                parent;
  guint32                function;
  guint32                node;
  const char            *object;
  const char            *object_name;
  guint32                form_id;
  gboolean               has_form_id;
  const char            *script;
  const char            *state;
  const char            *name;
  gint64                 queue_push;
  gint64                 push;
  gint64                 queue_pop;
  gint64                 pop;
  gint64                 start;
  gint64                 end;
  double                 self_ms;
  HearthPapyrusCallFlags flags;
} HearthPapyrusCall;

/**
 * HearthPapyrusStack:
 * @stack_id: the stack
 * @first: time of the first line seen for this stack, ms
 * @last: time of the last line seen for this stack, ms
 * @n_calls: calls on this stack (never-started ones included)
 * @node: the stack's tree-root node
 */
typedef struct
{
  guint64 stack_id;
  gint64  first;
  gint64  last;
  guint   n_calls;
  guint32 node;
} HearthPapyrusStack;

typedef struct _HearthPapyrusCalls HearthPapyrusCalls;

gboolean                  hearth_papyrus_sniff                 (const guint8             *data,
                                                                gsize                     length);
HearthProfile            *hearth_papyrus_read                  (const HearthImportSource *source,
                                                                GError                  **error);
HearthProfile            *hearth_papyrus_read_many             (const HearthImportSource *sources,
                                                                guint                     n_sources,
                                                                GError                  **error);

HearthPapyrusCalls       *hearth_papyrus_calls_get_for_profile (HearthProfile            *profile);
guint                     hearth_papyrus_calls_get_n_calls     (HearthPapyrusCalls       *self);
const HearthPapyrusCall  *hearth_papyrus_calls_get_call        (HearthPapyrusCalls       *self,
                                                                guint                     index);
guint                     hearth_papyrus_calls_get_n_stacks    (HearthPapyrusCalls       *self);
const HearthPapyrusStack *hearth_papyrus_calls_get_stack       (HearthPapyrusCalls       *self,
                                                                guint                     index);
guint                     hearth_papyrus_calls_get_n_files     (HearthPapyrusCalls       *self);
const char               *hearth_papyrus_calls_get_file_name   (HearthPapyrusCalls       *self,
                                                                guint                     file);
guint                    *hearth_papyrus_calls_dup_function_calls (HearthPapyrusCalls    *self,
                                                                   guint                  function,
                                                                   guint                 *n_calls);

double                    hearth_papyrus_call_get_queue_wait_ms  (const HearthPapyrusCall *call);
double                    hearth_papyrus_call_get_run_ms         (const HearthPapyrusCall *call);
double                    hearth_papyrus_call_get_return_wait_ms (const HearthPapyrusCall *call);
char                     *hearth_papyrus_call_dup_display_name   (const HearthPapyrusCall *call);

char                     *hearth_papyrus_calls_csv             (HearthProfile            *profile,
                                                                char                      separator);
char                     *hearth_papyrus_calls_csv_many        (HearthProfile * const    *profiles,
                                                                guint                     n_profiles,
                                                                char                      separator);
char                     *hearth_papyrus_stack_timings_csv     (HearthProfile            *profile,
                                                                char                      separator);
char                     *hearth_papyrus_function_calls_csv    (HearthProfile            *profile,
                                                                const char               *function,
                                                                char                      separator);

G_END_DECLS
