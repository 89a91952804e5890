/* hearth-papyrus-view.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-papyrus-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hearth-papyrus-view.h"

#include "hearth-csv-writer.h"
#include "hearth-index-item.h"
#include "hearth-papyrus-reader.h"
#include "hearth-units.h"

/* What Papyrus modders use the Papyrus Profiling Parser for, done right
 * (papyrus.md §6–7): a "Stack Timings" table (first and last time of every
 * stack id, duration, calls) and "Function Calls": pick a function on the
 * left (searchable; it follows the document's selected-function) and read
 * every call of it with its four phase times, queue wait, run and total.
 * Missing phases show "—" with a tooltip saying why, never "undefined"; run
 * times of calls that started before the capture are marked as lower
 * bounds. Both tables sort on every column and export as shown. */

typedef enum
{
  STACK_ID,
  STACK_FIRST,
  STACK_LAST,
  STACK_DURATION,
  STACK_CALLS,
  N_STACK_CELLS
} StackCell;

typedef enum
{
  CALL_STACK,
  CALL_OBJECT,
  CALL_QUEUE_PUSH,
  CALL_PUSH,
  CALL_QUEUE_POP,
  CALL_POP,
  CALL_QUEUE_WAIT,
  CALL_RUN,
  CALL_TOTAL,
  N_CALL_CELLS
} CallCell;

typedef struct
{
  HearthPapyrusView *self;
  gboolean           calls;
  guint              cell;
} ColumnInfo;

struct _HearthPapyrusView
{
  GtkWidget           parent_instance;

  HearthDocument     *document;
  HearthProfile      *profile;
  HearthPapyrusCalls *calls;          /* owned by profile */
  guint               function;
  guint              *n_function_calls; /* per function id */
  guint32            *call_function;    /* per call: its function, never-started ones included */

  GListStore         *stack_store;
  GListStore         *call_store;
  GListStore         *function_store;
  GtkSortListModel   *stack_sorted;
  GtkSortListModel   *call_sorted;
  GtkFilterListModel *function_filtered;
  GtkCustomFilter    *function_filter;
  GtkSingleSelection *function_selection;
  char               *search_folded;

  /* template children */
  GtkStack           *stack;
  GtkStack           *pages;
  GtkLabel           *summary_label;
  GtkColumnView      *stacks_view;
  GtkColumnView      *calls_view;
  GtkListView        *functions_view;
  GtkSearchEntry     *search_entry;
  GtkStack           *calls_stack;
  GtkLabel           *function_label;

  guint               syncing : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HearthPapyrusView, hearth_papyrus_view, GTK_TYPE_WIDGET)

static const HearthPapyrusStack *
item_get_stack (HearthPapyrusView *self,
                gpointer           item)
{
  guint index = hearth_index_item_get_index (HEARTH_INDEX_ITEM (item));

  if (self->calls == NULL || index >= hearth_papyrus_calls_get_n_stacks (self->calls))
    return NULL;
  return hearth_papyrus_calls_get_stack (self->calls, index);
}

static const HearthPapyrusCall *
item_get_call (HearthPapyrusView *self,
               gpointer           item)
{
  guint index = hearth_index_item_get_index (HEARTH_INDEX_ITEM (item));

  if (self->calls == NULL || index >= hearth_papyrus_calls_get_n_calls (self->calls))
    return NULL;
  return hearth_papyrus_calls_get_call (self->calls, index);
}

/* Values: NAN when missing */

static double
time_value (gint64 time)
{
  return time == HEARTH_PAPYRUS_NO_TIME ? NAN : (double) time;
}

static double
call_get_total_ms (const HearthPapyrusCall *call)
{
  double run = hearth_papyrus_call_get_run_ms (call);
  double wait = hearth_papyrus_call_get_queue_wait_ms (call);

  if (isnan (run))
    return NAN;
  return run + (isnan (wait) ? 0 : wait);
}

