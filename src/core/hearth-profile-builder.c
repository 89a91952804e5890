/* hearth-profile-builder.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-profile-builder"

#include "config.h"

#include <math.h>
#include <string.h>

#include "hearth-profile-builder.h"
#include "hearth-profile-private.h"

/* A profile is built once by one importer in one thread; nothing here locks. */

typedef struct
{
  guint64 key;     /* (parent << 32) | function, +1 so that 0 means empty */
  guint32 node;
} ChildSlot;

struct _HearthProfileBuilder
{
  HearthProfile   *profile;        /* receives metadata as it is set */
  GPtrArray       *warnings;
  GArray          *functions;      /* HearthFunctionRec */
  GHashTable      *function_index; /* FunctionKey* -> index + 1 */

  /* Nodes, in creation order; finish() reorders them depth-first */
  guint            n_nodes;
  guint            capacity;
  guint32         *parent;
  guint32         *first_child;
  guint32         *last_child;
  guint32         *next_sibling;
  guint32         *function;
  double          *values[HEARTH_N_METRICS];
  guint            enabled;        /* bit per metric */
  HearthValueMode  modes[HEARTH_N_METRICS];

  ChildSlot       *slots;
  guint            n_slots;        /* power of two */
  guint            n_used_slots;

  GArray          *frames;
  GArray          *threads;
  HearthFrameValue *frame_values;  /* with HEARTH_FRAME_VALUE_KEY()s in `metric` */
  gsize            n_frame_values;
  gsize            frame_values_cap;
};

typedef struct
{
  const char         *name;
  const char         *source;
  const char         *group;
  int                 line;
  HearthFunctionKind  kind;
  HearthFunctionFlags flags;
} FunctionKey;

static guint
function_key_hash (gconstpointer data)
{
  const FunctionKey *key = data;
  guint h = 17;

  /* Strings are interned in the profile's chunk, so pointers identify them */
  h = h * 31 + g_direct_hash (key->name);
  h = h * 31 + g_direct_hash (key->source);
  h = h * 31 + g_direct_hash (key->group);
  h = h * 31 + (guint) key->line;
  h = h * 31 + (guint) key->kind;
  h = h * 31 + (guint) key->flags;

  return h;
}

static gboolean
function_key_equal (gconstpointer a,
                    gconstpointer b)
{
  const FunctionKey *ka = a;
  const FunctionKey *kb = b;

  return ka->name == kb->name &&
         ka->source == kb->source &&
         ka->group == kb->group &&
         ka->line == kb->line &&
         ka->kind == kb->kind &&
         ka->flags == kb->flags;
}

static const char *
intern (HearthProfileBuilder *self,
        const char           *str)
{
  if (str == NULL)
    return NULL;
  return g_string_chunk_insert_const (self->profile->strings, str);
}

static void
ensure_node_capacity (HearthProfileBuilder *self,
                      guint                 needed)
{
  guint old = self->capacity;

  if (needed <= self->capacity)
    return;

  self->capacity = MAX (needed, MAX (64, self->capacity * 2));
  self->parent = g_renew (guint32, self->parent, self->capacity);
  self->first_child = g_renew (guint32, self->first_child, self->capacity);
  self->last_child = g_renew (guint32, self->last_child, self->capacity);
  self->next_sibling = g_renew (guint32, self->next_sibling, self->capacity);
  self->function = g_renew (guint32, self->function, self->capacity);
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      if (self->values[m] == NULL)
        continue;
      self->values[m] = g_renew (double, self->values[m], self->capacity);
      memset (self->values[m] + old, 0, sizeof (double) * (self->capacity - old));
    }
}

static inline guint
slot_hash (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  key ^= key >> 33;
  return (guint) key;
}

static void
slots_insert (ChildSlot *slots,
              guint      n_slots,
              guint64    key,
              guint32    node)
{
  guint mask = n_slots - 1;
  guint i = slot_hash (key) & mask;

  while (slots[i].key != 0)
    i = (i + 1) & mask;
  slots[i].key = key;
  slots[i].node = node;
}

static void
slots_grow (HearthProfileBuilder *self)
{
  guint n_slots = self->n_slots ? self->n_slots * 2 : 1024;
  ChildSlot *slots = g_new0 (ChildSlot, n_slots);

  for (guint i = 0; i < self->n_slots; i++)
    if (self->slots[i].key != 0)
      slots_insert (slots, n_slots, self->slots[i].key, self->slots[i].node);

  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n_slots;
}

