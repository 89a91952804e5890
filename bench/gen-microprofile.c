/* gen-microprofile.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gen-microprofile"

/* Writes a realistic family-A MicroProfiler dump (docs/formats/microprofiler.md
 * §6) of about a given size: N frames × T threads, deep stacks, labels, meta
 * counters, MemoryScopeStats events and a GPU timeline.
 *
 *   gen-microprofile OUTPUT SIZE_MB [FRAMES [THREADS [spikes]]]
 *
 * With "spikes", frames vary in length (about one in eight is a spike of
 * 25-60 ms), two are paused, and MakeFrame gets the 22 arguments of family C
 * (§8.2) with jobs/render/GPU-wait times giving all three bottleneck classes
 * (§13.3), for the frame timeline.
 *
 * Deterministic (fixed seed). Write the output under /tmp or a build
 * directory, never into the source tree. */

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_GROUPS 12
#define N_TIMERS 240
#define MAX_DEPTH 24
#define TICKS_PER_FRAME 166000   /* 16.6 ms at 10 MHz */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

/* Frame length in ticks: fixed, or with spikes (deterministic in f) */
static uint64_t
frame_ticks (int spikes,
             int f)
{
  uint32_t h = (uint32_t) f + 0x9e3779b9u;

  if (!spikes)
    return TICKS_PER_FRAME;
  /* murmur3 finaliser: spikes scattered, not in runs */
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  if (h % 8 == 3)
    return 250000 + (h >> 8) % 350000;       /* 25-60 ms */
  return 130000 + (h >> 8) % 36000;          /* 13-16.6 ms */
}

static uint32_t
rnd (void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (uint32_t) (rng_state >> 11);
}

typedef struct
{
  char   *buf;
  size_t  len;
  size_t  cap;
} Buf;

static void
buf_reserve (Buf    *b,
             size_t  n)
{
  if (b->len + n <= b->cap)
    return;
  while (b->len + n > b->cap)
    b->cap = b->cap ? b->cap * 2 : 1 << 16;
  b->buf = realloc (b->buf, b->cap);
  if (b->buf == NULL)
    abort ();
}

static void
buf_str (Buf        *b,
         const char *s)
{
  size_t n = strlen (s);

  buf_reserve (b, n);
  memcpy (b->buf + b->len, s, n);
  b->len += n;
}

/* The writers' comma printer: < 10 as one digit, else 0x hex, then ',' */
static void
buf_u (Buf      *b,
       uint64_t  v)
{
  static const char hex[] = "0123456789abcdef";
  char tmp[24];
  int n = 0;

  buf_reserve (b, 24);
  if (v < 10)
    {
      b->buf[b->len++] = (char) ('0' + v);
      b->buf[b->len++] = ',';
      return;
    }
  while (v)
    {
      tmp[n++] = hex[v & 15];
      v >>= 4;
    }
  b->buf[b->len++] = '0';
  b->buf[b->len++] = 'x';
  while (n)
    b->buf[b->len++] = tmp[--n];
  b->buf[b->len++] = ',';
}

typedef struct
{
  int      depth;
  int      timer[MAX_DEPTH];
  uint64_t tick;
} Thread;

typedef struct
{
  Buf tt, ts, ti, tl;
} Arrays;

static void
entry (Arrays   *a,
       uint64_t  tt,
       uint64_t  ts,
       uint64_t  ti)
{
  buf_u (&a->tt, tt);
  buf_u (&a->ts, ts);
  buf_u (&a->ti, ti);
}