static double
call_get_value (const HearthPapyrusCall *call,
                CallCell                 cell)
{
  switch (cell)
    {
    case CALL_STACK:
      return (double) call->stack_id;
    case CALL_OBJECT:
      return 0;
    case CALL_QUEUE_PUSH:
      return time_value (call->queue_push);
    case CALL_PUSH:
      return time_value (call->push);
    case CALL_QUEUE_POP:
      return time_value (call->queue_pop);
    case CALL_POP:
      return time_value (call->pop);
    case CALL_QUEUE_WAIT:
      return hearth_papyrus_call_get_queue_wait_ms (call);
    case CALL_RUN:
      return hearth_papyrus_call_get_run_ms (call);
    case CALL_TOTAL:
      return call_get_total_ms (call);
    case N_CALL_CELLS:
    default:
      return NAN;
    }
}

static double
stack_get_value (const HearthPapyrusStack *stack,
                 StackCell                 cell)
{
  switch (cell)
    {
    case STACK_ID:
      return (double) stack->stack_id;
    case STACK_FIRST:
      return (double) stack->first;
    case STACK_LAST:
      return (double) stack->last;
    case STACK_DURATION:
      return (double) (stack->last - stack->first);
    case STACK_CALLS:
      return stack->n_calls;
    case N_STACK_CELLS:
    default:
      return NAN;
    }
}

/* Why a phase is missing, for the "—" tooltip */
static const char *
call_dup_missing_reason (const HearthPapyrusCall *call,
                         CallCell                 cell)
{
  switch (cell)
    {
    case CALL_QUEUE_PUSH:
    case CALL_QUEUE_WAIT:
      if (call->flags & HEARTH_PAPYRUS_CALL_NEVER_STARTED)
        return _("Queued but never started in the capture");
      if (call->flags & HEARTH_PAPYRUS_CALL_STARTED_BEFORE)
        return _("Started before the capture");
      return _("Not queued: the call started at once");

    case CALL_PUSH:
      if (call->flags & HEARTH_PAPYRUS_CALL_NEVER_STARTED)
        return _("Queued but never started in the capture");
      return _("Started before the capture");

    case CALL_QUEUE_POP:
      return _("No queued return: the call returned at once");

    case CALL_POP:
    case CALL_RUN:
    case CALL_TOTAL:
      if (call->flags & HEARTH_PAPYRUS_CALL_NEVER_STARTED)
        return _("Queued but never started in the capture");
      if (call->flags & HEARTH_PAPYRUS_CALL_STILL_RUNNING)
        return _("Still running at the end of the capture");
      if (call->flags & HEARTH_PAPYRUS_CALL_TRUNCATED)
        return _("Ended without a POP: closed by a later event on its stack");
      return _("Not in the capture");

    case CALL_STACK:
    case CALL_OBJECT:
    case N_CALL_CELLS:
    default:
      return NULL;
    }
}

/* Sorting: missing values sort below every value */