static inline guint64
slot_key (guint parent,
          guint function)
{
  return (((guint64) parent << 32) | function) + 1;
}

/**
 * hearth_profile_builder_new:
 *
 * Creates a builder holding only the `<root>` node (node 0, function 0).
 *
 * Returns: (transfer full): a new builder
 */
HearthProfileBuilder *
hearth_profile_builder_new (void)
{
  HearthProfileBuilder *self = g_new0 (HearthProfileBuilder, 1);
  guint root_function;

  self->profile = _hearth_profile_new ();
  self->profile->strings = g_string_chunk_new (4096);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->functions = g_array_new (FALSE, TRUE, sizeof (HearthFunctionRec));
  self->function_index = g_hash_table_new_full (function_key_hash, function_key_equal, g_free, NULL);
  self->frames = g_array_new (FALSE, TRUE, sizeof (HearthFrame));
  self->threads = g_array_new (FALSE, TRUE, sizeof (HearthThreadInfo));

  root_function = hearth_profile_builder_intern_function (self, HEARTH_FUNCTION_KIND_ROOT,
                                                          "<root>", NULL, 0, NULL, 0);
  g_assert (root_function == 0);

  ensure_node_capacity (self, 1);
  self->n_nodes = 1;
  self->parent[0] = HEARTH_NO_INDEX;
  self->first_child[0] = HEARTH_NO_INDEX;
  self->last_child[0] = HEARTH_NO_INDEX;
  self->next_sibling[0] = HEARTH_NO_INDEX;
  self->function[0] = root_function;

  return self;
}

void
hearth_profile_builder_free (HearthProfileBuilder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->profile);
  g_ptr_array_unref (self->warnings);
  g_array_unref (self->functions);
  g_hash_table_unref (self->function_index);
  g_free (self->parent);
  g_free (self->first_child);
  g_free (self->last_child);
  g_free (self->next_sibling);
  g_free (self->function);
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    g_free (self->values[m]);
  g_free (self->slots);
  g_array_unref (self->frames);
  g_array_unref (self->threads);
  g_clear_pointer (&self->frame_values, g_free);
  self->n_frame_values = self->frame_values_cap = 0;
  g_free (self);
}