int
main (int   argc,
      char *argv[])
{
  const char *out_path;
  double size_mb;
  int frames = 512, threads = 24, spikes = 0;
  uint64_t next_start = 0;
  long per_thread_frame;
  FILE *out;
  Thread *th;
  Arrays a = { 0 };
  Buf hdr = { 0 };
  char line[512];
  int labels_in_frame;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT SIZE_MB [FRAMES [THREADS]]\n", argv[0]);
      return 2;
    }
  out_path = argv[1];
  size_mb = atof (argv[2]);
  if (argc > 3)
    frames = atoi (argv[3]);
  if (argc > 4)
    threads = atoi (argv[4]);
  if (argc > 5)
    spikes = strcmp (argv[5], "spikes") == 0;
  if (frames < 1 || threads < 2 || size_mb <= 0)
    return 2;

  /* about 17 bytes of text per log entry across tt, ts and ti */
  per_thread_frame = (long) (size_mb * 1024 * 1024 / 17.0 / frames / threads);
  if (per_thread_frame < 4)
    per_thread_frame = 4;

  out = fopen (out_path, "w");
  if (out == NULL)
    {
      perror (out_path);
      return 1;
    }
  setvbuf (out, NULL, _IOFBF, 1 << 20);

  fputs ("<!DOCTYPE HTML>\n<html>\n<head>\n<title>MicroProfile Capture</title>\n</head>\n<body>\n<script>\n"
         "function MakeTimes(s, a) { return a; }\n", out);
  fputs ("var DumpHost = '';\nvar DumpUtcCaptureTime = 1700000000;\n"
         "var AggregateInfo = {'Frames':512, 'Time':8499.200000};\n"
         "var CategoryInfo = Array(1);\nCategoryInfo[0] = \"Default\";\n", out);
  fprintf (out, "var GroupInfo = Array(%d);\n\n", N_GROUPS);
  for (int g = 0; g < N_GROUPS; g++)
    fprintf (out, "GroupInfo[%d] = MakeGroup(%d, \"Group%d\", 0, %d, %d, 1.000000, 0.100000, 0.200000, '#%06x');\n",
             g, g, g, N_TIMERS / N_GROUPS, g == N_GROUPS - 1, (unsigned) (rnd () & 0xffffff));
  fprintf (out, "\nvar TimerInfo = Array(%d);\n\n", N_TIMERS);
  for (int t = 0; t < N_TIMERS; t++)
    {
      unsigned c = rnd () & 0xffffff;

      fprintf (out, "TimerInfo[%d] = MakeTimer(%d, \"%s%d\", %d, '#%06x','#%06x', 0.100000, 0.200000, "
               "0.050000, 0.100000, 0.200000, 0.010000, 10, 1.000000,\n\t[0,0,],[0,0,],[0,0,]);\n",
               t, t, t % 37 == 5 ? "$Lua" : "Scope", t, t % N_GROUPS, c, (c >> 1) & 0x7f7f7f);
    }
  fputs ("\nvar ThreadNames = [", out);
  for (int j = 0; j < threads; j++)
    fprintf (out, j == threads - 1 ? "'GPU'," : "'Worker %d',", j);
  fputs ("];\n\nvar ThreadIds = [", out);
  for (int j = 0; j < threads; j++)
    fprintf (out, "0x%x,", 0x1000 + j);
  fputs ("];\n\nvar ThreadGpu = [", out);
  for (int j = 0; j < threads; j++)
    fprintf (out, "%d,", j == threads - 1);
  fputs ("];\n\nvar ThreadGroupTimeArray = [\n", out);
  for (int j = 0; j < threads; j++)
    fputs ("MakeTimes(1.000000e-04,[0x100,0x200,0,0,0,0,0,0,0,0,0,0,]),\n", out);
  fputs ("];\nvar MetaNames = ['Allocs','Bytes',];\n\n"
         "var CounterInfo = [MakeCounter(0, -1, -1, -1, 0, 'memory', 2048, 0, 4096, '2.048', 0, '0', 1, "
         "0.000000, 1.000000, [0,0x400,0x800,]),\n];\n\n", out);
  fprintf (out, "var Frames = Array(%d);\n", frames);

  th = calloc (threads, sizeof *th);
  for (int f = 0; f < frames; f++)
    {
      uint64_t fstart = next_start;
      uint64_t fend = fstart + frame_ticks (spikes, f);

      next_start = fend;
      a.tt.len = a.ts.len = a.ti.len = a.tl.len = 0;
      buf_str (&a.tt, "var tt");
      buf_str (&a.ts, "var ts");
      buf_str (&a.ti, "var ti");
      buf_str (&a.tl, "var tl");
      snprintf (line, sizeof line, "%d = [\n", f);
      buf_str (&a.tt, line);
      buf_str (&a.ts, line);
      buf_str (&a.ti, line);
      buf_str (&a.tl, line);

      for (int j = 0; j < threads; j++)
        {
          Thread *t = &th[j];
          int gpu = j == threads - 1;
          long n = gpu ? per_thread_frame / 4 : per_thread_frame;
          uint64_t step = (fend - fstart) / (uint64_t) (n + 1);

          if (t->tick < fstart)
            t->tick = fstart;
          buf_str (&a.tt, "[");
          buf_str (&a.ts, gpu ? "MakeTimesExtra(1.000000e-04,1.000000e-04,tt0[0],[" : "MakeTimes(1.000000e-04,[");
          buf_str (&a.ti, "[");
          buf_str (&a.tl, "[");
          labels_in_frame = 0;

          for (long k = 0; k < n;)
            {
              uint32_t r = rnd () % 100;
              int last_frame = f == frames - 1;
              int can_enter = t->depth < MAX_DEPTH && !(last_frame && k > n / 2);

              if (!can_enter && t->depth == 0)
                break;

              t->tick += 1 + rnd () % (step * 2 > 2 ? step * 2 - 1 : 1);
              if (t->tick >= fend - 16)
                t->tick = fend - 16;

              if (t->depth > 0 && (r < 46 || !can_enter))
                {
                  t->depth--;
                  entry (&a, 0, t->tick - 0, (uint64_t) t->timer[t->depth]);
                  k++;
                  if (gpu)
                    {
                      entry (&a, 4, t->tick, 0);
                      k++;
                    }
                }
              else if (can_enter && (r < 90 || t->depth == 0))
                {
                  int parent = t->depth > 0 ? t->timer[t->depth - 1] : j * 7;
                  /* a few callees per scope near the top, fixed call chains deeper down */
                  int fan = t->depth < 3 ? 3 : t->depth < 6 ? 2 : 1;
                  int timer = (parent * 7 + 1 + (int) (rnd () % fan)) % N_TIMERS;

                  t->timer[t->depth++] = timer;
                  entry (&a, 1, t->tick, (uint64_t) timer);
                  k++;
                  if (gpu)
                    {
                      entry (&a, 4, t->tick, 0);
                      k++;
                    }
                  else if (timer % 37 == 5 || r % 9 == 0)
                    {
                      /* a label right after the enter ($ timers take it as their name) */
                      entry (&a, 3, 0, (uint64_t) labels_in_frame);
                      snprintf (line, sizeof line, "\"script %u\",", rnd () % 12);
                      buf_str (&a.tl, line);
                      labels_in_frame++;
                      k++;
                    }
                }
              else if (!gpu && t->depth > 0 && r < 96)
                {
                  entry (&a, 8 + rnd () % 5, 0, rnd () % 2);   /* meta */
                  k++;
                }
              else if (!gpu && t->depth > 0)
                {
                  /* MemoryScopeStats (tt 148) + its continuation (tt 128), BigInt literals */
                  uint64_t allocs = rnd () % 40, frees = rnd () % 30;
                  uint64_t x = (1ull << 58) | (allocs << 24) | frees;
                  uint64_t ext = ((uint64_t) (allocs * 48) << 32) | (frees * 32);

                  buf_u (&a.tt, 148);
                  buf_u (&a.tt, 128);
                  snprintf (line, sizeof line, "0x%" PRIx64 "n,0x%" PRIx64 "n,", x, ext);
                  buf_str (&a.ts, line);
                  buf_u (&a.ti, 0);
                  buf_u (&a.ti, 0);
                  k += 2;
                }
            }
          if (f == frames - 1)
            while (t->depth > 0)
              {
                t->depth--;
                t->tick += 1;
                entry (&a, 0, t->tick, (uint64_t) t->timer[t->depth]);
                if (gpu)
                  entry (&a, 4, t->tick, 0);
              }
          buf_str (&a.tt, "],\n");
          buf_str (&a.ts, gpu ? "]),\n" : "]),\n");
          buf_str (&a.ti, "],\n");
          buf_str (&a.tl, "],\n");
        }

      buf_str (&a.tt, "];\n");
      buf_str (&a.ts, "];\n");
      buf_str (&a.ti, "];\n");
      buf_str (&a.tl, "];\n");
      fwrite (a.tt.buf, 1, a.tt.len, out);
      fwrite (a.ts.buf, 1, a.ts.len, out);
      fwrite (a.ti.buf, 1, a.ti.len, out);
      fwrite (a.tl.buf, 1, a.tl.len, out);
      if (spikes)
        {
          double s = fstart * 1e-4, ms = (fend - fstart) * 1e-4;
          int kind = f % 3;                      /* 0 jobs, 1 render, 2 GPU */
          double jobs = s + ms * (kind == 0 ? 0.95 : 0.7);
          double render = s + ms * (kind == 0 ? 0.8 : 0.96);
          double wait = kind == 2 ? ms * 0.3 : 0.4;

          fprintf (out, "Frames[%d] = MakeFrame(0, %f, %f, %f, %f, ts%d, tt%d, ti%d, tl%d, %d, 0, "
                   "3000.0, %6.1f, 1024.0, %4.3f, %d, %4.3f, %d, %6.2f, %6.2f, %6.2f, %6.2f);\n",
                   f, s, fend * 1e-4, s, fend * 1e-4, f, f, f, f, f == 100 || f == 101,
                   500.0 + f % 50, 0.01 * (f % 7), (int) (200 + (f * 37) % 900 + (ms > 20 ? 2500 : 0)),
                   0.005, (int) (150 + (f * 53) % 700), wait, jobs, render, ms * 0.6);
        }
      else
        fprintf (out, "Frames[%d] = MakeFrame(0, %f, %f, %f, %f, ts%d, tt%d, ti%d, tl%d);\n",
                 f, fstart * 1e-4, fend * 1e-4, fstart * 1e-4, fend * 1e-4, f, f, f, f);
    }

  fputs ("var CSwitchThreadInOutCpu = [\n];\nvar CSwitchTime = [\n];\nvar CSwitchThreads = {};\n"
         "</script>\n</body>\n</html>\n", out);
  (void) hdr;
  free (th);
  free (a.tt.buf);
  free (a.ts.buf);
  free (a.ti.buf);
  free (a.tl.buf);
  if (fclose (out) != 0)
    {
      perror (out_path);
      return 1;
    }
  return 0;
}