static int
compare_values (double a,
                double b)
{
  if (isnan (a) || isnan (b))
    return (!isnan (a)) - (!isnan (b));
  if (a != b)
    return a < b ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

static int
hearth_papyrus_view_compare (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  const ColumnInfo *info = user_data;
  HearthPapyrusView *self = info->self;

  if (info->calls)
    {
      const HearthPapyrusCall *ca = item_get_call (self, (gpointer) a);
      const HearthPapyrusCall *cb = item_get_call (self, (gpointer) b);

      if (ca == NULL || cb == NULL)
        return (ca != NULL) - (cb != NULL);
      if (info->cell == CALL_OBJECT)
        {
          int cmp = g_ascii_strcasecmp (ca->object, cb->object);

          return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
        }
      return compare_values (call_get_value (ca, info->cell), call_get_value (cb, info->cell));
    }
  else
    {
      const HearthPapyrusStack *sa = item_get_stack (self, (gpointer) a);
      const HearthPapyrusStack *sb = item_get_stack (self, (gpointer) b);

      if (sa == NULL || sb == NULL)
        return (sa != NULL) - (sb != NULL);
      return compare_values (stack_get_value (sa, info->cell), stack_get_value (sb, info->cell));
    }
}

/* Cells */

static char *
format_int (double value)
{
  return hearth_format_ms (value, 0);
}

static char *
format_duration (double ms)
{
  g_autofree char *number = hearth_format_ms (ms, 0);

  return g_strconcat (number, " ms", NULL);
}

static void
hearth_papyrus_view_render_call (HearthPapyrusView       *self,
                                 const HearthPapyrusCall *call,
                                 CallCell                 cell,
                                 GtkWidget               *label)
{
  double value = call_get_value (call, cell);
  g_autofree char *text = NULL;
  const char *tooltip = NULL;

  if (cell == CALL_OBJECT)
    {
      text = g_strdup (call->object);
      tooltip = call->object;
    }
  else if (isnan (value))
    {
      text = g_strdup ("—");
      tooltip = call_dup_missing_reason (call, cell);
    }
  else if (cell == CALL_STACK)
    {
      text = g_strdup_printf ("%" G_GUINT64_FORMAT, call->stack_id);
    }
  else if (cell <= CALL_POP)
    {
      text = format_int (value);
    }
  else
    {
      g_autofree char *duration = format_duration (value);

      /* the run of a call already running when logging began (or still
       * running when it ended) is a lower bound */
      if ((cell == CALL_RUN || cell == CALL_TOTAL) &&
          (call->flags & (HEARTH_PAPYRUS_CALL_STARTED_BEFORE | HEARTH_PAPYRUS_CALL_STILL_RUNNING)))
        {
          text = g_strconcat ("≥ ", duration, NULL);
          tooltip = (call->flags & HEARTH_PAPYRUS_CALL_STARTED_BEFORE)
                    ? _("At least: started before the capture")
                    : _("At least: still running at the end of the capture");
        }
      else
        {
          text = g_steal_pointer (&duration);
        }
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

static void
hearth_papyrus_view_render_stack (HearthPapyrusView        *self,
                                  const HearthPapyrusStack *stack,
                                  StackCell                 cell,
                                  GtkWidget                *label)
{
  g_autofree char *text = NULL;

  switch (cell)
    {
    case STACK_ID:
      text = g_strdup_printf ("%" G_GUINT64_FORMAT, stack->stack_id);
      break;
    case STACK_FIRST:
    case STACK_LAST:
    case STACK_CALLS:
      text = format_int (stack_get_value (stack, cell));
      break;
    case STACK_DURATION:
      text = format_duration (stack_get_value (stack, cell));
      break;
    case N_STACK_CELLS:
    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
}

static void
hearth_papyrus_view_setup_cb (GtkSignalListItemFactory *factory,
                              GObject                  *object,
                              ColumnInfo               *info)
{
  GtkWidget *label = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (label), 5);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (label), 9);
  if (info->calls && info->cell == CALL_OBJECT)
    {
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
    }
  else
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  gtk_list_item_set_child (GTK_LIST_ITEM (object), label);
}

static void
hearth_papyrus_view_bind_cb (GtkSignalListItemFactory *factory,
                             GObject                  *object,
                             ColumnInfo               *info)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (item == NULL || label == NULL)
    return;

  if (info->calls)
    {
      const HearthPapyrusCall *call = item_get_call (info->self, item);

      if (call != NULL)
        hearth_papyrus_view_render_call (info->self, call, info->cell, label);
    }
  else
    {
      const HearthPapyrusStack *stack = item_get_stack (info->self, item);

      if (stack != NULL)
        hearth_papyrus_view_render_stack (info->self, stack, info->cell, label);
    }
}

static GtkColumnViewColumn *
hearth_papyrus_view_add_column (HearthPapyrusView *self,
                                gboolean           calls,
                                guint              cell,
                                const char        *title,
                                int                width)
{
  GtkColumnView *view = calls ? self->calls_view : self->stacks_view;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkCustomSorter *sorter;
  ColumnInfo *info = g_new0 (ColumnInfo, 1);

  info->self = self;
  info->calls = calls;
  info->cell = cell;

  /* the factory owns the info; the sorter borrows it */
  g_object_set_data_full (G_OBJECT (factory), "hearth-column", info, g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (hearth_papyrus_view_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (hearth_papyrus_view_bind_cb), info);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = gtk_custom_sorter_new (hearth_papyrus_view_compare, info, NULL);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (view, column);

  return column;
}

/* Functions list */

static void
hearth_papyrus_view_function_setup_cb (GtkSignalListItemFactory *factory,
                                       GObject                  *object,
                                       HearthPapyrusView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_inscription_new (NULL);
  GtkWidget *count = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (name), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_MIDDLE);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (name), 10);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (name), 30);
  gtk_widget_set_hexpand (name, TRUE);
  /* one line, ellipsized: a taller row must not make it wrap */
  gtk_widget_set_valign (name, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (count), 1.0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (count), 3);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (count), 5);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (GTK_LIST_ITEM (object), box);
}