static void
set_str (char       **field,
         const char  *value)
{
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

/**
 * hearth_profile_builder_set_format:
 * @format: short id, e.g. `script-profiler-v2`
 * @format_name: what users read, e.g. "Roblox Script Profiler (V2)"
 */
void
hearth_profile_builder_set_format (HearthProfileBuilder *self,
                                   const char           *format,
                                   const char           *format_name)
{
  g_return_if_fail (self != NULL);
  set_str (&self->profile->format, format);
  set_str (&self->profile->format_name, format_name);
}

void
hearth_profile_builder_set_file_name (HearthProfileBuilder *self,
                                      const char           *file_name)
{
  g_return_if_fail (self != NULL);
  set_str (&self->profile->file_name, file_name);
}

/**
 * hearth_profile_builder_set_session:
 * @start_ms: Unix epoch milliseconds
 * @end_ms: Unix epoch milliseconds
 *
 * Sets the session and its length (end − start, 0 when negative).
 */
void
hearth_profile_builder_set_session (HearthProfileBuilder *self,
                                    double                start_ms,
                                    double                end_ms)
{
  g_return_if_fail (self != NULL);
  self->profile->session_start_ms = start_ms;
  self->profile->session_end_ms = end_ms;
  self->profile->session_ms = isfinite (end_ms - start_ms) ? MAX (0.0, end_ms - start_ms) : 0.0;
}

/**
 * hearth_profile_builder_set_session_ms:
 *
 * Sets only the session length, for captures (and combined profiles) without
 * absolute session times.
 */
void
hearth_profile_builder_set_session_ms (HearthProfileBuilder *self,
                                       double                session_ms)
{
  g_return_if_fail (self != NULL);
  self->profile->session_ms = isfinite (session_ms) ? MAX (0.0, session_ms) : 0.0;
}

void
hearth_profile_builder_set_capture_time_ms (HearthProfileBuilder *self,
                                            gint64                unix_ms)
{
  g_return_if_fail (self != NULL);
  self->profile->capture_time_ms = unix_ms;
}

void
hearth_profile_builder_set_place_id (HearthProfileBuilder *self,
                                     const char           *place_id)
{
  g_return_if_fail (self != NULL);
  set_str (&self->profile->place_id, place_id);
}

void
hearth_profile_builder_set_mode (HearthProfileBuilder *self,
                                 const char           *mode)
{
  g_return_if_fail (self != NULL);
  set_str (&self->profile->mode, mode);
}

void
hearth_profile_builder_set_approximate (HearthProfileBuilder *self,
                                        gboolean              approximate)
{
  g_return_if_fail (self != NULL);
  self->profile->approximate = !!approximate;
}

void
hearth_profile_builder_set_n_sources (HearthProfileBuilder *self,
                                      guint                 n_sources)
{
  g_return_if_fail (self != NULL);
  self->profile->n_sources = n_sources;
}

void
hearth_profile_builder_set_normalisation (HearthProfileBuilder *self,
                                          const char           *label)
{
  g_return_if_fail (self != NULL);
  set_str (&self->profile->normalisation, label);
}

/**
 * hearth_profile_builder_add_warning:
 *
 * Records something the importer skipped or repaired; views show it.
 */
void
hearth_profile_builder_add_warning (HearthProfileBuilder *self,
                                    const char           *format,
                                    ...)
{
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  /* A hostile file could produce millions; the first hundred tell the story */
  if (self->warnings->len >= 100)
    return;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

guint
hearth_profile_builder_get_n_warnings (HearthProfileBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->warnings->len;
}

void
hearth_profile_builder_set_metadata (HearthProfileBuilder *self,
                                     const char           *key,
                                     const char           *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (self->profile->metadata, key);
  else
    g_hash_table_replace (self->profile->metadata, g_strdup (key), g_strdup (value));
}

/**
 * hearth_profile_builder_enable_metric:
 * @mode: whether the importer gives self or inclusive values
 *
 * Declares that the capture carries @metric. Values of metrics that were
 * never enabled are ignored.
 */
void
hearth_profile_builder_enable_metric (HearthProfileBuilder *self,
                                      HearthMetric          metric,
                                      HearthValueMode       mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (metric < HEARTH_N_METRICS);

  self->modes[metric] = mode;
  if (self->enabled & (1u << metric))
    return;

  self->enabled |= 1u << metric;
  self->values[metric] = g_new0 (double, MAX (self->capacity, 1));
}

/**
 * hearth_profile_builder_intern_function:
 * @name: (nullable): the name, %NULL for an anonymous function
 * @source: (nullable): script, file or source
 * @line: line, 0 when unknown
 * @group: (nullable): MicroProfiler group or category
 *
 * Functions are identified by all of their fields: interning the same ones
 * twice returns the same id.
 *
 * Returns: the function id
 */
guint
hearth_profile_builder_intern_function (HearthProfileBuilder *self,
                                        HearthFunctionKind    kind,
                                        const char           *name,
                                        const char           *source,
                                        int                   line,
                                        const char           *group,
                                        HearthFunctionFlags   flags)
{
  FunctionKey key;
  gpointer found;
  HearthFunctionRec rec = { 0 };
  guint id;

  g_return_val_if_fail (self != NULL, 0);

  key.name = intern (self, name);
  key.source = intern (self, source);
  key.group = intern (self, group);
  key.line = line;
  key.kind = kind;
  key.flags = flags;

  found = g_hash_table_lookup (self->function_index, &key);
  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  rec.name = key.name;
  rec.source = key.source;
  rec.group = key.group;
  rec.line = line;
  rec.kind = kind;
  rec.flags = flags;
  id = self->functions->len;
  g_array_append_val (self->functions, rec);
  g_hash_table_insert (self->function_index, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (id + 1));

  return id;
}

/**
 * hearth_profile_builder_add_function:
 *
 * Like hearth_profile_builder_intern_function(), but always appends a new
 * function, even when one with the same fields exists: profiler.lua keeps one
 * record per Lua function value, so two closures of one source line are two
 * functions with identical names. Interning those fields later returns the
 * first of them.
 *
 * Returns: the new function id
 */
guint
hearth_profile_builder_add_function (HearthProfileBuilder *self,
                                     HearthFunctionKind    kind,
                                     const char           *name,
                                     const char           *source,
                                     int                   line,
                                     const char           *group,
                                     HearthFunctionFlags   flags)
{
  FunctionKey key;
  HearthFunctionRec rec = { 0 };
  guint id;

  g_return_val_if_fail (self != NULL, 0);

  key.name = intern (self, name);
  key.source = intern (self, source);
  key.group = intern (self, group);
  key.line = line;
  key.kind = kind;
  key.flags = flags;

  rec.name = key.name;
  rec.source = key.source;
  rec.group = key.group;
  rec.line = line;
  rec.kind = kind;
  rec.flags = flags;
  id = self->functions->len;
  g_array_append_val (self->functions, rec);
  if (!g_hash_table_contains (self->function_index, &key))
    g_hash_table_insert (self->function_index, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (id + 1));

  return id;
}

/**
 * hearth_profile_builder_set_function_color:
 * @rgb: 0xRRGGBB
 */
void
hearth_profile_builder_set_function_color (HearthProfileBuilder *self,
                                           guint                 function,
                                           guint32               rgb)
{
  HearthFunctionRec *rec;

  g_return_if_fail (self != NULL);
  g_return_if_fail (function < self->functions->len);

  rec = &g_array_index (self->functions, HearthFunctionRec, function);
  rec->color = rgb & 0xffffff;
  rec->has_color = TRUE;
}

guint
hearth_profile_builder_get_n_functions (HearthProfileBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->functions->len;
}

/**
 * hearth_profile_builder_add_child:
 *
 * Appends a new child of @parent, even when @parent already has a child with
 * the same function (Script Profiler files say which node is which).
 *
 * Returns: the new node
 */
guint
hearth_profile_builder_add_child (HearthProfileBuilder *self,
                                  guint                 parent,
                                  guint                 function)
{
  guint node;

  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);
  g_return_val_if_fail (parent < self->n_nodes, HEARTH_NO_INDEX);
  g_return_val_if_fail (function < self->functions->len, HEARTH_NO_INDEX);
  g_return_val_if_fail (self->n_nodes < HEARTH_NO_INDEX - 1, HEARTH_NO_INDEX);

  node = self->n_nodes;
  ensure_node_capacity (self, node + 1);
  self->n_nodes++;

  self->parent[node] = parent;
  self->first_child[node] = HEARTH_NO_INDEX;
  self->last_child[node] = HEARTH_NO_INDEX;
  self->next_sibling[node] = HEARTH_NO_INDEX;
  self->function[node] = function;
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    if (self->values[m] != NULL)
      self->values[m][node] = 0;

  if (self->last_child[parent] == HEARTH_NO_INDEX)
    self->first_child[parent] = node;
  else
    self->next_sibling[self->last_child[parent]] = node;
  self->last_child[parent] = node;

  /* Remember the first child per (parent, function) for get_child() */
  if ((self->n_used_slots + 1) * 2 > self->n_slots)
    slots_grow (self);
  {
    guint64 key = slot_key (parent, function);
    guint mask = self->n_slots - 1;
    guint i = slot_hash (key) & mask;

    while (self->slots[i].key != 0)
      {
        if (self->slots[i].key == key)
          return node;
        i = (i + 1) & mask;
      }
    self->slots[i].key = key;
    self->slots[i].node = node;
    self->n_used_slots++;
  }

  return node;
}

/**
 * hearth_profile_builder_get_child:
 *
 * Finds the child of @parent with @function, creating it when missing. This
 * is how stacks merge into a call tree.
 *
 * Returns: the child node
 */
guint
hearth_profile_builder_get_child (HearthProfileBuilder *self,
                                  guint                 parent,
                                  guint                 function)
{
  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);
  g_return_val_if_fail (parent < self->n_nodes, HEARTH_NO_INDEX);

  if (self->n_slots > 0)
    {
      guint64 key = slot_key (parent, function);
      guint mask = self->n_slots - 1;
      guint i = slot_hash (key) & mask;

      while (self->slots[i].key != 0)
        {
          if (self->slots[i].key == key)
            return self->slots[i].node;
          i = (i + 1) & mask;
        }
    }

  return hearth_profile_builder_add_child (self, parent, function);
}

