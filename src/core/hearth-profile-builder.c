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

#include "hearth-hash.h"
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
  guint32         *frame_value_map;   /* nodes of all frame_values still to map, or NULL */
  gsize            n_frame_value_map;

  /* Annotations (node labels and counters), in builder node ids */
  GArray          *annotations;       /* HearthAnnotation */
  guint32         *annotation_slots;  /* open addressing: annotations index + 1 */
  const char      *annotation_names[64][2]; /* the caller's name -> interned (add_unique) */
  guint            n_annotation_slots; /* power of two */
  guint8          *annotation_counts; /* per node and kind: distinct names, saturating */
  gsize            annotation_counts_cap;
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

static void clear_annotation_index (HearthProfileBuilder *self);

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

static void
slots_insert (ChildSlot *slots,
              guint      n_slots,
              guint64    key,
              guint32    node)
{
  guint mask = n_slots - 1;
  guint i = hearth_hash64 (key) & mask;

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
  g_clear_pointer (&self->frame_value_map, g_free);
  g_clear_pointer (&self->annotations, g_array_unref);
  clear_annotation_index (self);
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
static void index_child (HearthProfileBuilder *self,
                         guint                 node);

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

  if (self->slots != NULL)
    index_child (self, node);
  return node;
}

/* Remembers @node as the child of its parent with its function for
 * get_child(), unless there is one already (the first one counts) */