static void
hearth_papyrus_view_function_bind_cb (GtkSignalListItemFactory *factory,
                                      GObject                  *object,
                                      HearthPapyrusView        *self)
{
  GtkListItem *list_item = GTK_LIST_ITEM (object);
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  guint function;
  g_autofree char *count_text = NULL;
  g_autofree char *tooltip = NULL;

  if (item == NULL || self->profile == NULL)
    return;

  function = hearth_index_item_get_index (HEARTH_INDEX_ITEM (item));
  count_text = g_strdup_printf ("%u", self->n_function_calls[function]);
  tooltip = g_strdup_printf (g_dngettext (NULL, "%s\n%u call", "%s\n%u calls", self->n_function_calls[function]),
                             hearth_profile_function_get_name (self->profile, function),
                             self->n_function_calls[function]);
  gtk_inscription_set_text (GTK_INSCRIPTION (name), hearth_profile_function_get_name (self->profile, function));
  gtk_inscription_set_text (GTK_INSCRIPTION (count), count_text);
  gtk_widget_set_tooltip_text (box, tooltip);
}

static gboolean
hearth_papyrus_view_function_filter (gpointer item,
                                     gpointer user_data)
{
  HearthPapyrusView *self = user_data;
  g_autofree char *folded = NULL;

  if (self->search_folded == NULL || self->profile == NULL)
    return TRUE;

  folded = g_utf8_casefold (hearth_profile_function_get_name (self->profile,
                                                              hearth_index_item_get_index (HEARTH_INDEX_ITEM (item))), -1);
  return strstr (folded, self->search_folded) != NULL;
}

static void
hearth_papyrus_view_search_changed_cb (HearthPapyrusView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search_folded, g_free);
  if (stripped[0] != '\0')
    self->search_folded = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->function_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The selected function's calls */

static void
hearth_papyrus_view_show_function (HearthPapyrusView *self,
                                   guint              function)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = 0;

  if (self->calls == NULL || self->profile == NULL ||
      function >= hearth_profile_get_n_functions (self->profile) ||
      self->n_function_calls[function] == 0)
    function = HEARTH_NO_INDEX;

  self->function = function;

  if (function != HEARTH_NO_INDEX)
    {
      g_autofree char *title = NULL;

      /* in file order */
      for (guint i = 0; i < hearth_papyrus_calls_get_n_calls (self->calls); i++)
        if (self->call_function[i] == function)
          g_ptr_array_add (items, hearth_index_item_new (i));
      n = items->len;

      title = g_strdup_printf (g_dngettext (NULL, "%s — %u call", "%s — %u calls", n),
                               hearth_profile_function_get_name (self->profile, function), n);
      gtk_label_set_label (self->function_label, title);
    }

  g_list_store_splice (self->call_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->call_store)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->calls_stack, function != HEARTH_NO_INDEX ? "calls" : "none");

  /* the list follows */
  {
    GListModel *model = G_LIST_MODEL (self->function_selection);
    guint position = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; function != HEARTH_NO_INDEX && i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(HearthIndexItem) item = g_list_model_get_item (model, i);

        if (hearth_index_item_get_index (item) == function)
          {
            position = i;
            break;
          }
      }

    self->syncing = TRUE;
    gtk_single_selection_set_selected (self->function_selection, position);
    self->syncing = FALSE;
  }
}