guint
hearth_profile_builder_get_n_nodes (HearthProfileBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_nodes;
}

guint
hearth_profile_builder_node_get_parent (HearthProfileBuilder *self,
                                        guint                 node)
{
  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);
  g_return_val_if_fail (node < self->n_nodes, HEARTH_NO_INDEX);
  return self->parent[node];
}

guint
hearth_profile_builder_node_get_function (HearthProfileBuilder *self,
                                          guint                 node)
{
  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);
  g_return_val_if_fail (node < self->n_nodes, HEARTH_NO_INDEX);
  return self->function[node];
}

/**
 * hearth_profile_builder_add_value:
 *
 * Adds @value to the node's value of @metric: its self value for
 * %HEARTH_VALUE_SELF metrics, its inclusive value for %HEARTH_VALUE_INCLUSIVE.
 */
void
hearth_profile_builder_add_value (HearthProfileBuilder *self,
                                  guint                 node,
                                  HearthMetric          metric,
                                  double                value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (metric < HEARTH_N_METRICS);

  if (self->values[metric] != NULL)
    self->values[metric][node] += value;
}

void
hearth_profile_builder_set_value (HearthProfileBuilder *self,
                                  guint                 node,
                                  HearthMetric          metric,
                                  double                value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (metric < HEARTH_N_METRICS);

  if (self->values[metric] != NULL)
    self->values[metric][node] = value;
}