static void
index_child (HearthProfileBuilder *self,
             guint                 node)
{
  guint64 key = slot_key (self->parent[node], self->function[node]);
  guint mask, i;

  if ((self->n_used_slots + 1) * 2 > self->n_slots)
    slots_grow (self);
  mask = self->n_slots - 1;
  for (i = hearth_hash64 (key) & mask; self->slots[i].key != 0; i = (i + 1) & mask)
    if (self->slots[i].key == key)
      return;
  self->slots[i].key = key;
  self->slots[i].node = node;
  self->n_used_slots++;
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
  guint64 key;
  guint mask, i;

  g_return_val_if_fail (self != NULL, HEARTH_NO_INDEX);
  g_return_val_if_fail (parent < self->n_nodes, HEARTH_NO_INDEX);

  /* The index is made on the first call: importers that only add children
   * they know are new (a MicroProfiler dump's 200 000 nodes) never pay for
   * it in time or memory */
  if (self->slots == NULL)
    {
      slots_grow (self);
      for (guint node = 1; node < self->n_nodes; node++)
        index_child (self, node);
    }

  key = slot_key (parent, function);
  mask = self->n_slots - 1;
  for (i = hearth_hash64 (key) & mask; self->slots[i].key != 0; i = (i + 1) & mask)
    if (self->slots[i].key == key)
      return self->slots[i].node;

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
/* Maps the nodes of the entries a lazy take_frame_values() left as they
 * were, before more entries join them */
static void
apply_frame_value_map (HearthProfileBuilder *self)
{
  const guint32 *map = self->frame_value_map;

  if (map == NULL)
    return;
  for (gsize i = 0; i < self->n_frame_values; i++)
    {
      guint32 node = self->frame_values[i].node;

      self->frame_values[i].node = node < self->n_frame_value_map ? map[node] : HEARTH_NO_INDEX;
    }
  g_clear_pointer (&self->frame_value_map, g_free);
}

/* Room for @n more entries; grows by half, like GArray's doubling but with
 * less slack for the millions a big capture has */
static void
reserve_frame_values (HearthProfileBuilder *self,
                      gsize                 n)
{
  apply_frame_value_map (self);
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

  /* finish() maps the nodes (on its second core) when these are the only
   * entries; it also drops those of nodes or metrics that do not exist */
  if (self->n_frame_values == 0)
    {
      g_free (self->frame_values);
      g_clear_pointer (&self->frame_value_map, g_free);
      self->frame_values = values;
      self->n_frame_values = self->frame_values_cap = n;
      if (node_map != NULL)
        self->frame_value_map = g_memdup2 (node_map, sizeof (guint32) * n_map);
      self->n_frame_value_map = n_map;
      return;
    }

  reserve_frame_values (self, n);         /* maps the entries already here */
  for (gsize i = 0; i < n; i++)
    {
      guint32 node = values[i].node;

      if (node_map != NULL)
        node = node < n_map ? node_map[node] : HEARTH_NO_INDEX;
      values[i].node = node;
    }
  memcpy (self->frame_values + self->n_frame_values, values, n * sizeof (HearthFrameValue));
  self->n_frame_values += n;
  g_free (values);
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
  g_autofree guint32 *map = g_steal_pointer (&self->frame_value_map);
  gsize n_map = self->n_frame_value_map;
  guint n_nodes = self->n_nodes;

  if (a == NULL)
    return;
  self->frame_values = NULL;
  self->n_frame_values = self->frame_values_cap = 0;

  /* bucket `drop` (normally the frame count) collects what is dropped */
  offsets = profile->frame_value_offsets = g_new0 (guint32, (gsize) n_frames + 2);
  for (gsize i = 0; i < n; i++)
    {
      guint32 frame = a[i].metric >> HEARTH_FRAME_VALUE_METRIC_BITS;
      guint32 metric = a[i].metric & HEARTH_FRAME_VALUE_METRIC_MASK;

      if (map != NULL)
        a[i].node = a[i].node < n_map ? map[a[i].node] : HEARTH_NO_INDEX;
      if (frame >= drop || a[i].value == 0 || !(profile->metrics & (1u << metric)) || a[i].node >= n_nodes)
        {
          a[i].metric = HEARTH_FRAME_VALUE_KEY (drop, 0);
          frame = drop;
        }
      offsets[frame + 1]++;
    }
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

/* Annotations: labels and counters of nodes.
 *
 * Each (node, kind, name) is one entry whose value is summed. Hostile input
 * could attach millions of distinct labels, so memory stays bounded: a node
 * keeps at most HEARTH_ANNOTATION_MAX_LABELS distinct labels (and
 * HEARTH_ANNOTATION_MAX_COUNTERS counters); later ones are summed into one
 * entry named HEARTH_ANNOTATION_OTHER_LABELS (or _COUNTERS), a fixed English
 * string that views translate. Past ANNOTATION_MAX_DISTINCT named entries in
 * the whole profile, every new name goes to its node's "other" entry, so the
 * interned text stays bounded too and the entries grow at most by two per
 * node. */

#define ANNOTATION_MAX_DISTINCT (1u << 20)

/* An index without an allocation per entry: an importer may add hundreds
 * of thousands (a 100 MB MicroProfiler dump has 300 000 distinct labels) */
static guint
annotation_hash (guint32     node,
                 guint32     kind,
                 const char *name)
{
  return hearth_hash64 ((((guint64) node << 1 | kind) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) ^
                        g_str_hash (name));
}

static void
annotation_rehash (HearthProfileBuilder *self)
{
  HearthAnnotation *a = (HearthAnnotation *) (gpointer) self->annotations->data;
  guint mask;

  /* at most half full */
  self->n_annotation_slots = 256;
  while (self->n_annotation_slots < (self->annotations->len + 1) * 2)
    self->n_annotation_slots *= 2;
  g_free (self->annotation_slots);
  self->annotation_slots = g_new0 (guint32, self->n_annotation_slots);
  mask = self->n_annotation_slots - 1;
  for (guint k = 0; k < self->annotations->len; k++)
    {
      guint i;

      for (i = annotation_hash (a[k].node, a[k].kind, a[k].name) & mask;
           self->annotation_slots[i] != 0;
           i = (i + 1) & mask)
        ;
      self->annotation_slots[i] = k + 1;
    }
}

/* The entry of (node, kind, name), or NULL and where to insert it (*slot) */
static HearthAnnotation *
annotation_find (HearthProfileBuilder *self,
                 guint32               node,
                 guint32               kind,
                 const char           *name,
                 guint                *slot)
{
  HearthAnnotation *a = (HearthAnnotation *) (gpointer) self->annotations->data;
  guint mask = self->n_annotation_slots - 1;
  guint i;

  for (i = annotation_hash (node, kind, name) & mask; self->annotation_slots[i] != 0; i = (i + 1) & mask)
    {
      HearthAnnotation *e = &a[self->annotation_slots[i] - 1];

      if (e->node == node && e->kind == kind && strcmp (e->name, name) == 0)
        return e;
    }
  *slot = i;
  return NULL;
}

/* The count of distinct names @node has of @kind. It only needs to reach
 * the caps (64), so it saturates at 255. */
static guint8 *
annotation_count (HearthProfileBuilder *self,
                  guint32               node,
                  guint32               kind)
{
  gsize k = (gsize) node * 2 + kind;

  G_STATIC_ASSERT (HEARTH_ANNOTATION_MAX_LABELS < 255 && HEARTH_ANNOTATION_MAX_COUNTERS < 255);
  if (k >= self->annotation_counts_cap)
    {
      gsize cap = MAX (k + 1, self->annotation_counts_cap * 2);

      self->annotation_counts = g_renew (guint8, self->annotation_counts, cap);
      memset (self->annotation_counts + self->annotation_counts_cap, 0, cap - self->annotation_counts_cap);
      self->annotation_counts_cap = cap;
    }
  return &self->annotation_counts[k];
}

static void
clear_annotation_index (HearthProfileBuilder *self)
{
  g_clear_pointer (&self->annotation_slots, g_free);
  self->n_annotation_slots = 0;
  g_clear_pointer (&self->annotation_counts, g_free);
  self->annotation_counts_cap = 0;
}

/* The entry of (node, kind, name), created when it is new; the caps apply */
static HearthAnnotation *
annotation_entry (HearthProfileBuilder *self,
                  guint32               node,
                  HearthAnnotationKind  kind,
                  const char           *name)
{
  HearthAnnotation entry = { 0 };
  guint max = kind == HEARTH_ANNOTATION_LABEL ? HEARTH_ANNOTATION_MAX_LABELS : HEARTH_ANNOTATION_MAX_COUNTERS;
  HearthAnnotation *found;
  guint8 *count;
  guint slot = 0;

  if ((self->annotations->len + 1) * 2 > self->n_annotation_slots)
    annotation_rehash (self);
  found = annotation_find (self, node, kind, name, &slot);
  if (found != NULL)
    return found;

  count = annotation_count (self, node, kind);
  if (*count >= max || self->annotations->len >= ANNOTATION_MAX_DISTINCT)
    {
      name = kind == HEARTH_ANNOTATION_LABEL ? HEARTH_ANNOTATION_OTHER_LABELS : HEARTH_ANNOTATION_OTHER_COUNTERS;
      found = annotation_find (self, node, kind, name, &slot);
      if (found != NULL)
        return found;
    }

  entry.node = node;
  entry.kind = kind;
  entry.name = intern (self, name);
  g_array_append_val (self->annotations, entry);
  self->annotation_slots[slot] = self->annotations->len;
  if (*count < 255)
    (*count)++;

  return &g_array_index (self->annotations, HearthAnnotation, self->annotations->len - 1);
}

/**
 * hearth_profile_builder_add_annotation:
 * @node: builder node
 * @kind: a label or a counter
 * @name: the label text or the counter name (%NULL is the empty text)
 * @value: added to the entry's value: 1 for each time a label is attached,
 *   the increment for a counter; non-finite values are ignored
 *
 * Attaches a label or a counter to @node's own scope (#HearthAnnotation).
 * Equal (@node, @kind, @name) are summed; entries whose sum is 0 are
 * dropped by hearth_profile_builder_finish(). Memory stays bounded on
 * hostile input (see %HEARTH_ANNOTATION_MAX_LABELS).
 */
void
hearth_profile_builder_add_annotation (HearthProfileBuilder *self,
                                       guint                 node,
                                       HearthAnnotationKind  kind,
                                       const char           *name,
                                       double                value)
{
  HearthAnnotation *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (kind == HEARTH_ANNOTATION_LABEL || kind == HEARTH_ANNOTATION_COUNTER);

  if (!isfinite (value))
    return;

  if (self->annotations == NULL)
    self->annotations = g_array_new (FALSE, FALSE, sizeof (HearthAnnotation));

  entry = annotation_entry (self, node, kind, name != NULL ? name : "");
  entry->value += value;
}

/**
 * hearth_profile_builder_add_unique_annotation:
 *
 * Like hearth_profile_builder_add_annotation() for an importer that has
 * summed equal (@node, @kind, @name) itself and adds each once, and only
 * through this function: the builder skips its own lookup.
 */
void
hearth_profile_builder_add_unique_annotation (HearthProfileBuilder *self,
                                              guint                 node,
                                              HearthAnnotationKind  kind,
                                              const char           *name,
                                              double                value)
{
  guint max = kind == HEARTH_ANNOTATION_LABEL ? HEARTH_ANNOTATION_MAX_LABELS : HEARTH_ANNOTATION_MAX_COUNTERS;
  HearthAnnotation entry = { 0 };
  guint8 *count;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->n_nodes);
  g_return_if_fail (kind == HEARTH_ANNOTATION_LABEL || kind == HEARTH_ANNOTATION_COUNTER);

  if (!isfinite (value))
    return;
  if (self->annotations == NULL)
    self->annotations = g_array_new (FALSE, FALSE, sizeof (HearthAnnotation));

  count = annotation_count (self, node, kind);
  if (*count >= max || self->annotations->len >= ANNOTATION_MAX_DISTINCT)
    {
      /* past the caps: the "other" entry, found and made the ordinary way */
      hearth_profile_builder_add_annotation (self, node, kind, name, value);
      return;
    }
  (*count)++;
  if (name == NULL)
    name = "";
  {
    /* callers pass the same few names again and again: remember where
     * their texts went instead of hashing them each time */
    const char **cached = self->annotation_names[(GPOINTER_TO_SIZE (name) >> 4) % G_N_ELEMENTS (self->annotation_names)];

    if (cached[0] != name || strcmp (cached[1], name) != 0)
      {
        cached[0] = name;
        cached[1] = intern (self, name);
      }
    entry.name = cached[1];
  }
  entry.node = node;
  entry.kind = kind;
  entry.value = value;
  /* not in the index: nobody looks this key up (only "other" entries,
   * which the ordinary path makes and indexes) */
  g_array_append_val (self->annotations, entry);
}

/* Remaps the entries to the profile's node order and sorts them by node
 * (then kind, value descending, name) behind an offsets array, so a node's
 * annotations are found in O(1) */
static void
finish_annotations (HearthProfileBuilder *self,
                    HearthProfile        *profile,
                    const guint32        *new_index)
{
  HearthAnnotation *a;
  guint n = 0;
  guint32 *offsets;

  clear_annotation_index (self);
  if (self->annotations == NULL)
    return;

  a = (HearthAnnotation *) (gpointer) self->annotations->data;
  for (guint i = 0; i < self->annotations->len; i++)
    if (a[i].value != 0)
      {
        a[n] = a[i];
        a[n].node = new_index[a[i].node];
        n++;
      }

  if (n == 0)
    {
      g_clear_pointer (&self->annotations, g_array_unref);
      return;
    }

  /* by node with a counting sort, then each node's few by kind, value and
   * name: one qsort of them all cost a tenth of a big capture's load */
  offsets = profile->annotation_offsets = g_new0 (guint32, (gsize) profile->tree.n_nodes + 1);
  for (guint i = 0; i < n; i++)
    offsets[a[i].node + 1]++;
  for (guint i = 0; i < profile->tree.n_nodes; i++)
    offsets[i + 1] += offsets[i];
  {
    g_autofree guint32 *next = g_memdup2 (offsets, sizeof (guint32) * profile->tree.n_nodes);

    /* in place, like finish_frame_values(): a copy would be the load's
     * memory peak */
    for (guint v = 0; v < profile->tree.n_nodes; v++)
      while (next[v] < offsets[v + 1])
        {
          HearthAnnotation e = a[next[v]];

          while (e.node != v)
            {
              HearthAnnotation t = a[next[e.node]];

              a[next[e.node]++] = e;
              e = t;
            }
          a[next[v]++] = e;
        }
    for (guint v = 0; v < profile->tree.n_nodes; v++)
      if (offsets[v + 1] - offsets[v] > 1)
        qsort (a + offsets[v], offsets[v + 1] - offsets[v], sizeof (HearthAnnotation), hearth_annotation_compare);
    g_array_set_size (self->annotations, n);
    profile->n_annotations = n;
    profile->annotations = (HearthAnnotation *) (gpointer) g_array_free (g_steal_pointer (&self->annotations), FALSE);
  }
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

typedef struct
{
  HearthProfileBuilder *self;
  HearthProfile        *profile;
  const guint32        *new_index;
} FinishSide;

/* What finish() can do beside the rest: it touches nothing else */
static gpointer
finish_side (gpointer data)
{
  FinishSide *d = data;

  finish_frame_values (d->self, d->profile, d->new_index);
  return NULL;
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
  GThread *side = NULL;
  FinishSide side_data;
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
  profile->metrics = self->enabled;
  profile->n_frames = self->frames->len;

  /* The per-frame table only needs the new node order: with millions of
   * entries, sort it on a second core meanwhile */
  side_data.self = self;
  side_data.profile = profile;
  side_data.new_index = new_index;
  if (self->n_frame_values >= 100000 && g_get_num_processors () >= 2)
    side = g_thread_new ("hearth-finish", finish_side, &side_data);
  else
    finish_side (&side_data);

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

  profile->frames = (HearthFrame *) g_array_free (g_steal_pointer (&self->frames), FALSE);
  self->frames = g_array_new (FALSE, TRUE, sizeof (HearthFrame));

  profile->n_threads = self->threads->len;
  profile->threads = g_new0 (HearthThreadInfo, MAX (self->threads->len, 1));
  for (guint i = 0; i < self->threads->len; i++)
    {
      profile->threads[i] = g_array_index (self->threads, HearthThreadInfo, i);
      if (profile->threads[i].node != HEARTH_NO_INDEX && profile->threads[i].node < n)
        profile->threads[i].node = new_index[profile->threads[i].node];
    }

  finish_annotations (self, profile, new_index);
  if (side != NULL)
    g_thread_join (side);

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