static void
hearth_papyrus_view_function_selected_cb (HearthPapyrusView *self)
{
  HearthIndexItem *item;
  guint function;

  if (self->syncing)
    return;

  item = gtk_single_selection_get_selected_item (self->function_selection);
  if (item == NULL)
    return;

  function = hearth_index_item_get_index (item);
  if (self->document != NULL)
    hearth_document_set_selected_function (self->document, function);
  if (self->function != function)
    hearth_papyrus_view_show_function (self, function);
}

static void
hearth_papyrus_view_document_selected_cb (HearthPapyrusView *self)
{
  guint function = hearth_document_get_selected_function (self->document);

  /* a selection that is not a Papyrus function (a stack label) keeps the
   * calls shown */
  if (self->n_function_calls != NULL && self->profile != NULL &&
      function < hearth_profile_get_n_functions (self->profile) &&
      self->n_function_calls[function] > 0)
    hearth_papyrus_view_show_function (self, function);
}

static int
compare_function_names (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  HearthProfile *profile = user_data;
  HearthIndexItem *ia = *(HearthIndexItem **) a;
  HearthIndexItem *ib = *(HearthIndexItem **) b;

  return g_ascii_strcasecmp (hearth_profile_function_get_name (profile, hearth_index_item_get_index (ia)),
                             hearth_profile_function_get_name (profile, hearth_index_item_get_index (ib)));
}

static void
hearth_papyrus_view_rebuild (HearthPapyrusView *self)
{
  HearthProfile *profile = self->document ? hearth_document_get_profile (self->document) : NULL;
  g_autoptr(GPtrArray) stacks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) functions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;

  g_set_object (&self->profile, profile);
  self->calls = profile ? hearth_papyrus_calls_get_for_profile (profile) : NULL;
  g_clear_pointer (&self->n_function_calls, g_free);
  g_clear_pointer (&self->call_function, g_free);
  self->function = HEARTH_NO_INDEX;

  if (self->calls != NULL)
    {
      guint n_functions = hearth_profile_get_n_functions (profile);
      guint n_calls = hearth_papyrus_calls_get_n_calls (self->calls);
      guint n_stacks = hearth_papyrus_calls_get_n_stacks (self->calls);
      g_autofree char *stacks_text = NULL;
      g_autofree char *calls_text = NULL;

      g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      /* A QUEUE_PUSH that no PUSH matched has no profile function: it
       * belongs to the function of the same script and name (compared
       * without case, as the reader pairs them) */
      self->n_function_calls = g_new0 (guint, MAX (n_functions, 1));
      self->call_function = g_new (guint32, MAX (n_calls, 1));
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < n_calls; i++)
          {
            const HearthPapyrusCall *call = hearth_papyrus_calls_get_call (self->calls, i);
            g_autofree char *key = g_ascii_strdown (call->script, -1);
            g_autofree char *name = g_ascii_strdown (call->name, -1);
            char *full = g_strconcat (key, ".", name, NULL);

            if (pass == 0 && call->function < n_functions)
              {
                self->call_function[i] = call->function;
                if (!g_hash_table_contains (by_name, full))
                  {
                    g_hash_table_insert (by_name, full, GUINT_TO_POINTER (call->function));
                    full = NULL;
                  }
              }
            else if (pass == 1 && call->function >= n_functions)
              {
                gpointer value;

                self->call_function[i] = g_hash_table_lookup_extended (by_name, full, NULL, &value)
                                         ? GPOINTER_TO_UINT (value) : HEARTH_NO_INDEX;
              }
            g_free (full);
          }
      for (guint i = 0; i < n_calls; i++)
        if (self->call_function[i] < n_functions)
          self->n_function_calls[self->call_function[i]]++;
      for (guint f = 0; f < n_functions; f++)
        if (self->n_function_calls[f] > 0)
          g_ptr_array_add (functions, hearth_index_item_new (f));
      g_ptr_array_sort_with_data (functions, compare_function_names, profile);

      for (guint i = 0; i < n_stacks; i++)
        g_ptr_array_add (stacks, hearth_index_item_new (i));

      stacks_text = g_strdup_printf (g_dngettext (NULL, "%u stack", "%u stacks", n_stacks), n_stacks);
      calls_text = g_strdup_printf (g_dngettext (NULL, "%u call", "%u calls", n_calls), n_calls);
      summary = g_strdup_printf ("%s · %s", stacks_text, calls_text);
    }

  gtk_label_set_label (self->summary_label, summary);

  g_list_store_splice (self->stack_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stack_store)),
                       stacks->pdata, stacks->len);
  self->syncing = TRUE;
  g_list_store_splice (self->function_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->function_store)),
                       functions->pdata, functions->len);
  self->syncing = FALSE;

  hearth_papyrus_view_show_function (self, self->document ? hearth_document_get_selected_function (self->document)
                                                          : HEARTH_NO_INDEX);

  gtk_stack_set_visible_child_name (self->stack, self->calls != NULL ? "tables" : "empty");
}