/**
 * hearth_frame_init:
 *
 * Clears @frame: every measured field NAN, flags 0, class unknown.
 */
void
hearth_frame_init (HearthFrame *frame)
{
  g_return_if_fail (frame != NULL);

  memset (frame, 0, sizeof *frame);
  frame->start_ms = NAN;
  frame->end_ms = NAN;
  frame->gpu_start_ms = NAN;
  frame->gpu_end_ms = NAN;
  frame->cpu_waits_for_gpu_ms = NAN;
  frame->jobs_ms = NAN;
  frame->render_ms = NAN;
  frame->gpu_ms = NAN;
  frame->memory_used = NAN;
  frame->alloc_count = NAN;
  frame->alloc_bytes = NAN;
  frame->free_count = NAN;
  frame->free_bytes = NAN;
  frame->cpu_frequency_mhz = NAN;
  frame->memory_free = NAN;
  frame->alloc_ms = NAN;
  frame->free_ms = NAN;
  frame->klass = HEARTH_FRAME_CLASS_UNKNOWN;
}

guint
hearth_profile_builder_add_frame (HearthProfileBuilder *self,
                                  const HearthFrame    *frame)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (frame != NULL, 0);

  g_array_append_vals (self->frames, frame, 1);
  return self->frames->len - 1;
}

/**
 * hearth_profile_builder_add_frame_value:
 * @frame: frame index (frames may be added before or after)
 * @node: builder node
 * @metric: an enabled metric
 * @value: a **self** value of @node within @frame, added to what is there
 *
 * Records what a node did in one frame, so the profile can be filtered by
 * frame later (#HearthFrameValue). The importer keeps the per-frame values
 * consistent with the node values it adds: summed over the frames they
 * should give the node's self value. Entries for the same frame, node and
 * metric are summed.
 */
/* Room for @n more entries; grows by half, like GArray's doubling but with
 * less slack for the millions a big capture has */
static void
reserve_frame_values (HearthProfileBuilder *self,
                      gsize                 n)
{
  if (self->n_frame_values + n <= self->frame_values_cap)
    return;
  self->frame_values_cap = MAX (self->n_frame_values + n, self->frame_values_cap + self->frame_values_cap / 2 + 64);
  self->frame_values = g_renew (HearthFrameValue, self->frame_values, self->frame_values_cap);
}

void
hearth_profile_builder_add_frame_value (HearthProfileBuilder *self,
                                        guint                 frame,
                                        guint                 node,
                                        HearthMetric          metric,
                                        double                value)
{
  HearthFrameValue v;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail ((guint) metric < HEARTH_N_METRICS);

  if (frame > HEARTH_FRAME_VALUE_MAX_FRAME)
    return;                       /* no profile has that many frames */
  reserve_frame_values (self, 1);
  v.node = node;
  v.metric = HEARTH_FRAME_VALUE_KEY (frame, metric);
  v.value = value;
  self->frame_values[self->n_frame_values++] = v;
}

/**
 * hearth_profile_builder_take_frame_values:
 * @values: (transfer full): g_malloc()ed entries whose `metric` field holds
 *   HEARTH_FRAME_VALUE_KEY (frame, metric)
 * @n: the number of entries
 * @node_map: (nullable): maps the entries' nodes to builder nodes
 *   (%HEARTH_NO_INDEX: drop the entry); %NULL when they are builder nodes
 * @n_map: the length of @node_map
 *
 * Like hearth_profile_builder_add_frame_value() for many entries at once,
 * for importers that collect millions of them: the builder keeps @values
 * and builds the profile's per-frame table inside it, so the entries are
 * never copied (a 100 MB MicroProfiler dump has over two million).
 */
void
hearth_profile_builder_take_frame_values (HearthProfileBuilder *self,
                                          HearthFrameValue     *values,
                                          gsize                 n,
                                          const guint32        *node_map,
                                          gsize                 n_map)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n == 0);
  g_return_if_fail (n <= G_MAXUINT);

  for (gsize i = 0; i < n; i++)
    {
      guint32 node = values[i].node;

      if (node_map != NULL)
        node = node < n_map ? node_map[node] : HEARTH_NO_INDEX;
      if (node >= self->n_nodes || (values[i].metric & HEARTH_FRAME_VALUE_METRIC_MASK) >= HEARTH_N_METRICS)
        values[i].value = 0;      /* dropped by finish_frame_values() */
      else
        values[i].node = node;
    }

  if (self->n_frame_values == 0)
    {
      g_free (self->frame_values);
      self->frame_values = values;
      self->n_frame_values = self->frame_values_cap = n;
    }
  else
    {
      reserve_frame_values (self, n);
      memcpy (self->frame_values + self->n_frame_values, values, n * sizeof (HearthFrameValue));
      self->n_frame_values += n;
      g_free (values);
    }
}

/* Groups the entries by frame into the profile's per-frame table, in place:
 * a counting sort by frame whose permutation cycles swap entries inside the
 * builder's array (O(n), no second copy), then the keys become metrics and
 * the array becomes the profile's. Within a frame the entries come in no
 * particular order; readers sum them. Entries of frames that do not exist,
 * of metrics the profile lacks and zero values are dropped. */
static void
finish_frame_values (HearthProfileBuilder *self,
                     HearthProfile        *profile,
                     const guint32        *new_index)
{
  HearthFrameValue *a = self->frame_values;
  gsize n = self->n_frame_values;
  guint n_frames = profile->n_frames;
  guint32 drop = MIN (n_frames, HEARTH_FRAME_VALUE_MAX_FRAME + 1);
  g_autofree guint32 *next = NULL;
  guint32 *offsets;
  guint32 n_kept;

  if (a == NULL)
    return;
  self->frame_values = NULL;
  self->n_frame_values = self->frame_values_cap = 0;

  /* bucket `drop` (normally the frame count) collects what is dropped */
  for (gsize i = 0; i < n; i++)
    {
      guint32 frame = a[i].metric >> HEARTH_FRAME_VALUE_METRIC_BITS;
      guint32 metric = a[i].metric & HEARTH_FRAME_VALUE_METRIC_MASK;

      if (frame >= drop || a[i].value == 0 || !(profile->metrics & (1u << metric)))
        a[i].metric = HEARTH_FRAME_VALUE_KEY (drop, 0);
    }
  offsets = profile->frame_value_offsets = g_new0 (guint32, (gsize) n_frames + 2);
  for (gsize i = 0; i < n; i++)
    offsets[(a[i].metric >> HEARTH_FRAME_VALUE_METRIC_BITS) + 1]++;
  for (guint f = 0; f <= drop; f++)
    offsets[f + 1] += offsets[f];

  next = g_memdup2 (offsets, sizeof (guint32) * ((gsize) drop + 1));
  for (guint32 b = 0; b <= drop; b++)
    while (next[b] < offsets[b + 1])
      {
        HearthFrameValue v = a[next[b]];
        guint32 vb = v.metric >> HEARTH_FRAME_VALUE_METRIC_BITS;

        /* carry v to its bucket, picking up what was there, until the
         * entry that belongs at next[b] comes round */
        while (vb != b)
          {
            HearthFrameValue t = a[next[vb]];

            a[next[vb]++] = v;
            v = t;
            vb = v.metric >> HEARTH_FRAME_VALUE_METRIC_BITS;
          }
        a[next[b]++] = v;
      }

  n_kept = offsets[drop];
  for (guint32 i = 0; i < n_kept; i++)
    {
      a[i].node = new_index[a[i].node];
      a[i].metric &= HEARTH_FRAME_VALUE_METRIC_MASK;
    }
  /* frames past HEARTH_FRAME_VALUE_MAX_FRAME, if any, have no entries */
  for (guint f = drop; f < n_frames; f++)
    offsets[f + 1] = n_kept;

  profile->frame_values = g_renew (HearthFrameValue, a, MAX (n_kept, 1));
}