/* GObject */

static void
hearth_papyrus_view_dispose (GObject *object)
{
  HearthPapyrusView *self = HEARTH_PAPYRUS_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  if (self->stacks_view != NULL)
    gtk_column_view_set_model (self->stacks_view, NULL);
  if (self->calls_view != NULL)
    gtk_column_view_set_model (self->calls_view, NULL);
  if (self->functions_view != NULL)
    gtk_list_view_set_model (self->functions_view, NULL);
  if (self->function_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->function_selection, self);
  if (self->function_filter != NULL)
    gtk_custom_filter_set_filter_func (self->function_filter, NULL, NULL, NULL);
  g_clear_object (&self->function_selection);
  g_clear_object (&self->function_filtered);
  g_clear_object (&self->function_filter);
  g_clear_object (&self->stack_sorted);
  g_clear_object (&self->call_sorted);
  g_clear_object (&self->stack_store);
  g_clear_object (&self->call_store);
  g_clear_object (&self->function_store);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARTH_TYPE_PAPYRUS_VIEW);

  self->calls = NULL;
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (hearth_papyrus_view_parent_class)->dispose (object);
}

static void
hearth_papyrus_view_finalize (GObject *object)
{
  HearthPapyrusView *self = HEARTH_PAPYRUS_VIEW (object);

  g_clear_pointer (&self->n_function_calls, g_free);
  g_clear_pointer (&self->call_function, g_free);
  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (hearth_papyrus_view_parent_class)->finalize (object);
}

static void
hearth_papyrus_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearthPapyrusView *self = HEARTH_PAPYRUS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_papyrus_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HearthPapyrusView *self = HEARTH_PAPYRUS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      hearth_papyrus_view_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearth_papyrus_view_class_init (HearthPapyrusViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearth_papyrus_view_dispose;
  object_class->finalize = hearth_papyrus_view_finalize;
  object_class->get_property = hearth_papyrus_view_get_property;
  object_class->set_property = hearth_papyrus_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         HEARTH_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/hearthprof/Hearth/hearth-papyrus-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, stack);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, pages);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, stacks_view);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, calls_view);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, functions_view);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, calls_stack);
  gtk_widget_class_bind_template_child (widget_class, HearthPapyrusView, function_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "papyrus");
}