/**
 * hearth_profile_builder_reserve_frame_values:
 * @n: how many hearth_profile_builder_add_frame_value() calls will follow
 *
 * Lets an importer that knows the count avoid the slack of a growing array.
 */
void
hearth_profile_builder_reserve_frame_values (HearthProfileBuilder *self,
                                             guint                 n)
{
  g_return_if_fail (self != NULL);

  reserve_frame_values (self, n);
}

/**
 * hearth_profile_builder_add_thread:
 * @node: the thread's tree-root node, or %HEARTH_NO_INDEX
 */
void
hearth_profile_builder_add_thread (HearthProfileBuilder *self,
                                   const char           *name,
                                   guint                 node,
                                   gboolean              gpu,
                                   gboolean              clobbered)
{
  HearthThreadInfo info = { 0 };

  g_return_if_fail (self != NULL);

  info.name = intern (self, name ? name : "");
  info.node = node;
  info.gpu = !!gpu;
  info.clobbered = !!clobbered;
  g_array_append_val (self->threads, info);
}

/* Depth-first pre-order, children in insertion order, with an explicit
 * stack: real call paths are deep enough to overflow recursion. */
static guint32 *
compute_preorder (HearthProfileBuilder *self)
{
  guint32 *order = g_new (guint32, self->n_nodes);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = 0;
  guint32 root = 0;

  g_array_append_val (stack, root);
  while (stack->len > 0)
    {
      guint32 node = g_array_index (stack, guint32, stack->len - 1);
      guint first = stack->len - 1;

      g_array_set_size (stack, stack->len - 1);
      order[n++] = node;

      /* push children reversed so the first child is visited first */
      for (guint32 c = self->first_child[node]; c != HEARTH_NO_INDEX; c = self->next_sibling[c])
        g_array_append_val (stack, c);
      for (guint i = first, j = stack->len; j > 0 && i < j - 1; i++, j--)
        {
          guint32 tmp = g_array_index (stack, guint32, i);
          g_array_index (stack, guint32, i) = g_array_index (stack, guint32, j - 1);
          g_array_index (stack, guint32, j - 1) = tmp;
        }
    }

  g_assert (n == self->n_nodes);
  return order;
}

static void
compute_function_totals (HearthProfile *profile)
{
  const HearthCallTree *tree = &profile->tree;
  g_autofree guint32 *active = g_new0 (guint32, profile->n_functions);
  g_autofree guint32 *stack = g_new (guint32, tree->n_nodes + 1);
  guint sp = 0;

  profile->function_n_nodes = g_new0 (guint32, profile->n_functions);
  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      if (tree->total[m] == NULL)
        continue;
      profile->function_total[m] = g_new0 (double, profile->n_functions);
      profile->function_self[m] = g_new0 (double, profile->n_functions);
    }

  /* Walk in pre-order keeping the current path on a stack; a node adds its
   * inclusive value only when its function is not already on the path, so
   * recursion counts once per root-to-leaf path. */
  for (guint32 i = 0; i < tree->n_nodes; i++)
    {
      guint32 f = tree->function[i];
      gboolean outermost;

      while (sp > 0 && tree->subtree_end[stack[sp - 1]] <= i)
        active[tree->function[stack[--sp]]]--;

      outermost = active[f] == 0;
      for (guint m = 0; m < HEARTH_N_METRICS; m++)
        {
          if (tree->total[m] == NULL)
            continue;
          if (outermost)
            profile->function_total[m][f] += tree->total[m][i];
          profile->function_self[m][f] += tree->self[m][i];
        }
      profile->function_n_nodes[f]++;
      active[f]++;
      stack[sp++] = i;
    }
}

/**
 * hearth_profile_builder_finish:
 *
 * Lays the tree out depth-first, computes inclusive/self values and
 * per-function totals, and hands over the immutable profile. The builder is
 * left empty and must still be freed.
 *
 * Returns: (transfer full): the profile
 */