static void
hearth_papyrus_view_init (HearthPapyrusView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkSingleSelection *selection;

  self->function = HEARTH_NO_INDEX;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Stack Timings */
  /* unsorted until the user picks a column: stacks in first-seen order,
   * calls in file order, as in the log */
  hearth_papyrus_view_add_column (self, FALSE, STACK_ID, _("Stack"), 110);
  hearth_papyrus_view_add_column (self, FALSE, STACK_FIRST, _("First"), 110);
  hearth_papyrus_view_add_column (self, FALSE, STACK_LAST, _("Last"), 110);
  hearth_papyrus_view_add_column (self, FALSE, STACK_DURATION, _("Duration"), 120);
  hearth_papyrus_view_add_column (self, FALSE, STACK_CALLS, _("Calls"), 80);

  self->stack_store = g_list_store_new (HEARTH_TYPE_INDEX_ITEM);
  self->stack_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->stack_store)),
                                                g_object_ref (gtk_column_view_get_sorter (self->stacks_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->stack_sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->stacks_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Function Calls; the phase columns keep the log's names */
  hearth_papyrus_view_add_column (self, TRUE, CALL_STACK, _("Stack"), 70);
  hearth_papyrus_view_add_column (self, TRUE, CALL_OBJECT, _("Object"), 140);
  hearth_papyrus_view_add_column (self, TRUE, CALL_QUEUE_PUSH, "QUEUE_PUSH", 100);
  hearth_papyrus_view_add_column (self, TRUE, CALL_PUSH, "PUSH", 75);
  hearth_papyrus_view_add_column (self, TRUE, CALL_QUEUE_POP, "QUEUE_POP", 95);
  hearth_papyrus_view_add_column (self, TRUE, CALL_POP, "POP", 75);
  hearth_papyrus_view_add_column (self, TRUE, CALL_QUEUE_WAIT, _("Queue Wait"), 95);
  hearth_papyrus_view_add_column (self, TRUE, CALL_RUN, _("Run"), 90);
  hearth_papyrus_view_add_column (self, TRUE, CALL_TOTAL, _("Total"), 90);

  self->call_store = g_list_store_new (HEARTH_TYPE_INDEX_ITEM);
  self->call_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->call_store)),
                                               g_object_ref (gtk_column_view_get_sorter (self->calls_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->call_sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->calls_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Functions */
  self->function_store = g_list_store_new (HEARTH_TYPE_INDEX_ITEM);
  self->function_filter = gtk_custom_filter_new (hearth_papyrus_view_function_filter, self, NULL);
  self->function_filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->function_store)),
                                                       GTK_FILTER (g_object_ref (self->function_filter)));
  self->function_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->function_filtered)));
  gtk_single_selection_set_autoselect (self->function_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->function_selection, TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (hearth_papyrus_view_function_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (hearth_papyrus_view_function_bind_cb), self);
  gtk_list_view_set_factory (self->functions_view, factory);
  gtk_list_view_set_model (self->functions_view, GTK_SELECTION_MODEL (self->function_selection));
  g_signal_connect_swapped (self->function_selection, "notify::selected",
                            G_CALLBACK (hearth_papyrus_view_function_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (hearth_papyrus_view_search_changed_cb), self);
}

GtkWidget *
hearth_papyrus_view_new (void)
{
  return g_object_new (HEARTH_TYPE_PAPYRUS_VIEW, NULL);
}

/**
 * hearth_papyrus_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document
 */
HearthDocument *
hearth_papyrus_view_get_document (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return self->document;
}

void
hearth_papyrus_view_set_document (HearthPapyrusView *self,
                                  HearthDocument    *document)
{
  g_return_if_fail (HEARTH_IS_PAPYRUS_VIEW (self));
  g_return_if_fail (!document || HEARTH_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::profile",
                               G_CALLBACK (hearth_papyrus_view_rebuild),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::selected-function",
                               G_CALLBACK (hearth_papyrus_view_document_selected_cb),
                               self, G_CONNECT_SWAPPED);
    }

  hearth_papyrus_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * hearth_papyrus_view_get_page:
 *
 * Returns: "stack-timings" or "function-calls"
 */
const char *
hearth_papyrus_view_get_page (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->pages);
}

void
hearth_papyrus_view_set_page (HearthPapyrusView *self,
                              const char        *page)
{
  g_return_if_fail (HEARTH_IS_PAPYRUS_VIEW (self));
  g_return_if_fail (g_strcmp0 (page, "stack-timings") == 0 || g_strcmp0 (page, "function-calls") == 0);

  gtk_stack_set_visible_child_name (self->pages, page);
}

GtkColumnView *
hearth_papyrus_view_get_stacks_view (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return self->stacks_view;
}

GtkColumnView *
hearth_papyrus_view_get_calls_view (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return self->calls_view;
}

/**
 * hearth_papyrus_view_get_functions:
 *
 * Returns: (transfer none): the functions list as shown (search applied),
 *   #HearthIndexItem of function ids
 */
GListModel *
hearth_papyrus_view_get_functions (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return G_LIST_MODEL (self->function_selection);
}

static void
add_time_field (HearthCsvWriter *writer,
                double           value)
{
  if (isnan (value))
    hearth_csv_writer_add_empty (writer);
  else
    hearth_csv_writer_add_number (writer, value, 0);
}

/**
 * hearth_papyrus_view_dup_table:
 * @separator: ',' for CSV, '\t' for TSV
 *
 * The visible table as shown (sort order included), log times in ms:
 *
 * - Stack Timings: `stack_id,first,last,duration_ms,calls`;
 * - Function Calls: `stack_id,object,queue_push,push,queue_pop,pop,queue_wait_ms,run_ms,total_ms`
 *   for the selected function; a missing phase is an empty cell.
 *
 * Returns: (transfer full): the table
 */
char *
hearth_papyrus_view_dup_table (HearthPapyrusView *self,
                               char               separator)
{
  static const char * const stack_header[] = { "stack_id", "first", "last", "duration_ms", "calls" };
  static const char * const call_header[] = {
    "stack_id", "object", "queue_push", "push", "queue_pop", "pop", "queue_wait_ms", "run_ms", "total_ms",
  };
  g_autoptr(HearthCsvWriter) writer = NULL;
  gboolean calls;
  GListModel *model;

  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  calls = g_strcmp0 (hearth_papyrus_view_get_page (self), "function-calls") == 0;
  writer = hearth_csv_writer_new (separator);
  if (calls)
    for (guint i = 0; i < G_N_ELEMENTS (call_header); i++)
      hearth_csv_writer_add_field (writer, call_header[i]);
  else
    for (guint i = 0; i < G_N_ELEMENTS (stack_header); i++)
      hearth_csv_writer_add_field (writer, stack_header[i]);
  hearth_csv_writer_end_row (writer);

  model = G_LIST_MODEL (calls ? self->call_sorted : self->stack_sorted);
  for (guint i = 0; self->calls != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (calls)
        {
          const HearthPapyrusCall *call = item_get_call (self, item);
          g_autofree char *stack = NULL;

          if (call == NULL)
            continue;
          stack = g_strdup_printf ("%" G_GUINT64_FORMAT, call->stack_id);
          hearth_csv_writer_add_field (writer, stack);
          hearth_csv_writer_add_field (writer, call->object);
          for (guint c = CALL_QUEUE_PUSH; c < N_CALL_CELLS; c++)
            add_time_field (writer, call_get_value (call, c));
        }
      else
        {
          const HearthPapyrusStack *row = item_get_stack (self, item);
          g_autofree char *stack = NULL;

          if (row == NULL)
            continue;
          stack = g_strdup_printf ("%" G_GUINT64_FORMAT, row->stack_id);
          hearth_csv_writer_add_field (writer, stack);
          for (guint c = STACK_FIRST; c < N_STACK_CELLS; c++)
            add_time_field (writer, stack_get_value (row, c));
        }
      hearth_csv_writer_end_row (writer);
    }

  return hearth_csv_writer_free_to_string (g_steal_pointer (&writer));
}

/**
 * hearth_papyrus_view_get_table_name:
 *
 * Returns: "stack-timings" or "function-calls", the base of exported file
 *   names (`<capture>_<table>.csv`)
 */
const char *
hearth_papyrus_view_get_table_name (HearthPapyrusView *self)
{
  g_return_val_if_fail (HEARTH_IS_PAPYRUS_VIEW (self), NULL);

  return g_strcmp0 (hearth_papyrus_view_get_page (self), "function-calls") == 0
         ? "function-calls" : "stack-timings";
}