HearthProfile *
hearth_profile_builder_finish (HearthProfileBuilder *self)
{
  HearthProfile *profile;
  HearthCallTree *tree;
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *new_index = NULL;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->profile != NULL, NULL);

  profile = g_steal_pointer (&self->profile);
  tree = &profile->tree;
  n = self->n_nodes;

  order = compute_preorder (self);
  new_index = g_new (guint32, n);
  for (guint i = 0; i < n; i++)
    new_index[order[i]] = i;

  tree->n_nodes = n;
  tree->parent = g_new (guint32, n);
  tree->first_child = g_new (guint32, n);
  tree->next_sibling = g_new (guint32, n);
  tree->function = g_new (guint32, n);
  tree->depth = g_new (guint32, n);
  tree->subtree_end = g_new (guint32, n);

  for (guint i = 0; i < n; i++)
    {
      guint32 old = order[i];

#define REMAP(x) ((x) == HEARTH_NO_INDEX ? HEARTH_NO_INDEX : new_index[(x)])
      tree->parent[i] = REMAP (self->parent[old]);
      tree->first_child[i] = REMAP (self->first_child[old]);
      tree->next_sibling[i] = REMAP (self->next_sibling[old]);
#undef REMAP
      tree->function[i] = self->function[old];
      tree->depth[i] = i == 0 ? 0 : tree->depth[tree->parent[i]] + 1;
      tree->subtree_end[i] = i + 1;
    }

  /* Children come after their parent in pre-order: walking backwards sees
   * every child before its parent. */
  for (guint i = n; i-- > 1;)
    {
      guint32 p = tree->parent[i];
      tree->subtree_end[p] = MAX (tree->subtree_end[p], tree->subtree_end[i]);
    }

  for (guint m = 0; m < HEARTH_N_METRICS; m++)
    {
      double *total, *self_values;

      if (!(self->enabled & (1u << m)))
        continue;

      profile->metrics |= 1u << m;
      total = tree->total[m] = g_new0 (double, MAX (n, 1));
      self_values = tree->self[m] = g_new0 (double, MAX (n, 1));

      if (self->modes[m] == HEARTH_VALUE_SELF)
        {
          for (guint i = 0; i < n; i++)
            total[i] = self_values[i] = self->values[m][order[i]];
          for (guint i = n; i-- > 1;)
            total[tree->parent[i]] += total[i];
        }
      else
        {
          g_autofree double *child_sum = g_new0 (double, MAX (n, 1));

          for (guint i = 0; i < n; i++)
            total[i] = self->values[m][order[i]];
          for (guint i = 1; i < n; i++)
            child_sum[tree->parent[i]] += total[i];

          /* <root> has no value of its own in any format: it is the sum of
           * the tree roots */
          total[0] = child_sum[0];
          for (guint i = 0; i < n; i++)
            self_values[i] = MAX (0.0, total[i] - child_sum[i]);
        }
    }

  profile->n_functions = self->functions->len;
  profile->functions = (HearthFunctionRec *) g_array_free (g_steal_pointer (&self->functions), FALSE);
  self->functions = g_array_new (FALSE, TRUE, sizeof (HearthFunctionRec));
  compute_function_totals (profile);

  profile->n_frames = self->frames->len;
  profile->frames = (HearthFrame *) g_array_free (g_steal_pointer (&self->frames), FALSE);
  self->frames = g_array_new (FALSE, TRUE, sizeof (HearthFrame));
  finish_frame_values (self, profile, new_index);

  profile->n_threads = self->threads->len;
  profile->threads = g_new0 (HearthThreadInfo, MAX (self->threads->len, 1));
  for (guint i = 0; i < self->threads->len; i++)
    {
      profile->threads[i] = g_array_index (self->threads, HearthThreadInfo, i);
      if (profile->threads[i].node != HEARTH_NO_INDEX && profile->threads[i].node < n)
        profile->threads[i].node = new_index[profile->threads[i].node];
    }

  if (self->warnings->len > 0)
    {
      g_ptr_array_add (self->warnings, NULL);
      profile->warnings = (char **) g_ptr_array_free (g_steal_pointer (&self->warnings), FALSE);
      self->warnings = g_ptr_array_new_with_free_func (g_free);
    }

  /* Leave the builder empty but valid; it only needs freeing now */
  self->n_nodes = 0;
  g_hash_table_remove_all (self->function_index);

  return profile;
}
